import { describe, expect, it } from 'vitest';
import { runSearchBench, syntheticProcedures } from './bench';
import { CODE } from './fold';

describe('search benchmark', () => {
  it('generates distinct, well-formed synthetic procedures reproducibly', () => {
    const docs = syntheticProcedures(500);
    expect(new Set(docs.map((d) => d.code)).size).toBe(500);
    expect(docs.every((d) => CODE.test(d.code!) && d.url === `/vi/thu-tuc/${d.code}/`)).toBe(true);
    expect(syntheticProcedures(500)).toEqual(docs);
  });

  it('reports sizes and times', () => {
    const r = runSearchBench({ count: 300, rounds: 2 });
    expect(r.docs).toBe(300);
    expect(r.indexGzipBytes).toBeGreaterThan(0);
    expect(r.indexGzipBytes).toBeLessThan(r.indexBytes);
    expect(r.p95QueryMs).toBeGreaterThanOrEqual(r.medianQueryMs);
  });
});
