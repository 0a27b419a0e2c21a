/**
 * The fonts of the share images: Be Vietnam Pro from npm (@fontsource), regular and bold. Its
 * files are subsets: the Latin one lacks most Vietnamese letters (ă, ơ, ư, đ and the stacked
 * tones), which are in the Vietnamese subset. Satori reads TTF, OTF and WOFF (not WOFF2).
 *
 * Handing satori the two subsets does not work well. Under one name it keeps only one of them
 * and drops every letter that one lacks, silently (next/og then even tries to fetch a font from
 * Google at build time). Under two names it falls back per glyph, but measures and kerns each
 * word with the font of its first letter, so "hoặc" is spaced with the Latin font's kerning for
 * a glyph number of the Vietnamese font. So the two subsets are merged into one TTF per weight
 * in memory (lib/og/font-file.ts mergeFonts): every word is set from one complete font, without
 * kerning, so that the widths lib/og/fit.ts measures are the widths drawn.
 *
 * lib/og/fonts.test.ts checks that every character of the content is in these fonts, and the
 * renderer refuses text with a character they lack rather than draw it without that letter.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeFonts, readFontFile, type FontFile } from './font-file';

export type OgWeight = 400 | 700;

export const OG_WEIGHTS: readonly OgWeight[] = [400, 700];

/** The fontsource subsets merged into each weight, the first one's glyphs winning. */
const SUBSETS = ['latin', 'vietnamese'] as const;

/** CSS font-family of the images. */
export const OG_FONT_FAMILY = 'BeVietnamPro';

const fontDir = () => path.resolve('node_modules/@fontsource/be-vietnam-pro/files');

export type LoadedFont = {
  weight: OgWeight;
  /** The subset files it was merged from. */
  files: string[];
  /** The merged TTF. */
  data: Buffer;
  parsed: FontFile;
};

let loaded: LoadedFont[] | null = null;

/** The merged fonts, made once per process. */
export function ogFontFiles(): LoadedFont[] {
  if (!loaded) {
    loaded = OG_WEIGHTS.map((weight) => {
      const files = SUBSETS.map((subset) =>
        path.join(fontDir(), `be-vietnam-pro-${subset}-${weight}-normal.woff`),
      );
      const data = files
        .map((f): Buffer => readFileSync(f))
        .reduce((merged, next) => mergeFonts(merged, next));
      return { weight, files, data, parsed: readFontFile(data) };
    });
  }
  return loaded;
}

type SatoriFont = { name: string; data: Buffer; weight: OgWeight; style: 'normal' };

let satoriFonts: SatoriFont[] | null = null;

/**
 * The `fonts` option of ImageResponse. Always the same array and buffers: satori caches parsed
 * fonts by their data, so reusing them saves parsing the fonts for every image.
 */
export function ogFonts(): SatoriFont[] {
  satoriFonts ??= ogFontFiles().map((f) => ({
    name: OG_FONT_FAMILY,
    data: f.data,
    weight: f.weight,
    style: 'normal' as const,
  }));
  return satoriFonts;
}

/** A hash of the fonts, part of the image cache key (a font update redraws every image). */
export function ogFontsHash(): string {
  const h = createHash('sha256');
  for (const f of ogFontFiles()) h.update(f.data);
  return h.digest('hex').slice(0, 16);
}

/** Characters that need no glyph (line breaks, tabs, zero-width and other control characters). */
function needsGlyph(ch: string): boolean {
  return !/^[\p{Cc}\p{Cf}\u2028\u2029]$/u.test(ch);
}

function fontOf(weight: OgWeight): FontFile {
  return ogFontFiles().find((f) => f.weight === weight)!.parsed;
}

/**
 * The distinct characters of a text (taken in NFC) that no image font has at a weight, in
 * order of first appearance. Empty when the whole text can be drawn.
 */
export function missingGlyphs(text: string, weight: OgWeight): string[] {
  const font = fontOf(weight);
  const missing = new Set<string>();
  for (const ch of text.normalize('NFC')) {
    if (needsGlyph(ch) && !font.glyphOf(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}

/** "U+2605 ★" for error messages. */
export function describeChar(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} ${JSON.stringify(ch)}`;
}

/** The advance width of a text in pixels at a font size (the merged fonts have no kerning). */
export function textWidth(text: string, fontSize: number, weight: OgWeight): number {
  const font = fontOf(weight);
  let units = 0;
  for (const ch of text) units += font.advance(font.glyphOf(ch.codePointAt(0)!));
  return (units / font.unitsPerEm) * fontSize;
}
