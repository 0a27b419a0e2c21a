/** What the readers (portal JSON, catalogue CSV/XLSX) hand to the planner that writes content. */
import type { Field } from '../content/schema';

/**
 * The parts of a procedure an import can write, each tracked on its own for hand edits. Single
 * texts are tracked at `.vi` so that adding an English translation by hand does not stop later
 * imports from updating the Vietnamese text.
 */
export const UNITS = [
  'name.vi',
  'level',
  'field',
  'summary.vi',
  'keywords',
  'methods',
  'documents',
  'steps',
  'subjects',
  'agency.vi',
  'authority.vi',
  'authorizedAgency.vi',
  'delegatedAgency.vi',
  'coordinatingAgency.vi',
  'receivingAddress.vi',
  'results',
  'legalBasis',
  'requirements',
  'online.level',
  'online.url',
  'source.decision',
  'source.promulgatedBy',
  'source.url',
] as const;
export type Unit = (typeof UNITS)[number];

/** Either the whole value of a unit, or a change to part of it (the rest is left as it is). */
export type Update = { set: unknown } | { edit: (current: unknown) => unknown };

export type ProcedurePatch = {
  code: string;
  /** Where it comes from, for messages: "1.001193.json", "danh-muc.xlsx dòng/row 4". */
  origin: string;
  source: 'portal' | 'catalogue';
  units: Partial<Record<Unit, Update>>;
  /** A field (lĩnh vực) the content does not have yet: created with the source's name. */
  newField?: { id: string; name: string };
  /** Who promulgated the procedure (departmentPromulgateName), to tell another province's own. */
  promulgatedBy?: string;
};

export type Decision = { number: string; date: string; issuer: string };

/** What is wrong, and where: the file, a row of a sheet, a column or payload field, a procedure. */
export type Problem = {
  file: string;
  row?: number;
  column?: string;
  code?: string;
  message: string;
};

export type ReadContext = { file: string; fields: Field[]; nationalPortalUrl: string };

export type ReadResult = { patches: ProcedurePatch[]; notes: string[]; problems: Problem[] };

export function problemLine(p: Problem): string {
  const where = [p.file];
  if (p.code !== undefined) where.push(p.code);
  if (p.row !== undefined) where.push(`dòng/row ${p.row}`);
  if (p.column !== undefined)
    where.push(p.code !== undefined ? `trường/field ${p.column}` : `cột/column "${p.column}"`);
  return `${where.join(', ')}: ${p.message}`;
}
