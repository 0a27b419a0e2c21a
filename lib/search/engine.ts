/**
 * The search engine shared by the build (which writes the index), the tests and the browser
 * (which loads the index on the first keystroke). Only MiniSearch and the folding rules: no Node
 * APIs and no content loading, so a client component can import it.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { isCodeLike, normaliseCodeTerm, searchTerms } from './fold';
import { pack, unpack, type PackedIndex } from './packed';

export type SearchKind = 'procedure' | 'product';

export type SearchDoc = {
  /** `procedure:{code}` or `product:{slug}`. */
  id: string;
  kind: SearchKind;
  /** The title in the page's locale (Vietnamese where there is no English). */
  title: string;
  /** On the English site, the Vietnamese title, so that Vietnamese queries still find it. */
  titleVi?: string;
  code?: string;
  /** The field (lĩnh vực) of a procedure, the OCOP group of a product, in the locale. */
  field: string;
  keywords: string[];
  /**
   * The locale page: /{locale}/thu-tuc/{code}/ or /{locale}/ocop/{slug}/. The index keeps only
   * this and the titles: kind and code are read back from it (the URL contract is permanent).
   */
  url: string;
};

export type SearchHit = {
  url: string;
  kind: SearchKind;
  title: string;
  code?: string;
  /** 5 exact code, 4 code prefix, 3 phrase in title, 2 all words in title, 1 the rest. */
  tier: number;
  score: number;
};

export type SearchIndex = MiniSearch<SearchDoc>;

const BOOST = { title: 4, titleVi: 3, code: 4, keywords: 1.5, field: 0.5 };

export const indexOptions: Options<SearchDoc> = {
  // The URL is the identity and the link at once, so the index holds it only once.
  idField: 'url',
  fields: Object.keys(BOOST),
  storeFields: ['title', 'titleVi'],
  extractField: (doc, name) => {
    const value = doc[name as keyof SearchDoc];
    return Array.isArray(value) ? value.join(' ') : value;
  },
  tokenize: (text) => searchTerms(text),
  processTerm: (term) => term,
};

export function createIndex(docs: readonly SearchDoc[]): SearchIndex {
  const index = new MiniSearch<SearchDoc>(indexOptions);
  index.addAll(docs);
  return index;
}

/** The index file's text (see ./packed for why it is not MiniSearch's own JSON). */
export function indexToJson(index: SearchIndex): string {
  return JSON.stringify(pack(index.toJSON()));
}

/** The index from its file, as text or as the object `response.json()` gives. */
export function loadIndex(json: string | PackedIndex): SearchIndex {
  const packed = typeof json === 'string' ? (JSON.parse(json) as PackedIndex) : json;
  return MiniSearch.loadJS<SearchDoc>(unpack(packed), indexOptions);
}

type Hit = SearchResult & { id: string; title: string; titleVi?: string };

const PROCEDURE_URL = /\/thu-tuc\/([^/]+)\/$/;

const titleTermsCache = new WeakMap<SearchIndex, Map<string, string[][]>>();

function titleTerms(index: SearchIndex, hit: Hit): string[][] {
  let cache = titleTermsCache.get(index);
  if (!cache) titleTermsCache.set(index, (cache = new Map()));
  let terms = cache.get(hit.id);
  if (!terms) {
    terms = [hit.title, hit.titleVi].filter((t) => t !== undefined).map((t) => searchTerms(t));
    cache.set(hit.id, terms);
  }
  return terms;
}

function wordMatches(word: string, term: string, prefix: boolean): boolean {
  return prefix ? word.startsWith(term) : word === term;
}

/** Where the query words occur one after another in the title, if they do. */
function phrase(
  words: string[],
  terms: string[],
  lastIsPrefix: boolean,
): { at: number; whole: boolean } | null {
  const last = terms.length - 1;
  for (let at = 0; at + terms.length <= words.length; at++) {
    if (terms.every((t, i) => wordMatches(words[at + i], t, lastIsPrefix && i === last)))
      return { at, whole: at === 0 && words.length === terms.length };
  }
  return null;
}

function rank(
  index: SearchIndex,
  hit: Hit,
  code: string | undefined,
  terms: string[],
  lastIsPrefix: boolean,
): { tier: number; sub: number } {
  if (code) {
    if (terms.includes(code)) return { tier: 5, sub: 0 };
    if (terms.some((t) => isCodeLike(t) && t.length >= 3 && code.startsWith(t)))
      return { tier: 4, sub: 0 };
  }
  const titles = titleTerms(index, hit);
  let best: { tier: number; sub: number } = { tier: 1, sub: 0 };
  for (const words of titles) {
    const p = phrase(words, terms, lastIsPrefix);
    if (p) {
      const sub = p.whole ? 2 : p.at === 0 ? 1 : 0;
      if (best.tier < 3 || sub > best.sub) best = { tier: 3, sub };
    } else if (
      best.tier < 2 &&
      terms.every((t, i) =>
        words.some((w) => wordMatches(w, t, lastIsPrefix && i === terms.length - 1)),
      )
    ) {
      best = { tier: 2, sub: 0 };
    }
  }
  return best;
}

function searchOptions(combineWith: 'AND' | 'OR', fuzzy = false): SearchOptions {
  return {
    boost: BOOST,
    combineWith,
    // Codes and the word still being typed match by prefix; whole words typed earlier do not,
    // or "ho" (hộ) would drag in every "hon", "hoc", "hop".
    prefix: (term, i, all) => i === all.length - 1 || isCodeLike(term),
    fuzzy: fuzzy ? (term) => (term.length >= 4 && !isCodeLike(term) ? 0.2 : false) : false,
    // The query is tokenised once by search() below, so MiniSearch takes the words as they are.
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
  };
}

/**
 * Finds procedures and products for what was typed. Words must all match (AND); when nothing
 * matches all of them, words found nowhere are dropped ("thu tuc dang ky ket hon o dau"), then
 * any word may match (OR), then near misses (fuzzy). Results are then ordered by tier (see
 * SearchHit.tier), within a tier by how many words matched (whole words before prefixes) and by
 * MiniSearch's BM25 score.
 */
export function search(index: SearchIndex, query: string, limit = 10): SearchHit[] {
  let terms = searchTerms(query).map(normaliseCodeTerm);
  if (!terms.length) return [];
  const run = (t: string[], combineWith: 'AND' | 'OR', fuzzy = false) =>
    index.search(t.join(' '), searchOptions(combineWith, fuzzy)) as Hit[];

  let hits = run(terms, 'AND');
  if (!hits.length) {
    const any = run(terms, 'OR');
    const known = terms.filter((t) => any.some((h) => h.queryTerms.includes(t)));
    if (known.length && known.length < terms.length) {
      hits = run(known, 'AND');
      if (hits.length) terms = known;
    }
    if (!hits.length) hits = any.length ? any : run(terms, 'OR', true);
  }

  // The last word counts as still being typed ("dang ky ket h") only while it is not yet a whole
  // word of any result; otherwise "so do" (sổ đỏ) would rank "cơ sở đối với" as a phrase.
  const last = terms[terms.length - 1];
  const lastIsPrefix = !hits.some((h) => h.terms.includes(last));
  return hits
    .map((hit) => {
      const code = PROCEDURE_URL.exec(hit.id)?.[1];
      const { tier, sub } = rank(index, hit, code, terms, lastIsPrefix);
      const exact = terms.filter((t) => hit.terms.includes(t)).length;
      return { hit, code, tier, sub, matched: hit.queryTerms.length, exact };
    })
    .sort(
      (a, b) =>
        b.tier - a.tier ||
        b.sub - a.sub ||
        b.matched - a.matched ||
        b.exact - a.exact ||
        b.hit.score - a.hit.score ||
        a.hit.title.length - b.hit.title.length,
    )
    .slice(0, limit)
    .map(({ hit, code, tier }) => ({
      url: hit.id,
      kind: code ? 'procedure' : 'product',
      title: hit.title,
      ...(code ? { code } : {}),
      tier,
      score: hit.score,
    }));
}
