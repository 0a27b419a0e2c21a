import { isListed } from './lifecycle';
import type { Content } from './load';
import type { Field } from './schema';

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
      count: content.procedures.filter((p) => isListed(p) && p.field === field.id).length,
    }))
    .filter((f) => f.count > 0);
}
