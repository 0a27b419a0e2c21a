/**
 * The print centre's page geometry and text sizes, in one place so that the pages, the CSS
 * variables and the tests agree. Every printed page is an A4 sheet drawn as a fixed-size box
 * (`@page { margin: 0 }`, the margins are the sheet's padding): what is laid out on screen is
 * exactly what prints, and label positions match the label stock to the tenth of a millimetre.
 */

export const A4 = { width: 210, height: 297 } as const;

/**
 * Height of a sheet box in millimetres: a hair under A4 so that rounding to device pixels never
 * pushes a sheet onto a second page (Chromium adds a blank page for a box of exactly 297 mm).
 */
export const SHEET_HEIGHT_MM = 296.5;

/**
 * Printed width of the QR code on a poster (a procedure's or a field's), quiet zone included:
 * 100 mm read from 1.5 m on simulated phone captures; 2 m needs about a third more (3.3 mm a
 * module for a version 3 symbol, 29 modules and 8 of quiet zone).
 */
export const POSTER_QR_MM = 122;

/** Procedure cards per field sheet: 2 columns × 4 rows. */
export const SHEET_COLUMNS = 2;
export const SHEET_ROWS = 4;
export const CARDS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS;

/** Printed width of the QR code on a field sheet card, quiet zone included. */
export const CARD_QR_MM = 42;

/** Printed width of the QR code on the single product card (A6). */
export const PRODUCT_CARD_QR_MM = 62;

/**
 * A sheet of A4 self-adhesive labels. Positions are the stock maker's template in millimetres:
 * the first label's top-left corner is at (left, top); labels repeat every pitch.
 */
export type LabelLayout = {
  /** In the URL: /{locale}/in/nhan/{id}/{slug}/ */
  id: string;
  columns: number;
  rows: number;
  /** One label, in millimetres. */
  width: number;
  height: number;
  /** Page margin to the first label, in millimetres. */
  top: number;
  left: number;
  /** Distance between the left (top) edges of neighbouring labels, in millimetres. */
  pitchX: number;
  pitchY: number;
  /** Printed width of the QR code on one label, quiet zone included, in millimetres. */
  qr: number;
  /** A common stock with this template (other makers sell the same sizes). */
  stock: string;
};

export const LABEL_LAYOUTS: readonly LabelLayout[] = [
  {
    id: '3x8',
    columns: 3,
    rows: 8,
    width: 70,
    height: 37,
    top: 0.5,
    left: 0,
    pitchX: 70,
    pitchY: 37,
    qr: 32,
    stock: 'Avery 3474',
  },
  {
    id: '2x7',
    columns: 2,
    rows: 7,
    width: 99.1,
    height: 38.1,
    top: 15.15,
    left: 4.65,
    pitchX: 101.6,
    pitchY: 38.1,
    qr: 34,
    stock: 'Avery L7163 / J8163',
  },
  {
    id: '2x5',
    columns: 2,
    rows: 5,
    width: 105,
    height: 57,
    top: 6,
    left: 0,
    pitchX: 105,
    pitchY: 57,
    qr: 50,
    stock: 'Avery 3425',
  },
];

export function labelLayout(id: string): LabelLayout | undefined {
  return LABEL_LAYOUTS.find((l) => l.id === id);
}

export function labelsPerSheet(layout: LabelLayout): number {
  return layout.columns * layout.rows;
}

/** Millimetres as people write them: 70, 99.1, 38.1 (Vietnamese uses a decimal comma). */
export function formatMm(mm: number, locale: string): string {
  const text = String(Math.round(mm * 100) / 100);
  return locale === 'vi' ? text.replace('.', ',') : text;
}

/** Items cut into pages of a fixed size; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  if (!(perPage >= 1)) throw new RangeError('perPage must be at least 1');
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}

/** Font size step for a name by its length, so that the longest names still fit their box. */
export function sizeStep(text: string, steps: readonly number[]): number {
  const i = steps.findIndex((limit) => text.length <= limit);
  return i === -1 ? steps.length : i;
}
