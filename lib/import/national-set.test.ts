/**
 * The importer on the real national-portal payloads in fixtures/dvc (98 files, unedited copies;
 * fixtures/dvc/SOURCES.md says where each comes from) and the portal's list export: every payload is imported or skipped for a stated reason, and no word of
 * a procedure's name, documents or steps is lost. The words are taken from the raw JSON text
 * here, independently of the importer's own text helpers.
 */
import { snapshotDir } from '../../bench/fixtures';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadContentFrom, type Content } from '../content/load';
import { runImport, type ImportReport } from './run';

const DVC = path.join(__dirname, 'fixtures', 'dvc');
const LIST = path.join(__dirname, 'fixtures', 'catalogue', 'danh-sach-tthc-BoTuPhap.xlsx');
const REPO_CONTENT = path.resolve(__dirname, '../../content');

type Raw = {
  file: string;
  code: string;
  name: string;
  promulgator: string;
  documents: string[];
  steps: string;
};

/** Words of a text as a reader sees them: letters and digits, lower case, NFC. */
function words(s: string): string[] {
  return (
    s
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function raw(file: string): Raw {
  const d = JSON.parse(readFileSync(path.join(DVC, file), 'utf8')).data;
  return {
    file,
    code: d.code,
    name: d.name,
    promulgator: d.departmentPromulgateName,
    documents: d.executionCases.flatMap((c: { profileComponents: { name: string }[] }) =>
      c.profileComponents.map((p) => p.name),
    ),
    steps: d.executionSteps
      .map(
        (s: { name: string | null; description: string | null }) =>
          `${s.name ?? ''}\n${s.description ?? ''}`,
      )
      .join('\n'),
  };
}

const snapshot = (dir: string) => snapshotDir(dir);

const temps: string[] = [];
function content(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'national-set-'));
  temps.push(dir);
  // The ward's site file without its featured fields: this content starts with one field only.
  const site = parse(readFileSync(path.join(REPO_CONTENT, 'site.yaml'), 'utf8'));
  writeFileSync(path.join(dir, 'site.yaml'), stringify({ ...site, featuredFields: [] }));
  writeFileSync(
    path.join(dir, 'fields.yaml'),
    'fields:\n  - id: ho-tich\n    name:\n      vi: Hộ tịch\n      en: Civil status registration\n',
  );
  return dir;
}
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('the whole national set in one run', () => {
  const payloads = readdirSync(DVC)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map(raw);
  let dir: string;
  let report: ImportReport;
  let loaded: Content;

  beforeAll(async () => {
    dir = content();
    report = await runImport([DVC], { contentDir: dir, today: '2026-07-20' });
    loaded = loadContentFrom(dir);
  }, 120_000);

  it('imports every payload, or says why not: another province, or two copies that differ', () => {
    expect(payloads).toHaveLength(98);
    const status = new Map(report.outcomes.map((o) => [o.code, o]));
    for (const p of payloads) {
      const o = status.get(p.code);
      expect(o, p.file).toBeDefined();
      if (/^UBND/.test(p.promulgator)) {
        expect(o!.status, p.file).toBe('other-province');
        expect(o!.reason).toContain(p.promulgator);
      } else if (p.code === '1.001193') {
        // Two different copies of 1.001193 (see SOURCES.md): refused, naming both files.
        expect(o!.status).toBe('refused');
        expect(o!.problems!.map((x) => x.message).join()).toMatch(
          /1\.001193\.json describes it differently/,
        );
      } else expect(o!.status, `${p.file}: ${JSON.stringify(o!.problems)}`).toBe('created');
    }
    expect(report.ok).toBe(false);
    expect(report.newFields.map((f) => f.name.vi).sort()).toEqual(
      ['Hoạt động xây dựng', 'Lao động, tiền lương', 'Đăng ký, quản lý cư trú'].sort(),
    );
  });

  it('loses no word of a name, a document or a step', () => {
    const byCode = new Map(loaded.procedures.map((p) => [p.code, p]));
    let checked = 0;
    for (const r of payloads) {
      const p = byCode.get(r.code);
      if (!p || r.code === '1.001193') continue;
      checked++;
      expect(words(p.name.vi), r.file).toEqual(words(r.name));
      const docs = p.documents.flatMap((g) => g.items.map((i) => i.name.vi));
      expect(docs.map(words), r.file).toEqual(r.documents.map(words));
      const stepText = p.steps
        .flatMap((s) => [s.text.vi, ...(s.items ?? []).map((i) => i.vi)])
        .join('\n');
      expect(words(stepText), r.file).toEqual(words(r.steps));
    }
    expect(checked).toBe(62);
  });

  it('links each to its own page on the national portal', () => {
    for (const p of loaded.procedures)
      expect(p.online.url).toMatch(
        /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/[0-9a-f-]{36}$/,
      );
  });

  it('writes nothing on a second identical run', async () => {
    const before = snapshot(dir);
    const again = await runImport([DVC], { contentDir: dir, today: '2026-08-01' });
    expect(again.outcomes.filter((o) => o.status === 'created' || o.status === 'changed')).toEqual(
      [],
    );
    expect(again.written).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);

  it('takes another province with --include-other-provinces', async () => {
    const d = content();
    const r = await runImport([path.join(DVC, '1.115320.json')], {
      contentDir: d,
      includeOtherProvinces: true,
    });
    expect(r.outcomes.map((o) => [o.code, o.status])).toEqual([['1.115320', 'created']]);
  });
});

describe('a folder with one broken file', () => {
  it('imports the rest and names the broken one', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'national-folder-'));
    temps.push(folder);
    for (const f of ['1.000656.json', '1.000894.json', '2.000635.json'])
      cpSync(path.join(DVC, f), path.join(folder, f));
    const text = readFileSync(path.join(DVC, '1.004873.json'), 'utf8');
    writeFileSync(path.join(folder, '1.004873.json'), text.slice(0, 5000));
    const dir = content();
    const r = await runImport([folder], { contentDir: dir });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: path.join(folder, '1.004873.json'),
        message: expect.stringMatching(/not valid JSON/),
      }),
    ]);
    expect(r.outcomes.map((o) => [o.code, o.status])).toEqual([
      ['1.000656', 'created'],
      ['1.000894', 'created'],
      ['2.000635', 'created'],
    ]);
    expect(loadContentFrom(dir).procedures.map((p) => p.code)).toEqual([
      '1.000656',
      '1.000894',
      '2.000635',
    ]);
  });
});

describe("the portal's list export (Danh sách TTHC)", () => {
  it('is recognised below its title block, and updates the procedures it lists', async () => {
    const dir = content();
    await runImport([path.join(DVC, '3.000323.json')], { contentDir: dir });
    const r = await runImport([LIST], { contentDir: dir });
    expect(r.problems).toEqual([]);
    const listed = r.outcomes.filter((o) => o.status === 'not-created');
    expect(listed.length).toBe(270);
    const own = r.outcomes.find((o) => o.code === '3.000323');
    expect(own?.status).toMatch(/changed|unchanged/);
    const p = loadContentFrom(dir).procedures[0];
    expect(p.agency.vi).toBe('Ủy ban nhân dân cấp xã');
    expect(p.name.vi).toBe('Đăng ký giám sát việc giám hộ');
  });
});
