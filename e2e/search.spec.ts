import { expect, test, type Page } from '@playwright/test';
import { pick } from '../lib/text';
import { isListed } from '../lib/content/lifecycle';
import { axeViolations, content, serverUrl } from './support';

test.use({ viewport: { width: 390, height: 844 } });

const name = (code: string) => content.procedures.find((p) => p.code === code)!.name.vi;

async function typeQuery(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: 'Tìm thủ tục hoặc sản phẩm' });
  await box.fill('');
  await box.pressSequentially(query, { delay: 20 });
  const results = page.getByRole('search').getByRole('list');
  await expect(results.getByRole('link').first()).toBeVisible();
  return results.getByRole('link');
}

test('queries typed without diacritics find the right items on the home page', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/vi/');
  await page.waitForLoadState('networkidle');
  // The index is loaded only when someone starts searching.
  expect(requests).not.toContain('/vi/search-index.json');

  let links = await typeQuery(page, 'dang ky ket hon');
  await expect(links.first()).toContainText(name('1.000894'));
  await expect(links.first()).toHaveAttribute('href', '/vi/thu-tuc/1.000894/');
  expect(requests).toContain('/vi/search-index.json');
  await expect(page.getByRole('status')).toContainText('kết quả');

  links = await typeQuery(page, '1.001193');
  await expect(links.first()).toHaveAttribute('href', '/vi/thu-tuc/1.001193/');

  links = await typeQuery(page, 'xoa dang ky');
  await expect
    .poll(async () =>
      [await links.nth(0).getAttribute('href'), await links.nth(1).getAttribute('href')].sort(),
    )
    .toEqual(['/vi/thu-tuc/1.003197/', '/vi/thu-tuc/1.010028/']);

  const product = content.products[0];
  const folded = product.name.vi
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  links = await typeQuery(page, folded.toLowerCase());
  await expect(links.first()).toHaveAttribute('href', `/vi/ocop/${product.slug}/`);
  await expect(links.first()).toContainText(pick(product.name, 'vi'));
});

test('results are reachable by keyboard and Escape clears', async ({ page }) => {
  await page.goto('/vi/');
  const links = await typeQuery(page, 'khai sinh');
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/vi\/thu-tuc\/\d\.\d{6}\/$/);

  await page.goto('/vi/thu-tuc/');
  await typeQuery(page, 'ket hon');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục hoặc sản phẩm' })).toHaveValue('');
  await expect(page.getByRole('search').getByRole('link')).toHaveCount(0);
});

test('focus stays in the results when a late answer replaces them', async ({ page }) => {
  await page.goto('/vi/');
  await typeQuery(page, 'khai');
  const results = page.getByRole('search').getByRole('list');
  await results.evaluate((ul) => {
    new MutationObserver(() => ul.setAttribute('data-replaced', '')).observe(ul, {
      childList: true,
    });
  });
  // The arrow comes within the debounce after the last keystroke: the answer lands afterwards.
  await page.keyboard.type(' sinh');
  await page.keyboard.press('ArrowDown');
  await expect(results).toHaveAttribute('data-replaced', '');
  await expect(results.getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/vi\/thu-tuc\/\d\.\d{6}\/$/);
});

test('axe finds no violation with results open', async ({ page }) => {
  await page.goto('/vi/');
  await typeQuery(page, 'chung thuc');
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the static export lists everything by field and says it cannot filter', async ({
    page,
  }) => {
    await page.goto('/vi/');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục hoặc sản phẩm' }).fill('ket hon');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(page).toHaveURL(/\/vi\/thu-tuc\/\?q=ket\+hon$/);
    // Said in a <noscript>, which a browser without JavaScript shows (Playwright's switch does not
    // make Chromium render it, so the HTML is read).
    expect(await page.content()).toMatch(/<noscript><p[^>]*>[^<]*không lọc được theo từ khoá/);
    await expect(page.locator('main a[href="/vi/thu-tuc/1.000894/"]')).toBeVisible();
    for (const f of content.fields.filter((f) =>
      content.procedures.some((p) => p.field === f.id && !p.repealedOn),
    )) {
      await expect(page.getByRole('heading', { name: pick(f.name, 'vi') })).toBeVisible();
    }
  });

  test('server mode filters the list by the query', async ({ page }) => {
    // Folded by hand here (not by the site's folding): "kết hôn" typed as "ket hon".
    const plain = (s: string) =>
      s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const listed = content.procedures.filter((p) => isListed(p));
    const expected = listed.filter((p) => plain(p.name.vi).includes('ket hon'));
    await page.goto(`${serverUrl}/vi/thu-tuc/?q=ket+hon`);
    await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục hoặc sản phẩm' })).toHaveValue(
      'ket hon',
    );
    const results = page.locator('[data-results] li a');
    const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const p of expected) expect(hrefs).toContain(`/vi/thu-tuc/${p.code}/`);
    expect(hrefs.length).toBeGreaterThanOrEqual(expected.length);
    expect(hrefs.length).toBeLessThan(listed.length);
    await expect(page.getByRole('heading', { level: 2, name: /ket hon/ })).toBeVisible();
  });
});
