/**
 * A lossless, smaller JSON form of MiniSearch's serialised index. MiniSearch writes every posting
 * as `"1545":1` and every document's data under its own numbered key; for 3,000 procedures that is
 * over a megabyte. Here documents are arrays in id order and postings are gaps between document
 * ids, which roughly halves the file before and after gzip. The browser unpacks it in a few
 * milliseconds and hands the result to MiniSearch.loadJS.
 */
import type { AsPlainObject } from 'minisearch';

export const PACKED_VERSION = 1;

export type PackedIndex = {
  v: typeof PACKED_VERSION;
  /** MiniSearch's own serialisation version, checked again by loadJS. */
  sv: number;
  fields: Record<string, number>;
  avg: number[];
  /** Document ids, position = MiniSearch's short id. */
  ids: unknown[];
  /** Field lengths of all documents, `fields` numbers per document; 0 where a field is absent. */
  lengths: number[];
  /** Stored fields by name, one value per document (null where absent). */
  stored: Record<string, unknown[]>;
  /**
   * Per term: the term, then for each field it occurs in, the field id and its postings: gaps
   * between document short ids, each followed by -frequency when the term occurs more than once.
   */
  terms: [string, ...(number | number[])[]][];
};

export function pack(js: AsPlainObject): PackedIndex {
  const count = js.nextId;
  const fieldCount = Object.keys(js.fieldIds).length;
  // Removing documents leaves holes in the short ids; the build never removes any.
  if (js.documentCount !== count || Object.keys(js.documentIds).length !== count)
    throw new Error('pack: the index has removed documents; build it afresh');

  const ids: unknown[] = [];
  const lengths: number[] = [];
  const stored: Record<string, unknown[]> = {};
  for (let shortId = 0; shortId < count; shortId++) {
    ids.push(js.documentIds[shortId]);
    const fl = js.fieldLength[shortId] ?? [];
    for (let f = 0; f < fieldCount; f++) lengths.push(fl[f] ?? 0);
    const fields = (js.storedFields[shortId] ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(fields)) (stored[name] ??= [])[shortId] = value;
  }
  for (const values of Object.values(stored))
    for (let i = 0; i < count; i++) if (values[i] === undefined) values[i] = null;

  const terms: PackedIndex['terms'] = js.index.map(([term, byField]) => {
    const row: [string, ...(number | number[])[]] = [term];
    for (const [fieldId, postings] of Object.entries(byField)) {
      const docs = Object.keys(postings)
        .map(Number)
        .sort((a, b) => a - b);
      const list: number[] = [];
      let previous = 0;
      for (const doc of docs) {
        list.push(doc - previous);
        previous = doc;
        const freq = (postings as Record<string, number>)[doc];
        if (freq !== 1) list.push(-freq);
      }
      row.push(Number(fieldId), list);
    }
    return row;
  });

  return {
    v: PACKED_VERSION,
    sv: js.serializationVersion,
    fields: js.fieldIds,
    avg: js.averageFieldLength,
    ids,
    lengths,
    stored,
    terms,
  };
}

export function unpack(p: PackedIndex): AsPlainObject {
  if (p.v !== PACKED_VERSION) throw new Error(`search index format ${p.v} is not supported`);
  const fieldCount = Object.keys(p.fields).length;
  const documentIds: AsPlainObject['documentIds'] = {};
  const fieldLength: AsPlainObject['fieldLength'] = {};
  const storedFields: AsPlainObject['storedFields'] = {};
  const storedNames = Object.keys(p.stored);
  p.ids.forEach((id, shortId) => {
    documentIds[shortId] = id;
    fieldLength[shortId] = p.lengths.slice(shortId * fieldCount, (shortId + 1) * fieldCount);
    const fields: Record<string, unknown> = {};
    for (const name of storedNames) {
      const value = p.stored[name][shortId];
      if (value !== null) fields[name] = value;
    }
    storedFields[shortId] = fields;
  });

  const index: AsPlainObject['index'] = p.terms.map(([term, ...rest]) => {
    const byField: Record<string, Record<string, number>> = {};
    for (let i = 0; i < rest.length; i += 2) {
      const postings: Record<string, number> = {};
      let doc = 0;
      for (const n of rest[i + 1] as number[]) {
        if (n < 0) postings[doc] = -n;
        else postings[(doc += n)] = 1;
      }
      byField[rest[i] as number] = postings;
    }
    return [term, byField];
  });

  return {
    documentCount: p.ids.length,
    nextId: p.ids.length,
    documentIds,
    fieldIds: p.fields,
    fieldLength,
    averageFieldLength: p.avg,
    storedFields,
    dirtCount: 0,
    index,
    serializationVersion: p.sv,
  };
}
