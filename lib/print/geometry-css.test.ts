import { describe, expect, it } from 'vitest';
import { LABEL_LAYOUTS, POSTER_QR_MM } from './geometry';
import { printGeometryCss, qrWidthClass } from './geometry-css';

describe('print geometry stylesheet', () => {
  it('has a rule for every QR width and label layout the pages use', () => {
    const css = printGeometryCss();
    expect(css).toContain(`.${qrWidthClass(POSTER_QR_MM)} { --qr-width: ${POSTER_QR_MM}mm; }`);
    for (const l of LABEL_LAYOUTS) {
      expect(css).toContain(`.${qrWidthClass(l.qr)} {`);
      expect(css).toMatch(
        new RegExp(`\\.pc-labels-${l.id} \\{[^}]*--label-columns: ${l.columns};`),
      );
    }
  });

  it('refuses a width it has no rule for, so a page cannot print at a silent default', () => {
    expect(() => qrWidthClass(33.3)).toThrow(/33.3 mm/);
  });
});
