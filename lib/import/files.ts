/**
 * Recognises an import file from its extension and its content, and reads it: JSON from the
 * national portal, or a catalogue as CSV or XLSX. A file that is not what its name says, or is
 * cut off, fails with a message naming it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { readCatalogue, type Cell } from './catalogue';
import { readPortalDetail } from './portal';
import type { ReadContext, ReadResult } from './types';

type Kind = 'json' | 'csv' | 'xlsx';

const BY_EXTENSION: Record<string, Kind> = {
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
};

const NAMES: Record<Kind, string> = {
  json: 'JSON',
  csv: 'CSV text',
  xlsx: 'an XLSX workbook',
};

function failed(file: string, message: string): ReadResult {
  return { patches: [], notes: [], problems: [{ file, message }] };
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Text in UTF-8 (with or without BOM) or UTF-16 with a BOM, as spreadsheet programs save it. */
function decode(bytes: Buffer): string | null {
  try {
    if (startsWith(bytes, [0xff, 0xfe]))
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (startsWith(bytes, [0xfe, 0xff]))
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export async function readImportFile(
  filePath: string,
  ctx: Omit<ReadContext, 'file'> & { file?: string },
): Promise<ReadResult> {
  const file = ctx.file ?? filePath;
  const context: ReadContext = { ...ctx, file };
  let bytes: Buffer;
  try {
    if (!statSync(filePath).isFile()) return failed(file, 'is not a file');
    bytes = readFileSync(filePath);
  } catch {
    return failed(file, 'file not found or unreadable');
  }
  if (!bytes.length) return failed(file, 'the file is empty');

  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.xls' || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return failed(file, 'an old Excel 97-2003 (.xls) file: open it and save it as .xlsx');
  if (ext === '.ods') return failed(file, 'an OpenDocument spreadsheet: save it as .xlsx or CSV');

  let content: Kind;
  let text: string | null = null;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) content = 'xlsx';
  else {
    text = decode(bytes);
    if (text === null)
      return failed(file, 'not UTF-8 text and not an XLSX workbook (save a CSV as "CSV UTF-8")');
    content = /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'csv';
  }
  const named = BY_EXTENSION[ext];
  if (named && named !== content)
    return failed(file, `the name says ${ext} but the content is ${NAMES[content]}`);

  if (content === 'json') return readJson(text!, context);
  if (content === 'xlsx') return readXlsx(bytes, context);
  const result = readCsv(text!, context);
  if (!named && result.problems.length)
    return failed(
      file,
      'not a recognised import file: expected a procedure detail from the national portal (JSON) ' +
        'or a catalogue (CSV or XLSX with a header row)',
    );
  return result;
}

function readJson(text: string, ctx: ReadContext): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return failed(ctx.file, `not valid JSON (truncated or damaged?): ${(e as Error).message}`);
  }
  return readPortalDetail(json, ctx);
}

async function readXlsx(bytes: Buffer, ctx: ReadContext): Promise<ReadResult> {
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    sheets = (await readExcelFile(bytes)) as { sheet: string; data: Cell[][] }[];
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'INVALID_ZIP')
      return failed(ctx.file, 'cannot read the XLSX (truncated or damaged?)');
    if (code === 'NO_DATA') return failed(ctx.file, 'the workbook has no sheet with data');
    return failed(ctx.file, `not a readable XLSX workbook: ${(e as Error).message}`);
  }
  if (!sheets.length) return failed(ctx.file, 'the workbook has no sheet with data');
  // The catalogue is usually the first sheet, but decisions sometimes put a cover sheet first.
  let first: ReadResult | undefined;
  for (const [i, s] of sheets.entries()) {
    const result = readCatalogue(s.data, ctx);
    const noHeader =
      result.problems.length === 1 && /^no header row/.test(result.problems[0].message);
    if (!noHeader) {
      if (i > 0) result.notes.unshift(`${ctx.file}: read the sheet "${s.sheet}"`);
      return result;
    }
    first ??= result;
  }
  return first!;
}

function readCsv(text: string, ctx: ReadContext): ReadResult {
  const body = text.replace(/^\uFEFF/, '');
  let first: ReadResult | undefined;
  let parseError: string | undefined;
  for (const delimiter of [',', ';', '\t']) {
    let rows: string[][];
    try {
      rows = parseCsv(body, { delimiter, relax_column_count: true, skip_empty_lines: false });
    } catch (e) {
      parseError ??= (e as Error).message;
      continue;
    }
    const result = readCatalogue(rows, ctx);
    const noHeader =
      result.problems.length === 1 && /^no header row/.test(result.problems[0].message);
    if (!noHeader) {
      const last = rows[rows.length - 1];
      const headerWidth = Math.max(...rows.slice(0, 20).map((r) => r.length));
      if (!/\n$/.test(body) && last && last.length > 1 && last.length < headerWidth)
        return failed(
          ctx.file,
          `the last row (row ${rows.length}) is cut off: the file looks truncated`,
        );
      return result;
    }
    first ??= result;
  }
  if (parseError && !first?.patches.length)
    return failed(ctx.file, `not valid CSV (truncated or damaged?): ${parseError}`);
  return first!;
}
