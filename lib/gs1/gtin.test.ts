import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, gtin14, gtinProblem } from './gtin';

// Test vectors are GS1's own published values, never computed by the code under test:
// - 09506000134352: GS1's example GTIN (GS1 DigitalLinkDocs README, "Dal Giardino Risotto Rice").
// - 09520123456788: the GTIN of the examples in the GS1 Digital Link standard (as quoted in the
//   tests of GS1's syntax engine, gs1/gs1-syntax-engine src/c-lib/dl.c, test_dl_parseDLuri).
// - GTIN-13 2112345678900, GTIN-12 416000336108, GTIN-8 02345673 and their 14-digit forms: the
//   same tests ("legacy expansion of GTIN-{8,12,13}").
describe('GTIN check digits and the 14-digit form', () => {
  it("accepts GS1's published GTINs of every length and pads them to 14 digits", () => {
    for (const [gtin, padded] of [
      ['09506000134352', '09506000134352'],
      ['9506000134352', '09506000134352'],
      ['09520123456788', '09520123456788'],
      ['2112345678900', '02112345678900'],
      ['416000336108', '00416000336108'],
      ['02345673', '00000002345673'],
    ]) {
      expect(gtinProblem(gtin), gtin).toBeNull();
      expect(gtin14(gtin)).toBe(padded);
    }
    expect(gs1CheckDigit('0950600013435')).toBe(2);
    expect(gs1CheckDigit('0952012345678')).toBe(8);
  });

  it('names the check digit expected when the last digit is wrong', () => {
    expect(gtinProblem('09506000134353')).toBe(
      'the check digit (the last digit) should be 2, not 3',
    );
    expect(gtinProblem('9520123456780')).toBe(
      'the check digit (the last digit) should be 8, not 0',
    );
    expect(() => gtin14('02345670')).toThrow(/should be 3, not 0/);
  });

  it('rejects lengths GS1 does not define and anything but digits', () => {
    expect(gtinProblem('123456789')).toBe('must have 8, 12, 13 or 14 digits');
    expect(gtinProblem('950600013435X')).toBe('must contain digits only');
    expect(gtinProblem(' 9506000134352')).toBe('must contain digits only');
    expect(gtinProblem('')).toBe('must contain digits only');
  });
});
