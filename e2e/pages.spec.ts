import { expect, test } from '@playwright/test';
import { pick } from '../lib/text';
import { axeViolations, content, locales, serverUrl, sidewaysOverflow } from './support';

test.describe('every content item has a page in both languages', () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of locales) {
    test(`procedures and products in ${locale}`, async ({ page }) => {
      // One page load per item: the time allowed grows with the catalogue.
      test.setTimeout(30_000 + 3_000 * (content.procedures.length + content.products.length));
      for (const p of content.procedures) {
        const res = await page.goto(`/${locale}/thu-tuc/${p.code}/`);
        expect(res?.status(), p.code).toBe(200);
        await expect(page.locator('h1')).toContainText(pick(p.name, locale));
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
      }
      for (const p of content.products) {
        const res = await page.goto(`/${locale}/ocop/${p.slug}/`);
        expect(res?.status(), p.slug).toBe(200);
        await expect(page.locator('h1')).toContainText(pick(p.name, locale));
      }
    });
  }

  test('the list pages link every listed item', async ({ page }) => {
    await page.goto('/vi/thu-tuc/');
    const links = await page.locator('main a[href^="/vi/thu-tuc/"]').count();
    expect(links).toBeGreaterThanOrEqual(12);
    await page.goto('/en/ocop/');
    await expect(page.locator('main a[href^="/en/ocop/"]')).toHaveCount(content.products.length);
  });
});

test('the language switch keeps the reader on the same item', async ({ page }) => {
  const p = content.procedures.find((x) => x.code === '1.000894')!;
  await page.goto('/vi/thu-tuc/1.000894/');
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/thu-tuc\/1\.000894\/$/);
  await expect(page.locator('h1')).toContainText(pick(p.name, 'en'));
  await page.getByRole('link', { name: 'Tiếng Việt', exact: true }).click();
  await expect(page).toHaveURL(/\/vi\/thu-tuc\/1\.000894\/$/);

  const product = content.products[0];
  await page.goto(`/en/ocop/${product.slug}/`);
  await page.getByRole('link', { name: 'Tiếng Việt', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/vi/ocop/${product.slug}/$`));
});

test.describe('a procedure page without JavaScript on a 360 px phone', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test('is complete and has no sideways scrolling', async ({ page }) => {
    const p = content.procedures.find((x) => x.code === '1.001193')!;
    await page.goto('/vi/thu-tuc/1.001193/');
    await expect(page.locator('h1')).toContainText(p.name.vi);
    const main = page.locator('main');
    for (const heading of [
      'Hồ sơ cần chuẩn bị',
      'Thời hạn giải quyết',
      'Phí, lệ phí',
      'Nơi nộp hồ sơ',
      'Trình tự thực hiện',
      'Căn cứ pháp lý',
    ]) {
      await expect(main.getByRole('heading', { name: heading }).first()).toBeVisible();
    }
    const documents = p.documents.flatMap((g) => g.items);
    await expect(main.locator('.checklist input[type=checkbox]')).toHaveCount(documents.length);
    await expect(
      main.getByText(p.legalBasis[0].number ?? p.legalBasis[0].title.vi).first(),
    ).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Nơi tiếp nhận hồ sơ' })).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // The documents come before the steps: what a citizen at the counter needs first.
    const docsY = (await main.locator('#documents').boundingBox())!.y;
    const stepsY = (await main.locator('#steps').boundingBox())!.y;
    expect(docsY).toBeLessThan(stepsY);
  });

  test('a product page fits too', async ({ page }) => {
    await page.goto(`/vi/ocop/${content.products[0].slug}/`);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test.describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
  const pages = (locale: string) => [
    `/${locale}/`,
    `/${locale}/thu-tuc/`,
    `/${locale}/ocop/`,
    `/${locale}/thu-tuc/1.001193/`,
    `/${locale}/ocop/${content.products[0].slug}/`,
  ];
  for (const locale of locales) {
    for (const path of pages(locale)) {
      test(path, async ({ page }) => {
        await page.goto(path);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }
});

test.describe('entry points', () => {
  test.use({ javaScriptEnabled: false });

  test('the root offers both languages and moves on to Vietnamese without JavaScript', async ({
    page,
    request,
  }) => {
    const html = await (await request.get('/')).text();
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/vi\/"/);
    expect(html).toMatch(/<a[^>]+href="\/vi\/"[^>]*>Tiếng Việt<\/a>/);
    expect(html).toMatch(/<a[^>]+href="\/en\/"[^>]*>English<\/a>/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/vi\/$/);
  });

  test('an unknown URL answers 404 with a way back, in both languages', async ({ page }) => {
    const res = await page.goto('/vi/thu-tuc/9.999999/');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/vi/');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('the home page shows the one-stop office and the demonstration banner', async ({ page }) => {
    await page.goto('/vi/');
    await expect(page.getByRole('heading', { name: 'Nơi tiếp nhận hồ sơ' })).toBeVisible();
    await expect(page.getByText(content.site.office.hours[0].time)).toBeVisible();
    // The banner shows exactly while site.yaml says the content is a demonstration.
    await expect(page.getByRole('note').filter({ hasText: 'dữ liệu minh hoạ' })).toHaveCount(
      content.site.demo ? 1 : 0,
    );
  });

  test('pages declare canonical, hreflang alternates and JSON-LD', async ({ page }) => {
    await page.goto('/T/1.001193/');
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(canonical).toMatch(/^https?:\/\/[^/]+\/vi\/thu-tuc\/1\.001193\/$/);
    await expect(page.locator('link[rel=alternate][hreflang=en]')).toHaveAttribute(
      'href',
      /\/en\/thu-tuc\/1\.001193\/$/,
    );
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    );
    expect(ld['@type']).toBe('GovernmentService');
    expect(ld.identifier).toBe('1.001193');
    await page.goto(`/en/ocop/${content.products[0].slug}/`);
    const product = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    );
    expect(product['@type']).toBe('Product');
  });

  test('sitemap and robots are published', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).toContain('/vi/thu-tuc/1.001193/');
    expect(sitemap).toContain('hreflang="en"');
    expect(await (await request.get('/robots.txt')).text()).toMatch(
      /Sitemap: https?:\/\/.+\/sitemap\.xml/,
    );
  });
});

test('the server mode answers a procedure page', async ({ request }) => {
  // Printed URLs must answer where they are: no redirect is followed.
  const get = (path: string) => request.get(`${serverUrl}${path}`, { maxRedirects: 0 });
  const res = await get('/vi/thu-tuc/1.001193/');
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain(content.procedures.find((p) => p.code === '1.001193')!.name.vi);
  const short = await get('/T/1.001193/');
  expect(short.status()).toBe(200);
  expect((await get('/vi/thu-tuc/9.999999/')).status()).toBe(404);
  // A removed item's published short link answers in the server mode too.
  for (const path of ['/T/1.001640/', '/P/DP06/']) {
    const retired = await get(path);
    expect(retired.status(), path).toBe(200);
    expect(await retired.text()).toContain('Không còn đăng trên trang');
  }
});
