import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { procedureStatus, productStatus } from './lifecycle';
import { ContentError, forgetContent, loadContent, loadContentFrom } from './load';
import { testProcedure, testProduct, writeTestContent } from '../../bench/fixtures';

const dirs: string[] = [];
async function content(spec: Parameters<typeof writeTestContent>[0] = {}) {
  const dir = await writeTestContent(spec);
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function problems(dir: string) {
  try {
    loadContentFrom(dir);
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  throw new Error('expected the content to be rejected');
}

describe('retired.yaml', () => {
  const entry = (path: string, kind = 'procedure') => ({
    path,
    kind,
    title: { vi: 'Đã gỡ' },
    reason: { vi: 'Dữ liệu minh hoạ' },
    date: '2026-12-02',
  });

  it('loads the retired items, and names an entry whose item is still published', async () => {
    const dir = await content();
    writeFileSync(path.join(dir, 'retired.yaml'), stringify([entry('/T/1.001640/')]));
    expect(loadContentFrom(dir).retired).toEqual([
      { ...entry('/T/1.001640/'), demonstration: false },
    ]);
    writeFileSync(
      path.join(dir, 'retired.yaml'),
      stringify([entry('/T/1.000001/'), entry('/P/DP01/', 'procedure'), entry('/X/1/')]),
    );
    expect(problems(dir).map((p) => [p.file.endsWith('retired.yaml'), p.field, p.message])).toEqual(
      [[true, '[2].path', expect.stringMatching(/must be a short link/)]],
    );
    writeFileSync(
      path.join(dir, 'retired.yaml'),
      stringify([entry('/T/1.000001/'), entry('/P/DP01/', 'procedure')]),
    );
    expect(problems(dir).map((p) => p.message)).toEqual([
      '/T/1.000001/ is retired but its item is still published',
      '/P/DP01/ is not the short link of a procedure',
    ]);
  });
});

describe('loadContentFrom', () => {
  it('loads valid content with defaults applied', async () => {
    const c = loadContentFrom(await content());
    expect(c.procedures.map((p) => p.code)).toEqual(['1.000001']);
    expect(c.products[0].slug).toBe('san-pham-thu');
    expect(c.products[0].certificate.expires).toBe('2028-01-10');
    expect(c.site.qrUppercase).toBe(true);
  });

  it('names the file and field of a missing required field', async () => {
    const p = testProcedure('1.000002');
    delete (p as Record<string, unknown>).agency;
    const found = problems(await content({ procedures: [p] }));
    expect(found).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/procedures\/1\.000002\.yaml$/),
        field: 'agency',
      }),
    ]);
  });

  it('reports a wrong type with its path', async () => {
    const p = testProcedure('1.000002', {
      documents: [{ items: [{ name: { vi: 'Tờ khai' }, originals: 'một', copies: 0 }] }],
    });
    const [problem] = problems(await content({ procedures: [p] }));
    expect(problem.field).toBe('documents[0].items[0].originals');
    expect(problem.message).toMatch(/number/);
  });

  it('reports every problem of a run at once', async () => {
    const a = testProcedure('1.000002', { field: 'khong-co' });
    const b = testProcedure('1.000003', { level: 'quận' });
    const found = problems(await content({ procedures: [a, b] }));
    expect(found.map((f) => f.field).sort()).toEqual(['field', 'level']);
    expect(found.find((f) => f.field === 'field')!.message).toMatch(/unknown field id "khong-co"/);
  });

  it('keeps the field id of the sheet of every procedure free', async () => {
    const dir = await content({
      fields: [{ id: 'tat-ca', name: { vi: 'Tất cả' } }],
      procedures: [testProcedure('1.000002', { field: 'tat-ca' })],
    });
    const found = problems(dir);
    const problem = found.find((f) => f.file.endsWith('fields.yaml'));
    expect(problem?.field).toBe('fields[0].id');
    expect(problem?.message).toMatch(/"tat-ca" is reserved/);
  });

  it('rejects a duplicate procedure code and a code that does not match the file name', async () => {
    const dir = await content({ procedures: [testProcedure('1.000002')] });
    writeFileSync(
      path.join(dir, 'procedures', '1.000009.yaml'),
      stringify(testProcedure('1.000002')),
    );
    const found = problems(dir);
    expect(
      found.some((f) => f.field === 'code' && /does not match the file name/.test(f.message)),
    ).toBe(true);
    expect(found.some((f) => /duplicate procedure code 1\.000002/.test(f.message))).toBe(true);
  });

  it('normalises decomposed Unicode to NFC', async () => {
    const decomposed = 'Đăng ký khai sinh'.normalize('NFD');
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    const c = loadContentFrom(
      await content({ procedures: [testProcedure('1.000002', { name: { vi: decomposed } })] }),
    );
    expect(c.procedures[0].name.vi).toBe('Đăng ký khai sinh'.normalize('NFC'));
  });

  it('reports YAML syntax errors with a line number', async () => {
    const dir = await content();
    writeFileSync(
      path.join(dir, 'procedures', '1.000001.yaml'),
      'code: "1.000001"\nname: [unclosed\n',
    );
    const [problem] = problems(dir);
    expect(problem.field).toMatch(/^line \d+/);
    expect(problem.message).toMatch(/YAML syntax/);
  });

  it('rejects replacedBy that names nothing, a bad short code, a duplicate short code, a relative base URL and an invalid GTIN', async () => {
    const dir = await content({
      procedures: [testProcedure('1.000002', { repealedOn: '2025-01-01', replacedBy: '1.999999' })],
      products: [
        { slug: 'mot', data: testProduct('AB01', { gtin: '8930000000001' }) },
        { slug: 'nam', data: testProduct('AB01') },
        { slug: 'ba', data: testProduct('ab/1') },
      ],
      site: {
        ...JSON.parse(JSON.stringify((await import('../../bench/fixtures')).testSite)),
        baseUrl: 'ducpho.gov.vn',
      },
    });
    const found = problems(dir);
    const text = found.map((f) => `${f.file} ${f.field}: ${f.message}`).join('\n');
    expect(text).toMatch(/site\.yaml baseUrl: must be an absolute/);
    expect(text).toMatch(/1\.000002\.yaml replacedBy: names no procedure: 1\.999999/);
    expect(text).toMatch(
      /nam\/product\.yaml shortCode: duplicate short code AB01 \(also in .*mot\/product\.yaml\)/,
    );
    expect(text).toMatch(/ba\/product\.yaml shortCode: must be 2-12 upper-case/);
    // By hand: weights 1,3,1,… from the left of 893000000000 give 8 + 27 + 3 = 38, so 10 − 8 = 2.
    expect(text).toMatch(
      /mot\/product\.yaml gtin: "8930000000001" is not a valid GTIN: the check digit \(the last digit\) should be 2, not 1/,
    );
  });

  it('writes a GTIN of any length with 14 digits, and finds the same GTIN written twice', async () => {
    // GS1's example GTIN, as GTIN-13 and as GTIN-14 (a test value, not a real product's code).
    const one = loadContentFrom(
      await content({
        products: [
          {
            slug: 'mot',
            data: testProduct('AB01', {
              gtin: '9506000134352',
              lots: [{ code: 'L1', producedOn: '2025-01-02' }],
              standards: [{ code: 'TCVN 5107:2018' }],
            }),
          },
        ],
      }),
    );
    expect(one.products[0].gtin).toBe('09506000134352');
    expect(one.products[0].lots).toEqual([{ code: 'L1', producedOn: '2025-01-02' }]);
    const twice = problems(
      await content({
        products: [
          { slug: 'mot', data: testProduct('AB01', { gtin: '9506000134352' }) },
          { slug: 'hai', data: testProduct('AB02', { gtin: '09506000134352' }) },
        ],
      }),
    );
    expect(twice).toEqual([
      expect.objectContaining({ field: 'gtin', message: 'GTIN also used by hai' }),
    ]);
  });

  it('rejects a lot code GS1 does not allow, a repeated lot and a lot expiring before it was made', async () => {
    const found = problems(
      await content({
        products: [
          {
            slug: 'mot',
            data: testProduct('AB01', {
              lots: [{ code: 'lô 1' }],
            }),
          },
          {
            slug: 'hai',
            data: testProduct('AB02', {
              lots: [
                { code: 'L2', producedOn: '2025-05-01', expiresOn: '2025-04-01' },
                { code: 'L2' },
              ],
            }),
          },
        ],
      }),
    );
    const text = found.map((f) => `${f.file} ${f.field}: ${f.message}`).join('\n');
    expect(text).toMatch(/hai\/product\.yaml lots\[0\]\.expiresOn: is before producedOn/);
    expect(text).toMatch(/hai\/product\.yaml lots\[1\]\.code: duplicate lot L2/);
    expect(text).toMatch(/mot\/product\.yaml lots\[0\]\.code: must be 1 to 20 letters/);
  });

  it('rejects a product whose image file is missing', async () => {
    const dir = await content();
    rmSync(path.join(dir, 'products', 'san-pham-thu', 'anh.jpg'));
    expect(problems(dir)[0]).toMatchObject({ field: 'images[0].file' });
  });

  it('rejects unknown keys, so typos do not pass silently', async () => {
    const dir = await content();
    const file = path.join(dir, 'procedures', '1.000001.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + 'agnecy: x\n');
    expect(problems(dir)[0].message).toMatch(/agnecy/);
  });
});

describe('lifecycle', () => {
  it('decides procedure status against a fixed date', () => {
    const base = procedureSchemaLike();
    expect(procedureStatus(base, '2026-01-01')).toBe('in-force');
    expect(procedureStatus({ ...base, effectiveFrom: '2027-01-01' }, '2026-11-26')).toBe(
      'upcoming',
    );
    expect(procedureStatus({ ...base, effectiveFrom: '2027-01-01' }, '2027-01-01')).toBe(
      'in-force',
    );
    expect(procedureStatus({ ...base, repealedOn: '2026-07-01' }, '2026-11-26')).toBe('repealed');
    expect(procedureStatus({ ...base, repealedOn: '2026-12-01' }, '2026-11-26')).toBe('in-force');
  });

  it('decides product status: certified, expired after 36 months, withdrawn', async () => {
    const c = loadContentFrom(await content());
    const p = c.products[0];
    expect(productStatus(p, '2028-01-10')).toBe('certified');
    expect(productStatus(p, '2028-01-11')).toBe('expired');
    expect(
      productStatus(
        { ...p, withdrawn: { on: '2026-05-01', reason: { vi: 'Ngừng sản xuất' } } },
        '2026-06-01',
      ),
    ).toBe('withdrawn');
  });
});

function procedureSchemaLike() {
  return testProcedure('1.000001') as unknown as Parameters<typeof procedureStatus>[0];
}

describe('site.yaml featuredFields', () => {
  it('names a featured field that fields.yaml does not have', async () => {
    const { testSite, testFields } = await import('../../bench/fixtures');
    const dir = await content({
      site: { ...testSite, featuredFields: [testFields[0].id, 'khong-co'] },
    });
    expect(problems(dir)).toEqual([
      {
        file: expect.stringMatching(/site\.yaml$/),
        field: 'featuredFields[1]',
        message: 'unknown field id "khong-co" (not in fields.yaml)',
      },
    ]);
  });
});

describe('loadContent in the server mode', () => {
  afterEach(() => vi.unstubAllEnvs());

  /** A file changed now, with a modification time the 10-second check cannot miss. */
  function touch(file: string, text: string) {
    writeFileSync(file, text);
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
  }

  it('serves the last valid content after a restart with invalid content, and says why', async () => {
    const dir = await content({
      procedures: [testProcedure('1.000001'), testProcedure('1.000002')],
    });
    const kept = mkdtempSync(path.join(os.tmpdir(), 'last-valid-'));
    dirs.push(kept);
    vi.stubEnv('PORTAL_MODE', 'server');
    vi.stubEnv('LAST_VALID_CONTENT_DIR', kept);
    expect(loadContent(dir).procedures).toHaveLength(2);

    touch(path.join(dir, 'procedures', '1.000002.yaml'), 'code: [');
    touch(path.join(dir, 'site.yaml'), 'name: 3');
    forgetContent(dir); // as a restart: nothing in memory
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const served = loadContent(dir);
    expect(served.procedures.map((p) => p.code)).toEqual(['1.000001', '1.000002']);
    const said = String(log.mock.calls[0][0]);
    log.mockRestore();
    // Every problem at once, naming the files, then what is served instead.
    expect(said).toMatch(/1\.000002\.yaml: line 1: YAML syntax/);
    expect(said).toMatch(/site\.yaml: /);
    expect(said).toMatch(/Serving the last valid content instead/);
    forgetContent(dir);
  });

  it('refuses content that removes an item whose short link is published', async () => {
    const dir = await content({
      procedures: [testProcedure('1.000001'), testProcedure('1.000002')],
    });
    const kept = mkdtempSync(path.join(os.tmpdir(), 'last-valid-'));
    dirs.push(kept);
    vi.stubEnv('PORTAL_MODE', 'server');
    vi.stubEnv('LAST_VALID_CONTENT_DIR', kept);
    touch(path.join(dir, 'published-links.txt'), '/T/1.000002/\n');
    expect(loadContent(dir).procedures).toHaveLength(2);

    rmSync(path.join(dir, 'procedures', '1.000002.yaml'));
    touch(
      path.join(dir, 'procedures', '1.000001.yaml'),
      readFileSync(path.join(dir, 'procedures', '1.000001.yaml'), 'utf8'),
    );
    forgetContent(dir);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(loadContent(dir).procedures.map((p) => p.code)).toEqual(['1.000001', '1.000002']);
    const said = String(log.mock.calls[0][0]);
    log.mockRestore();
    expect(said).toMatch(
      /published-links\.txt: line 1: \/T\/1\.000002\/: published short link would stop answering/,
    );
    forgetContent(dir);
  });
});
