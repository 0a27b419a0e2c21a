import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { snapshotDir, testProcedure, testProduct, writeTestContent } from '../../bench/fixtures';
import { isContentPath, parseUpdate, problemsAfter, tidyUpdate, type Update } from './save';

const yaml = (p: string, value: unknown) => ({ path: p, contents: Buffer.from(stringify(value)) });
const update = (...additions: Update['additions']): Update => ({ additions, deletions: [] });

describe('checking an editor save', () => {
  it('accepts a valid change, naming nothing', async () => {
    const dir = await writeTestContent();
    const p = testProcedure('1.000001');
    p.methods[0].time.value = 3;
    expect(problemsAfter(dir, update(yaml('procedures/1.000001.yaml', p)))).toEqual([]);
  });

  it.each([
    [
      'an empty Vietnamese name',
      'procedures/1.000001.yaml',
      testProcedure('1.000001', { name: { vi: ' ' } }),
      'procedures/1.000001.yaml: name.vi: Vietnamese text (vi) must not be empty',
    ],
    [
      'a bad GTIN',
      'products/san-pham-thu/product.yaml',
      testProduct('TP01', { gtin: '8930000000001' }),
      'products/san-pham-thu/product.yaml: gtin: "8930000000001" is not a valid GTIN',
    ],
    [
      'a date that does not exist',
      'procedures/1.000001.yaml',
      testProcedure('1.000001', { effectiveFrom: '2025-02-30' }),
      'procedures/1.000001.yaml: effectiveFrom: is not a real calendar date',
    ],
  ])(
    'refuses %s, naming the file and field, and writes nothing',
    async (_, file, data, message) => {
      const dir = await writeTestContent();
      const before = snapshotDir(dir, 'base64');
      const problems = problemsAfter(dir, update(yaml(file, data)));
      expect(problems.join('\n')).toContain(message);
      expect(snapshotDir(dir, 'base64')).toEqual(before);
    },
  );

  it('refuses a change that would break a published short link', async () => {
    const dir = await writeTestContent();
    writeFileSync(path.join(dir, 'published-links.txt'), '/T/1.000001/\n/P/TP01/\n');
    const renamed = testProduct('TP02');
    expect(problemsAfter(dir, update(yaml('products/san-pham-thu/product.yaml', renamed)))).toEqual(
      [
        'published-links.txt:2: /P/TP01/: published short link would stop answering (no product has short code TP01)',
      ],
    );
    const gone = { additions: [], deletions: [{ path: 'procedures/1.000001.yaml' }] };
    expect(problemsAfter(dir, gone).join('\n')).toContain('/T/1.000001/');
  });

  it('never writes through to the photos it checks against', async () => {
    const dir = await writeTestContent();
    const before = snapshotDir(dir, 'base64');
    const photo = { path: 'products/san-pham-thu/anh.jpg', contents: Buffer.from('not a photo') };
    problemsAfter(dir, update(photo));
    expect(snapshotDir(dir, 'base64')).toEqual(before);
  });

  it('merges a YAML save into the file it replaces, keeping its comments', async () => {
    const dir = await writeTestContent();
    const file = path.join(dir, 'procedures/1.000001.yaml');
    writeFileSync(file, `# checked against the national database\n${readFileSync(file, 'utf8')}`);
    const p = testProcedure('1.000001', { summary: { vi: '', en: '' } });
    const [tidy] = tidyUpdate(dir, update(yaml('procedures/1.000001.yaml', p))).additions;
    const text = Buffer.from(tidy.contents).toString('utf8');
    expect(text.startsWith('# checked against the national database\n')).toBe(true);
    expect(text).not.toContain('summary');
  });

  it('reads only well-formed save requests with paths inside the content directory', () => {
    expect(
      parseUpdate({ additions: [{ path: 'a.yaml', contents: 'eDox' }], deletions: [] }),
    ).toEqual({
      additions: [{ path: 'a.yaml', contents: Buffer.from('x:1') }],
      deletions: [],
    });
    expect(parseUpdate({ additions: [{ path: 1 }], deletions: [] })).toBeNull();
    expect(parseUpdate('x')).toBeNull();
    expect(isContentPath('products/a/b.jpg')).toBe(true);
    for (const bad of ['../x', '/etc/passwd', 'a/../../b', 'a\\b', 'a//b'])
      expect(isContentPath(bad)).toBe(false);
  });
});
