/**
 * Every file of content/ opened in the editor and saved unchanged: Keystatic's own field functions
 * (parse, validate, serialize, as its interface runs them) read and write it, then the server tidies
 * and merges the result as it does for a real save. Nothing may refuse the form, and the file must
 * come back byte for byte: a form that demands what the schema leaves optional blocks every save
 * of that file, and one that fills in a default changes published facts nobody edited.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import keystaticConfig from '../../keystatic.config';
import { problemsAfter, tidyUpdate } from './save';

const dir = path.resolve('content');

type FormField = {
  kind: 'form';
  formKind?: string;
  parse: (value: unknown, extra?: { slug?: string; asset?: Uint8Array }) => unknown;
  validate: (value: unknown) => unknown;
  serialize: (value: unknown, extra?: { slug?: string }) => { value: unknown };
  serializeWithSlug?: (value: unknown) => { value: unknown };
};
type Field =
  FormField | { kind: 'object'; fields: Record<string, Field> } | { kind: 'array'; element: Field };

/** What the editor writes for `value` after opening it, as Keystatic's serializeProps does. */
function reserialize(field: Field, value: unknown, photoDir: string): unknown {
  if (field.kind === 'object') {
    const v = (value ?? {}) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(field.fields)
        .map(([k, f]) => [k, reserialize(f, v[k], photoDir)] as const)
        .filter(([, x]) => x !== undefined),
    );
  }
  if (field.kind === 'array')
    return ((value ?? []) as unknown[]).map((v) => reserialize(field.element, v, photoDir) ?? null);
  const asset =
    field.formKind === 'asset' && typeof value === 'string'
      ? readFileSync(path.join(photoDir, value))
      : undefined;
  const state = field.validate(field.parse(value, asset ? { asset } : undefined));
  return field.serialize(state, {}).value;
}

function entries(): [string, Record<string, Field>, string | undefined][] {
  const { singletons, collections } = keystaticConfig as unknown as {
    singletons: Record<string, { path: string; schema: Record<string, Field> }>;
    collections: Record<string, { path: string; slugField: string; schema: Record<string, Field> }>;
  };
  const out: [string, Record<string, Field>, string | undefined][] = [];
  for (const s of Object.values(singletons)) out.push([`${s.path}.yaml`, s.schema, undefined]);
  for (const c of Object.values(collections)) {
    const [parent, rest] = c.path.split('/*');
    for (const slug of readdirSync(path.join(dir, parent)).sort()) {
      const file = `${parent}/${slug.replace(/\.yaml$/, '')}${rest}.yaml`;
      out.push([file, c.schema, c.slugField]);
    }
  }
  return out;
}

describe('a file opened in the editor and saved unchanged', () => {
  it.each(entries())('%s comes back byte for byte', (file, schema, slugField) => {
    const original = readFileSync(path.join(dir, file), 'utf8');
    const value = parse(original) as Record<string, unknown>;
    const slug = slugField ? file.split('/')[1].replace(/\.yaml$/, '') : undefined;
    const written = Object.fromEntries(
      Object.entries(schema)
        .map(([k, f]): [string, unknown] => {
          if (k !== slugField)
            return [k, reserialize(f, value[k], path.dirname(path.join(dir, file)))];
          const form = f as FormField;
          return [k, form.serializeWithSlug!(form.parse(value[k], { slug })).value];
        })
        .filter(([, x]) => x !== undefined),
    );
    const update = {
      additions: [{ path: file, contents: Buffer.from(stringify(written)) }],
      deletions: [],
    };
    const tidy = tidyUpdate(dir, update);
    expect(problemsAfter(dir, tidy)).toEqual([]);
    expect(Buffer.from(tidy.additions[0].contents).toString('utf8')).toBe(original);
  });
});
