import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadContentFrom, type Content } from './content/load';
import {
  PUBLISHED_LINKS_FILE,
  addToRecord,
  allShortPaths,
  checkPublishedLinks,
  gs1Path,
  isQrAlphanumeric,
  missingFromRecord,
  parseShortPath,
  procedurePath,
  procedureShortPath,
  productPath,
  productShortPath,
  qrUrl,
  readableUrl,
  resolveShortPath,
  shortLinkCaseFold,
  shortPath,
  siteUrl,
} from './links';

const root = fileURLToPath(new URL('..', import.meta.url));
const contentDir = path.join(root, 'content');
const content = loadContentFrom(contentDir);
const site = { baseUrl: 'https://ducpho.quangngai.gov.vn', qrUppercase: true };
/** GS1's example GTIN, as content holds it once loaded (14 digits). A test value only. */
const exampleGtin = '09506000134352';

beforeEach(() => {
  vi.stubEnv('SITE_URL', '');
});

describe('URL shapes', () => {
  it('builds the short links and the locale pages of the URL contract', () => {
    expect(procedureShortPath('1.001193')).toBe('/T/1.001193/');
    expect(productShortPath('DP01')).toBe('/P/DP01/');
    expect(gs1Path(exampleGtin)).toBe('/01/09506000134352');
    expect(gs1Path('9506000134352')).toBe('/01/09506000134352');
    expect(gs1Path('12345670')).toBe('/01/00000012345670');
    expect(() => gs1Path('12345671')).toThrow(/check digit/);
    expect(shortPath({ code: '2.000815' })).toBe('/T/2.000815/');
    expect(shortPath({ shortCode: 'DP02' })).toBe('/P/DP02/');
    expect(procedurePath('vi', '1.001193')).toBe('/vi/thu-tuc/1.001193/');
    expect(productPath('en', 'nuoc-mam-sa-huynh')).toBe('/en/ocop/nuoc-mam-sa-huynh/');
  });

  it('parses exactly the short links it builds', () => {
    expect(parseShortPath('/T/1.001193/')).toEqual({ kind: 'procedure', code: '1.001193' });
    expect(parseShortPath('/P/DP01/')).toEqual({ kind: 'product', shortCode: 'DP01' });
    expect(parseShortPath('/01/09506000134352')).toEqual({
      kind: 'gtin',
      gtin14: '09506000134352',
    });
    for (const bad of [
      '/t/1.001193/',
      '/T/1.001193',
      '/P/dp01/',
      '/01/9506000134352',
      '/01/09506000134352/',
      '/vi/',
    ])
      expect(parseShortPath(bad)).toBeNull();
  });
});

describe('readableUrl', () => {
  it('prints what a person types: no scheme, the host in lower case, the path as it is', () => {
    expect(readableUrl('HTTPS://DUCPHO.QUANGNGAI.GOV.VN/T/1.001193/')).toBe(
      'ducpho.quangngai.gov.vn/T/1.001193/',
    );
    expect(readableUrl('https://x.vn/P/DP01/')).toBe('x.vn/P/DP01/');
    expect(readableUrl('/T/1.001193/')).toBe('/T/1.001193/');
  });
});

describe('siteUrl and qrUrl', () => {
  it('takes SITE_URL over the content base URL, and validates it', () => {
    expect(siteUrl(site)).toBe('https://ducpho.quangngai.gov.vn');
    vi.stubEnv('SITE_URL', 'https://qr.example.gov.vn');
    expect(siteUrl(site)).toBe('https://qr.example.gov.vn');
    expect(qrUrl(site, '/T/1.001193/')).toBe('HTTPS://QR.EXAMPLE.GOV.VN/T/1.001193/');
    for (const bad of [
      'qr.example.gov.vn',
      'https://qr.example.gov.vn/',
      'ftp://x.vn',
      'https://x.vn?a=1',
    ]) {
      vi.stubEnv('SITE_URL', bad);
      expect(() => siteUrl(site)).toThrow(/SITE_URL/);
    }
  });

  it('upper-cases the whole URL when every character then fits the alphanumeric set', () => {
    expect(qrUrl(site, '/T/1.001193/')).toBe('HTTPS://DUCPHO.QUANGNGAI.GOV.VN/T/1.001193/');
    expect(qrUrl(site, '/P/DP01/')).toBe('HTTPS://DUCPHO.QUANGNGAI.GOV.VN/P/DP01/');
    expect(qrUrl(site, gs1Path(exampleGtin))).toBe(
      'HTTPS://DUCPHO.QUANGNGAI.GOV.VN/01/09506000134352',
    );
    expect(qrUrl({ ...site, qrUppercase: false }, '/P/DP01/')).toBe(
      'https://ducpho.quangngai.gov.vn/P/DP01/',
    );
    expect(isQrAlphanumeric(qrUrl(site, '/T/1.001193/'))).toBe(true);
  });

  it('leaves the URL as it is when a character is outside the alphanumeric set', () => {
    // An underscore in the host, a lower-case base path, a lower-case page path, a query.
    const underscore = { ...site, baseUrl: 'https://phuong_ducpho.example.vn' };
    expect(qrUrl(underscore, '/T/1.001193/')).toBe('https://phuong_ducpho.example.vn/T/1.001193/');
    const basePath = { ...site, baseUrl: 'https://quangngai.gov.vn/ducpho' };
    expect(qrUrl(basePath, '/P/DP01/')).toBe('https://quangngai.gov.vn/ducpho/P/DP01/');
    expect(qrUrl(site, procedurePath('vi', '1.001193'))).toBe(
      'https://ducpho.quangngai.gov.vn/vi/thu-tuc/1.001193/',
    );
    expect(qrUrl(site, '/T/1.001193/?utm=qr')).toBe(
      'https://ducpho.quangngai.gov.vn/T/1.001193/?utm=qr',
    );
    expect(isQrAlphanumeric('HTTPS://X.VN/A_B')).toBe(false);
    expect(() => qrUrl(site, 'T/1.001193/')).toThrow(/start with/);
  });
});

/** GS1's example GTIN of the Digital Link standard, given to a first product without one. */
const otherGtin = '09520123456788';

/** Content whose first product has a GTIN, so the /01/ links are exercised whatever it holds. */
function withGtin(c: Content): Content {
  const [first, ...rest] = [...c.products].sort((a, b) => Number(!!a.gtin) - Number(!!b.gtin));
  return { ...c, products: [{ ...first, gtin: otherGtin }, ...rest] };
}

describe('published links', () => {
  const full = withGtin(content);
  // allShortPaths leaves /01/ out until a route serves it; a record may still hold one.
  const record = addToRecord('', [...allShortPaths(full), gs1Path(exampleGtin)]);

  it('records every short link of the content, sorted, under a comment header', () => {
    const lines = record.trimEnd().split('\n');
    const paths = lines.filter((l) => !l.startsWith('#'));
    expect(lines[0]).toMatch(/^# /);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain(shortPath(full.procedures[0]));
    expect(paths).toContain(shortPath(full.products[0]));
    expect(paths).toContain(gs1Path(otherGtin));
    expect(paths).toHaveLength(
      full.procedures.length +
        full.fields.length +
        full.products.length +
        full.products.filter((p) => p.gtin).length,
    );
    expect(paths).toContain('/L/HO-TICH/');
    for (const p of paths) expect(resolveShortPath(full, p)).not.toBeNull();
    expect(checkPublishedLinks(full, record)).toEqual([]);
    expect(missingFromRecord(full, record)).toEqual([]);
  });

  it('accepts a removed item whose link retired.yaml lists, and only that one', () => {
    const [gone, ...kept] = full.procedures;
    const retired = [
      {
        path: shortPath(gone),
        kind: 'procedure' as const,
        title: { vi: 'Thủ tục đã gỡ' },
        reason: { vi: 'Dữ liệu minh hoạ' },
        date: '2026-12-02',
        demonstration: true,
      },
    ];
    const withRetired = { procedures: kept, products: full.products, fields: full.fields, retired };
    expect(checkPublishedLinks(withRetired, record)).toEqual([]);
    const [, ...others] = kept;
    expect(
      checkPublishedLinks({ ...withRetired, procedures: others }, record).map((b) => b.path),
    ).toEqual([shortPath(kept[0])]);
  });

  it('finds a removed procedure and a removed product (with its GTIN link)', () => {
    const [gone, ...kept] = full.procedures;
    const [goneProduct, ...keptProducts] = full.products;
    const broken = checkPublishedLinks(
      { procedures: kept, products: keptProducts, fields: full.fields },
      record,
    );
    expect(broken.map((b) => b.path).sort()).toEqual(
      [gs1Path(otherGtin), shortPath(goneProduct), shortPath(gone)].sort(),
    );
    const line = record.split('\n').indexOf(shortPath(gone)) + 1;
    expect(broken.find((b) => b.path === shortPath(gone))).toMatchObject({
      line,
      reason: expect.stringContaining(gone.code),
    });
  });

  it('keeps a field that lost all its procedures answering, and finds a removed field', () => {
    const [gone, ...keptFields] = full.fields;
    const noProcedures = { procedures: [], products: full.products, fields: full.fields };
    const broken = checkPublishedLinks(noProcedures, record).map((b) => b.path);
    expect(broken).not.toContain(`/L/${gone.id.toUpperCase()}/`);
    expect(resolveShortPath(noProcedures, `/L/${gone.id.toUpperCase()}/`)).toMatchObject({
      kind: 'field',
      field: gone,
    });
    const removed = checkPublishedLinks({ ...full, fields: keptFields }, record);
    expect(removed).toEqual([
      expect.objectContaining({
        path: `/L/${gone.id.toUpperCase()}/`,
        reason: expect.stringContaining(gone.id),
      }),
    ]);
  });

  it('finds a product that lost its GTIN or changed its short code', () => {
    const [first, ...rest] = full.products;
    const changed = { ...first, gtin: undefined, shortCode: 'ZZ99' };
    const c = { procedures: full.procedures, products: [changed, ...rest], fields: full.fields };
    expect(checkPublishedLinks(c, record).map((b) => b.path)).toEqual([
      gs1Path(otherGtin),
      shortPath(first),
    ]);
    expect(missingFromRecord(c, record)).toEqual(['/P/ZZ99/']);
  });

  it('keeps repealed procedures and withdrawn products resolving', () => {
    const c = {
      fields: full.fields,
      procedures: full.procedures.map((p) => ({ ...p, repealedOn: '2020-01-01' })),
      products: full.products.map((p) => ({
        ...p,
        withdrawn: { on: '2020-01-01', reason: { vi: 'Thu hồi' } },
      })),
    };
    expect(checkPublishedLinks(c, record)).toEqual([]);
  });

  it('names lines that are not short links, and skips comments and blank lines', () => {
    const text = '# header\n\n/T/1.001193/\n/t/1.001193/\nhttps://x.vn/T/1.001193/\n';
    const c = {
      procedures: [{ ...full.procedures[0], code: '1.001193' }],
      products: [],
      fields: [],
    };
    expect(checkPublishedLinks(c, text).map((b) => [b.line, b.path])).toEqual([
      [4, '/t/1.001193/'],
      [5, 'https://x.vn/T/1.001193/'],
    ]);
  });

  it('adds new links without removing any, keeping the header', () => {
    const old = '# my header\n/T/9.999999/\n/P/OLD1/\n';
    expect(addToRecord(old, ['/T/1.001193/', '/P/OLD1/'])).toBe(
      '# my header\n/P/OLD1/\n/T/1.001193/\n/T/9.999999/\n',
    );
  });

  it('the committed record resolves against the current content', () => {
    const committed = readFileSync(path.join(contentDir, PUBLISHED_LINKS_FILE), 'utf8');
    expect(checkPublishedLinks(content, committed)).toEqual([]);
  });
});

describe('scripts/publish-links.ts', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'publish-links-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/publish-links.ts', ...args],
      { cwd: root, env: { ...process.env, CONTENT_DIR: tmp }, encoding: 'utf8' },
    );

  // Four runs of tsx, each loading the whole content: slow on a busy machine.
  it('adds new links, then --check fails naming a link whose item was removed', () => {
    cpSync(contentDir, tmp, { recursive: true });
    rmSync(path.join(tmp, PUBLISHED_LINKS_FILE), { force: true });

    const added = run();
    expect(added.status, added.stderr).toBe(0);
    const record = readFileSync(path.join(tmp, PUBLISHED_LINKS_FILE), 'utf8');
    expect(record).toBe(addToRecord('', allShortPaths(content)));
    for (const p of allShortPaths(content)) expect(added.stdout).toContain(p);
    expect(run('--check').status).toBe(0);

    const product = content.products[0];
    rmSync(product.dir.replace(contentDir, tmp), { recursive: true });
    const procedure = content.procedures[0];
    const file = path.join(tmp, 'procedures', `${procedure.code}.yaml`);
    const yaml = readFileSync(file, 'utf8');
    writeFileSync(
      file.replace(procedure.code, '9.999999'),
      yaml.replace(/^code:.*$/m, "code: '9.999999'"),
    );

    const check = run('--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(shortPath(product));
    expect(check.stdout).toContain('/T/9.999999/');

    // Adding the new one never removes the broken one.
    expect(run().status).toBe(0);
    const after = readFileSync(path.join(tmp, PUBLISHED_LINKS_FILE), 'utf8');
    expect(after).toContain(shortPath(product));
    expect(after).toContain('/T/9.999999/');
  }, 60_000);
});

describe('short links typed in another case', () => {
  it('folds the prefix and the code to upper case, as printed', () => {
    expect(shortLinkCaseFold('/t/1.001193/')).toBe('/T/1.001193/');
    expect(shortLinkCaseFold('/P/dp01/')).toBe('/P/DP01/');
    expect(shortLinkCaseFold('/p/Dp01')).toBe('/P/DP01');
    expect(shortLinkCaseFold('/l/ho-tich/')).toBe('/L/HO-TICH/');
    expect(shortLinkCaseFold('/p/dp01/index.html')).toBe('/P/DP01/index.html');
  });

  it('leaves canonical short links and other paths alone', () => {
    expect(shortLinkCaseFold('/T/1.001193/')).toBeNull();
    expect(shortLinkCaseFold('/P/DP01/index.html')).toBeNull();
    expect(shortLinkCaseFold('/vi/thu-tuc/1.001193/')).toBeNull();
    expect(shortLinkCaseFold('/t/')).toBeNull();
    expect(shortLinkCaseFold('/tx/1.001193/')).toBeNull();
    expect(shortLinkCaseFold('/t/%2e%2e/')).toBeNull();
  });
});
