import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { contentDir } from '../lib/env';
import { content, serverUrl } from './support';

// Every line of the published record is a promise printed on a wall or a package: each is asked
// of the built site over HTTP, as a phone that scanned it would, in both build modes. The record is
// read as the plain text file it is (not through lib/links.ts, the code under test).
const record = readFileSync(path.join(contentDir(), 'published-links.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

/**
 * The locale page a short link must show, read from the content files' own identifiers; null for
 * a retired item's link (its page says it is gone, and only has to answer).
 */
function expectedCanonical(link: string): string | null {
  const t = /^\/T\/([^/]+)\/$/.exec(link);
  if (t) return content.procedures.some((x) => x.code === t[1]) ? `/vi/thu-tuc/${t[1]}/` : null;
  const p = /^\/P\/([^/]+)\/$/.exec(link);
  if (p) {
    const product = content.products.find((x) => x.shortCode === p[1]);
    return product ? `/vi/ocop/${product.slug}/` : null;
  }
  // A field's code is its id from fields.yaml in upper case: lower-cased by hand here.
  const l = /^\/L\/([^/]+)\/$/.exec(link);
  if (l) {
    const field = content.fields.find((x) => x.id === l[1].toLowerCase());
    return field ? `/vi/linh-vuc/${field.id}/` : null;
  }
  // A GS1 Digital Link: the GTIN as written in the product file, padded to 14 digits by hand here.
  const g = /^\/01\/(\d{14})$/.exec(link);
  if (g) {
    const product = content.products.find((x) => x.gtin?.padStart(14, '0') === g[1]);
    return product ? `/vi/ocop/${product.slug}/` : null;
  }
  throw new Error(`${link}: not a link this test knows how to check (no route serves it yet?)`);
}

async function expectAnswers(request: APIRequestContext, base: string) {
  expect(record.length).toBeGreaterThan(0);
  for (const link of record) {
    const res = await request.get(base + link, { maxRedirects: 0 });
    expect(res.status(), `${base}${link}`).toBe(200);
    const expected = expectedCanonical(link);
    if (!expected) continue;
    const html = await res.text();
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    expect(canonical, `${link}: the page's canonical link`).toMatch(
      new RegExp(`${expected.replace(/\./g, '\\.')}$`),
    );
  }
}

test('every published short link answers 200 from the static site, without a redirect', async ({
  request,
  baseURL,
}) => {
  await expectAnswers(request, baseURL!);
});

// Next would answer /T/{code}/ with a 308 to the path without its slash (it takes `.001193` for a
// file extension); scripts/portal-server.ts hands it the path without the slash itself
// (lib/server/item-step.ts). If an upgrade of Next brings the redirect back, this fails.
test('every published short link answers 200 in the server mode, without a redirect', async ({
  request,
}) => {
  await expectAnswers(request, serverUrl);
});
