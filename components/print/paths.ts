/**
 * URLs of the print centre (/{locale}/in/...). They are for staff, not printed anywhere, so they
 * may change; the QR codes on the sheets encode the permanent short links of lib/links.ts.
 */
import type { Locale } from '@/i18n/routing';

/** `/{locale}/in/`: the index of everything printable. */
export function printIndexPath(locale: Locale): string {
  return `/${locale}/in/`;
}

/** `/{locale}/in/thu-tuc/{code}/`: the A4 poster of one procedure. */
export function posterPath(locale: Locale, code: string): string {
  return `/${locale}/in/thu-tuc/${code}/`;
}

/** `/{locale}/in/linh-vuc/{fieldId}/`: the QR sheet of a field (`tat-ca`: every procedure). */
export function fieldSheetPath(locale: Locale, fieldId: string): string {
  return `/${locale}/in/linh-vuc/${fieldId}/`;
}

/** `/{locale}/in/ocop/{slug}/`: the single larger card of a product, with its label sheets. */
export function productCardPath(locale: Locale, slug: string): string {
  return `/${locale}/in/ocop/${slug}/`;
}

/** `/{locale}/in/nhan/{layout}/{slug}/`: a sheet of labels of one product on one label stock. */
export function labelSheetPath(locale: Locale, layout: string, slug: string): string {
  return `/${locale}/in/nhan/${layout}/${slug}/`;
}
