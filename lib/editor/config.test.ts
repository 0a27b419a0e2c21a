import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fieldListFields,
  procedureFields,
  productFields,
  siteFields,
} from '../../keystatic.config';
import {
  fieldsFileSchema,
  localText,
  procedureSchema,
  productSchema,
  siteSchema,
} from '../content/schema';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
};
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every field path of a zod schema ("a.b[].c"), looking through optional, default and arrays. */
function zodPaths(s: z.ZodType, at = ''): string[] {
  const d = def(s);
  if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable')
    return zodPaths(d.innerType!, at);
  if (d.type === 'pipe') return zodPaths(d.in!, at);
  if (d.type === 'array') return zodPaths(d.element!, `${at}[]`);
  if (d.type === 'object')
    return Object.entries(d.shape!).flatMap(([k, v]) => [
      `${at}${at ? '.' : ''}${k}`,
      ...zodPaths(v, `${at}${at ? '.' : ''}${k}`),
    ]);
  return [];
}

type Field = { kind: string; fields?: Record<string, Field>; element?: Field };
/** The same for a Keystatic form schema. */
function formPaths(f: Field | Record<string, Field>, at = ''): string[] {
  if (typeof f.kind !== 'string') f = { kind: 'object', fields: f as Record<string, Field> };
  const field = f as Field;
  if (field.kind === 'array') return formPaths(field.element!, `${at}[]`);
  if (field.kind === 'object')
    return Object.entries(field.fields!).flatMap(([k, v]) => [
      `${at}${at ? '.' : ''}${k}`,
      ...formPaths(v, `${at}${at ? '.' : ''}${k}`),
    ]);
  return [];
}

describe('the editor forms follow the content schema', () => {
  it.each([
    ['site.yaml', siteSchema, siteFields, []],
    ['fields.yaml', fieldsFileSchema, fieldListFields, []],
    ['procedures/{code}.yaml', procedureSchema, procedureFields, []],
    // The product's folder name is its slug: the editor asks for it, the file does not hold it.
    ['products/{slug}/product.yaml', productSchema, productFields, ['slug']],
  ] as const)('%s: the same field names at every level', (_, schema, form, formOnly) => {
    const inSchema = zodPaths(schema as unknown as z.ZodType).sort();
    const inForm = formPaths(form as unknown as Record<string, Field>)
      .filter((p) => !(formOnly as readonly string[]).includes(p))
      .sort();
    expect(inForm).toEqual(inSchema);
  });

  it('fails when the schema gains a field the form lacks, at any depth', () => {
    const form = formPaths(procedureFields as unknown as Record<string, Field>).sort();
    expect(zodPaths(procedureSchema).sort()).toEqual(form);
    const grown = procedureSchema.extend({ agencies: z.array(localText) });
    expect(zodPaths(grown).sort()).not.toEqual(form);
    expect(zodPaths(procedureSchema)).toContain('methods[].time.unit');
  });
});
