/**
 * The print centre's sizes as a stylesheet, written from lib/print/geometry.ts, so pages carry
 * classes instead of `style=` attributes (the Content Security Policy allows no inline style)
 * and the millimetres still have one home. Served at printGeometryCssPath() (app route).
 */
import { CARD_QR_MM, LABEL_LAYOUTS, POSTER_QR_MM, PRODUCT_CARD_QR_MM } from './geometry';

/** Every printed QR code width, quiet zone included, in millimetres. */
export const QR_WIDTHS_MM: readonly number[] = [
  ...new Set([POSTER_QR_MM, CARD_QR_MM, PRODUCT_CARD_QR_MM, ...LABEL_LAYOUTS.map((l) => l.qr)]),
].sort((a, b) => a - b);

/** The class that sets a QR code's printed width (`pc-qr-32mm`). */
export function qrWidthClass(mm: number): string {
  if (!QR_WIDTHS_MM.includes(mm))
    throw new Error(`No QR width class for ${mm} mm: add the width to lib/print/geometry.ts`);
  return `pc-qr-${String(mm).replace('.', '_')}mm`;
}

const round = (mm: number) => Math.round(mm * 100) / 100;

export function printGeometryCss(): string {
  const rules = QR_WIDTHS_MM.map((mm) => `.${qrWidthClass(mm)} { --qr-width: ${mm}mm; }`);
  for (const l of LABEL_LAYOUTS) {
    rules.push(
      `.pc-labels-${l.id} { --label-w: ${l.width}mm; --label-h: ${l.height}mm; ` +
        `--label-top: ${l.top}mm; --label-left: ${l.left}mm; ` +
        `--label-gap-x: ${round(l.pitchX - l.width)}mm; --label-gap-y: ${round(l.pitchY - l.height)}mm; ` +
        `--label-columns: ${l.columns}; }`,
    );
  }
  return `/* Generated from lib/print/geometry.ts */\n${rules.join('\n')}\n`;
}
