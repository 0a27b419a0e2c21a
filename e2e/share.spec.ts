import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { allShortPaths, fieldPath, procedurePath, productPath, qrUrl, siteUrl } from '../lib/links';
import { content, decodeQr, localPath, locales } from './support';

const base = siteUrl(content.site);
const ogLocale = { vi: 'vi_VN', en: 'en_GB' } as const;

/**
 * The pages meant to be shared: home, the lists, every procedure, product and field in both languages,
 * and the short links (which render the page in Vietnamese). Not here: the root language choice
 * (a redirect, not a destination), the 404 page and the print centre (/in/, A4 layouts).
 */
const pages = [
  ...locales.flatMap((l) => [
    { path: `/${l}/`, locale: l },
    { path: `/${l}/thu-tuc/`, locale: l },
    { path: `/${l}/ocop/`, locale: l },
    ...content.procedures.map((p) => ({ path: procedurePath(l, p.code), locale: l })),
    ...content.products.map((p) => ({ path: productPath(l, p.slug), locale: l })),
    ...content.fields.map((f) => ({ path: fieldPath(l, f.id), locale: l })),
  ]),
  ...allShortPaths(content).map((path) => ({ path, locale: 'vi' as const })),
];

function meta(html: string, key: string): string | null {
  const tag = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
  return tag
    ? tag[1]
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
    : null;
}

async function png(request: APIRequestContext, url: string): Promise<Buffer> {
  const res = await request.get(localPath(url));
  expect(res.status(), url).toBe(200);
  expect(res.headers()['content-type'], url).toBe('image/png');
  return res.body();
}

test('every page has Open Graph and Twitter tags with an absolute 1200×630 PNG', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const images = new Set<string>();
  for (const { path, locale } of pages) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const html = await res.text();
    expect(meta(html, 'og:title'), path).toBeTruthy();
    expect(meta(html, 'og:description'), path).toBeTruthy();
    expect(meta(html, 'og:url'), path).toMatch(new RegExp(`^${base}/${locale}/`));
    expect(meta(html, 'og:locale'), path).toBe(ogLocale[locale]);
    expect(meta(html, 'twitter:card'), path).toBe('summary_large_image');
    const image = meta(html, 'og:image');
    expect(image, path).toMatch(new RegExp(`^${base}/og/${locale}/[^?#]+\\.png$`));
    expect(meta(html, 'og:image:width'), path).toBe('1200');
    expect(meta(html, 'og:image:height'), path).toBe('630');
    expect(meta(html, 'twitter:image'), path).toBe(image);
    images.add(image!);
  }
  // One image per page and language (short links share their locale page's image).
  expect(images.size).toBe(
    locales.length *
      (3 + content.procedures.length + content.products.length + content.fields.length),
  );
  for (const url of images) {
    const info = await sharp(await png(request, url)).metadata();
    expect({ url, format: info.format, width: info.width, height: info.height }).toEqual({
      url,
      format: 'png',
      width: 1200,
      height: 630,
    });
  }
});

test('the share images carry the QR code of their item', async ({ request }) => {
  const p = content.procedures[0];
  const product = content.products.find((x) => !x.gtin)!;
  // A product with a GTIN shares its GS1 Digital Link, /01/{gtin14} with no trailing slash.
  const withGtin = content.products.find((x) => x.gtin)!;
  const field = content.fields[0];
  const cases = [
    { image: `${base}/og/en/thu-tuc/${p.code}.png`, qr: qrUrl(content.site, `/T/${p.code}/`) },
    {
      image: `${base}/og/vi/ocop/${product.slug}.png`,
      qr: qrUrl(content.site, `/P/${product.shortCode}/`),
    },
    {
      image: `${base}/og/en/ocop/${withGtin.slug}.png`,
      qr: qrUrl(content.site, `/01/${withGtin.gtin}`),
    },
    {
      image: `${base}/og/vi/linh-vuc/${field.id}.png`,
      qr: qrUrl(content.site, `/L/${field.id.toUpperCase()}/`),
    },
  ];
  for (const { image, qr } of cases) {
    const right = await sharp(await png(request, image))
      .extract({ left: 860, top: 0, width: 340, height: 630 })
      .png()
      .toBuffer();
    expect(await decodeQr(right), image).toBe(qr);
  }
});

test.describe('the share control', () => {
  const p = content.procedures[0];
  const canonical = `${base}${procedurePath('vi', p.code)}`;

  test.describe('with the Clipboard API', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

    test('copies the canonical URL from the keyboard and says so', async ({ page }) => {
      // Desktop Chromium has no Web Share API on Linux; make sure of it.
      await page.addInitScript(() => {
        delete (Navigator.prototype as { share?: unknown }).share;
      });
      await page.goto(procedurePath('vi', p.code));
      const share = page.getByRole('region', { name: 'Chia sẻ trang này' });
      await expect(share).toHaveAttribute('data-share-url', canonical);
      await expect(share.getByRole('button', { name: 'Chia sẻ qua Zalo, Messenger…' })).toHaveCount(
        0,
      );

      // Tab from the Facebook link to the copy button, then Enter.
      const facebook = share.getByRole('link', { name: 'Chia sẻ lên Facebook' });
      await expect(facebook).toHaveAttribute(
        'href',
        `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical)}`,
      );
      await facebook.focus();
      await page.keyboard.press('Tab');
      const copy = share.getByRole('button', { name: 'Sao chép liên kết' });
      await expect(copy).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(share.getByRole('status')).toHaveText(
        'Đã sao chép liên kết. Dán vào Zalo hoặc tin nhắn để gửi.',
      );
      await expect(share.getByRole('status')).toBeVisible();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
      await expect(copy).toBeFocused();

      // Space works too, and copying again is announced again.
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.keyboard.press('Space');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
    });

    test('on a short link it shares the locale page, not the short link', async ({ page }) => {
      await page.goto(`/T/${p.code}/`);
      const share = page.locator('[data-share-url]');
      await expect(share).toHaveAttribute('data-share-url', canonical);
      await share.getByRole('button', { name: 'Sao chép liên kết' }).click();
      await expect(share.getByRole('status')).not.toBeEmpty();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
    });

    test('speaks English on English pages, and is on product pages', async ({ page }) => {
      const product = content.products[0];
      const url = `${base}${productPath('en', product.slug)}`;
      await page.goto(productPath('en', product.slug));
      const share = page.getByRole('region', { name: 'Share this page' });
      await expect(share).toHaveAttribute('data-share-url', url);
      await share.getByRole('button', { name: 'Copy link' }).press('Enter');
      await expect(share.getByRole('status')).toHaveText(/^Link copied\./);
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    });
  });

  test('copies without the Clipboard API and keeps the keyboard focus', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await page.goto(procedurePath('vi', p.code));
    const copy = page.getByRole('button', { name: 'Sao chép liên kết' });
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-share-url]').getByRole('status')).toHaveText(
      /^Đã sao chép liên kết/,
    );
    await expect(copy).toBeFocused();
  });

  test('uses the Web Share API where the browser has it', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { shared: ShareData[] };
      w.shared = [];
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: async (data: ShareData) => {
          w.shared.push(data);
        },
      });
    });
    await page.goto(procedurePath('vi', p.code));
    const button = page.getByRole('button', { name: 'Chia sẻ qua Zalo, Messenger…' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared))
      .toEqual([{ title: p.name.vi, url: canonical }]);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('offers the plain Facebook link and no dead buttons', async ({ page }) => {
      await page.goto(procedurePath('vi', p.code));
      const share = page.getByRole('region', { name: 'Chia sẻ trang này' });
      await expect(share.getByRole('link', { name: 'Chia sẻ lên Facebook' })).toHaveAttribute(
        'href',
        /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/,
      );
      await expect(share.getByRole('button')).toHaveCount(0);
    });
  });
});
