import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CATALOGUE_HEADER, snapshotDir } from '../../bench/fixtures';
import os from 'node:os';
import path from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../content/load';
import { runImport, type ImportOptions, type ImportReport } from './run';

const FIXTURE = path.join(__dirname, 'fixtures', '1.001193.json');
const REPO_CONTENT = path.resolve(__dirname, '../../content');
const DECISION = {
  number: '1234/QĐ-UBND',
  date: '2025-07-01',
  issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
};
const PROCEDURE = 'procedures/1.001193.yaml';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A minimal valid content directory: the project's site.yaml and fields.yaml, no procedures. */
function makeContent(): string {
  const dir = tempDir('import-content-');
  for (const f of ['site.yaml', 'fields.yaml'])
    copyFileSync(path.join(REPO_CONTENT, f), path.join(dir, f));
  return dir;
}

const snapshot = (dir: string) => snapshotDir(dir);

function input(name: string, content: string | Buffer): string {
  const dir = tempDir('import-input-');
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Every problem of a run: files refused as a whole, and each refused procedure's. */
function allProblems(report: ImportReport) {
  return [...report.problems, ...report.outcomes.flatMap((o) => o.problems ?? [])];
}

function opts(contentDir: string, more: Partial<ImportOptions> = {}): ImportOptions {
  return { contentDir, decision: DECISION, today: '2026-01-15', ...more };
}

function readYaml(dir: string): Record<string, unknown> {
  return parseDocument(readFileSync(path.join(dir, PROCEDURE), 'utf8')).toJS();
}

function editYaml(dir: string, edit: (text: string) => string) {
  const file = path.join(dir, PROCEDURE);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

const CATALOGUE_ROW = [
  1,
  '1.001193',
  'Đăng ký khai sinh',
  'Hộ tịch',
  'Ngay trong ngày làm việc',
  'Lệ phí: Miễn lệ phí đăng ký khai sinh đúng hạn\nPhí cấp bản sao Giấy khai sinh: 8.000 đồng/bản',
  'Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ',
  'Ủy ban nhân dân phường Đức Phổ',
  '',
];

function csv(rows: (string | number)[][]): string {
  return `${rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
}

describe('importing the national portal detail', () => {
  it('creates a valid procedure that the content loader accepts', async () => {
    const dir = makeContent();
    const report = await runImport([FIXTURE], opts(dir));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.outcomes.map((o) => [o.code, o.status])).toEqual([['1.001193', 'created']]);
    expect(report.written).toEqual([PROCEDURE, '.import-state.json']);

    const content = loadContentFrom(dir);
    const p = content.procedures[0];
    expect(p.code).toBe('1.001193');
    expect(p.methods.map((m) => m.channel)).toEqual(['online', 'postal', 'direct']);
    expect(p.documents.map((d) => d.items.length)).toEqual([5, 6, 19, 3]);
    expect(p.steps).toHaveLength(6);
    expect(p.legalBasis).toHaveLength(15);
    expect(p.source).toEqual({
      decision: {
        number: '1234/QĐ-UBND',
        date: '2025-07-01',
        issuer: { vi: 'Ủy ban nhân dân tỉnh Quảng Ngãi' },
      },
      promulgatedBy: { vi: 'Bộ Tư pháp' },
      verifiedOn: '2026-01-15',
      url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    });
    expect(p.online.url).toBe(p.source.url);
    const text = readFileSync(path.join(dir, PROCEDURE), 'utf8');
    expect(text).toMatch(/^# Nhập bằng `npm run import`/);
    expect(text).toContain('code: "1.001193"');
    expect(text).not.toMatch(/[&*]a\d/);
  });

  it('creates a procedure whose payload names no decision, citing the portal page only', async () => {
    const dir = makeContent();
    const report = await runImport([FIXTURE], opts(dir, { decision: undefined }));
    expect(report.ok).toBe(true);
    const p = loadContentFrom(dir).procedures[0];
    expect(p.source.decision).toBeUndefined();
    expect(p.source.url).toMatch(/^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/019d2bfd-/);
  });

  it('refuses to create a procedure the payload does not fully describe, naming what is missing', async () => {
    const dir = makeContent();
    const payload = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    payload.data.subjectTypesDetails = [];
    payload.data.resultsDetails = [];
    const report = await runImport([input('1.001193.json', JSON.stringify(payload))], opts(dir));
    expect(report.ok).toBe(false);
    expect(report.outcomes.map((o) => [o.code, o.status])).toEqual([['1.001193', 'refused']]);
    expect(allProblems(report).map((p) => [p.code, p.column])).toEqual([
      ['1.001193', 'subjects'],
      ['1.001193', 'results'],
    ]);
    expect(allProblems(report).map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^cannot create procedures\/1\.001193\.yaml: .*\(the payload has nothing in subjectTypesDetails\)$/,
      ),
      expect.stringMatching(
        /^cannot create procedures\/1\.001193\.yaml: .*\(the payload has nothing in resultsDetails\)$/,
      ),
    ]);
    expect(snapshot(dir)).toEqual({
      'fields.yaml': expect.any(String),
      'site.yaml': expect.any(String),
    });
  });

  it('changes nothing when the same import runs twice, even on a later day', async () => {
    const dir = makeContent();
    const catalogue = input('danh-muc.csv', csv([CATALOGUE_HEADER, CATALOGUE_ROW]));
    expect((await runImport([FIXTURE, catalogue], opts(dir))).ok).toBe(true);
    const first = snapshot(dir);
    const again = await runImport([FIXTURE, catalogue], opts(dir, { today: '2026-02-01' }));
    expect(again.ok).toBe(true);
    expect(again.outcomes.map((o) => o.status)).toEqual(['unchanged']);
    expect(again.written).toEqual([]);
    expect(snapshot(dir)).toEqual(first);
  });

  it('prints what would happen on a dry run and writes nothing', async () => {
    const dir = makeContent();
    const before = snapshot(dir);
    const report = await runImport([FIXTURE], opts(dir, { dryRun: true }));
    expect(report.ok).toBe(true);
    expect(report.outcomes[0].status).toBe('created');
    expect(report.written).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('invalid input is refused and names why; nothing else is lost', () => {
  async function expectRefused(files: string[], pattern: RegExp) {
    const dir = makeContent();
    await runImport([FIXTURE], opts(dir));
    const before = snapshot(dir);
    const report = await runImport(files, opts(dir));
    expect(report.ok).toBe(false);
    expect(
      allProblems(report)
        .map((p) => `${p.file}: ${p.message}`)
        .join('\n'),
    ).toMatch(pattern);
    expect(snapshot(dir)).toEqual(before);
    return report;
  }

  it('malformed (truncated) JSON', async () => {
    const raw = readFileSync(FIXTURE, 'utf8');
    const file = input('cut.json', raw.slice(0, raw.length / 2));
    await expectRefused([file], /cut\.json: not valid JSON \(truncated or damaged\?\)/);
  });

  it('a JSON payload of another shape', async () => {
    const file = input(
      'list.json',
      JSON.stringify({ code: 'OK', data: { content: [{ code: '1.001193' }] } }),
    );
    await expectRefused([file], /list\.json: not a procedure detail/);
  });

  it('a CSV with a bad row: the good rows are imported, the bad one named', async () => {
    const dir = makeContent();
    await runImport([FIXTURE], opts(dir));
    const bad = [...CATALOGUE_ROW];
    bad[1] = '1.0011';
    const file = input('danh-muc.csv', csv([CATALOGUE_HEADER, bad, CATALOGUE_ROW]));
    const report = await runImport([file], opts(dir));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Mã TTHC',
        message: expect.stringMatching(/malformed code "1\.0011"/),
      }),
    ]);
    expect(report.outcomes.map((o) => [o.code, o.status])).toEqual([['1.001193', 'changed']]);
    expect(loadContentFrom(dir).procedures[0].name.vi).toBe('Đăng ký khai sinh');
  });

  it('an XLSX with a missing header', async () => {
    const buffer = await writeExcelFile([
      CATALOGUE_ROW.map((c) => (c === '' ? null : c)),
    ]).toBuffer();
    await expectRefused([input('danh-muc.xlsx', buffer)], /danh-muc\.xlsx: no header row/);
  });

  it('a truncated XLSX', async () => {
    const buffer = await writeExcelFile([CATALOGUE_HEADER, CATALOGUE_ROW]).toBuffer();
    const file = input('cut.xlsx', buffer.subarray(0, Math.floor(buffer.length / 2)));
    await expectRefused([file], /cut\.xlsx: cannot read the XLSX \(truncated or damaged\?\)/);
  });

  it('a truncated CSV', async () => {
    const text = csv([CATALOGUE_HEADER, CATALOGUE_ROW]);
    await expectRefused(
      [input('cut.csv', text.slice(0, text.length - 40))],
      /cut\.csv: not valid CSV/,
    );
    const unquoted = `${CATALOGUE_HEADER.join(',')}\n1,1.001193,Đăng ký khai sinh,Hộ`;
    await expectRefused(
      [input('cut2.csv', unquoted)],
      /cut2\.csv: the last row \(row 2\) is cut off/,
    );
  });

  it('a file that is not what its name says, an empty one, and an unknown format', async () => {
    const xlsx = await writeExcelFile([CATALOGUE_HEADER, CATALOGUE_ROW]).toBuffer();
    await expectRefused(
      [input('danh-muc.csv', xlsx)],
      /danh-muc\.csv: the name says \.csv but the content is an XLSX/,
    );
    await expectRefused([input('empty.json', '')], /empty\.json: the file is empty/);
    await expectRefused(
      [input('notes.dat', 'just some words\n')],
      /notes\.dat: not a recognised import file/,
    );
    await expectRefused([input('old.xls', 'x')], /old\.xls: an old Excel/);
  });

  it('the same procedure from two portal files that differ', async () => {
    const payload = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    payload.data.name = 'Đăng ký khai sinh (bản khác)';
    const copy = input('again.json', JSON.stringify(payload));
    await expectRefused([FIXTURE, copy], /fixtures\/1\.001193\.json describes it differently/);
  });

  it('a change that would leave the file invalid', async () => {
    const dir = makeContent();
    await runImport([FIXTURE], opts(dir));
    // A hand edit the loader rejects (replacedBy without repealedOn): the import must not write it.
    editYaml(dir, (t) => `${t}replacedBy: "1.000894"\n`);
    const before = snapshot(dir);
    const file = input('danh-muc.csv', csv([CATALOGUE_HEADER, CATALOGUE_ROW]));
    const report = await runImport([file], opts(dir));
    expect(report.ok).toBe(false);
    expect(report.outcomes[0]).toMatchObject({ code: '1.001193', status: 'refused' });
    expect(allProblems(report)[0]).toMatchObject({
      column: 'replacedBy',
      message: expect.stringMatching(/would not pass check:content/),
    });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('importing the catalogue', () => {
  it('updates the summary of an existing procedure from an XLSX', async () => {
    const dir = makeContent();
    await runImport([FIXTURE], opts(dir));
    const buffer = await writeExcelFile([
      ['DANH MỤC THỦ TỤC HÀNH CHÍNH', null],
      CATALOGUE_HEADER.slice().reverse(),
      CATALOGUE_ROW.slice()
        .reverse()
        .map((c) => (c === '' ? null : c)),
    ]).toBuffer();
    const report = await runImport(
      [input('danh-muc.xlsx', buffer)],
      opts(dir, { today: '2026-03-01' }),
    );
    expect(report.problems).toEqual([]);
    expect(report.outcomes[0]).toMatchObject({
      status: 'changed',
      changed: ['name', 'methods', 'legalBasis', 'agency'],
      origins: [expect.stringMatching(/danh-muc\.xlsx dòng\/row 3$/)],
    });
    const p = loadContentFrom(dir).procedures[0];
    expect(p.name.vi).toBe('Đăng ký khai sinh');
    expect(p.agency.vi).toBe('Ủy ban nhân dân phường Đức Phổ');
    expect(p.methods.map((m) => m.time)).toEqual(
      Array(3).fill({ text: { vi: 'Ngay trong ngày làm việc' } }),
    );
    expect(p.methods[0].fees).toEqual([
      { kind: 'charge', text: { vi: 'Miễn lệ phí đăng ký khai sinh đúng hạn' } },
      { kind: 'fee', text: { vi: 'Phí cấp bản sao Giấy khai sinh: 8.000 đồng/bản' } },
    ]);
    expect(p.legalBasis.map((l) => [l.number, l.date])).toEqual([
      ['60/2014/QH13', undefined],
      ['123/2015/NĐ-CP', '2015-11-15'],
    ]);
    // What the catalogue does not carry stays as the portal gave it.
    expect(p.steps).toHaveLength(6);
    expect(p.documents).toHaveLength(4);
    expect(p.source.verifiedOn).toBe('2026-03-01');
  });

  it('does not create a procedure from a row alone, and says why', async () => {
    const dir = makeContent();
    const before = snapshot(dir);
    const file = input('danh-muc.csv', csv([CATALOGUE_HEADER, CATALOGUE_ROW]));
    const report = await runImport([file], opts(dir));
    expect(report.ok).toBe(true);
    expect(report.outcomes[0].status).toBe('not-created');
    expect(report.outcomes[0].reason).toMatch(/national portal \(JSON\)/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('creates it when the portal detail comes in the same run', async () => {
    const dir = makeContent();
    const file = input('danh-muc.csv', csv([CATALOGUE_HEADER, CATALOGUE_ROW]));
    const report = await runImport([FIXTURE, file], opts(dir));
    expect(report.outcomes[0].status).toBe('created');
    expect(loadContentFrom(dir).procedures[0].agency.vi).toBe('Ủy ban nhân dân phường Đức Phổ');
  });
});

describe('hand edits', () => {
  it('are kept and reported, and overwritten with --force only where the source has the part', async () => {
    const dir = makeContent();
    await runImport([FIXTURE], opts(dir));
    editYaml(dir, (t) =>
      t
        .replace(
          'steps:\n',
          '# Các bước do phường viết lại\nsteps:\n  - text:\n      vi: Bước do cán bộ phường viết.\n',
        )
        .replace(
          'agency:\n  vi: Ủy ban nhân dân cấp xã',
          'agency:\n  vi: UBND phường Đức Phổ\n  en: Duc Pho Ward',
        ),
    );
    const edited = readFileSync(path.join(dir, PROCEDURE), 'utf8');

    const portal = await runImport([FIXTURE], opts(dir));
    expect(portal.outcomes[0]).toMatchObject({ status: 'unchanged', skipped: ['steps', 'agency'] });
    expect(readFileSync(path.join(dir, PROCEDURE), 'utf8')).toBe(edited);

    // The catalogue carries the agency but not the steps.
    const file = input('danh-muc.csv', csv([CATALOGUE_HEADER, CATALOGUE_ROW]));
    const forced = await runImport([file], opts(dir, { force: true }));
    expect(forced.outcomes[0].changed).toContain('agency');
    expect(forced.outcomes[0].checkEnglish).toEqual(['agency']);
    const after = readYaml(dir) as { steps: { text: { vi: string } }[]; agency: unknown };
    expect(after.agency).toEqual({ vi: 'Ủy ban nhân dân phường Đức Phổ', en: 'Duc Pho Ward' });
    expect(after.steps[0].text.vi).toBe('Bước do cán bộ phường viết.');
    expect(readFileSync(path.join(dir, PROCEDURE), 'utf8')).toContain(
      '# Các bước do phường viết lại\nsteps:',
    );

    // The forced agency is the importer's again; the hand-written steps still are not.
    const next = await runImport([file], opts(dir));
    expect(next.outcomes[0]).toMatchObject({ status: 'unchanged', skipped: [] });
    const portalForced = await runImport([FIXTURE], opts(dir, { force: true }));
    expect(portalForced.outcomes[0].changed).toEqual(expect.arrayContaining(['steps', 'agency']));
    expect((readYaml(dir) as { steps: unknown[] }).steps).toHaveLength(6);
    expect(readFileSync(path.join(dir, PROCEDURE), 'utf8')).toContain(
      '# Các bước do phường viết lại\nsteps:',
    );
  });

  it('treats a hand-written file as edited by hand, adding only what it lacks', async () => {
    const dir = makeContent();
    mkdirSync(path.join(dir, 'procedures'));
    const handWritten = [
      '# Viết tay / written by hand',
      'code: "1.001193"',
      'name:',
      '  vi: Đăng ký khai sinh',
      'level: commune',
      'field: ho-tich',
      'methods:',
      '  - channel: direct',
      '    time: { text: { vi: Trong ngày } }',
      '    fees: []',
      'documents:',
      '  - items:',
      '      - { name: { vi: Giấy chứng sinh }, originals: 1, copies: 0 }',
      'steps:',
      '  - text: { vi: Nộp hồ sơ }',
      'subjects: [{ vi: Công dân }]',
      'agency: { vi: UBND phường }',
      'results: [{ vi: Giấy khai sinh }]',
      'legalBasis: [{ number: 60/2014/QH13, title: { vi: Luật Hộ tịch } }]',
      'online: { level: none }',
      'source:',
      '  decision: { number: 1/QĐ, date: 2025-01-01, issuer: { vi: UBND tỉnh } }',
      '  verifiedOn: 2025-01-02',
      'demoValues: [agency, online]',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, PROCEDURE), handWritten);
    const report = await runImport([FIXTURE], opts(dir, { decision: undefined }));
    expect(report.ok).toBe(true);
    // Only what the hand-written file lacks is added: the portal page, who promulgated it.
    expect(report.outcomes[0]).toMatchObject({
      status: 'changed',
      changed: ['online.url', 'source.url', 'source.promulgatedBy'],
    });
    expect(report.outcomes[0].skipped).toEqual(
      expect.arrayContaining([
        'name',
        'methods',
        'documents',
        'steps',
        'agency',
        'legalBasis',
        'online.level',
      ]),
    );
    const after = readFileSync(path.join(dir, PROCEDURE), 'utf8');
    expect(after).toContain('Trong ngày');
    expect(after).toContain('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/');

    const forced = await runImport([FIXTURE], opts(dir, { decision: undefined, force: true }));
    expect(forced.ok).toBe(true);
    const text = readFileSync(path.join(dir, PROCEDURE), 'utf8');
    expect(text.startsWith('# Viết tay / written by hand\ncode: "1.001193"\nname:')).toBe(true);
    const p = loadContentFrom(dir).procedures[0];
    expect(p.steps).toHaveLength(6);
    // The decision was not in the payload: the hand-written one stays.
    expect(p.source.decision?.number).toBe('1/QĐ');
    expect(p.source.verifiedOn).toBe('2026-01-15');
    // Parts now taken from the portal are no longer demonstration data.
    expect(p.demoValues).toEqual([]);
  });
});
