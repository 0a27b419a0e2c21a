import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { productStatus } from '../lib/content/lifecycle';
import { procedureShortPath, productShortPath, qrUrl } from '../lib/links';
import { pick } from '../lib/text';
import { content, decodeElement, decodeQr, localPath } from './support';

const procedure = content.procedures.find((p) => p.code === '1.001193')!;
const product = content.products[0];

for (const [kind, path, expected, name] of [
  [
    'procedure',
    `/vi/thu-tuc/${procedure.code}/`,
    qrUrl(content.site, procedureShortPath(procedure.code)),
    procedure.name.vi,
  ],
  [
    'product',
    `/en/ocop/${product.slug}/`,
    qrUrl(content.site, productShortPath(product.shortCode)),
    pick(product.name, 'vi'),
  ],
] as const) {
  test(`the QR code on a ${kind} page scans to its short link, which opens the same item`, async ({
    page,
  }) => {
    await page.goto(path);
    const qr = page.locator('[data-qr]');
    await expect(qr).toHaveCount(1);
    await expect(qr).toHaveAttribute('data-qr', expected);
    const decoded = await decodeElement(qr.locator('svg'));
    expect(decoded).toBe(expected);
    await expect(qr.locator('figcaption')).toHaveText(
      expected.replace(/^https?:\/\//i, '').replace(/^[^/]+/, (h) => h.toLowerCase()),
    );

    const res = await page.goto(localPath(decoded!));
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1')).toContainText(name);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('link', { name: 'English', exact: true })).toBeVisible();
  });

  test(`the ${kind} QR downloads decode to the same URL`, async ({ page, request }) => {
    await page.goto(path);
    for (const ext of ['svg', 'png']) {
      const link = page.locator(`a[download][href$=".${ext}"]`);
      const href = (await link.getAttribute('href'))!;
      const res = await request.get(href);
      expect(res.status()).toBe(200);
      let png = await res.body();
      if (ext === 'svg') {
        expect(res.headers()['content-type']).toContain('image/svg+xml');
        const sharp = (await import('sharp')).default;
        png = await sharp(png, { density: 300 }).png().toBuffer();
      }
      expect(await decodeQr(png), href).toBe(expected);
    }
  });
}

test("a removed item's published short link answers with a page saying so, pointing to the list", async ({
  page,
}) => {
  const record = readFileSync(path.join(content.dir, 'published-links.txt'), 'utf8');
  const retired = content.retired;
  expect(retired.map((r) => r.path)).toEqual(expect.arrayContaining(['/T/1.001640/', '/P/DP02/']));
  for (const r of retired) {
    // Every retired link was published: that is why it must keep answering.
    expect(record.split('\n')).toContain(r.path);
    const res = await page.goto(r.path);
    expect(res?.status(), r.path).toBe(200);
    await expect(page.locator('h1')).toHaveText('Không còn đăng trên trang');
    await expect(page.locator('main')).toContainText(r.title.vi);
    if (r.demonstration) await expect(page.locator('main')).toContainText('dữ liệu minh hoạ');
    const list = r.kind === 'procedure' ? '/vi/thu-tuc/' : '/vi/ocop/';
    await page.locator(`main a[href="${list}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${list}$`));
  }
});

test('a product whose certificate lapsed keeps its page and short link, with the state shown', async ({
  page,
}) => {
  const lapsed = content.products.find((p) => productStatus(p) !== 'certified');
  expect(
    lapsed,
    'the demonstration content must hold a product whose certificate lapsed',
  ).toBeDefined();
  for (const path of [`/vi/ocop/${lapsed!.slug}/`, `/P/${lapsed!.shortCode}/`]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('region', { name: 'Tình trạng' })).toContainText('hết hiệu lực');
    await expect(page.locator('h1')).toContainText(lapsed!.name.vi);
  }
});
