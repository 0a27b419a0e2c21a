/**
 * Throughput of the expensive build assets: QR codes per second for the inline/downloadable SVG
 * and for the print PNG (each code a different short URL, nothing cached), and product photo
 * variants per second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Product } from '../lib/content/schema';
import { IMAGE_FORMATS, IMAGE_WIDTHS, renderVariant } from '../lib/images';
import { DOWNLOAD_PNG_MM } from '../lib/qr-downloads';
import { renderQr, renderQrPng } from '../lib/qr';
import { syntheticPhoto } from './generate';

export type QrThroughput = { kind: string; codes: number; seconds: number; perSecond: number };

function url(i: number) {
  return `HTTPS://DUCPHO.QUANGNGAI.GOV.VN/T/9.${String(i % 1_000_000).padStart(6, '0')}/`;
}

async function measure(
  kind: string,
  minSeconds: number,
  make: (i: number) => unknown | Promise<unknown>,
): Promise<QrThroughput> {
  for (let i = 0; i < 20; i++) await make(900_000 + i); // warm up
  let codes = 0;
  const start = performance.now();
  while (performance.now() - start < minSeconds * 1000 || codes < 50) {
    await make(codes);
    codes++;
  }
  const seconds = (performance.now() - start) / 1000;
  return { kind, codes, seconds, perSecond: codes / seconds };
}

export async function runQrBench(minSeconds = 2): Promise<QrThroughput[]> {
  return [
    await measure('SVG (renderQr, poster)', minSeconds, (i) => renderQr(url(i), 'poster')),
    await measure(`PNG ${DOWNLOAD_PNG_MM} mm @ 300 dpi (download)`, minSeconds, (i) =>
      renderQrPng(url(i), 'poster', { sizeMm: DOWNLOAD_PNG_MM }),
    ),
    await measure('PNG 30 mm @ 300 dpi (label)', minSeconds, (i) =>
      renderQrPng(url(i), 'label', { sizeMm: 30 }),
    ),
  ];
}

export type PhotoThroughput = {
  format: string;
  variants: number;
  seconds: number;
  perSecond: number;
};

/**
 * Product photo encoding, as the build does it (lib/images renderVariant, into an empty asset
 * cache): variants per second by format, for distinct 1200 × 900 photos at both widths.
 */
export async function runPhotoBench(photos = 6): Promise<PhotoThroughput[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'photo-bench-'));
  const previous = process.env.ASSET_CACHE_DIR;
  process.env.ASSET_CACHE_DIR = path.join(dir, 'cache');
  try {
    const images = [];
    for (let i = 0; i < photos; i++) {
      const file = `anh-${i + 1}.jpg`;
      writeFileSync(path.join(dir, file), await syntheticPhoto(10_000 + i));
      images.push({ file, alt: { vi: 'Ảnh' } });
    }
    const product = { slug: 'bench', dir, images } as unknown as Product;
    const out: PhotoThroughput[] = [];
    for (const format of IMAGE_FORMATS) {
      let variants = 0;
      const start = performance.now();
      for (const img of images) {
        for (const w of IMAGE_WIDTHS) {
          const name = `${img.file.replace(/\.jpg$/, '')}-${w}.${format}`;
          if (await renderVariant(product, name)) variants++;
        }
      }
      const seconds = (performance.now() - start) / 1000;
      out.push({ format, variants, seconds, perSecond: variants / seconds });
    }
    return out;
  } finally {
    if (previous === undefined) delete process.env.ASSET_CACHE_DIR;
    else process.env.ASSET_CACHE_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}
