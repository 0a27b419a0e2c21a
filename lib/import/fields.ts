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
      f.id === key.replace(/ /g, '-'),
  );
}

export function knownFields(fields: Field[]): string {
  return fields.map((f) => f.name.vi).join(', ');
}
