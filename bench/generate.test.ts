import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../lib/content/load';
import { generateContent, syntheticCode } from './generate';

const realContent = fileURLToPath(new URL('../content', import.meta.url));
const dirs: string[] = [];

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-content-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('synthetic content for the build benchmark', () => {
  it('validates with the content loader, with the real site and fields', async () => {
    const dir = tempDir();
    const result = await generateContent(dir, {
      procedures: 40,
      products: 6,
      baseDir: realContent,
    });
    const content = loadContentFrom(dir);
    const real = loadContentFrom(realContent);
    const realWithGtin = real.products.filter((p) => p.gtin).map((p) => p.gtin);

    expect(content.procedures).toHaveLength(40);
    // 6 synthetic ones and, as they are, the real products with a GTIN (the GS1 routes of a
    // static export need at least one).
    expect(realWithGtin.length).toBeGreaterThan(0);
    expect(content.products).toHaveLength(6 + realWithGtin.length);
    expect(result.products).toBe(content.products.length);
    expect(content.products.filter((p) => p.gtin).map((p) => p.gtin)).toEqual(realWithGtin);
    expect(result.images).toBe(content.products.reduce((n, p) => n + p.images.length, 0));

    // The real fields.yaml, copied as is; every field gets procedures.
    const fieldIds = loadContentFrom(realContent).fields.map((f) => f.id);
    expect(content.fields.map((f) => f.id)).toEqual(fieldIds);
    expect(new Set(content.procedures.map((p) => p.field))).toEqual(new Set(fieldIds));

    // Codes that can never be national ones, all distinct.
    expect(content.procedures.every((p) => /^9\.\d{6}$/.test(p.code))).toBe(true);
    expect(new Set(content.procedures.map((p) => p.code)).size).toBe(40);
    expect(content.products.filter((p) => p.shortCode.startsWith('SP')).length).toBe(6);
    expect(content.products.filter((p) => p.shortCode.startsWith('SP')).every((p) => !p.gtin)).toBe(
      true,
    );
  });

  it('writes procedures of a realistic size and small, distinct product photos', async () => {
    const dir = tempDir();
    await generateContent(dir, { procedures: 20, products: 4, imagesPerProduct: 2 });
    const sizes = readdirSync(path.join(dir, 'procedures')).map(
      (f) => statSync(path.join(dir, 'procedures', f)).size,
    );
    const average = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(average).toBeGreaterThan(8_000);
    expect(average).toBeLessThan(40_000);

    const photos = readdirSync(path.join(dir, 'products')).flatMap((slug) =>
      ['anh-1.jpg', 'anh-2.jpg'].map((f) => readFileSync(path.join(dir, 'products', slug, f))),
    );
    expect(photos).toHaveLength(8);
    for (const photo of photos) {
      expect(photo.length).toBeLessThan(20_000);
      const meta = await sharp(photo).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 900]);
    }
    // Distinct bytes: the asset cache is keyed by content, shared photos would hide work.
    expect(new Set(photos.map((p) => p.toString('base64'))).size).toBe(photos.length);

    // Without a base directory: the test fixtures' site and fields, still valid.
    const content = loadContentFrom(dir);
    expect(content.fields.map((f) => f.id)).toEqual(['ho-tich', 'chung-thuc']);
  });

  it('is deterministic for a seed', async () => {
    const a = tempDir();
    const b = tempDir();
    await generateContent(a, { procedures: 5, products: 1, seed: 7 });
    await generateContent(b, { procedures: 5, products: 1, seed: 7 });
    for (const f of readdirSync(path.join(a, 'procedures'))) {
      expect(readFileSync(path.join(b, 'procedures', f), 'utf8')).toBe(
        readFileSync(path.join(a, 'procedures', f), 'utf8'),
      );
    }
    expect(syntheticCode(0)).toBe('9.000001');
    expect(syntheticCode(2999)).toBe('9.003000');
  });
});
