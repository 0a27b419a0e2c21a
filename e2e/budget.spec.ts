import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { content } from './support';

/**
 * The budget of a procedure page, the page a citizen opens by scanning a code at the counter:
 * everything comes from this site (no other host, no third-party script), and the only scripts
 * are our own small modules (no framework runtime: e2e/runtime.spec.ts). The figures themselves
 * are `npm run bench`'s.
 */

/** Our own JavaScript on a page before interaction, gzipped (the budget of the issue). */
const OWN_JS_BUDGET = 10 * 1024;

type Loaded = { url: URL; type: string; gzip: number };

/** Every request of a page until the network is idle, with the gzipped size of each script. */
async function load(page: Page, path: string): Promise<Loaded[]> {
  const loaded: Promise<Loaded>[] = [];
  page.on('requestfinished', (request) => {
    loaded.push(
      (async () => {
        const type = request.resourceType();
        const response = await request.response();
        const body = type === 'script' && response ? await response.body() : null;
        return {
          url: new URL(request.url()),
          type,
          gzip: body ? gzipSync(body, { level: 9 }).length : 0,
        };
      })(),
    );
  });
  page.on('requestfailed', (request) => {
    loaded.push(
      Promise.resolve({ url: new URL(request.url()), type: request.resourceType(), gzip: 0 }),
    );
  });
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  return Promise.all(loaded);
}

const procedure = content.procedures.find((p) => p.code === '1.001193') ?? content.procedures[0];
const pages = [
  '/vi/',
  `/T/${procedure.code}/`,
  `/vi/thu-tuc/${procedure.code}/`,
  `/en/thu-tuc/${procedure.code}/`,
];

test.describe('the procedure page budget', () => {
  for (const path of pages) {
    test(`${path} requests nothing from another host and loads only our small modules`, async ({
      page,
      baseURL,
    }) => {
      const origin = new URL(baseURL!).origin;
      const loaded = await load(page, path);

      const elsewhere = loaded.filter((l) => l.url.origin !== origin).map((l) => l.url.href);
      expect(elsewhere, 'requests to other hosts').toEqual([]);

      const scripts = loaded.filter((l) => l.type === 'script');
      const foreign = scripts.filter((s) => !s.url.pathname.startsWith('/js/'));
      expect(
        foreign.map((s) => s.url.pathname),
        'scripts that are not our modules',
      ).toEqual([]);
      expect(scripts.length, 'our module for the page').toBeGreaterThan(0);

      const own = scripts.reduce((n, s) => n + s.gzip, 0);
      expect(
        own,
        `our scripts, gzipped: ${scripts.map((s) => `${s.url.pathname} ${s.gzip} B`).join(', ')}`,
      ).toBeLessThanOrEqual(OWN_JS_BUDGET);
    });
  }
});

test.describe('render-blocking requests', () => {
  // What a browser must fetch before it can paint: stylesheets, and scripts that are neither
  // async, deferred, modules nor for browsers without module support (noModule).
  const detail = [
    '/vi/',
    `/vi/thu-tuc/${procedure.code}/`,
    `/vi/ocop/${content.products[0].slug}/`,
  ];
  for (const path of detail) {
    test(`${path} blocks its first paint on one stylesheet and no script`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const html = await response.text();
      const sheets = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? [];
      expect(sheets, 'stylesheets').toHaveLength(1);
      const blocking = [...html.matchAll(/<script\b([^>]*)>/g)]
        .map((m) => m[1])
        .filter((a) => /\bsrc=/.test(a) && !/\b(async|defer|noModule)\b|type="module"/.test(a));
      expect(blocking, 'blocking scripts').toEqual([]);
    });
  }
});
