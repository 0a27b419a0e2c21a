import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';

// The type check knows only the Vietnamese catalogue (global.d.ts): these check that English has
// the same keys and that every message is valid ICU with the same arguments.
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The argument names an ICU message uses ({name}, {count, plural, …}). */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: object }[]) {
      if (node.type !== 0 && node.type !== 7 && node.value) names.add(node.value);
      for (const o of Object.values(node.options ?? {}) as { value: unknown[] }[]) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

describe('message catalogues', () => {
  const viMessages = leaves(vi);
  const enMessages = leaves(en);

  it('have the same keys in both languages', () => {
    expect([...enMessages.keys()].sort()).toEqual([...viMessages.keys()].sort());
  });

  it('are valid ICU messages taking the same arguments in both languages', () => {
    for (const [key, message] of viMessages) {
      expect(argumentsOf(enMessages.get(key)!, 'en'), key).toEqual(argumentsOf(message, 'vi'));
    }
  });

  it('count with ICU plurals, not with a hand-made second message', () => {
    const results = new IntlMessageFormat(enMessages.get('search.results')!, 'en');
    expect(results.format({ count: 1 })).toBe('1 result');
    expect(results.format({ count: 3 })).toBe('3 results');
  });
});
