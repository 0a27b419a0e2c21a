import { describe, expect, it } from 'vitest';
import { createIndex, indexToJson, loadIndex, search } from '../lib/search/engine';
import { CODE } from '../lib/search/fold';
import { syntheticProcedures } from './search';

describe('search benchmark', () => {
  it('generates distinct, well-formed synthetic procedures reproducibly', () => {
    const docs = syntheticProcedures(500);
    expect(new Set(docs.map((d) => d.code)).size).toBe(500);
    expect(docs.every((d) => CODE.test(d.code!) && d.url === `/vi/thu-tuc/${d.code}/`)).toBe(true);
    expect(syntheticProcedures(500)).toEqual(docs);
  });

  // The figures are only worth printing if the index measured is one that answers: each
  // synthetic procedure is found by its code and by its name typed without diacritics.
  it('measures an index that finds its procedures', () => {
    const docs = syntheticProcedures(300);
    const index = loadIndex(indexToJson(createIndex(docs)));
    for (const d of [docs[0], docs[42], docs[299]]) {
      expect(search(index, d.code!, 10)[0]?.code, d.code).toBe(d.code);
      const typed = d.title.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd');
      expect(
        search(index, typed, 10).map((h) => h.url),
        typed,
      ).toContain(d.url);
    }
  });
});
