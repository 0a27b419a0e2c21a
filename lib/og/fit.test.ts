import { ImageResponse } from 'next/og';
import { createElement } from 'react';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fitText, wrap, type Fitted } from './fit';
import { OG_FONT_FAMILY, ogFonts, textWidth, type OgWeight } from './fonts';

/**
 * The rightmost and lowest inked pixel when satori draws the fitted lines, one unbreakable line
 * each, from the top-left corner of an image wider and taller than the box: satori lays the text
 * out with its own measurements, so this is where the text really ends.
 */
async function inkExtent(f: Fitted, weight: OgWeight, lineHeight: number) {
  const width = 1400;
  const height = 900;
  const lines = f.lines.map((line, i) =>
    createElement('div', { key: i, style: { display: 'flex', whiteSpace: 'nowrap' } }, line),
  );
  const style = {
    display: 'flex',
    flexDirection: 'column' as const,
    width: '100%',
    height: '100%',
    background: '#fff',
    color: '#000',
    fontFamily: OG_FONT_FAMILY,
    fontSize: f.fontSize,
    fontWeight: weight,
    lineHeight,
  };
  const res = new ImageResponse(createElement('div', { style }, lines), {
    width,
    height,
    fonts: ogFonts(),
  });
  const { data } = await sharp(Buffer.from(await res.arrayBuffer()))
    .flatten({ background: '#fff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let right = 0;
  let bottom = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (data[y * width + x] < 128) {
        right = Math.max(right, x + 1);
        bottom = Math.max(bottom, y + 1);
      }
  return { right, bottom };
}

const LONG =
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt ' +
  'Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt ' +
  'Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận';

describe('wrap', () => {
  it('breaks at spaces and splits a word longer than the line', () => {
    const fits = (s: string) => s.length <= 10;
    expect(wrap('Đăng ký khai sinh', fits)).toEqual(['Đăng ký', 'khai sinh']);
    expect(wrap('ducpho.quangngai.gov.vn', fits)).toEqual(['ducpho.qua', 'ngngai.gov', '.vn']);
  });
});

describe('fitText', () => {
  const box = { width: 700, height: 300, lineHeight: 1.15, maxSize: 66, minSize: 30 } as const;

  it('keeps a short title at the largest size', () => {
    const f = fitText('Thủ tục đăng ký khai sinh', { ...box, weight: 700 });
    expect(f).toMatchObject({ fontSize: 66, truncated: false });
    expect(f.lines.join(' ')).toBe('Thủ tục đăng ký khai sinh');
  });

  it('shrinks and wraps a long title to fit the box', () => {
    const f = fitText(LONG, { ...box, weight: 700 });
    expect(f.fontSize).toBeLessThan(66);
    expect(f.truncated).toBe(false);
    expect(f.lines.join(' ')).toBe(LONG);
    expect(f.lines.length * f.fontSize * 1.15).toBeLessThanOrEqual(300);
    for (const line of f.lines) expect(textWidth(line, f.fontSize, 700)).toBeLessThanOrEqual(700);
  });

  it('ends with an ellipsis what does not fit even at the smallest size', () => {
    const f = fitText(`${LONG} ${LONG}`, { ...box, weight: 700 });
    expect(f).toMatchObject({ fontSize: 30, truncated: true });
    expect(f.lines).toHaveLength(Math.floor(300 / (30 * 1.15)));
    expect(f.lines.at(-1)).toMatch(/\S…$/u);
    for (const line of f.lines) expect(textWidth(line, 30, 700)).toBeLessThanOrEqual(700);
  });

  it('takes text in NFC with collapsed white space', () => {
    const f = fitText('  Đăng ký\n kết hôn '.normalize('NFD'), { ...box, weight: 400 });
    expect(f.lines).toEqual(['Đăng ký kết hôn'.normalize('NFC')]);
  });

  it('fits as satori draws it: no fitted line is wider than the box', async () => {
    for (const weight of [400, 700] as const) {
      const f = fitText(LONG, { ...box, weight });
      const { right, bottom } = await inkExtent(f, weight, box.lineHeight);
      expect(right, `weight ${weight}`).toBeLessThanOrEqual(box.width);
      expect(right, `weight ${weight}`).toBeGreaterThan(box.width * 0.8);
      expect(bottom).toBeLessThanOrEqual(box.height);
    }
  });
});
