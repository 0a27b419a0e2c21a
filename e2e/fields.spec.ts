/**
 * The citizen's pages at real scale, on a 360 × 640 phone with JavaScript off: the answer in the
 * first screen, one page and one code per field, a list that starts with its fields.
 */
import { expect, test, type Locator } from '@playwright/test';
import { isListed } from '../lib/content/lifecycle';
import { pick } from '../lib/text';
import { axeViolations, content, decodeElement, localPath, locales } from './support';

const SCREEN = { width: 360, height: 640 };
test.use({ javaScriptEnabled: false, viewport: SCREEN });

const procedure = (code: string) => content.procedures.find((p) => p.code === code)!;
const longest = (locale: string) =>
  [...content.procedures].sort(
    (a, b) => pick(b.name, locale).length - pick(a.name, locale).length,
  )[0];
const listedIn = (fieldId: string) =>
  content.procedures.filter((p) => isListed(p) && p.field === fieldId);

/** Whether the element lies wholly within the first screen of the page (not scrolled). */
async function inFirstScreen(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return box.y >= 0 && box.y + box.height <= SCREEN.height;
}

test.describe('a procedure page answers in the first screen', () => {
  const cases = [
    // The fee box is a long legal quotation opening "Miễn lệ phí."; the answer is those words.
    { locale: 'vi', p: procedure('1.000894'), fee: 'Miễn lệ phí', time: undefined },
    { locale: 'vi', p: procedure('1.001193'), fee: undefined, time: '1 ngày làm việc' },
    { locale: 'en', p: procedure('1.001193'), fee: undefined, time: '1 working day' },
    { locale: 'vi', p: longest('vi'), fee: undefined, time: undefined },
    { locale: 'en', p: longest('en'), fee: undefined, time: undefined },
  ];
  for (const { locale, p, fee, time } of cases) {
    test(`${locale} ${p.code}: title, time limit and fee`, async ({ page }) => {
      await page.goto(`/${locale}/thu-tuc/${p.code}/`);
      const h1 = page.locator('h1');
      await expect(h1).toHaveText(pick(p.name, locale));
      const timeAnswer = page.locator('[data-glance=time] .answer').last();
      const feeAnswer = page.locator('[data-glance=fee] .answer').last();
      if (time) await expect(timeAnswer).toHaveText(time);
      if (fee) await expect(feeAnswer).toHaveText(fee);
      for (const el of [h1, timeAnswer, feeAnswer])
        expect(await inFirstScreen(el), await el.innerText()).toBe(true);
      // The official wording stays on the page, under the answers, readable without JavaScript.
      if (p.methods.some((m) => m.fees.length))
        await expect(page.locator('details[data-wording=fee] summary')).toBeVisible();
    });
  }

  test('every menu link is on screen on a small phone, in both languages', async ({ page }) => {
    for (const width of [320, SCREEN.width]) {
      await page.setViewportSize({ width, height: SCREEN.height });
      for (const path of ['/vi/thu-tuc/1.000894/', '/en/thu-tuc/1.000894/']) {
        await page.goto(path);
        const links = page.locator('.site-nav a');
        await expect(links).toHaveCount(4);
        for (const link of await links.all()) {
          const box = (await link.boundingBox())!;
          const where = `${width} px ${path} "${await link.innerText()}"`;
          expect(box.x, where).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, where).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  test('the menu is reachable without JavaScript', async ({ page }) => {
    await page.goto('/vi/thu-tuc/1.000894/');
    const nav = page.locator('.site-nav');
    await expect(nav.getByRole('link', { name: 'Thủ tục hành chính', exact: true })).toBeVisible();
    await nav.getByRole('link', { name: 'English', exact: true }).click();
    await expect(page).toHaveURL(/\/en\/thu-tuc\/1\.000894\/$/);
    // English pages say once, not beside every paragraph, that the official text is Vietnamese.
    await expect(page.locator('[data-official-text-note]')).toHaveCount(1);
  });
});

test.describe('every field has a page and a code in both languages', () => {
  for (const locale of locales) {
    test(`${locale}: field pages, codes and short links`, async ({ page, request }) => {
      test.setTimeout(20_000 + 8_000 * content.fields.length);
      for (const f of content.fields) {
        const res = await page.goto(`/${locale}/linh-vuc/${f.id}/`);
        expect(res?.status(), f.id).toBe(200);
        await expect(page.locator('h1')).toHaveText(pick(f.name, locale));
        const links = page.locator('main .field-list a');
        await expect(links).toHaveCount(listedIn(f.id).length);
        const qr = page.locator('main [data-qr]');
        const url = await decodeElement(qr.locator('svg'));
        expect(url, f.id).toBe(await qr.getAttribute('data-qr'));
        // The code carries the field's short link, in the alphanumeric set, which answers.
        const path = localPath(url!);
        expect(path).toBe(`/L/${f.id.toUpperCase()}/`);
        const short = await page.goto(path);
        expect(short?.status(), path).toBe(200);
        await expect(page.locator('h1')).toHaveText(pick(f.name, 'vi'));
        // Typed in lower case from the printed text, it answers too, without a redirect.
        const lower = await request.get(path.toLowerCase(), { maxRedirects: 0 });
        expect(lower.status(), path.toLowerCase()).toBe(200);
      }
    });
  }
});

test.describe('the procedure list at scale', () => {
  test('starts with the fields, whose links land on their sections', async ({ page }) => {
    await page.goto('/vi/thu-tuc/');
    const index = page.getByRole('navigation', { name: 'Lĩnh vực' });
    const withProcedures = content.fields.filter((f) => listedIn(f.id).length > 0);
    await expect(index.getByRole('link')).toHaveCount(withProcedures.length);
    for (const f of withProcedures) {
      await expect(index).toContainText(`${pick(f.name, 'vi')} (${listedIn(f.id).length} thủ tục)`);
      await index.getByRole('link', { name: pick(f.name, 'vi'), exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/vi/thu-tuc/#${f.id}$`));
      await expect(page.locator(`h2[id="${f.id}"]`)).toBeInViewport();
      await page.goto('/vi/thu-tuc/');
    }
  });

  test('the home page shows the featured fields first', async ({ page }) => {
    await page.goto('/vi/');
    const cards = page.locator('section[aria-labelledby=fields] .card strong');
    const names = content.site.featuredFields.map((id) =>
      pick(content.fields.find((f) => f.id === id)!.name, 'vi'),
    );
    expect((await cards.allInnerTexts()).slice(0, names.length)).toEqual(names);
  });
});

test.describe('axe finds nothing on the new pages', () => {
  // axe runs in the page: these pages are checked with JavaScript on (they render the same).
  test.use({ javaScriptEnabled: true });
  const field = content.fields[0].id;
  for (const path of [
    `/vi/linh-vuc/${field}/`,
    `/en/linh-vuc/${field}/`,
    `/L/${field.toUpperCase()}/`,
    `/vi/in/linh-vuc/${field}/ap-phich/`,
    '/en/thu-tuc/1.000894/',
  ]) {
    test(path, async ({ page }) => {
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
