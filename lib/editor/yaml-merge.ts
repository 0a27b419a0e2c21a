/**
 * What the editor writes, made to look like what people write. Keystatic serialises a whole form,
 * so optional parts left empty arrive as '' or {} (which the schema would refuse as empty texts)
 * and fields nobody wrote arrive with the form's default; the content schema decides which of
 * them a person would have written. The result is merged into the file already on disk through
 * the YAML document model, so its comments, key order, quoting and wrapped paragraphs survive.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  isMap,
  isScalar,
  isSeq,
  parse,
  parseDocument,
  stringify,
  visit,
  type Document,
  type Scalar,
} from 'yaml';
import { z } from 'zod';

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** The schema under optional, default and pipe wrappers, and what those wrappers say. */
function unwrap(schema: z.ZodType | undefined) {
  let optional = false;
  let fallback: { value: unknown } | undefined;
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodDefault) {
      optional = true;
      fallback = { value: s.parse(undefined) };
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return { node: s, optional, fallback };
  }
}

/** Whether a value holds anything but empty lists and objects. */
const hasText = (v: Plain): boolean =>
  typeof v !== 'object' || Object.values(v).some((x) => hasText(x));

/**
 * `value` as a person would write it: no empty strings or nulls; no list item, and no list or
 * object in an optional place, that holds nothing (only a place the schema requires keeps its
 * empty `fees: []` or `time: {}`); no value equal to the schema's default where the file before
 * (`before`, the same place in the old file) had none. Undefined when nothing is left.
 */
export function prune(
  value: unknown,
  schema?: z.ZodType,
  before?: unknown,
  inList = false,
): Plain | undefined {
  const { node, optional, fallback } = unwrap(schema);
  let out: Plain | undefined;
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') out = value.normalize('NFC');
  else if (typeof value === 'number' || typeof value === 'boolean') out = value;
  else if (Array.isArray(value)) {
    const element = node instanceof z.ZodArray ? (node.element as z.ZodType) : undefined;
    const old = Array.isArray(before) ? before : [];
    out = value
      .map((v, i) => prune(v, element, old[i], true))
      .filter((v): v is Plain => v !== undefined);
  } else if (typeof value === 'object') {
    const shape = node instanceof z.ZodObject ? (node.shape as Record<string, z.ZodType>) : {};
    const old = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
    out = Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, prune(v, shape[k], old[k])] as const)
        .filter((e): e is [string, Plain] => e[1] !== undefined),
    );
  }
  if (out === undefined) return undefined;
  if (!hasText(out) && (!node || optional || inList)) return undefined;
  if (fallback && before === undefined && isDeepStrictEqual(out, fallback.value)) return undefined;
  return out;
}

function sync(doc: Document, node: unknown, value: Plain): unknown {
  if (Array.isArray(value)) {
    if (!isSeq(node)) return doc.createNode(value);
    node.items = value.map((v, i) =>
      i < node.items.length ? sync(doc, node.items[i], v) : doc.createNode(v),
    );
    return node;
  }
  if (typeof value === 'object') {
    if (!isMap(node)) return doc.createNode(value);
    node.items = node.items.filter((pair) => isScalar(pair.key) && String(pair.key.value) in value);
    for (const [k, v] of Object.entries(value)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === k);
      if (pair) pair.value = sync(doc, pair.value, v);
      else node.items.push(doc.createPair(k, v));
    }
    return node;
  }
  if (isScalar(node)) {
    if (node.value !== value) node.value = value;
    return node;
  }
  return doc.createNode(value);
}

/**
 * The YAML text for `value`, keeping what it can of `existing` (comments, order, quoting, and
 * folded paragraphs (`>-`) wrapped as their author wrapped them); `schema` is the file's content
 * schema, for `prune`.
 */
export function mergeYaml(
  existing: string | undefined,
  value: unknown,
  schema?: z.ZodType,
): string {
  const doc = existing === undefined ? undefined : parseDocument(existing);
  const clean = prune(value, schema, doc && !doc.errors.length ? doc.toJS() : undefined) ?? {};
  if (!doc || doc.errors.length) return stringify(clean, { lineWidth: 100 });

  // Printed without a line width (long lines as the importer writes them), a folded paragraph
  // would come out on one line; an unchanged one is put back from the file's own text.
  const folded = new Map<Scalar, { value: unknown; text: string }>();
  visit(doc, {
    Scalar(_, s) {
      if (s.type === 'BLOCK_FOLDED' && s.range)
        folded.set(s, { value: s.value, text: existing!.slice(s.range[0], s.range[1]) });
    },
  });
  doc.contents = sync(doc, doc.contents, clean) as typeof doc.contents;
  const token = `keep-${randomBytes(8).toString('hex')}-`;
  const kept: string[] = [];
  visit(doc, {
    Scalar(_, s) {
      const f = folded.get(s);
      if (!f || s.value !== f.value) return;
      s.value = `${token}${kept.length}`;
      s.type = 'PLAIN';
      kept.push(f.text.endsWith('\n') ? f.text : `${f.text}\n`);
    },
  });
  const printed = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const out = printed.replace(new RegExp(`${token}(\\d+)\\n`, 'g'), (_, i) => kept[Number(i)]);
  // A paragraph put back under a differently indented key would not parse as it was.
  if (kept.length && !isDeepStrictEqual(parse(out), clean)) {
    for (const [s, f] of folded)
      if (String(s.value).startsWith(token))
        Object.assign(s, { value: f.value, type: 'BLOCK_FOLDED' });
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  return out;
}
