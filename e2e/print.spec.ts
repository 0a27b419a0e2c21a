/**
 * The print centre, printed the way a member of staff prints it: Chromium's print to PDF with the
 * page's own @page size, the PDF rasterised by pdftoppm (poppler-utils) and every QR code on it
 * decoded back to its URL.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { CARDS_PER_SHEET, LABEL_LAYOUTS, POSTER_QR_MM } from '../lib/print/geometry';
import { isListed, procedureStatus, productStatus } from '../lib/content/lifecycle';
import { procedureShortPath, productShortPath, qrUrl } from '../lib/links';
import type { Product } from '../lib/content/schema';
import { pick } from '../lib/text';
import { axeViolations, content, decodeQr, locales } from './support';

const DPI = 150;
/** CSS pixels per millimetre (96 px to the inch). */
const PX_PER_MM = 96 / 25.4;
const A4_PT = { width: 595.28, height: 841.89 };
const PAGE_HEIGHT_PX = 297 * PX_PER_MM;

const procedureUrl = (code: string) => qrUrl(content.site, procedureShortPath(code));
// A product with a GTIN prints its GS1 Digital Link (/01/{gtin14}, no trailing slash), others /P/.
const productUrl = (p: Product) =>
  qrUrl(content.site, p.gtin ? `/01/${p.gtin}` : productShortPath(p.shortCode));
const readable = (url: string) =>
  url.replace(/^https?:\/\/([^/]+)/i, (_, h: string) => h.toLowerCase());

/** Prints the page to PDF as Chromium's print dialog does (the page's @page size, backgrounds). */
async function printToPdf(page: Page, name: string): Promise<string> {
  await page.evaluate(() => document.fonts.ready);
  const file = test.info().outputPath(`${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return file;
}

/** Page count and page size of a PDF, from pdfinfo. */
function pdfInfo(file: string) {
  const out = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)![1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out)!;
  return { pages, width: Number(size[1]), height: Number(size[2]) };
}

function expectA4(file: string, pages: number) {
  const info = pdfInfo(file);
  expect(info.pages, `${path.basename(file)}: pages`).toBe(pages);
  expect(Math.abs(info.width - A4_PT.width), `width ${info.width} pt`).toBeLessThan(1);
  expect(Math.abs(info.height - A4_PT.height), `height ${info.height} pt`).toBeLessThan(1);
}

/** The PDF's pages as PNG images at DPI, in page order (pdftoppm -r DPI -png). */
function rasterise(file: string): Buffer[] {
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', file, prefix]);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => readFileSync(path.join(dir, f)));
}

type Box = { x: number; y: number; width: number; height: number };
type Placed = Box & { sheet: number; qr: string; key: string; clipped: boolean };

/**
 * Every element matching `selector`, in print media, with its box relative to the top-left corner
 * of the sheet (A4 page) holding it, in CSS pixels: a sheet is printed at the page's origin.
 */
async function placeOnSheets(page: Page, selector: string): Promise<Placed[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLElement>(sel)].map((el) => {
      const sheet = el.closest<HTMLElement>('[data-sheet]')!;
      const s = sheet.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      const qr = el.matches('[data-qr]') ? el : el.querySelector<HTMLElement>('[data-qr]');
      const text = el.querySelector<HTMLElement>('.pc-card-text, .pc-label-text');
      return {
        sheet: Number(sheet.dataset.sheet),
        x: b.left - s.left,
        y: b.top - s.top,
        width: b.width,
        height: b.height,
        qr: qr?.dataset.qr ?? '',
        key: el.dataset.code ?? '',
        clipped: text ? text.scrollHeight > text.clientHeight + 1 : false,
      };
    });
  }, selector);
}

/**
 * Decodes the QR code inside a box (CSS px on the page) of a page image at DPI, with `padMm` of
 * the page around it (what a phone's camera frames).
 */
async function decodeAt(png: Buffer, box: Box, padMm = 1): Promise<string | null> {
  const scale = DPI / 96;
  const meta = await sharp(png).metadata();
  const pad = Math.round(padMm * PX_PER_MM * scale);
  const left = Math.max(0, Math.floor(box.x * scale) - pad);
  const top = Math.max(0, Math.floor(box.y * scale) - pad);
  const width = Math.min(meta.width! - left, Math.ceil(box.width * scale) + 2 * pad);
  const height = Math.min(meta.height! - top, Math.ceil(box.height * scale) + 2 * pad);
  return decodeQr(await sharp(png).extract({ left, top, width, height }).png().toBuffer());
}

/** The code's centre within 1 mm of the centre line of the title and of the caption under it. */
async function expectCentred(page: Page, qr: ReturnType<Page['locator']>) {
  const centre = async (l: ReturnType<Page['locator']>) => {
    const b = (await l.boundingBox())!;
    return (b.x + b.width / 2) / PX_PER_MM;
  };
  const code = await centre(qr.locator('svg'));
  for (const line of [page.locator('h1'), qr.locator('figcaption')])
    expect(Math.abs(code - (await centre(line))), 'mm off the centre line').toBeLessThanOrEqual(1);
}

const longest = (locale: string) =>
  [...content.procedures].sort(
    (a, b) => pick(b.name, locale).length - pick(a.name, locale).length,
  )[0];

test.describe('procedure poster', () => {
  const cases = [
    { locale: 'vi', procedure: content.procedures.find((p) => p.code === '1.001193')! },
    { locale: 'vi', procedure: longest('vi') },
    { locale: 'en', procedure: longest('en') },
  ];

  for (const { locale, procedure } of cases) {
    test(`${locale} ${procedure.code} (${pick(procedure.name, locale).length} characters) prints on one A4 page and scans`, async ({
      page,
    }) => {
      const url = procedureUrl(procedure.code);
      const res = await page.goto(`/${locale}/in/thu-tuc/${procedure.code}/`);
      expect(res?.status()).toBe(200);
      const qr = page.locator('[data-qr]');
      await expect(qr).toHaveCount(1);
      await expect(qr).toHaveAttribute('data-qr', url);
      await expect(qr.locator('figcaption')).toHaveText(readable(url));
      await expect(page.locator('h1')).toHaveText(pick(procedure.name, locale));
      await expect(page.getByText(pick(content.site.office.name, locale))).toBeVisible();
      if (locale === 'vi')
        await expect(
          page.getByText('Quét mã QR để xem hồ sơ, trình tự, thời hạn và lệ phí', { exact: true }),
        ).toBeVisible();

      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.pc-toolbar')).toBeHidden();
      // Nothing is cut off: the sheet and its facts hold their content.
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.pc-sheet, .pc-poster-facts')].map(
          (el) => el.scrollHeight - el.clientHeight,
        ),
      );
      for (const o of overflow) expect(o).toBeLessThanOrEqual(1);
      const svg = (await qr.locator('svg').boundingBox())!;
      const [placed] = await placeOnSheets(page, '[data-qr]');
      expect(svg.width / PX_PER_MM).toBeGreaterThanOrEqual(60);
      expect(Math.abs(svg.width / PX_PER_MM - POSTER_QR_MM)).toBeLessThan(0.5);
      const modules = Number(await qr.getAttribute('data-modules'));
      const moduleMm = svg.width / PX_PER_MM / (modules + 8);
      test.info().annotations.push({
        type: 'poster QR',
        description: `${(svg.width / PX_PER_MM).toFixed(1)} mm wide, ${modules} modules + 8 quiet: ${moduleMm.toFixed(2)} mm per module`,
      });
      // 3.2 mm a module reads from 2 m with a phone (100 mm codes of 2.7 mm read from 1.5 m).
      expect(moduleMm).toBeGreaterThanOrEqual(3.2);
      await expectCentred(page, qr);

      const pdf = await printToPdf(page, `poster-${locale}-${procedure.code}`);
      expectA4(pdf, 1);
      const [png] = rasterise(pdf);
      // The code with 15 mm of the poster around it, text included, as a phone frames it.
      expect(await decodeAt(png, placed, 15)).toBe(url);
    });
  }

  // One test per poster: 130 page loads in one test outran its 60 s timeout in CI.
  for (const locale of locales)
    for (const p of content.procedures)
      test(`${locale} ${p.code}: the poster fits one page without cutting text`, async ({
        page,
      }) => {
        const res = await page.goto(`/${locale}/in/thu-tuc/${p.code}/`);
        expect(res?.status()).toBe(200);
        await expect(page.locator('[data-qr]')).toHaveAttribute('data-qr', procedureUrl(p.code));
        if (procedureStatus(p) !== 'in-force') await expect(page.getByRole('status')).toBeVisible();
        await page.emulateMedia({ media: 'print' });
        const overflow = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.pc-sheet, .pc-poster-facts')].map(
            (el) => el.scrollHeight - el.clientHeight,
          ),
        );
        expect(Math.max(...overflow)).toBeLessThanOrEqual(1);
        expect(await page.locator('.pc-sheet').count()).toBe(1);
      });
});

test.describe('field poster', () => {
  const byName = (locale: string) =>
    [...content.fields].sort((a, b) => pick(b.name, locale).length - pick(a.name, locale).length);
  for (const [locale, field] of [
    ['vi', byName('vi')[0]],
    ['en', byName('en').at(-1)!],
  ] as const) {
    test(`${locale} ${field.id}: one A4 page, one centred code that scans to the field's short link`, async ({
      page,
    }) => {
      const url = qrUrl(content.site, `/L/${field.id.toUpperCase()}/`);
      const res = await page.goto(`/${locale}/in/linh-vuc/${field.id}/ap-phich/`);
      expect(res?.status()).toBe(200);
      const qr = page.locator('[data-qr]');
      await expect(qr).toHaveCount(1);
      await expect(qr).toHaveAttribute('data-qr', url);
      await expect(page.locator('h1')).toHaveText(pick(field.name, locale));
      await page.emulateMedia({ media: 'print' });
      await expectCentred(page, qr);
      const [placed] = await placeOnSheets(page, '[data-qr]');
      const pdf = await printToPdf(page, `field-poster-${locale}-${field.id}`);
      expectA4(pdf, 1);
      const [png] = rasterise(pdf);
      expect(await decodeAt(png, placed, 15)).toBe(url);
    });
  }
});

test.describe('field sheets', () => {
  const byField = (id: string) =>
    content.procedures.filter((p) => isListed(p) && (id === 'tat-ca' || p.field === id));
  const biggest = [...content.fields].sort(
    (a, b) => byField(b.id).length - byField(a.id).length,
  )[0];

  for (const [locale, fieldId] of [
    ['vi', 'tat-ca'],
    ['en', biggest.id],
  ] as const) {
    test(`${locale} ${fieldId}: cards stay on their page, pages are numbered, every code scans`, async ({
      page,
    }) => {
      const expected = byField(fieldId);
      expect(expected.length).toBeGreaterThan(0);
      await page.goto(`/${locale}/in/linh-vuc/${fieldId}/`);
      const field = content.fields.find((f) => f.id === fieldId);
      await expect(page.locator('h1')).toContainText(
        field ? pick(field.name, locale) : locale === 'vi' ? 'Tất cả thủ tục' : 'All procedures',
      );

      await page.emulateMedia({ media: 'print' });
      const sheets = await page.locator('[data-sheet]').count();
      expect(sheets).toBe(Math.ceil(expected.length / CARDS_PER_SHEET));
      for (let i = 1; i <= sheets; i++) {
        const foot = page.locator(`[data-sheet="${i}"] .pc-page-number`);
        await expect(foot).toHaveText(
          locale === 'vi' ? `Trang ${i}/${sheets}` : `Page ${i} of ${sheets}`,
        );
      }

      const cards = await placeOnSheets(page, '.pc-card');
      expect(cards.map((c) => c.key).sort()).toEqual(expected.map((p) => p.code).sort());
      for (const c of cards) {
        expect(c.qr, c.key).toBe(procedureUrl(c.key));
        // Inside its sheet, and the sheet is no taller than the printed page: never split.
        expect(c.y, c.key).toBeGreaterThanOrEqual(0);
        expect(c.y + c.height, c.key).toBeLessThanOrEqual(PAGE_HEIGHT_PX);
        expect(c.clipped, `${c.key}: the card's text is cut off`).toBe(false);
      }
      const sheetHeights = await page
        .locator('[data-sheet]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      for (const h of sheetHeights) expect(h).toBeLessThanOrEqual(PAGE_HEIGHT_PX);
      const sheetOverflow = await page
        .locator('[data-sheet]')
        .evaluateAll((els) => els.map((e) => e.scrollHeight - e.clientHeight));
      for (const o of sheetOverflow)
        expect(o, 'a sheet holds more than fits').toBeLessThanOrEqual(1);

      const pdf = await printToPdf(page, `sheet-${locale}-${fieldId}`);
      expectA4(pdf, sheets);
      const pages = rasterise(pdf);
      expect(pages).toHaveLength(sheets);
      const qrs = await placeOnSheets(page, '.pc-card [data-qr]');
      for (const q of qrs) {
        expect(await decodeAt(pages[q.sheet - 1], q), `page ${q.sheet}`).toBe(q.qr);
      }
    });
  }

  test('every field has a sheet in both languages', async ({ request }) => {
    for (const locale of locales)
      for (const id of [...content.fields.map((f) => f.id), 'tat-ca']) {
        const res = await request.get(`/${locale}/in/linh-vuc/${id}/`);
        expect(res.status(), id).toBe(200);
        const html = await res.text();
        expect(html.match(/class="pc-card"/g)?.length ?? 0, id).toBe(byField(id).length);
      }
  });
});

test.describe('product labels', () => {
  const product = content.products.find((p) => productStatus(p) === 'certified')!;
  const longName = [...content.products].sort(
    (a, b) => pick(b.name, 'vi').length - pick(a.name, 'vi').length,
  )[0];
  // The label stock each layout is made for: an A4 sheet of these labels, in millimetres.
  const stock: Record<
    string,
    { count: number; width: number; height: number; top: number; left: number }
  > = {
    '3x8': { count: 24, width: 70, height: 37, top: 0.5, left: 0 },
    '2x7': { count: 14, width: 99.1, height: 38.1, top: 15.15, left: 4.65 },
    '2x5': { count: 10, width: 105, height: 57, top: 6, left: 0 },
  };

  test('there are at least two layouts, each for a known label stock', () => {
    expect(LABEL_LAYOUTS.length).toBeGreaterThanOrEqual(2);
    for (const l of LABEL_LAYOUTS) expect(stock[l.id], l.id).toBeDefined();
  });

  for (const layout of LABEL_LAYOUTS) {
    for (const [locale, p] of [
      ['vi', product],
      ['en', longName],
    ] as const) {
      test(`${layout.id} ${locale} ${p.slug}: one A4 sheet on the stock's grid, every label scans`, async ({
        page,
      }) => {
        const want = stock[layout.id];
        const url = productUrl(p);
        const res = await page.goto(`/${locale}/in/nhan/${layout.id}/${p.slug}/`);
        expect(res?.status()).toBe(200);
        await page.emulateMedia({ media: 'print' });
        const labels = await placeOnSheets(page, '.pc-label');
        expect(labels).toHaveLength(want.count);
        const mm = (px: number) => px / PX_PER_MM;
        expect(Math.abs(mm(labels[0].x) - want.left)).toBeLessThan(0.3);
        expect(Math.abs(mm(labels[0].y) - want.top)).toBeLessThan(0.3);
        for (const l of labels) {
          expect(Math.abs(mm(l.width) - want.width)).toBeLessThan(0.3);
          expect(Math.abs(mm(l.height) - want.height)).toBeLessThan(0.3);
          expect(l.y + l.height).toBeLessThanOrEqual(PAGE_HEIGHT_PX);
          expect(l.x + l.width).toBeLessThanOrEqual(210 * PX_PER_MM + 0.5);
          expect(l.qr).toBe(url);
          expect(l.clipped, 'label text cut off').toBe(false);
        }
        const label = page.locator('.pc-label').first();
        await expect(label).toContainText(pick(p.name, locale));
        await expect(label).toContainText(readable(url));
        if (productStatus(p) === 'certified')
          await expect(label.locator('.stars')).toHaveAttribute(
            'aria-label',
            new RegExp(`\\b${p.stars}\\b`),
          );

        const pdf = await printToPdf(page, `labels-${layout.id}-${locale}-${p.slug}`);
        expectA4(pdf, 1);
        const [png] = rasterise(pdf);
        const qrs = await placeOnSheets(page, '.pc-label [data-qr]');
        expect(qrs).toHaveLength(want.count);
        for (const [i, q] of qrs.entries())
          expect(await decodeAt(png, q), `label ${i + 1}`).toBe(url);
      });
    }
  }

  test('the single larger product card prints on one page and scans, in both languages', async ({
    page,
  }) => {
    for (const locale of locales) {
      const url = productUrl(product);
      await page.goto(`/${locale}/in/ocop/${product.slug}/`);
      await expect(page.locator('h1')).toHaveText(pick(product.name, locale));
      await expect(page.locator('[data-qr]')).toHaveAttribute('data-qr', url);
      for (const l of LABEL_LAYOUTS)
        await expect(
          page.locator(`a[href="/${locale}/in/nhan/${l.id}/${product.slug}/"]`),
        ).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      const qr = (await page.locator('[data-qr] svg').boundingBox())!;
      expect(qr.width / PX_PER_MM).toBeGreaterThanOrEqual(50);
      const pdf = await printToPdf(page, `card-${locale}`);
      expectA4(pdf, 1);
      expect(await decodeQr(rasterise(pdf)[0])).toBe(url);
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

test.describe('print index', () => {
  for (const locale of locales) {
    test(`${locale}: links every poster, sheet and label sheet, each of which answers`, async ({
      page,
      request,
    }) => {
      await page.goto(`/${locale}/in/`);
      const links = (group: string) =>
        page
          .locator(`[data-group="${group}"] a`)
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      const posters = await links('posters');
      expect(posters.sort()).toEqual(
        content.procedures
          .filter((p) => procedureStatus(p) !== 'repealed')
          .map((p) => `/${locale}/in/thu-tuc/${p.code}/`)
          .sort(),
      );
      const sheets = await links('sheets');
      expect(sheets).toContain(`/${locale}/in/linh-vuc/tat-ca/`);
      for (const f of content.fields)
        if (content.procedures.some((p) => isListed(p) && p.field === f.id))
          expect(sheets).toContain(`/${locale}/in/linh-vuc/${f.id}/`);
      const fieldPosters = await links('field-posters');
      expect(fieldPosters.sort()).toEqual(
        content.fields.map((f) => `/${locale}/in/linh-vuc/${f.id}/ap-phich/`).sort(),
      );
      const labels = await links('labels');
      for (const p of content.products) {
        expect(labels).toContain(`/${locale}/in/ocop/${p.slug}/`);
        for (const l of LABEL_LAYOUTS)
          expect(labels).toContain(`/${locale}/in/nhan/${l.id}/${p.slug}/`);
      }
      for (const href of [...posters, ...fieldPosters, ...sheets, ...labels])
        expect((await request.get(href)).status(), href).toBe(200);
    });

    test(`${locale}: is accessible (axe, WCAG 2.2 A and AA)`, async ({ page }) => {
      await page.goto(`/${locale}/in/`);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('a print page is accessible too, and prints no navigation', async ({ page }) => {
    await page.goto('/vi/in/linh-vuc/tat-ca/');
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.getByRole('link', { name: 'Về trang In mã QR' })).toHaveAttribute(
      'href',
      '/vi/in/',
    );
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header, .site-nav, .demo-banner')).toHaveCount(0);
    await expect(page.locator('.pc-toolbar')).toBeHidden();
    expect(await page.locator('a:visible').count()).toBe(0);
    if (content.site.demo) await expect(page.locator('.pc-sheet .pc-demo').first()).toBeVisible();
  });
});

test.describe('print button', () => {
  test('opens the print dialog', async ({ page }) => {
    await page.goto('/vi/in/thu-tuc/1.001193/');
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: 'In trang này' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test("says to use the browser's print command instead", async ({ page }) => {
      await page.goto('/en/in/thu-tuc/1.001193/');
      await expect(page.getByRole('button')).toHaveCount(0);
      await expect(page.getByText("Use the browser's Print command (Ctrl+P).")).toBeVisible();
      await expect(page.locator('[data-qr]')).toHaveAttribute('data-qr', procedureUrl('1.001193'));
    });
  });
});
