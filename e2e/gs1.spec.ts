/**
 * GS1 Digital Link, as a shopper's phone and a retail scanner meet it: the QR code on the product
 * page and on its labels is decoded from a screenshot and opened; the static host serves
 * /01/{gtin14} without a redirect, with the linkset and the resolver description as files; the
 * server mode answers as a GS1-conformant resolver (requests never follow redirects, so that
 * every status and Location is the server's own).
 */
import { expect, test } from '@playwright/test';
import { qrUrl } from '../lib/links';
import {
  axeViolations,
  content,
  decodeElement,
  localPath,
  serverUrl,
  sidewaysOverflow,
} from './support';

// GS1's example GTIN, carried by the one fictional example product (content/products/…/product.yaml).
const GTIN = '09506000134352';
const product = content.products.find((p) => p.gtin === GTIN)!;
// The Digital Link as GS1's URI syntax writes it, the host upper-cased for the QR alphanumeric mode.
const digitalLink = qrUrl(content.site, `/01/${GTIN}`);

test('the demonstration content holds the example product, plainly marked', () => {
  expect(product, `a product with GS1's example GTIN ${GTIN}`).toBeDefined();
  expect(product.demoValues).toContain('gtin');
  expect(digitalLink).toMatch(/^HTTPS:\/\/[A-Z0-9.-]+\/01\/09506000134352$/);
});

test("the product page's QR code scans to the Digital Link, which opens the product without a redirect", async ({
  page,
}) => {
  await page.goto(`/en/ocop/${product.slug}/`);
  const qr = page.locator('[data-qr]');
  const decoded = await decodeElement(qr.locator('svg'));
  expect(decoded).toBe(digitalLink);
  await expect(qr.locator('figcaption')).toHaveText(
    digitalLink.replace(/^https?:\/\//i, '').replace(/^[^/]+/, (h) => h.toLowerCase()),
  );

  const res = await page.goto(localPath(decoded!));
  expect(res?.status()).toBe(200);
  expect(res?.request().redirectedFrom()).toBeNull();
  expect(new URL(page.url()).pathname).toBe(`/01/${GTIN}`);
  await expect(page.locator('h1')).toContainText(product.name.vi);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    new RegExp(`/vi/ocop/${product.slug}/$`),
  );
  // The traceability facts, with the example GTIN said to be an example.
  const facts = page.getByRole('region', { name: 'Truy xuất nguồn gốc' });
  await expect(facts).toContainText(GTIN);
  await expect(facts).toContainText('mã ví dụ do GS1 công bố');
  await expect(facts).toContainText(product.lots[0].code);
  await expect(facts).toContainText(product.standards[0].code);
  // The short link printed before keeps answering.
  const short = await page.goto(`/P/${product.shortCode}/`);
  expect(short?.status()).toBe(200);
  await expect(page.locator('h1')).toContainText(product.name.vi);
});

test('the Digital Link page and the product page read on a phone with JavaScript off, and pass axe', async ({
  browser,
  page,
}) => {
  const paths = [`/01/${GTIN}`, `/en/ocop/${product.slug}/`];
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  const noJs = await context.newPage();
  for (const path of paths) {
    await noJs.goto(path);
    await expect(
      noJs.getByRole('heading', { level: 2, name: /Truy xuất nguồn gốc|Traceability/ }),
    ).toBeVisible();
    expect(await sidewaysOverflow(noJs), path).toBe(0);
  }
  await context.close();
  for (const path of paths) {
    await page.goto(path);
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test('a label of the product scans to the Digital Link, which opens the product', async ({
  page,
}) => {
  await page.goto(`/vi/in/nhan/2x5/${product.slug}/`);
  const decoded = await decodeElement(page.locator('.pc-label [data-qr] svg').first());
  expect(decoded).toBe(digitalLink);
  const res = await page.goto(localPath(decoded!));
  expect(res?.status()).toBe(200);
  await expect(page.locator('h1')).toContainText(product.name.vi);
});

test('the static export holds the linkset and the resolver description as files', async ({
  request,
}) => {
  const linkset = await request.get(`/01/${GTIN}/linkset.json`);
  expect(linkset.status()).toBe(200);
  const body = await linkset.json();
  expect(body.linkset[0].anchor).toMatch(new RegExp(`/01/${GTIN}$`));
  expect(body.linkset[0]['https://ref.gs1.org/voc/defaultLink']).toHaveLength(1);
  const description = await request.get('/.well-known/gs1resolver');
  expect(description.status()).toBe(200);
  expect(JSON.parse(await description.text())).toMatchObject({ supportedPrimaryKeys: ['01'] });
});

test.describe('server mode: the GS1 resolver', () => {
  const get = (
    request: import('@playwright/test').APIRequestContext,
    path: string,
    headers: Record<string, string> = {},
  ) => request.get(`${serverUrl}${path}`, { maxRedirects: 0, headers });

  test('/01/{gtin} answers 200 with the product page, a Link to the linkset and CORS', async ({
    request,
  }) => {
    for (const path of [`/01/${GTIN}`, `/01/${GTIN}/`, `/01/${GTIN}/10/${product.lots[0].code}`]) {
      const res = await get(request, path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type']).toContain('text/html');
      expect(await res.text()).toContain(product.name.vi);
      expect(res.headers()['link']).toMatch(/\?linkType=linkset>; rel="linkset"/);
      expect(res.headers()['access-control-allow-origin']).toBe('*');
    }
  });

  test('a page opened from the Digital Link in a browser shows the product', async ({ page }) => {
    const res = await page.goto(`${serverUrl}/01/${GTIN}/21/SERIAL1`);
    expect(res?.status()).toBe(200);
    expect(res?.request().redirectedFrom()).toBeNull();
    await expect(page.locator('h1')).toContainText(product.name.vi);
  });

  test('?linkType= redirects with 307 to that link, query passed on; a missing type is 404', async ({
    request,
  }) => {
    const res = await get(request, `/01/${GTIN}?linkType=gs1:certificationInfo&src=label`);
    expect(res.status()).toBe(307);
    expect(res.headers()['location']).toMatch(
      new RegExp(
        `/vi/ocop/${product.slug}/\\?linkType=gs1:certificationInfo&src=label#certificate$`,
      ),
    );
    expect(res.headers()['link']).toContain('rel="linkset"');
    const en = await get(request, `/01/${GTIN}?linkType=gs1:pip`, { 'Accept-Language': 'en' });
    expect(en.status()).toBe(307);
    expect(en.headers()['location']).toContain(`/en/ocop/${product.slug}/`);
    const missing = await get(request, `/01/${GTIN}?linkType=gs1:epil`);
    expect(missing.status()).toBe(404);
  });

  test('the linkset for ?linkType=linkset and for Accept: application/linkset+json', async ({
    request,
  }) => {
    for (const [path, headers] of [
      [`/01/${GTIN}?linkType=linkset`, {}],
      [`/01/${GTIN}`, { Accept: 'application/linkset+json' }],
    ] as const) {
      const res = await get(request, path, headers);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type']).toBe('application/linkset+json');
      const body = await res.json();
      expect(body.linkset[0].anchor).toMatch(new RegExp(`/01/${GTIN}$`));
      const pip = body.linkset[0]['https://ref.gs1.org/voc/pip'];
      expect(pip.map((l: { hreflang: string[] }) => l.hreflang[0]).sort()).toEqual(['en', 'vi']);
    }
  });

  test('400 for a malformed Digital Link, 404 for a GTIN the site does not hold', async ({
    request,
  }) => {
    for (const path of [
      '/01/09506000134353', // wrong check digit (GS1 computes 2)
      `/01/${GTIN}/21/1/10/LOT`, // qualifiers out of order
      `/01/${GTIN}/foo`, // GS1's resolver test suite: an unknown segment
    ]) {
      const res = await get(request, path);
      expect(res.status(), path).toBe(400);
      expect(res.headers()['access-control-allow-origin']).toBe('*');
    }
    // 09520123456788: the example GTIN of the GS1 Digital Link standard, not one of ours.
    expect((await get(request, '/01/09520123456788')).status()).toBe(404);
  });

  test('HEAD and OPTIONS, and the resolver description', async ({ request }) => {
    const head = await request.head(`${serverUrl}/01/${GTIN}?linkType=linkset`, {
      maxRedirects: 0,
    });
    expect(head.status()).toBe(200);
    expect(head.headers()['content-type']).toBe('application/linkset+json');
    expect((await head.body()).length).toBe(0);
    const options = await request.fetch(`${serverUrl}/01/${GTIN}`, {
      method: 'OPTIONS',
      maxRedirects: 0,
    });
    expect(options.status()).toBe(204);
    expect(options.headers()['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    const description = await get(request, '/.well-known/gs1resolver');
    expect(description.status()).toBe(200);
    expect(await description.json()).toMatchObject({ supportedPrimaryKeys: ['01'] });
  });
});
