/**
 * A tiny reader and merger for the parts of font files the share images need: which characters a
 * font has (cmap) and how wide its glyphs are (hmtx), to test glyph coverage and to fit titles;
 * and the union of two subsets of one TrueType font as one TTF (see mergeFonts).
 * Reads WOFF 1 (zlib-compressed sfnt tables) and plain TTF/OTF.
 */
import { inflateSync } from 'node:zlib';

export type FontFile = {
  unitsPerEm: number;
  /** Glyph index of a code point; 0 (.notdef) when the font does not have it. */
  glyphOf(codePoint: number): number;
  /** Advance width of a glyph in font units. */
  advance(glyph: number): number;
  /** Every code point the font maps to a glyph. */
  codePoints(): number[];
};

type Tables = Map<string, Buffer>;

function tag(buf: Buffer, at: number): string {
  return buf.toString('latin1', at, at + 4);
}

function woffTables(buf: Buffer): Tables {
  const numTables = buf.readUInt16BE(12);
  const tables: Tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = buf.readUInt32BE(at + 4);
    const compLength = buf.readUInt32BE(at + 8);
    const origLength = buf.readUInt32BE(at + 12);
    const data = buf.subarray(offset, offset + compLength);
    tables.set(tag(buf, at), compLength < origLength ? inflateSync(data) : data);
  }
  return tables;
}

function sfntTables(buf: Buffer): Tables {
  const numTables = buf.readUInt16BE(4);
  const tables: Tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const offset = buf.readUInt32BE(at + 8);
    const length = buf.readUInt32BE(at + 12);
    tables.set(tag(buf, at), buf.subarray(offset, offset + length));
  }
  return tables;
}

/** Code point → glyph from a format 4 (BMP) or format 12 (full Unicode) cmap subtable. */
function readCmapSubtable(cmap: Buffer, at: number, into: Map<number, number>): boolean {
  const format = cmap.readUInt16BE(at);
  if (format === 12) {
    const groups = cmap.readUInt32BE(at + 12);
    for (let g = 0; g < groups; g++) {
      const p = at + 16 + g * 12;
      const start = cmap.readUInt32BE(p);
      const end = cmap.readUInt32BE(p + 4);
      const glyph = cmap.readUInt32BE(p + 8);
      for (let c = start; c <= end; c++) into.set(c, glyph + c - start);
    }
    return true;
  }
  if (format === 4) {
    const segCount = cmap.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segCount * 2 + 2;
    const deltas = starts + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    for (let s = 0; s < segCount; s++) {
      const end = cmap.readUInt16BE(ends + s * 2);
      const start = cmap.readUInt16BE(starts + s * 2);
      const delta = cmap.readInt16BE(deltas + s * 2);
      const rangeOffsetAt = rangeOffsets + s * 2;
      const rangeOffset = cmap.readUInt16BE(rangeOffsetAt);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const g = cmap.readUInt16BE(rangeOffsetAt + rangeOffset + (c - start) * 2);
          glyph = g === 0 ? 0 : (g + delta) & 0xffff;
        }
        if (glyph) into.set(c, glyph);
      }
    }
    return true;
  }
  return false;
}

function readCmap(cmap: Buffer): Map<number, number> {
  const count = cmap.readUInt16BE(2);
  const records = Array.from({ length: count }, (_, i) => ({
    platform: cmap.readUInt16BE(4 + i * 8),
    encoding: cmap.readUInt16BE(6 + i * 8),
    offset: cmap.readUInt32BE(8 + i * 8),
  }));
  // Prefer the full-Unicode table, then the BMP one (Windows platform 3, then Unicode platform 0).
  const rank = (r: (typeof records)[number]) =>
    r.platform === 3 && r.encoding === 10
      ? 0
      : r.platform === 0 && r.encoding >= 4
        ? 1
        : r.platform === 3 && r.encoding === 1
          ? 2
          : r.platform === 0
            ? 3
            : 9;
  const map = new Map<number, number>();
  for (const r of [...records].sort((a, b) => rank(a) - rank(b))) {
    if (rank(r) < 9 && readCmapSubtable(cmap, r.offset, map)) return map;
  }
  throw new Error('font has no Unicode cmap (format 4 or 12)');
}

function readTables(buf: Buffer): Tables {
  const signature = buf.toString('latin1', 0, 4);
  if (signature === 'wOF2')
    throw new Error('WOFF2 is not supported (satori cannot read it either)');
  return signature === 'wOFF' ? woffTables(buf) : sfntTables(buf);
}

export function readFontFile(buf: Buffer): FontFile {
  const tables = readTables(buf);
  const need = (name: string) => {
    const t = tables.get(name);
    if (!t) throw new Error(`font has no ${name} table`);
    return t;
  };
  const unitsPerEm = need('head').readUInt16BE(18);
  const numberOfHMetrics = need('hhea').readUInt16BE(34);
  const hmtx = need('hmtx');
  const cmap = readCmap(need('cmap'));
  return {
    unitsPerEm,
    glyphOf: (cp) => cmap.get(cp) ?? 0,
    advance: (glyph) => hmtx.readUInt16BE(Math.min(glyph, numberOfHMetrics - 1) * 4),
    codePoints: () => [...cmap.keys()].sort((a, b) => a - b),
  };
}

// ---------------------------------------------------------------------------------------------
// Merging two subsets of one TrueType font

type Glyph = { data: Buffer; advance: number; lsb: number };

function table(tables: Tables, name: string): Buffer {
  const t = tables.get(name);
  if (!t) throw new Error(`font has no ${name} table`);
  return t;
}

function glyphsOf(tables: Tables): Glyph[] {
  const head = table(tables, 'head');
  const numGlyphs = table(tables, 'maxp').readUInt16BE(4);
  const numberOfHMetrics = table(tables, 'hhea').readUInt16BE(34);
  const loca = table(tables, 'loca');
  const glyf = table(tables, 'glyf');
  const hmtx = table(tables, 'hmtx');
  const long = head.readInt16BE(50) === 1;
  const offset = (i: number) => (long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  return Array.from({ length: numGlyphs }, (_, i) => {
    const metric = Math.min(i, numberOfHMetrics - 1) * 4;
    return {
      data: glyf.subarray(offset(i), offset(i + 1)),
      advance: hmtx.readUInt16BE(metric),
      lsb:
        i < numberOfHMetrics
          ? hmtx.readInt16BE(i * 4 + 2)
          : hmtx.readInt16BE(numberOfHMetrics * 4 + (i - numberOfHMetrics) * 2),
    };
  });
}

/** A copy of a composite glyph whose component glyph indices are moved by `shift`. */
function shiftComposite(data: Buffer, shift: number): Buffer {
  if (data.length === 0 || data.readInt16BE(0) >= 0) return data; // empty or simple glyph
  const out = Buffer.from(data);
  let at = 10;
  for (;;) {
    const flags = out.readUInt16BE(at);
    out.writeUInt16BE(out.readUInt16BE(at + 2) + shift, at + 2);
    at += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008)
      at += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040)
      at += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) at += 8; // WE_HAVE_A_TWO_BY_TWO
    if (!(flags & 0x0020)) return out; // MORE_COMPONENTS
  }
}

function cmapFormat12(map: Map<number, number>): Buffer {
  const codes = [...map.keys()].sort((a, b) => a - b);
  const groups: [number, number, number][] = [];
  for (const c of codes) {
    const g = map.get(c)!;
    const last = groups.at(-1);
    if (last && c === last[1] + 1 && g === last[2] + (c - last[0])) last[1] = c;
    else groups.push([c, c, g]);
  }
  const sub = Buffer.alloc(16 + groups.length * 12);
  sub.writeUInt16BE(12, 0);
  sub.writeUInt32BE(sub.length, 4);
  sub.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, glyph], i) => {
    sub.writeUInt32BE(start, 16 + i * 12);
    sub.writeUInt32BE(end, 20 + i * 12);
    sub.writeUInt32BE(glyph, 24 + i * 12);
  });
  // Two encoding records (Unicode full repertoire, Windows UCS-4) share the one subtable.
  const header = Buffer.alloc(4 + 2 * 8);
  header.writeUInt16BE(2, 2);
  header.writeUInt16BE(0, 4);
  header.writeUInt16BE(4, 6);
  header.writeUInt32BE(header.length, 8);
  header.writeUInt16BE(3, 12);
  header.writeUInt16BE(10, 14);
  header.writeUInt32BE(header.length, 16);
  return Buffer.concat([header, sub]);
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeSfnt(tables: Tables): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const power = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(n * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + i * 16;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(checksum(data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    parts.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat(parts);
  const head = header.indexOf('head', 12, 'latin1');
  const headOffset = header.readUInt32BE(head + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}

/**
 * One TrueType font (TTF) holding every glyph of two subsets of the same font, e.g. the Latin and
 * the Vietnamese files of a web font: the primary's glyphs keep their numbers, the secondary's are
 * appended, and the merged cmap sends each character the primary lacks to the appended glyph.
 *
 * Why not hand satori both files: it measures and kerns each word with the font of its FIRST
 * letter, borrowing missing glyphs from the other font by glyph number, so a word like "hoặc"
 * gets the Latin font's kerning for a glyph number of the Vietnamese font: visibly wrong spacing.
 *
 * Kerning and substitutions (GPOS, GSUB, GDEF) are left out on purpose: satori measures a word and
 * the punctuation after it as separate pieces but draws them as one kerned run, which leaves a gap
 * after "T," or "y." in a title. Without kerning, what is measured is what is drawn (and what
 * lib/og/fit.ts measures too).
 */
export function mergeFonts(primaryFile: Buffer, secondaryFile: Buffer): Buffer {
  const a = readTables(primaryFile);
  const b = readTables(secondaryFile);
  const glyphsA = glyphsOf(a);
  const glyphsB = glyphsOf(b);
  const shift = glyphsA.length - 1; // secondary glyph g (g ≥ 1, .notdef dropped) → g + shift
  const glyphs = [
    ...glyphsA,
    ...glyphsB.slice(1).map((g) => ({ ...g, data: shiftComposite(g.data, shift) })),
  ];

  const cmap = new Map<number, number>();
  const cmapB = readCmap(table(b, 'cmap'));
  for (const [c, g] of cmapB) if (g) cmap.set(c, g + shift);
  for (const [c, g] of readCmap(table(a, 'cmap'))) if (g) cmap.set(c, g);

  const glyfParts: Buffer[] = [];
  const loca = Buffer.alloc((glyphs.length + 1) * 4);
  const hmtx = Buffer.alloc(glyphs.length * 4);
  let offset = 0;
  glyphs.forEach((g, i) => {
    loca.writeUInt32BE(offset, i * 4);
    const padded = Buffer.concat([g.data, Buffer.alloc((4 - (g.data.length % 4)) % 4)]);
    glyfParts.push(padded);
    offset += padded.length;
    hmtx.writeUInt16BE(g.advance, i * 4);
    hmtx.writeInt16BE(g.lsb, i * 4 + 2);
  });
  loca.writeUInt32BE(offset, glyphs.length * 4);

  const head = Buffer.from(table(a, 'head'));
  const headB = table(b, 'head');
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set by writeSfnt
  head.writeInt16BE(Math.min(head.readInt16BE(36), headB.readInt16BE(36)), 36); // xMin
  head.writeInt16BE(Math.min(head.readInt16BE(38), headB.readInt16BE(38)), 38); // yMin
  head.writeInt16BE(Math.max(head.readInt16BE(40), headB.readInt16BE(40)), 40); // xMax
  head.writeInt16BE(Math.max(head.readInt16BE(42), headB.readInt16BE(42)), 42); // yMax
  head.writeInt16BE(1, 50); // indexToLocFormat: long offsets

  const hhea = Buffer.from(table(a, 'hhea'));
  hhea.writeUInt16BE(Math.max(...glyphs.map((g) => g.advance)), 10); // advanceWidthMax
  hhea.writeUInt16BE(glyphs.length, 34); // numberOfHMetrics

  const maxp = Buffer.from(table(a, 'maxp'));
  const maxpB = table(b, 'maxp');
  maxp.writeUInt16BE(glyphs.length, 4);
  // Version 1.0: the limits (points, contours, zones, stack, components…) are the larger of both.
  for (let at = 6; at + 2 <= Math.min(maxp.length, maxpB.length); at += 2)
    maxp.writeUInt16BE(Math.max(maxp.readUInt16BE(at), maxpB.readUInt16BE(at)), at);

  // post version 3: no glyph names (the names of the appended glyphs would not match).
  const post = Buffer.from(table(a, 'post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);

  const merged: Tables = new Map([
    ['head', head],
    ['hhea', hhea],
    ['maxp', maxp],
    ['hmtx', hmtx],
    ['cmap', cmapFormat12(cmap)],
    ['loca', loca],
    ['glyf', Buffer.concat(glyfParts)],
    ['post', post],
  ]);
  for (const keep of ['OS/2', 'name', 'gasp']) {
    const t = a.get(keep);
    if (t) merged.set(keep, t);
  }
  return writeSfnt(merged);
}
