/** Which content goes on which printed sheet (plain functions: the print index uses them too). */
import type { Content } from '@/lib/content/load';
import { fieldProcedures } from '@/lib/content/fields';
import { productStatus } from '@/lib/content/lifecycle';
import type { Procedure, Product } from '@/lib/content/schema';
import { ALL_FIELDS } from '../links';
import { CARDS_PER_SHEET, paginate } from './geometry';

/** The procedures on a field's sheet: in force, in content order; `tat-ca` takes every field. */
export function sheetProcedures(content: Content, fieldId: string): Procedure[] {
  if (fieldId !== ALL_FIELDS) return fieldProcedures(content, fieldId);
  // Field by field in the order of fields.yaml, so that a field's cards stay together.
  return content.fields.flatMap((f) => fieldProcedures(content, f.id));
}

/** The procedures of a sheet cut into A4 pages (at least one page, maybe empty). */
export function sheetPages(content: Content, fieldId: string): Procedure[][] {
  return paginate(sheetProcedures(content, fieldId), CARDS_PER_SHEET);
}

/** Stars are printed only while the product's OCOP certificate is valid. */
export function showsStars(p: Product): boolean {
  return productStatus(p) === 'certified';
}
