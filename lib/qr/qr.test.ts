import jsQR from 'jsqr';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadContentFrom } from '../content/load';
import { allShortPaths, qrUrl } from '../links';
import { QUIET_ZONE, encodeQr, renderQr, renderQrPng, renderQrUse, type QrPurpose } from '.';

const content = loadContentFrom(fileURLToPath(new URL('../../content', import.meta.url)));

beforeEach(() => {
  vi.stubEnv('SITE_URL', '');
});

type Grey = { data: Buffer; width: number; height: number };

/** An image as RGBA for jsQR and as one grey channel for pixel checks. */
async function pixels(image: Sharp) {
  const flat = image.flatten({ background: '#fff' });
  const rgba = await flat.clone().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const grey = await flat.clone().greyscale().raw().toBuffer({ resolveWithObject: true });
  return {
    rgba: rgba.data,
    grey: { data: grey.data, width: grey.info.width, height: grey.info.height } as Grey,
  };
}

function svgImage(svg: string, pxPerModule: number) {
  return sharp(Buffer.from(svg), { density: 72 * pxPerModule });
}

function decode(rgba: Buffer, width: number, height: number) {
  return jsQR(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), width, height);
}

/** The dark/light value at the centre of every module of the symbol, read from an image. */
function readModules(img: Grey, originPx: number, modulePx: number, modules: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < modules; y++)
    for (let x = 0; x < modules; x++) {
      const px = Math.floor(originPx + (x + 0.5) * modulePx);
      const py = Math.floor(originPx + (y + 0.5) * modulePx);
      out.push(img.data[py * img.width + px] < 128 ? 1 : 0);
    }
  return out;
}

/** True when every pixel outside the square [from, to) is white. */
function borderIsWhite(img: Grey, from: number, to: number): boolean {
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const inside = x >= from && x < to && y >= from && y < to;
      if (!inside && img.data[y * img.width + x] !== 255) return false;
    }
  return true;
}

/**
 * The error correction level written in the symbol's format information (ISO/IEC 18004 7.9),
 * read from the module matrix independently of the encoder: both copies must agree and carry a
 * valid BCH code.
 */
function formatEcLevel(dark: number[], n: number): string {
  const at = (r: number, c: number) => dark[r * n + c];
  let a = 0;
  let b = 0;
  for (let i = 0; i < 15; i++) {
    const rowA = i < 6 ? i : i < 8 ? i + 1 : n - 15 + i;
    const colB = i < 8 ? n - 1 - i : i === 8 ? 7 : 14 - i;
    a |= at(rowA, 8) << i;
    b |= at(8, colB) << i;
  }
  expect(a).toBe(b);
  const value = a ^ 0b101010000010010;
  const data = value >> 10;
  let rem = data << 10;
  for (let i = 14; i >= 10; i--) if (rem & (1 << i)) rem ^= 0b10100110111 << (i - 10);
  expect(value).toBe((data << 10) | rem);
  return ['M', 'L', 'H', 'Q'][data >> 3];
}

const cases = (['upper', 'lower'] as const).flatMap((casing) =>
  allShortPaths(content).map((path) => ({ casing, path })),
);

describe('every short link of the content', () => {
  it('exists: there are procedures and products to test', () => {
    expect(content.procedures.length).toBeGreaterThan(0);
    expect(content.products.length).toBeGreaterThan(0);
    expect(allShortPaths(content).length).toBeGreaterThanOrEqual(
      content.procedures.length + content.products.length,
    );
  });

  it.each(cases)('$path ($casing case) decodes from SVG and PNG', async ({ casing, path }) => {
    const site = { ...content.site, qrUppercase: casing === 'upper' };
    const url = qrUrl(site, path);
    expect(url).toBe(
      casing === 'upper'
        ? (content.site.baseUrl + path).toUpperCase()
        : content.site.baseUrl + path,
    );

    const qr = renderQr(url, 'poster');
    const k = 4;
    const side = (qr.modules + 2 * QUIET_ZONE) * k;
    const svg = await pixels(svgImage(qr.svg, k));
    expect([svg.grey.width, svg.grey.height]).toEqual([side, side]);
    const fromSvg = decode(svg.rgba, side, side);
    expect(fromSvg?.data).toBe(url);
    expect(fromSvg?.version).toBe(qr.version);
    if (casing === 'upper')
      expect(fromSvg?.chunks.every((c) => c.type === 'alphanumeric' || c.type === 'numeric')).toBe(
        true,
      );

    const png = await renderQrPng(url, 'label', { sizeMm: 30 });
    const raster = await pixels(sharp(png.png));
    expect(decode(raster.rgba, png.width, png.height)?.data).toBe(url);
  });
});

describe('renderQr (SVG)', () => {
  const url = 'HTTPS://DUCPHO.QUANGNGAI.GOV.VN/T/1.001193/';

  it('draws the exact symbol inside a 4-module white quiet zone', async () => {
    const qr = renderQr(url);
    const total = qr.modules + 2 * QUIET_ZONE;
    expect(qr.modules).toBe(17 + 4 * qr.version);
    expect(qr.svg).toContain(`viewBox="0 0 ${total} ${total}"`);
    expect(qr.svg).toContain(`<rect width="${total}" height="${total}" fill="#fff"/>`);

    const k = 6;
    const { grey } = await pixels(svgImage(qr.svg, k));
    expect(grey.width).toBe(total * k);
    // Quiet zone: white all round, and not wider than 4 modules (the finder starts right after).
    expect(borderIsWhite(grey, QUIET_ZONE * k, (QUIET_ZONE + qr.modules) * k)).toBe(true);
    expect(grey.data[QUIET_ZONE * k * grey.width + QUIET_ZONE * k]).toBe(0);
    const read = readModules(grey, QUIET_ZONE * k, k, qr.modules);
    expect(read).toEqual([...encodeQr(url, 'screen').dark]);
    // Pure black and white: crisp module edges, no anti-aliased grey.
    expect(new Set(grey.data)).toEqual(new Set([0, 255]));
  });

  it('is one path, scalable, accessible', () => {
    const { svg } = renderQr(url, 'screen', { label: 'Mã QR: "Đăng ký khai sinh" & <hồ sơ>' });
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 37 37" /);
    expect(svg).not.toMatch(/<svg[^>]* (width|height)=/);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Mã QR: &#34;Đăng ký khai sinh&#34; &#38; &#60;hồ sơ&#62;"');
    expect(svg).toContain(
      '<title>Mã QR: &#34;Đăng ký khai sinh&#34; &#38; &#60;hồ sơ&#62;</title>',
    );
    expect(svg).toContain('<path fill="#000" d="M');
    expect(renderQr(url).svg).toContain(`aria-label="${url}"`);
    expect(renderQr(url, 'screen', { size: 200 }).svg).toMatch(
      /<svg[^>]* width="200" height="200"/,
    );
  });

  it('draws the same code again from the path of the first copy (renderQrUse)', async () => {
    const first = renderQr(url, 'label', { id: 'qr-a' });
    const again = renderQrUse('qr-a', first.modules);
    expect(first.svg).toContain('<path id="qr-a" fill="#000"');
    expect(again).not.toContain('<path');
    expect(again).toContain('aria-hidden="true"');
    // Both in one document, as on a label sheet; the right-hand copy alone must decode.
    const side = first.modules + 2 * QUIET_ZONE;
    const nest = (svg: string, x: number) =>
      svg.replace('<svg ', `<svg x="${x}" y="0" width="${side}" height="${side}" `);
    const page =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * side}" height="${side}">` +
      `${nest(first.svg, 0)}${nest(again, side)}</svg>`;
    const px = 8;
    const right = svgImage(page, px).extract({
      left: side * px,
      top: 0,
      width: side * px,
      height: side * px,
    });
    const { rgba } = await pixels(sharp(await right.png().toBuffer()));
    expect(decode(rgba, side * px, side * px)?.data).toBe(url);
  });

  it('uses error correction M by default and Q for outdoor signs', async () => {
    const expected: Record<QrPurpose, string> = {
      screen: 'M',
      poster: 'M',
      label: 'M',
      outdoor: 'Q',
    };
    expect(renderQr(url).errorCorrection).toBe('M');
    for (const [purpose, level] of Object.entries(expected) as [QrPurpose, string][]) {
      const qr = renderQr(url, purpose);
      expect(qr.errorCorrection).toBe(level);
      const { grey } = await pixels(svgImage(qr.svg, 4));
      expect(formatEcLevel(readModules(grey, QUIET_ZONE * 4, 4, qr.modules), qr.modules)).toBe(
        level,
      );
    }
  });

  it('encodes an upper-case URL in alphanumeric mode only, lower case partly in bytes', () => {
    expect(renderQr(url).segments).toEqual(['alphanumeric']);
    expect(renderQr(url.toLowerCase().replace('/t/', '/T/')).segments).toContain('byte');
  });

  it('refuses an empty text', () => {
    expect(() => renderQr('')).toThrow(/empty/);
  });
});

describe('renderQrPng', () => {
  const url = 'HTTPS://DUCPHO.QUANGNGAI.GOV.VN/P/DP01/';

  it.each([
    { sizeMm: 30, dpi: 300, px: 354 },
    { sizeMm: 60, dpi: 300, px: 709 },
    { sizeMm: 20, dpi: 600, px: 472 },
  ])(
    '$sizeMm mm at $dpi dpi: $px px, even modules, quiet zone ≥ 4',
    async ({ sizeMm, dpi, px }) => {
      const png = await renderQrPng(url, 'outdoor', { sizeMm, dpi });
      expect([png.width, png.height]).toEqual([px, px]);
      const meta = await sharp(png.png).metadata();
      expect([meta.format, meta.width, meta.height, meta.density]).toEqual(['png', px, px, dpi]);

      const { grey, rgba } = await pixels(sharp(png.png));
      expect(new Set(grey.data)).toEqual(new Set([0, 255]));
      expect(png.quietZonePx).toBeGreaterThanOrEqual(QUIET_ZONE * png.modulePx);
      const end = png.quietZonePx + png.modules * png.modulePx;
      expect(px - end).toBeGreaterThanOrEqual(QUIET_ZONE * png.modulePx);
      expect(borderIsWhite(grey, png.quietZonePx, end)).toBe(true);
      expect(grey.data[png.quietZonePx * px + png.quietZonePx]).toBe(0);
      const read = readModules(grey, png.quietZonePx, png.modulePx, png.modules);
      expect(read).toEqual([...encodeQr(url, 'outdoor').dark]);
      expect(formatEcLevel(read, png.modules)).toBe('Q');
      expect(decode(rgba, px, px)?.data).toBe(url);
    },
  );

  it('refuses a size too small to draw every module', async () => {
    await expect(renderQrPng(url, 'label', { sizeMm: 5, dpi: 72 })).rejects.toThrow(/fewer than/);
  });
});
