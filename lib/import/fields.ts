import type { Field } from '../content/schema';
import { fold } from '../search/fold';

/** The field (lĩnh vực) whose Vietnamese or English name, or id, folds to the same text. */
export function matchField(name: string, fields: Field[]): Field | undefined {
  const key = fold(name);
  if (!key) return undefined;
  return fields.find(
    (f) =>
      fold(f.name.vi) === key ||
      (f.name.en !== undefined && fold(f.name.en) === key) ||
      f.id === fieldSlug(name),
  );
}

/** A stable field id from the source's name: "Đăng ký, quản lý cư trú" → "dang-ky-quan-ly-cu-tru". */
export function fieldSlug(name: string): string {
  // fold keeps the dot of "1.5"; an id has letters, digits and hyphens only.
  return fold(name).replace(/[^a-z0-9]+/g, '-');
}
