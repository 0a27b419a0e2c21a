import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImageResponse } from 'next/og';
import { createElement } from 'react';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContentFrom } from '../content/load';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';
import {
  OG_FONT_FAMILY,
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

/**
 * The code points a font file maps, as FreeType reads it (fontconfig's fc-scan): a reader
 * independent of lib/og/font-file.ts, which wrote the merged fonts.
 */
function freeTypeCharset(data: Buffer): Set<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'og-font-'));
  try {
    const file = path.join(dir, 'font');
    writeFileSync(file, data);
    const out = execFileSync('fc-scan', ['--format', '%{charset}', file], { encoding: 'utf8' });
    const set = new Set<number>();
    for (const range of out.trim().split(/\s+/)) {
      const [from, to = from] = range.split('-').map((h) => parseInt(h, 16));
      for (let cp = from; cp <= to; cp++) set.add(cp);
    }
    return set;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the share-image fonts', () => {
  it('are one TTF per weight holding every glyph of the Latin and Vietnamese subsets', () => {
    for (const font of ogFontFiles()) {
      expect(font.data.readUInt32BE(0)).toBe(0x00010000); // TrueType sfnt, which satori reads
      const merged = freeTypeCharset(font.data);
      for (const file of font.files) {
        const lacking = [...freeTypeCharset(readFileSync(file))].filter((cp) => !merged.has(cp));
        expect(
          lacking.map((cp) => describeChar(String.fromCodePoint(cp))),
          file,
        ).toEqual([]);
      }
    }
  });

  it('have every character of the content and the messages, as FreeType reads the files', () => {
    const texts = [...strings(content), ...strings(vi), ...strings(en)];
    for (const font of ogFontFiles()) {
      const charset = freeTypeCharset(font.data);
      const lacking = new Set<string>();
      for (const ch of texts.join('')) {
        if (!/^[\p{Cc}\p{Cf}]$/u.test(ch) && !charset.has(ch.codePointAt(0)!)) lacking.add(ch);
      }
      expect([...lacking].map(describeChar), `weight ${font.weight}`).toEqual([]);
    }
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
