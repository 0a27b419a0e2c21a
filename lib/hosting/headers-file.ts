/**
 * The `_headers` file of the export, for hosts that read one (Netlify, Cloudflare Pages): the
 * security headers on every path, and each path's Cache-Control from lib/hosting/headers.ts.
 * Those hosts join the values of a header set by two matching rules, so Cache-Control rules
 * never overlap: a folder whose files share one cache class gets one `/folder/*` rule, a mixed
 * folder a rule per file (and per page URL: `/vi/` for `/vi/index.html`).
 */
import { CACHE_CONTROL, SECURITY_HEADERS, cacheClass, type CacheClass } from './headers';

type Folder = { files: string[]; folders: Map<string, Folder> };

function tree(paths: readonly string[]): Folder {
  const root: Folder = { files: [], folders: new Map() };
  for (const p of paths) {
    const parts = p.split('/').slice(1);
    let at = root;
    for (const part of parts.slice(0, -1)) {
      if (!at.folders.has(part)) at.folders.set(part, { files: [], folders: new Map() });
      at = at.folders.get(part)!;
    }
    at.files.push(parts[parts.length - 1]);
  }
  return root;
}

function classes(folder: Folder, url: string, into = new Set<CacheClass>()): Set<CacheClass> {
  for (const f of folder.files) into.add(cacheClass(url + f));
  for (const [name, sub] of folder.folders) classes(sub, `${url}${name}/`, into);
  return into;
}

function cacheRules(folder: Folder, url: string, rules: [string, CacheClass][]) {
  const found = [...classes(folder, url)];
  if (found.length === 1) {
    rules.push([`${url}*`, found[0]]);
    return;
  }
  for (const f of folder.files) {
    const c = cacheClass(url + f);
    rules.push([url + f, c]);
    if (f === 'index.html') rules.push([url, c]);
  }
  for (const [name, sub] of folder.folders) cacheRules(sub, `${url}${name}/`, rules);
}

/** The `_headers` text for an export holding `paths` (URL paths of its files). */
export function headersFile(paths: readonly string[]): string {
  const rules: [string, CacheClass][] = [];
  cacheRules(tree(paths), '/', rules);
  const block = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const blocks = [
    '# Generated at build time from lib/hosting/headers.ts; the same rules as the nginx configuration.',
  ];
  const rootRule = rules.find(([pattern]) => pattern === '/*');
  blocks.push(
    block('/*', {
      ...SECURITY_HEADERS,
      ...(rootRule ? { 'Cache-Control': CACHE_CONTROL[rootRule[1]] } : {}),
    }),
  );
  for (const [pattern, c] of rules)
    if (pattern !== '/*') blocks.push(block(pattern, { 'Cache-Control': CACHE_CONTROL[c] }));
  return blocks.join('\n') + '\n';
}
