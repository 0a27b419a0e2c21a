import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImageResponse } from 'next/og';
import { createElement } from 'react';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContentFrom } from '../content/load';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';
import { readFontFile } from './font-file';
import {
  OG_FONT_FAMILY,
  OG_WEIGHTS,
  describeChar,
  missingGlyphs,
  ogFontFiles,
  ogFonts,
  textWidth,
} from './fonts';

const content = loadContentFrom(fileURLToPath(new URL('../../content', import.meta.url)));

/** Every string in a value (content, messages), in NFC. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value.normalize('NFC')];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function missingIn(texts: string[]) {
  const all = texts.join('\n');
  return OG_WEIGHTS.flatMap((w) => missingGlyphs(all, w).map((ch) => `${w}: ${describeChar(ch)}`));
}

describe('the share-image fonts', () => {
  it('are one TTF per weight holding every glyph of the Latin and Vietnamese subsets', () => {
    for (const font of ogFontFiles()) {
      expect(font.data.readUInt32BE(0)).toBe(0x00010000); // TrueType sfnt, which satori reads
      const merged = font.parsed;
      for (const file of font.files) {
        const subset = readFontFile(readFileSync(file));
        for (const cp of subset.codePoints()) {
          const glyph = merged.glyphOf(cp);
          expect(glyph, `${file}: ${describeChar(String.fromCodePoint(cp))}`).toBeGreaterThan(0);
          // Same advance width in the merged font as in the subset it came from.
          expect(merged.advance(glyph) / merged.unitsPerEm).toBeCloseTo(
            subset.advance(subset.glyphOf(cp)) / subset.unitsPerEm,
            6,
          );
        }
      }
    }
  });

  it('have every character of the content (NFC), in regular and bold', () => {
    const texts = strings(content);
    expect(texts.length).toBeGreaterThan(100);
    expect(missingIn(texts)).toEqual([]);
  });

  it('have every character of the messages the images and pages use', () => {
    expect(missingIn([...strings(vi), ...strings(en)])).toEqual([]);
  });

  it('report what they lack', () => {
    expect(missingGlyphs('Hạng ★★★ – “OCOP” …', 700)).toEqual(['★']);
    expect(missingGlyphs('Ủy ban\n\tnhân dân', 400)).toEqual([]);
    // Decomposed text (pasted from Word) is taken in NFC, where every letter is one glyph.
    expect(missingGlyphs('Đăng ký khai sinh'.normalize('NFD'), 400)).toEqual([]);
  });

  it('measure Vietnamese letters like their base letters, not as missing glyphs', () => {
    expect(textWidth('ường', 40, 700)).toBeCloseTo(textWidth('uong', 40, 700), -1);
    expect(textWidth('ặ', 40, 700)).toBeCloseTo(textWidth('a', 40, 700), 0);
  });

  it('draw the Vietnamese letters (satori drops a glyph it has no font for)', async () => {
    async function ink(text: string) {
      const style = {
        display: 'flex',
        width: '100%',
        height: '100%',
        background: '#fff',
        fontFamily: OG_FONT_FAMILY,
        fontSize: 64,
        fontWeight: 700,
        padding: 20,
      };
      const res = new ImageResponse(createElement('div', { style }, text), {
        width: 1200,
        height: 200,
        fonts: ogFonts(),
      });
      const png = Buffer.from(await res.arrayBuffer());
      const { data } = await sharp(png)
        .flatten({ background: '#fff' })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return data.filter((v) => v < 128).length;
    }
    // Only letters of the Vietnamese subset: dropped glyphs would leave the image blank.
    const vietnamese = await ink('ĐăỦườữỹặẫỡự');
    const latin = await ink('DaUuouyaaou');
    expect(vietnamese).toBeGreaterThan(latin * 0.8);
    expect(await ink('Đăng ký khai sinh, Ủy ban nhân dân, ường, ữ, ỹ')).toBeGreaterThan(latin * 2);
  });
});
