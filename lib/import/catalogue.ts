/**
 * Reads the province's procedure catalogue (danh mục TTHC: one row per procedure, with a header
 * row) into summary updates: name, field, time limit, fees, legal basis, agency. A row never
 * carries documents or steps, so it only updates procedures that exist or are imported in the
 * same run from the national portal.
 */
import { fieldSlug, matchField } from './fields';
import { fold } from '../search/fold';
import { cleanText, dateAfterNumber, DOCUMENT_NUMBER, feeKinds, stripBullet } from './text';
import type { Problem, ProcedurePatch, ReadContext, ReadResult, Unit, Update } from './types';

export type Cell = string | number | boolean | Date | null | undefined;

type Column =
  'stt' | 'code' | 'name' | 'field' | 'time' | 'fee' | 'legal' | 'agency' | 'issuer' | 'note';

/** Accepted header names, folded (case, diacritics and punctuation do not matter). */
const ALIASES: Record<string, Column> = {
  stt: 'stt',
  'ma tthc': 'code',
  'ma so tthc': 'code',
  'ma thu tuc': 'code',
  // The national portal's list export (Danh sách TTHC): Mã số, Tên, Cơ quan ban hành, …
  'ma so': 'code',
  ten: 'name',
  'co quan ban hanh': 'issuer',
  'ten thu tuc hanh chinh': 'name',
  'ten tthc': 'name',
  'ten thu tuc': 'name',
  'linh vuc': 'field',
  'thoi han giai quyet': 'time',
  'phi le phi': 'fee',
  'can cu phap ly': 'legal',
  'co quan thuc hien': 'agency',
  'ghi chu': 'note',
};

const LABELS: Record<Column, string> = {
  stt: 'STT',
  code: 'Mã TTHC',
  name: 'Tên thủ tục hành chính',
  field: 'Lĩnh vực',
  time: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  legal: 'Căn cứ pháp lý',
  agency: 'Cơ quan thực hiện',
  issuer: 'Cơ quan ban hành',
  note: 'Ghi chú',
};

/** How far down a title block above the header row may reach. */
const HEADER_SEARCH_ROWS = 20;

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return cleanText(String(c));
}

/**
 * The national code in a cell: "1.001193", the long form "1.001193.000.00.00.H56" that
 * provincial decisions often print, or a number cell that lost its trailing zeros (1.00119).
 */
function codeOf(c: Cell): string | null {
  if (typeof c === 'number') {
    const s = c.toFixed(6);
    return Number(s) === c && /^\d\.\d{6}$/.test(s) ? s : null;
  }
  const s = cellText(c).replace(/\s+/g, '');
  const m = /^(\d\.\d{6})(?:\.000\.00\.00\.[A-Z0-9]+)?$/i.exec(s);
  return m ? m[1] : null;
}

type Header = { row: number; columns: Partial<Record<Column, number>>; labels: string[] };

function findHeader(rows: Cell[][], file: string, notes: string[]): Header | Problem {
  let best: { row: number; found: Column[] } | undefined;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const cells = rows[r] ?? [];
    const found = cells.map((c) => ALIASES[fold(cellText(c))]).filter((k): k is Column => !!k);
    if (found.length >= 2 && (!best || found.length > best.found.length)) best = { row: r, found };
    if (found.includes('code') && found.includes('name')) break;
  }
  if (!best) {
    const first = (rows.find((r) => r.some((c) => cellText(c))) ?? []).map(cellText).join(' | ');
    return {
      file,
      message:
        `no header row: the columns "${LABELS.code}" and "${LABELS.name}" were not found ` +
        `in the first ${HEADER_SEARCH_ROWS} rows${first ? ` (first row reads: ${first.slice(0, 120)})` : ''}`,
    };
  }
  const cells = rows[best.row] ?? [];
  const columns: Header['columns'] = {};
  const labels = cells.map(cellText);
  const ignored: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const label = labels[i];
    if (!label) continue;
    const key = ALIASES[fold(label)];
    if (!key) {
      ignored.push(label);
      continue;
    }
    if (columns[key] !== undefined)
      return {
        file,
        row: best.row + 1,
        column: label,
        message: `column "${LABELS[key]}" appears twice (also "${labels[columns[key]!]}")`,
      };
    columns[key] = i;
  }
  const missing = (['code', 'name'] as const).filter((k) => columns[k] === undefined);
  if (missing.length)
    return {
      file,
      row: best.row + 1,
      message: `header row lacks the column${missing.length > 1 ? 's' : ''} ${missing
        .map((k) => `"${LABELS[k]}"`)
        .join(' and ')}`,
    };
  if (ignored.length)
    notes.push(`${file}: columns not imported: ${ignored.map((l) => `"${l}"`).join(', ')}`);
  return { row: best.row, columns, labels };
}

type LocalText = { vi: string; en?: string };

const TIME_WORDS: Record<string, { unit: string; en: [string, string] }> = {
  'ngày làm việc': { unit: 'working-day', en: ['working day', 'working days'] },
  ngày: { unit: 'day', en: ['day', 'days'] },
  giờ: { unit: 'hour', en: ['hour', 'hours'] },
  tháng: { unit: 'month', en: ['month', 'months'] },
};

/** The time text word for word; a number and unit only when that is all the text says. */
export function catalogueTime(text: string): { value?: number; unit?: string; text: LocalText } {
  const m = /^(\d+(?:[.,]\d+)?)\s*(ngày làm việc|ngày|giờ|tháng)\.?$/iu.exec(text);
  if (!m) return { text: { vi: text } };
  const value = Number(m[1].replace(',', '.'));
  const words = TIME_WORDS[m[2].toLowerCase()];
  if (!(value > 0)) return { text: { vi: text } };
  return {
    value,
    unit: words.unit,
    text: { vi: text, en: `${value} ${words.en[value === 1 ? 0 : 1]}` },
  };
}

type Fee = { kind?: 'fee' | 'charge'; amount?: number; text: LocalText };

const NO_FEE = new Set(['khong', 'khong co', 'khong thu', 'khong quy dinh']);

function feeEntry(kind: 'fee' | 'charge', raw: string): Fee {
  // "Lệ phí: 8.000 đồng": the label only repeats the kind.
  const text = raw.replace(/^(?:lệ phí|phí)\s*:\s*/iu, '') || raw;
  const m = /^(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|đ|vnđ|vnd)\.?$/iu.exec(text);
  const amount = m ? Number(m[1].replace(/[.,]/g, '')) : undefined;
  return { kind, ...(amount !== undefined ? { amount } : {}), text: { vi: text } };
}

/**
 * Fees from the "Phí, lệ phí" cell. Each line (or ";"-separated part of a line that names both)
 * must say whether it is a phí or a lệ phí; a line that says neither continues the one above.
 * "Không" means no fees (said so). Anything else is refused rather than guessed.
 */
export function catalogueFees(text: string): Fee[] | string {
  // An empty list would read as "not stated": "Không" is a statement, kept as said.
  if (NO_FEE.has(fold(text))) return [{ amount: 0, text: { vi: cleanText(text) } }];
  const fees: Fee[] = [];
  for (const line of cleanText(text).split('\n').map(stripBullet).filter(Boolean)) {
    const kinds = feeKinds(line);
    if (kinds.length === 1) {
      fees.push(feeEntry(kinds[0], line));
      continue;
    }
    if (kinds.length === 0) {
      if (!fees.length)
        return `cannot tell whether "${line}" is a phí or a lệ phí; write "Phí: …" or "Lệ phí: …"`;
      const last = fees[fees.length - 1];
      fees[fees.length - 1] = { kind: last.kind, text: { vi: `${last.text.vi}\n${line}` } };
      continue;
    }
    for (const piece of line.split(/;\s*/).filter((p) => p.trim())) {
      const k = feeKinds(piece);
      if (k.length === 1) fees.push(feeEntry(k[0], piece));
      else if (k.length === 0 && fees.length) {
        const last = fees[fees.length - 1];
        fees[fees.length - 1] = { kind: last.kind, text: { vi: `${last.text.vi}; ${piece}` } };
      } else return `"${piece}" names both phí and lệ phí (or neither); put each on its own line`;
    }
  }
  return fees;
}

const DOCUMENT_KIND =
  /^(?:bộ luật|luật|nghị định|nghị quyết|thông tư|quyết định|pháp lệnh|văn bản hợp nhất|chỉ thị)\b/iu;

type Legal = { number?: string; title: LocalText; date?: string };

/**
 * Legal bases from the "Căn cứ pháp lý" cell: one per line (or per ";" when a line holds several
 * numbers), each with its document number. A line without a number that starts like a new
 * document ("Luật Hộ tịch năm 2014") is kept as a document named by its title only; one that does
 * not continues the document above (a wrapped line).
 */
export function catalogueLegal(text: string): Legal[] {
  const out: Legal[] = [];
  const numbers = new RegExp(DOCUMENT_NUMBER.source, 'gu');
  for (const rawLine of cleanText(text).split('\n')) {
    const bulleted = /^[-–+*•]\s*/.test(rawLine.trim());
    const line = stripBullet(rawLine);
    if (!line) continue;
    const pieces = (line.match(numbers)?.length ?? 0) > 1 ? line.split(/;\s*/) : [line];
    for (const [i, piece] of pieces.entries()) {
      const p = piece.replace(/[;,]\s*$/, '').trim();
      if (!p) continue;
      const number = DOCUMENT_NUMBER.exec(p)?.[0];
      if (number) {
        const date = dateAfterNumber(p, number);
        out.push({ number, title: { vi: p }, ...(date ? { date } : {}) });
      } else if ((bulleted && i === 0) || DOCUMENT_KIND.test(p) || !out.length) {
        out.push({ title: { vi: p } });
      } else {
        const last = out[out.length - 1];
        last.title = { vi: `${last.title.vi}${i === 0 ? '\n' : '; '}${p}` };
      }
    }
  }
  return out;
}

/** Rows of a sheet (first sheet of an XLSX, or a CSV), row 1 being the first line of the file. */
export function readCatalogue(rows: Cell[][], ctx: ReadContext): ReadResult {
  const { file } = ctx;
  const notes: string[] = [];
  const problems: Problem[] = [];
  const header = findHeader(rows, file, notes);
  if ('message' in header) return { patches: [], notes, problems: [header] };
  const col = header.columns;
  const patches: ProcedurePatch[] = [];
  const seen = new Map<string, number>();

  for (let r = header.row + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const rowNo = r + 1;
    const get = (k: Column) => (col[k] === undefined ? '' : cellText(cells[col[k]!]));
    const row: { code?: string } = {};
    const bad = (k: Column, message: string) =>
      problems.push({
        file,
        row: rowNo,
        column: header.labels[col[k]!] || LABELS[k],
        ...(row.code ? { code: row.code } : {}),
        message,
      });
    if (!cells.some((c) => cellText(c))) continue;
    if (
      cells.length > header.labels.length &&
      cells.slice(header.labels.length).some((c) => cellText(c))
    ) {
      problems.push({ file, row: rowNo, message: 'has more cells than the header has columns' });
      continue;
    }
    const rawCode = col.code === undefined ? undefined : cells[col.code];
    const name = get('name');
    if (!cellText(rawCode)) {
      const carried = (['field', 'time', 'fee', 'legal', 'agency'] as const).some((k) => get(k));
      if (!carried) {
        // Section headings ("I. LĨNH VỰC HỘ TỊCH") sit between procedures in provincial lists.
        if (name)
          notes.push(`${file}: dòng/row ${rowNo} has no code and is read as a heading: "${name}"`);
        continue;
      }
      bad('code', 'empty code (mã TTHC)');
      continue;
    }
    const code = codeOf(rawCode);
    if (!code) {
      bad('code', `malformed code "${cellText(rawCode)}" (expected a national code like 1.001193)`);
      continue;
    }
    const before = problems.length;
    row.code = code;
    const earlier = seen.get(code);
    if (earlier !== undefined) bad('code', `duplicate code ${code} (also on row ${earlier})`);
    else seen.set(code, rowNo);
    if (!name) bad('name', 'empty name (tên thủ tục)');

    const units: Partial<Record<Unit, Update>> = {};
    if (name) units['name.vi'] = { set: name };
    const fieldText = get('field');
    let newField: ProcedurePatch['newField'];
    if (fieldText) {
      const field = matchField(fieldText, ctx.fields);
      newField = field ? undefined : { id: fieldSlug(fieldText), name: fieldText };
      units.field = { set: field?.id ?? newField!.id };
    }
    const timeText = get('time');
    const feeText = get('fee');
    const time = timeText ? catalogueTime(timeText) : undefined;
    const fees = feeText ? catalogueFees(feeText) : undefined;
    if (typeof fees === 'string') bad('fee', fees);
    else if (time || fees)
      units.methods = {
        edit: (current) =>
          Array.isArray(current)
            ? current.map((m: Record<string, unknown>) => ({
                ...m,
                ...(time ? { time: structuredClone(time) } : {}),
                ...(fees ? { fees: structuredClone(fees) } : {}),
              }))
            : current,
      };
    const legalText = get('legal');
    if (legalText) {
      const legal = catalogueLegal(legalText);
      if (legal.length) units.legalBasis = { set: legal };
    }
    const agency = get('agency');
    if (agency) units['agency.vi'] = { set: agency };
    const issuer = get('issuer');
    // A bad row is refused on its own; the other rows go on.
    if (problems.length === before)
      patches.push({
        code,
        origin: `${file} dòng/row ${rowNo}`,
        source: 'catalogue',
        units,
        ...(newField ? { newField } : {}),
        ...(issuer ? { promulgatedBy: issuer } : {}),
      });
  }
  if (!patches.length && !problems.length)
    notes.push(`${file}: no procedure rows below the header`);
  return { patches, notes, problems };
}
