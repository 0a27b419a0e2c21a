import { isListed } from './lifecycle';
import type { Content } from './load';
import type { Field, Procedure } from './schema';

/** A field's procedures that are listed on the build date (in force), in content order. */
export function fieldProcedures(
  content: Pick<Content, 'procedures'>,
  fieldId: string,
): Procedure[] {
  return content.procedures.filter((p) => isListed(p) && p.field === fieldId);
}

export type FieldCount = { field: Field; count: number };

/**
 * The fields the home page shows, with their listed procedures: the site's featured fields (the
 * most used, in the order site.yaml gives) when it names any, else every field in fields.yaml
 * order; fields with nothing listed are left out (their own pages still answer).
 */
export function homeFields(content: Pick<Content, 'site' | 'fields' | 'procedures'>): FieldCount[] {
  const { featuredFields } = content.site;
  const chosen = featuredFields.length
    ? featuredFields.flatMap((id) => content.fields.filter((f) => f.id === id))
    : content.fields;
  return chosen
    .map((field) => ({
      field,
      count: fieldProcedures(content, field.id).length,
    }))
    .filter((f) => f.count > 0);
}
