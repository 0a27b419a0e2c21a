import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testProduct, writeTestContent } from '../../bench/fixtures';
import { loadContentFrom } from '../content/load';
import { decodeQrImage } from '../qr/decode';
import {
  ogCardFor,
  ogPageParams,
  ogProcedureParams,
  pageCard,
  procedureCard,
  productCard,
} from './cards';
import {
  OG_HEIGHT,
  OG_WIDTH,
  assertDrawable,
  drawOgImage,
  ogCacheKey,
  renderOgImage,
  type OgCard,
} from './render';

const content = loadContentFrom(fileURLToPath(new URL('../../content', import.meta.url)));
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
const dirs: string[] = [cacheDir];

beforeEach(() => {
  vi.stubEnv('SITE_URL', '');
  vi.stubEnv('ASSET_CACHE_DIR', cacheDir);
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A title of the national database's length, with most of the Vietnamese diacritics. */
const LONG_TITLE =
  'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế ' +
  'cho trẻ em dưới 6 tuổi; giải quyết chế độ trợ cấp một lần đối với người được cử làm chuyên gia ' +
  'sang giúp Lào, Căm-pu-chia; ủy quyền, nghĩa vụ, hưởng lợi, bổ sung, sửa đổi, ẵm, ỡm ờ, ỹ';

async function expectPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const meta = await sharp(png).metadata();
  expect(meta).toMatchObject({ format: 'png', width: OG_WIDTH, height: OG_HEIGHT });
}

/** Decodes the QR code in the right-hand column of a share image. */
async function qrIn(png: Buffer, columnWidth = 340): Promise<string | null> {
  return decodeQrImage(
    sharp(png).extract({
      left: OG_WIDTH - columnWidth,
      top: 0,
      width: columnWidth,
      height: OG_HEIGHT,
    }),
  );
}

describe('the share image renderer', () => {
  it('draws a 1200×630 PNG for a long title with many diacritics, with its QR code', async () => {
    const p = content.procedures[0];
    const card = procedureCard(content, 'vi', { ...p, name: { vi: LONG_TITLE } });
    const png = await drawOgImage(card);
    await expectPng(png);
    expect(await qrIn(png)).toBe(card.qr.url);
    expect(card.qr.url).toMatch(/\/T\/\d\.\d{6}\/$/);
  });

  it('draws a product with its photo and star rating', async () => {
    const dir = await writeTestContent({
      products: [
        { slug: 'mat-ong', data: testProduct('MO01', { name: { vi: 'Mật ong hoa cà phê' } }) },
      ],
    });
    dirs.push(dir);
    const fixture = loadContentFrom(dir);
    const card = productCard(fixture, 'vi', fixture.products[0]);
    expect(card.stars).toEqual({ count: 4, label: '4 sao OCOP' });
    const png = await drawOgImage(card);
    await expectPng(png);
    expect(await qrIn(png, 310)).toBe(card.qr.url);
    // The fixture photo is one brown colour (#c08040): the photo column shows it.
    const { data } = await sharp(png)
      .extract({ left: 200, top: 361, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(
      Math.abs(data[0] - 0xc0) + Math.abs(data[1] - 0x80) + Math.abs(data[2] - 0x40),
    ).toBeLessThan(30);
  });

  it('refuses a character no image font has, naming it', () => {
    const card: OgCard = { ...pageCard(content, 'vi', 'home'), title: 'Hạng ★★★★' };
    expect(() => assertDrawable(card)).toThrow(/U\+2605 "★" in "Hạng ★★★★"/);
  });

  it('caches the PNG by everything it depends on', async () => {
    const card = pageCard(content, 'en', 'ocop');
    const count = () =>
      readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.png')).length;
    const before = count();
    const first = await renderOgImage(card);
    expect(count()).toBe(before + 1);
    const again = await renderOgImage(card);
    expect(again.equals(first)).toBe(true);
    expect(count()).toBe(before + 1);
    // Decomposed text is the same card; another title is another image.
    expect(ogCacheKey({ ...card, title: card.title.normalize('NFD') })).toBe(ogCacheKey(card));
    expect(ogCacheKey({ ...card, title: 'Other' })).not.toBe(ogCacheKey(card));
  });
});

describe('the share image routes', () => {
  it('name every page in both languages', () => {
    expect(ogPageParams()).toHaveLength(6);
    expect(ogProcedureParams(content)).toHaveLength(2 * content.procedures.length);
    expect(ogProcedureParams(content)[0].file).toMatch(/^\d\.\d{6}\.png$/);
  });

  it('answer only what they name', () => {
    const code = content.procedures[0].code;
    expect(ogCardFor(content, 'procedure', 'vi', `${code}.png`)?.title).toBe(
      content.procedures[0].name.vi,
    );
    expect(ogCardFor(content, 'procedure', 'en', `${code}.png`)?.kicker).toBe(
      'Administrative procedure',
    );
    expect(ogCardFor(content, 'procedure', 'fr', `${code}.png`)).toBeNull();
    expect(ogCardFor(content, 'procedure', 'vi', `${code}.jpg`)).toBeNull();
    expect(ogCardFor(content, 'procedure', 'vi', '9.999999.png')).toBeNull();
    expect(ogCardFor(content, 'page', 'vi', 'home.png')?.qr.url).toMatch(/\/vi\/$/);
    expect(ogCardFor(content, 'page', 'vi', 'other.png')).toBeNull();
    expect(ogCardFor(content, 'product', 'vi', 'nothing.png')).toBeNull();
  });
});
