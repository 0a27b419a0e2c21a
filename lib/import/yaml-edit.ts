/**
 * Writing procedure YAML: new files in the schema's key order, existing files edited in place
 * (parseDocument + set) so that their comments and key order survive.
 */
import { Document, isMap, type YAMLMap } from 'yaml';
import { procedureSchema } from '../content/schema';

export const YAML_OPTIONS = { lineWidth: 0 } as const;
/** Parts that happen to be equal (one time limit for every method) are written out, not aliased. */
const NODE_OPTIONS = { aliasDuplicateObjects: false } as const;

const TOP_ORDER = Object.keys(procedureSchema.shape);
const NESTED_ORDER: Record<string, string[]> = {
  source: ['decision', 'promulgatedBy', 'verifiedOn', 'url'],
  online: ['level', 'url'],
};
const TEXT_ORDER = ['vi', 'en'];

function orderOf(parent: string | null): string[] {
  if (parent === null) return TOP_ORDER;
  return NESTED_ORDER[parent] ?? TEXT_ORDER;
}

export function getPath(obj: unknown, unit: string): unknown {
  let cur = obj;
  for (const k of unit.split('.')) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, unit: string, value: unknown): void {
  const keys = unit.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (!next || typeof next !== 'object' || Array.isArray(next)) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}

/** A plain object with its keys in the schema's order (for new files). */
export function ordered(
  value: Record<string, unknown>,
  parent: string | null = null,
): Record<string, unknown> {
  const order = orderOf(parent);
  const keys = Object.keys(value).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  });
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = value[k];
    if (v === undefined) continue;
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && (parent === null || k in NESTED_ORDER)
        ? ordered(v as Record<string, unknown>, k)
        : v;
  }
  return out;
}

function insertOrdered(doc: Document, map: YAMLMap, key: string, value: unknown, order: string[]) {
  const rank = (k: unknown) => {
    const i = order.indexOf(String(k));
    return i < 0 ? order.length : i;
  };
  const mine = rank(key);
  const at = map.items.findIndex(
    (p) => rank((p.key as { value?: unknown })?.value ?? p.key) > mine,
  );
  const pair = doc.createPair(key, value, NODE_OPTIONS);
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

/** Sets one unit ("methods", "name.vi", "source.decision") in an existing document. */
export function setInDocument(doc: Document, unit: string, value: unknown): void {
  const keys = unit.split('.');
  let map = doc.contents as YAMLMap;
  let parent: string | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const rest = keys.slice(i + 1);
    const nested = rest.reduceRight<unknown>((v, k) => ({ [k]: v }), value);
    const node = map.get(key, true);
    if (node === undefined) {
      insertOrdered(doc, map, key, nested, orderOf(parent));
      return;
    }
    if (!rest.length || !isMap(node)) {
      map.set(key, doc.createNode(nested, NODE_OPTIONS));
      return;
    }
    map = node;
    parent = key;
  }
}

export function deleteInDocument(doc: Document, unit: string): void {
  doc.deleteIn(unit.split('.'));
}

export function newDocument(value: Record<string, unknown>, comment: string): Document {
  const doc = new Document(ordered(value), NODE_OPTIONS);
  doc.commentBefore = comment;
  return doc;
}
