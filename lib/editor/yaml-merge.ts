/**
 * What the editor writes, made to look like what people write. Keystatic serialises a whole form,
 * so optional parts left empty arrive as '' or {} (which the schema would refuse as empty texts);
 * they are dropped here. The result is merged into the file already on disk through the YAML
 * document model, so its comments, key order and quoting survive an edit.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document } from 'yaml';

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** A value without empty strings, nulls, empty lists and empty objects; undefined when nothing is left. */
export function prune(value: unknown): Plain | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v): v is Plain => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter((e): e is [string, Plain] => e[1] !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return undefined;
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

/** The YAML text for `value`, keeping what it can of `existing` (comments, order, quoting). */
export function mergeYaml(existing: string | undefined, value: unknown): string {
  const clean = prune(value) ?? {};
  if (existing === undefined) return stringify(clean, { lineWidth: 100 });
  const doc = parseDocument(existing);
  if (doc.errors.length) return stringify(clean, { lineWidth: 100 });
  doc.contents = sync(doc, doc.contents, clean) as typeof doc.contents;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
