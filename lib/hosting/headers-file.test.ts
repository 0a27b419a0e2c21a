import { describe, expect, it } from 'vitest';
import { headersFile } from './headers-file';

/** The rules of a `_headers` text as pattern → header lines. */
function parse(text: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) rules.set(line, (current = []));
    else current!.push(line.trim());
  }
  return rules;
}

/** Netlify's matching: `*` matches anything (slashes included), the rest literally. */
const matches = (pattern: string, path: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);

describe('_headers', () => {
  const paths = [
    '/index.html',
    '/404.html',
    '/sitemap.xml',
    '/vi/index.html',
    '/vi/thu-tuc/1.001193/index.html',
    '/T/1.001193/index.html',
    '/_next/static/chunks/a1b2c3.js',
    '/_next/static/chunks/x.css',
    '/js/search-4F2A9C1B.js',
    '/js/readme.txt',
  ];
  const rules = parse(headersFile(paths));

  it('sends the security headers on every path', () => {
    const all = rules.get('/*')!;
    expect(all.some((h) => h.startsWith("Content-Security-Policy: default-src 'self'"))).toBe(true);
    expect(all).toContain('X-Content-Type-Options: nosniff');
    expect(all.some((h) => h.startsWith('Strict-Transport-Security: max-age='))).toBe(true);
  });

  it('gives each requested path exactly one Cache-Control, long only for hashed names', () => {
    const cacheOf = (path: string) =>
      [...rules]
        .filter(([pattern]) => matches(pattern, path))
        .flatMap(([, headers]) => headers.filter((h) => h.startsWith('Cache-Control:')));
    for (const path of [...paths, '/', '/vi/', '/vi/thu-tuc/1.001193/', '/T/1.001193/'])
      expect(cacheOf(path), path).toHaveLength(1);
    expect(cacheOf('/_next/static/chunks/x.css')[0]).toMatch(/immutable/);
    expect(cacheOf('/js/search-4F2A9C1B.js')[0]).toMatch(/immutable/);
    expect(cacheOf('/js/readme.txt')[0]).not.toMatch(/immutable/);
    expect(cacheOf('/vi/thu-tuc/1.001193/')[0]).toMatch(/max-age=300/);
    expect(cacheOf('/')[0]).toMatch(/max-age=300/);
  });
});
