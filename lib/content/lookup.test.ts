import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContentFrom } from './load';
import {
  getField,
  getProcedure,
  getProduct,
  getProductByGtin,
  getProductByShortCode,
} from './lookup';
import { testFields, testProcedure, testProduct, writeTestContent } from '../../bench/fixtures';

const dirs: string[] = [];
async function content(spec: Parameters<typeof writeTestContent>[0]) {
  const dir = await writeTestContent(spec);
  dirs.push(dir);
  return loadContentFrom(dir);
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('look-ups by key', () => {
  it('find each item by its key (a GTIN by its 14 digits), and nothing for a key no item has', async () => {
    const c = await content({
      procedures: [testProcedure('1.000002'), testProcedure('1.000003')],
      products: [{ slug: 'che-xanh', data: testProduct('DP01', { gtin: '9506000134352' }) }],
    });
    expect(getProcedure(c, '1.000003')?.code).toBe('1.000003');
    expect(getProcedure(c, '1.000004')).toBeUndefined();
    expect(getProduct(c, 'che-xanh')?.shortCode).toBe('DP01');
    expect(getProductByShortCode(c, 'DP01')?.slug).toBe('che-xanh');
    expect(getProductByShortCode(c, 'dp01')).toBeUndefined();
    expect(getProductByGtin(c, '09506000134352')?.slug).toBe('che-xanh');
    expect(getField(c, testFields[0].id)?.name).toEqual(testFields[0].name);
    expect(getField(c, 'khong-co')).toBeUndefined();
  });

  it('answer from the content they are given, not from an earlier one', async () => {
    const a = await content({ procedures: [testProcedure('1.000002')] });
    const b = await content({ procedures: [testProcedure('1.000003')] });
    expect(getProcedure(a, '1.000002')).toBeDefined();
    expect(getProcedure(b, '1.000002')).toBeUndefined();
    expect(getProcedure(b, '1.000003')).toBeDefined();
  });
});
