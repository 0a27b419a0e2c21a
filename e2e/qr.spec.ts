import { expect, test } from '@playwright/test';
import { procedureStatus, productStatus } from '../lib/content/lifecycle';
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
    await expect(page.getByRole('link', { name: 'Xem trang này bằng tiếng Anh' })).toBeVisible();
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

test('a repealed procedure keeps answering at its page and short link, pointing onward', async ({
  page,
}) => {
  const repealed = content.procedures.find(
    (p) => procedureStatus(p) === 'repealed' && p.replacedBy,
  );
  expect(
    repealed,
    'the demonstration content must hold a repealed procedure with a replacement',
  ).toBeDefined();
  const next = content.procedures.find((p) => p.code === repealed!.replacedBy)!;
  for (const path of [`/vi/thu-tuc/${repealed!.code}/`, `/T/${repealed!.code}/`]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    const notice = page.getByRole('region', { name: 'Tình trạng' });
    await expect(notice).toContainText('không còn hiệu lực');
    await notice.getByRole('link', { name: new RegExp(next.code.replace('.', '\\.')) }).click();
    await expect(page).toHaveURL(new RegExp(`/vi/thu-tuc/${next.code.replace('.', '\\.')}/$`));
    await expect(page.locator('h1')).toContainText(next.name.vi);
  }
  await page.goto('/vi/thu-tuc/');
  await expect(page.locator(`main a[href="/vi/thu-tuc/${repealed!.code}/"]`)).toHaveCount(0);
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
