import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { procedureSchema, productSchema } from '../content/schema';
import { mergeYaml, prune } from './yaml-merge';

describe('what the editor writes', () => {
  it('drops the empty parts of a form (empty texts, objects and lists)', () => {
    expect(
      prune({
        name: { vi: 'A', en: '' },
        note: { vi: '', en: '' },
        keywords: [],
        n: 0,
        ok: false,
        x: null,
      }),
    ).toEqual({ name: { vi: 'A' }, n: 0, ok: false });
  });

  it('keeps an empty list or object where the schema requires one, and drops items holding nothing', () => {
    const form = {
      code: '1.000001',
      methods: [{ channel: 'direct', time: { value: null, unit: '', text: {} }, fees: [] }, {}],
      source: { decision: { issuer: {} }, verifiedOn: '2026-01-01' },
    };
    expect(prune(form, procedureSchema)).toEqual({
      code: '1.000001',
      methods: [{ channel: 'direct', time: {}, fees: [] }],
      source: { verifiedOn: '2026-01-01' },
    });
  });

  it("does not add the schema's defaults nobody wrote, and keeps those written", () => {
    const form = { featured: false, images: [{ file: 'a.jpg', alt: { vi: 'A' } }] };
    expect(prune(form, productSchema, {})).toEqual({ images: form.images });
    expect(prune(form, productSchema, { featured: false })).toEqual(form);
  });

  it('keeps a folded paragraph wrapped as it was, unless it changed', () => {
    const before = 'about:\n  vi: >-\n    Một đoạn dài\n    xuống dòng.\nname: A\n';
    expect(mergeYaml(before, { about: { vi: 'Một đoạn dài xuống dòng.' }, name: 'B' })).toBe(
      'about:\n  vi: >-\n    Một đoạn dài\n    xuống dòng.\nname: B\n',
    );
    expect(mergeYaml(before, { about: { vi: 'Đoạn mới.' }, name: 'A' })).toBe(
      'about:\n  vi: >-\n    Đoạn mới.\nname: A\n',
    );
  });

  it('keeps the comments, key order and quoting of the file it replaces', () => {
    const before = [
      '# About this procedure',
      'code: "1.000001"',
      'name:',
      '  vi: Tên # Vietnamese',
      '  en: Name',
      '# the methods',
      'methods:',
      '  - channel: direct',
      '    time: { value: 5, text: { vi: "5 ngày" } }',
      '',
    ].join('\n');
    const edited = {
      methods: [{ channel: 'direct', time: { value: 3, text: { vi: '3 ngày' } } }],
      name: { vi: 'Tên', en: '' },
      code: '1.000001',
    };
    const after = mergeYaml(before, edited);
    expect(after).toContain(
      '# About this procedure\ncode: "1.000001"\nname:\n  vi: Tên # Vietnamese\n',
    );
    expect(after).toContain('# the methods\nmethods:');
    expect(after).not.toContain('en: Name');
    expect(parse(after)).toEqual({
      code: '1.000001',
      name: { vi: 'Tên' },
      methods: [{ channel: 'direct', time: { value: 3, text: { vi: '3 ngày' } } }],
    });
  });

  it('writes a new file, in NFC', () => {
    const out = mergeYaml(undefined, { name: { vi: 'Bột nghệ'.normalize('NFD') } });
    expect(out).toBe('name:\n  vi: Bột nghệ\n');
    expect(out).toBe(out.normalize('NFC'));
  });
});
