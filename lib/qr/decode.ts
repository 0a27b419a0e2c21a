/**
 * Reads a QR code back from an image (jsQR after rasterising with sharp). The tests use it to
 * prove that every code we print or show scans to its URL.
 */
import jsQR from 'jsqr';
import sharp, { type Sharp } from 'sharp';

/** The text of the QR code in an image (PNG, SVG, … or a sharp pipeline), or null. */
export async function decodeQrImage(image: Buffer | Sharp): Promise<string | null> {
  const pipeline = Buffer.isBuffer(image) ? sharp(image) : image;
  const { data, info } = await pipeline
    .flatten({ background: '#fff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  return found?.data ?? null;
}
