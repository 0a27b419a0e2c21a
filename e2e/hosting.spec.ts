import { expect, test } from '@playwright/test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { rawGet, type RawResponse } from './raw-http';
import { content } from './support';
import { gs1Path, procedureShortPath, productShortPath } from '../lib/links';

/**
 * The site as hosted: the same checks run against `npm start` (project chromium), Debian's nginx
 * with the repository's configuration (project nginx) and, but for the file-serving group, the
 * server mode (project server). Requests go out byte for byte on a socket, so hostile paths
 * reach the server as an attacker would send them.
 */

const procedure = content.procedures.find((p) => p.code === '1.001193') ?? content.procedures[0];
const product = content.products[0];
const page = `/vi/thu-tuc/${procedure.code}/`;

/**
 * What every answer must carry, written from the requirements, not from our code. nginx
 * sends its add_header lines twice on a 416 (the range filter finishes the response a second
 * time): identical copies mean the same to a browser, so a header may repeat but never differ.
 */
function expectSiteHeaders(r: RawResponse, what: string) {
  for (const [name, values] of Object.entries(r.repeated))
    expect(new Set(values).size, `${what}: ${name} sent with different values`).toBe(1);
  const h = r.headers;
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${what}: CSP`).toMatch(/(^|;)\s*default-src 'self'(;|$)/);
  expect(csp, `${what}: CSP scripts`).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
  expect(csp, `${what}: CSP styles`).toMatch(/(^|;)\s*style-src 'self'(;|$)/);
  expect(csp, `${what}: CSP framing`).toMatch(/(^|;)\s*frame-ancestors 'none'(;|$)/);
  expect(csp, `${what}: no unsafe-inline`).not.toContain('unsafe-inline');
  const hsts = /max-age=(\d+)/.exec(h['strict-transport-security'] ?? '');
  expect(Number(hsts?.[1] ?? 0), `${what}: HSTS of at least a year`).toBeGreaterThanOrEqual(
    31536000,
  );
  expect(h['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(h['referrer-policy'], `${what}: Referrer-Policy`).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], `${what}: Permissions-Policy`).toMatch(/camera=\(\)/);
}

/** A redirect that stays on this host: a path with one leading slash, or this origin. */
function expectLocalRedirect(r: RawResponse, baseURL: string, what: string) {
  const location = r.headers['location'] ?? '';
  const target = new URL(location, baseURL);
  expect(target.origin, `${what}: redirects off the site (${location})`).toBe(
    new URL(baseURL).origin,
  );
  expect(location, `${what}: protocol-relative or backslash Location`).not.toMatch(
    /^(\/\/|\/\\|\\)/,
  );
}

test.describe('hostile requests get safe answers', () => {
  // The audit's findings and the usual traversal forms. package.json sits just outside out/.
  const hostile = [
    '/%0d%0a%2F..%2Fvi',
    '/%C4%91%2F..%2Fvi',
    '/%2Fevil.com%2F..%2Fvi',
    '//evil.com/%2e%2e/vi',
    '/%5Cevil.com',
    '/..%2fpackage.json',
    '/..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/vi/..%2f..%2fpackage.json',
    '/..%5cpackage.json',
    '/vi/%00/',
    '/vi%00.html',
    '/%',
    '/%zz/',
    `/${'a'.repeat(16 * 1024)}`,
    `/vi/?q=${'%C4%91'.repeat(2700)}`,
  ];

  test('each answers without leaking files or leaving the site, and the server keeps answering', async ({
    baseURL,
  }) => {
    for (const target of hostile) {
      const what = target.slice(0, 60);
      const r = await rawGet(baseURL!, target);
      expect(r.status, `${what}: status`).toBeLessThan(500);
      expect(r.body.toString('latin1'), `${what}: a file outside the export`).not.toMatch(
        /cong-thong-tin-qr-phuong|root:x:0:0/,
      );
      if (r.status >= 300 && r.status < 400) expectLocalRedirect(r, baseURL!, what);
      expectSiteHeaders(r, what);
      const after = await rawGet(baseURL!, '/vi/');
      expect(after.status, `the server still answers after ${what}`).toBe(200);
    }
  });
});

test.describe('serving files', () => {
  test('compression follows Accept-Encoding, q-values included, and Vary is always sent', async ({
    baseURL,
  }) => {
    const plain = await rawGet(baseURL!, page, { 'Accept-Encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    const cases: [string, string | undefined][] = [
      ['br, gzip', 'br'],
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0', undefined],
    ];
    for (const [accept, expected] of cases) {
      const r = await rawGet(baseURL!, page, { 'Accept-Encoding': accept });
      expect(r.status, accept).toBe(200);
      expect(r.headers['content-encoding'], accept).toBe(expected);
      expect(r.headers['vary'], accept).toMatch(/accept-encoding/i);
      const body =
        expected === 'br'
          ? brotliDecompressSync(r.body)
          : expected === 'gzip'
            ? gunzipSync(r.body)
            : r.body;
      expect(body.equals(plain.body), `${accept}: the same page once decoded`).toBe(true);
      expectSiteHeaders(r, accept);
    }
  });

  test('conditional requests answer 304 with the headers', async ({ baseURL }) => {
    const first = await rawGet(baseURL!, page, { 'Accept-Encoding': 'br' });
    const etag = first.headers['etag'];
    const modified = first.headers['last-modified'];
    expect(etag).toBeTruthy();
    expect(modified).toBeTruthy();
    const byTag = await rawGet(baseURL!, page, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expectSiteHeaders(byTag, 'If-None-Match');
    const byDate = await rawGet(baseURL!, page, {
      'Accept-Encoding': 'br',
      'If-Modified-Since': modified,
    });
    expect(byDate.status).toBe(304);
    const changed = await rawGet(baseURL!, page, { 'If-None-Match': '"not-this-one"' });
    expect(changed.status).toBe(200);
  });

  test('range requests answer the bytes asked for', async ({ baseURL }) => {
    const whole = (await rawGet(baseURL!, page)).body;
    const head = await rawGet(baseURL!, page, { Range: 'bytes=0-99' });
    expect(head.status).toBe(206);
    expect(head.headers['content-range']).toBe(`bytes 0-99/${whole.length}`);
    expect(head.body.equals(whole.subarray(0, 100))).toBe(true);
    const tail = await rawGet(baseURL!, page, { Range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(whole.subarray(whole.length - 10))).toBe(true);
    const beyond = await rawGet(baseURL!, page, { Range: `bytes=${whole.length + 10}-` });
    expect(beyond.status).toBe(416);
    expectSiteHeaders(beyond, '416');
  });

  test('folders: index pages, dotted names, a redirect for the missing slash, never a listing', async ({
    baseURL,
  }) => {
    const dotted = await rawGet(baseURL!, page);
    expect(dotted.status).toBe(200);
    expect(dotted.headers['content-type']).toMatch(/^text\/html/);
    expect(dotted.body.toString()).toContain(procedure.code);
    const bare = await rawGet(baseURL!, page.slice(0, -1) + '?from=qr');
    expect(bare.status).toBe(301);
    expect(bare.headers['location']).toBe(`${page}?from=qr`);
    for (const folder of ['/_next/', '/_next/static/', '/qr/', '/qr/T/']) {
      const r = await rawGet(baseURL!, folder);
      expect(r.status, folder).toBe(404);
      expect(r.body.toString(), `${folder}: a listing`).not.toMatch(/Index of|<a href="[^"]*T\/"/);
      expectSiteHeaders(r, folder);
    }
  });
});

// Also in the server mode, whose pages come from Next rather than files.
test.describe('cache lifetimes', () => {
  test('hashed assets are immutable; pages and downloads are cached briefly', async ({
    baseURL,
  }) => {
    const html = (await rawGet(baseURL!, '/vi/')).body.toString();
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css, 'the home page links its stylesheet').toBeTruthy();
    const asset = await rawGet(baseURL!, css!);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expectSiteHeaders(asset, css!);
    for (const path of ['/vi/', page, procedureShortPath(procedure.code), '/sitemap.xml']) {
      const r = await rawGet(baseURL!, path);
      const maxAge = Number(/max-age=(\d+)/.exec(r.headers['cache-control'] ?? '')?.[1]);
      expect(maxAge, path).toBeGreaterThan(0);
      expect(maxAge, path).toBeLessThanOrEqual(3600);
      expect(r.headers['cache-control'], path).not.toMatch(/immutable/);
    }
  });
});

test.describe('printed links answer without a redirect', () => {
  test('short links answer in any case, with the canonical page', async ({ baseURL }) => {
    const canonical = procedureShortPath(procedure.code);
    const expected = (await rawGet(baseURL!, canonical)).body;
    for (const variant of [canonical.replace('/T/', '/t/')]) {
      const r = await rawGet(baseURL!, variant);
      expect(r.status, variant).toBe(200);
      expect(r.body.equals(expected), `${variant} is ${canonical}`).toBe(true);
    }
    const productLink = productShortPath(product.shortCode);
    const productPage = (await rawGet(baseURL!, productLink)).body;
    for (const variant of [
      productLink.toLowerCase(),
      `/P/${product.shortCode.toLowerCase()}/`,
      `/p/${product.shortCode}/`,
    ]) {
      const r = await rawGet(baseURL!, variant);
      expect(r.status, variant).toBe(200);
      expect(r.body.equals(productPage), `${variant} is ${productLink}`).toBe(true);
      expectSiteHeaders(r, variant);
    }
    for (const unknown of ['/t/9.999999/', '/p/zz99/', `/t/${procedure.code}/missing`]) {
      expect((await rawGet(baseURL!, unknown)).status, unknown).toBe(404);
    }
  });

  test('GS1 Digital Links (/01/{gtin14}, no trailing slash) answer directly', async ({
    baseURL,
  }) => {
    const withGtin = content.products.filter((p) => p.gtin);
    test.skip(withGtin.length === 0, 'no product of the content has a GTIN');
    for (const p of withGtin) {
      const path = gs1Path(p.gtin!).replace(/\/$/, '');
      const r = await rawGet(baseURL!, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toMatch(/^text\/html/);
      expectSiteHeaders(r, path);
    }
  });
});

test('every page type loads completely from this host', async ({ page: tab }) => {
  const failed: string[] = [];
  tab.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  tab.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()}: ${r.status()}`);
  });
  // Not `/`: its meta refresh moves on to /vi/ while the icon may still be loading.
  const paths = [
    '/vi/',
    '/en/',
    '/vi/thu-tuc/',
    page,
    '/vi/ocop/',
    `/vi/ocop/${product.slug}/`,
    '/vi/in/',
    `/vi/in/thu-tuc/${procedure.code}/`,
    procedureShortPath(procedure.code),
    productShortPath(product.shortCode),
  ];
  for (const path of paths) {
    const response = await tab.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status(), path).toBe(200);
    await expect(tab.locator('h1').first(), path).toBeVisible();
  }
  expect(failed).toEqual([]);
});
