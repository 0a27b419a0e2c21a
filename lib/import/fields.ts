import type { Field } from '../content/schema';
import { fold } from './text';

/** The field (lĩnh vực) whose Vietnamese or English name, or id, folds to the same text. */
export function matchField(name: string, fields: Field[]): Field | undefined {
  const key = fold(name);
  if (!key) return undefined;
  return fields.find(
    (f) =>
      fold(f.name.vi) === key ||
      (f.name.en !== undefined && fold(f.name.en) === key) ||
      f.id === key.replace(/ /g, '-'),
  );
}

/** A stable field id from the source's name: "Đăng ký, quản lý cư trú" → "dang-ky-quan-ly-cu-tru". */
export function fieldSlug(name: string): string {
  return fold(name).replace(/ /g, '-');
}
