/**
 * Fitting a title into a box: the largest font size at which it wraps into the allowed lines, and
 * at the smallest size an ellipsis on the last line rather than text running out of the image.
 * Lines are measured with the image fonts' own advance widths and drawn one by one, so what is
 * computed here is what is drawn.
 */
import { textWidth, type OgWeight } from './fonts';

export type FitOptions = {
  /** Width of the box in pixels. */
  width: number;
  /** Height of the box in pixels: with lineHeight, how many lines fit at each size. */
  height?: number;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
  maxLines?: number;
  maxSize: number;
  minSize: number;
  weight: OgWeight;
  /** Size step when shrinking. */
  step?: number;
};

export type Fitted = { fontSize: number; lines: string[]; truncated: boolean };

/** Rounding and satori's own layout: keep this share of the width free. */
const SLACK = 0.96;

/** Splits a word wider than the line into pieces that fit (a long code or address). */
function breakWord(word: string, fits: (s: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && !fits(piece + ch)) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy line breaking at spaces (the way satori breaks Vietnamese, a language of short words). */
export function wrap(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (fits(word)) {
      line = word;
    } else {
      const pieces = breakWord(word, fits);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function fitText(text: string, options: FitOptions): Fitted {
  const { width, height, lineHeight = 1.2, maxSize, minSize, weight, step = 2 } = options;
  const linesAt = (size: number) =>
    Math.max(
      1,
      Math.min(
        options.maxLines ?? Infinity,
        height === undefined ? Infinity : Math.floor(height / (size * lineHeight)),
      ),
    );
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const max = width * SLACK;
  for (let size = maxSize; size >= minSize; size -= step) {
    const lines = wrap(clean, (s) => textWidth(s, size, weight) <= max);
    if (lines.length <= linesAt(size)) return { fontSize: size, lines, truncated: false };
  }
  // Still too long at the smallest size: keep the first lines and end the last with an ellipsis.
  const maxLines = linesAt(minSize);
  const fits = (s: string) => textWidth(s, minSize, weight) <= max;
  const lines = wrap(clean, fits).slice(0, maxLines);
  let last = lines[maxLines - 1];
  // Drop whole words while there are several, then letters.
  while (last && !fits(`${last}…`))
    last = last.includes(' ') ? last.replace(/\s+\S*$/u, '') : [...last].slice(0, -1).join('');
  lines[maxLines - 1] = `${last.replace(/[\s,.;:–-]+$/u, '')}…`;
  return { fontSize: minSize, lines, truncated: true };
}
