/**
 * Text helpers shared by the importers: turning the national
 * portal's bullet conventions ("- ", "+ ", "(i)", "* Lưu ý:") into lists without losing a word.
 */
import { fold } from '../search/fold';

/**
 * NFC, trimmed; within each line non-breaking spaces and tabs read as spaces, runs of spaces as
 * one, trailing spaces removed (none of them are words).
 */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((l) =>
      l
        .replace(/[\t\u00a0\u2007\u202f]/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trimEnd(),
    )
    .join('\n')
    .trim();
}

/** Which of phí (fee) and lệ phí (charge) a text names. */
export function feeKinds(s: string): ('fee' | 'charge')[] {
  const f = ` ${fold(s)} `;
  const kinds: ('fee' | 'charge')[] = [];
  if (f.includes(' le phi ')) kinds.push('charge');
  if (f.replace(/ le phi /g, ' ').includes(' phi ')) kinds.push('fee');
  return kinds;
}

export type ListBlock = { text: string; items: string[] };

const TOP = /^[-–•]\s*(?=\p{L}|\d|\()/u;
const HEADING = /^\*\s*/;
const PLUS = /^\+\s*(?=\p{L}|\d|\()/u;
const STEP_WORD = /^bước\s+\d+/i;
const NUMBERED = /^\d{1,2}[.)]\s+/;
/** "(i)", "(ii)", "(a)", "(1)", "a)": labels the text refers back to ("thực hiện lại bước (i)"). */
const LABELLED = /^(?:\((?:[ivxlc]+|[a-zđ]|\d{1,2})\)|[a-zđ]\))\s*/i;

type LineKind = 'top' | 'heading' | 'sub' | 'plain';

function classify(line: string): { kind: LineKind; text: string } {
  if (HEADING.test(line) && !/^\*\*/.test(line))
    return { kind: 'heading', text: line.replace(HEADING, '') };
  if (TOP.test(line)) return { kind: 'top', text: line.replace(TOP, '') };
  if (STEP_WORD.test(line) || NUMBERED.test(line)) return { kind: 'top', text: line };
  if (PLUS.test(line)) return { kind: 'sub', text: line.replace(PLUS, '') };
  if (LABELLED.test(line)) return { kind: 'sub', text: line };
  return { kind: 'plain', text: line };
}

/**
 * Splits portal text into blocks with items. Top-level bullets ("- ", "Bước 1", "1.") start a
 * block; "+ " and "(i)" lines are items of the block above; lines without a marker continue what
 * precedes them (joined with a line break, as in the source). A "* Heading:" line starts a block
 * whose "- " lines become its items, since on the portal that is how notes ("* Lưu ý:") follow the
 * steps. Pure bullet marks ("- ", "+ ", "* ") are dropped; labels like "(ii)" are kept because the
 * text refers to them. Every word of the source ends up in the result, in order.
 */
export function parseBlocks(source: string): ListBlock[] {
  const lines = cleanText(source)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const classified = lines.map(classify);
  const hasTop = classified.some((l) => l.kind === 'top' || l.kind === 'heading');
  const blocks: ListBlock[] = [];
  let inHeading = false;
  const last = () => blocks[blocks.length - 1];
  const appendToLast = (text: string) => {
    const b = last();
    if (b.items.length) b.items[b.items.length - 1] += `\n${text}`;
    else b.text += `\n${text}`;
  };
  for (let i = 0; i < classified.length; i++) {
    const { kind, text } = classified[i];
    const raw = lines[i];
    if (kind === 'heading') {
      blocks.push({ text, items: [] });
      inHeading = true;
    } else if (kind === 'top') {
      if (inHeading) last().items.push(text);
      else blocks.push({ text, items: [] });
    } else if (kind === 'sub') {
      if (!blocks.length || !hasTop) blocks.push({ text, items: [] });
      // Two levels below a heading cannot be represented: keep the line with its marker.
      else if (inHeading && last().items.length) appendToLast(raw);
      else last().items.push(text);
    } else if (!blocks.length) {
      blocks.push({ text, items: [] });
    } else {
      appendToLast(text);
    }
  }
  return blocks;
}

/** A flat list: one entry per top-level bullet, anything below kept inside its entry. */
export function parseList(source: string): string[] {
  const lines = cleanText(source)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const line of lines) {
    const { kind, text } = classify(line);
    if (kind === 'top' || kind === 'heading' || !out.length)
      out.push(kind === 'plain' ? line : text);
    else out[out.length - 1] += `\n${line}`;
  }
  return out;
}

/** Drops one leading bullet mark ("- ", "+ ", "* ", "• ") from a single list entry. */
export function stripBullet(s: string): string {
  return cleanText(s).replace(/^(?:[-–+*•])\s+/, '');
}

/** A Vietnamese calendar date "15/11/2015" or "15 tháng 11 năm 2015" as YYYY-MM-DD, or null. */
export function parseVietnameseDate(s: string): string | null {
  const m =
    /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s) ??
    /^(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/** Number, year and issuer code of a Vietnamese legal document: 123/2015/NĐ-CP, 66.7/2025/NQ-CP. */
export const DOCUMENT_NUMBER = /\d+(?:\.\d+)?\/\d{4}\/[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*/u;

/**
 * The date of a legal document when its own number is followed by "ngày …" in the title
 * ("Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 …"). A date after another document's number
 * ("sửa đổi Thông tư số 02/2020/TT-BTP ngày 08/4/2020") is not this document's and is ignored.
 */
export function dateAfterNumber(title: string, number: string): string | undefined {
  const own = DOCUMENT_NUMBER.exec(number)?.[0];
  if (!own) return undefined;
  const at = title.indexOf(own);
  if (at < 0) return undefined;
  const rest = /^\s*,?\s*ngày\s+(.*)$/is.exec(title.slice(at + own.length));
  return (rest && parseVietnameseDate(rest[1])) || undefined;
}
