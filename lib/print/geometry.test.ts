import { describe, expect, it } from 'vitest';
import {
  A4,
  LABEL_LAYOUTS,
  formatMm,
  labelLayout,
  labelsPerSheet,
  paginate,
  sizeStep,
} from './geometry';

describe('label layouts', () => {
  for (const l of LABEL_LAYOUTS) {
    it(`${l.id} (${l.stock}) fits on A4 and its QR fits on a label`, () => {
      expect(l.left + (l.columns - 1) * l.pitchX + l.width).toBeLessThanOrEqual(A4.width + 0.01);
      expect(l.top + (l.rows - 1) * l.pitchY + l.height).toBeLessThanOrEqual(A4.height + 0.01);
      expect(l.pitchX).toBeGreaterThanOrEqual(l.width);
      expect(l.pitchY).toBeGreaterThanOrEqual(l.height);
      expect(l.qr).toBeLessThan(l.height);
    });
  }

  it('looks layouts up by id and counts labels', () => {
    expect(labelsPerSheet(labelLayout('3x8')!)).toBe(24);
    expect(labelsPerSheet(labelLayout('2x5')!)).toBe(10);
    expect(labelLayout('4x4')).toBeUndefined();
  });
});

describe('paginate', () => {
  it('cuts items into full pages and a last partial one', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 8)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

describe('formatMm and sizeStep', () => {
  it('writes millimetres with the local decimal mark', () => {
    expect(formatMm(99.1, 'vi')).toBe('99,1');
    expect(formatMm(99.1, 'en')).toBe('99.1');
  });

  it('steps font sizes down as names grow', () => {
    expect(sizeStep('ngắn', [40, 80, 140])).toBe(0);
    expect(sizeStep('x'.repeat(100), [40, 80, 140])).toBe(2);
    expect(sizeStep('x'.repeat(300), [40, 80, 140])).toBe(3);
  });
});
