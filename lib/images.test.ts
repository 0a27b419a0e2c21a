import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Product } from './content/schema';
import { imageSet, renderVariant } from './images';

let dir: string;

/** A product whose only photo is an image made here (shape and EXIF orientation chosen). */
async function productWith(name: string, width: number, height: number, orientation?: number) {
  const productDir = path.join(dir, name);
  mkdirSync(productDir, { recursive: true });
  let img = sharp({ create: { width, height, channels: 3, background: '#4080c0' } }).jpeg();
  if (orientation) img = img.withMetadata({ orientation });
  writeFileSync(path.join(productDir, 'anh.jpg'), await img.toBuffer());
  return {
    slug: name,
    dir: productDir,
    images: [{ file: 'anh.jpg', alt: { vi: 'Ảnh' } }],
  } as unknown as Product;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'images-'));
  vi.stubEnv('ASSET_CACHE_DIR', path.join(dir, 'cache'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** The magic bytes of the encoded file: what a browser sniffs, not what the encoder says. */
function formatOf(data: Buffer): string {
  if (
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString() === 'WEBP'
  )
    return 'webp';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  return 'unknown';
}

describe('product photos', () => {
  it('offer 480 and 960 px wide WebP with a JPEG fallback, each file what its name says', async () => {
    const product = await productWith('lon', 1200, 900);
    const set = await imageSet(product, 'anh.jpg');
    expect(set).toMatchObject({ width: 960, height: 720 });
    expect(set.fallback).toMatch(/anh-960\.jpg$/);
    expect(set.sources).toEqual([
      {
        type: 'image/webp',
        srcSet: expect.stringMatching(/anh-480\.webp 480w, .*anh-960\.webp 960w$/),
      },
    ]);
    for (const [file, format, width] of [
      ['anh-480.webp', 'webp', 480],
      ['anh-960.webp', 'webp', 960],
      ['anh-960.jpg', 'jpg', 960],
    ] as const) {
      const data = (await renderVariant(product, file))!;
      expect(formatOf(data), file).toBe(format);
      expect((await sharp(data).metadata()).width, file).toBe(width);
    }
  });

  it('never enlarge a small photo', async () => {
    const product = await productWith('nho', 300, 200);
    const set = await imageSet(product, 'anh.jpg');
    expect(set).toMatchObject({ width: 300, height: 200 });
    expect(set.sources[0].srcSet).toMatch(/anh-300\.webp 300w$/);
    expect(await renderVariant(product, 'anh-480.webp')).toBeNull();
  });

  it('stand a phone photo upright, and give the size it is shown at', async () => {
    // Taken with the phone held upright: stored 1200 × 900, EXIF says turn it a quarter.
    const product = await productWith('dung', 1200, 900, 6);
    const set = await imageSet(product, 'anh.jpg');
    expect(set).toMatchObject({ width: 900, height: 1200 });
    const meta = await sharp((await renderVariant(product, 'anh-900.webp'))!).metadata();
    expect([meta.width, meta.height]).toEqual([900, 1200]);
  });

  it('answer nothing for a name that is no variant of the product', async () => {
    const product = await productWith('khac', 1200, 900);
    for (const name of [
      'anh-960.png',
      'khac-960.webp',
      'anh-961.webp',
      'anh.jpg',
      '../anh-960.jpg',
    ])
      expect(await renderVariant(product, name), name).toBeNull();
  });
});
