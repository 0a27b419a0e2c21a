/**
 * Build-time side of search: the documents and the per-locale index file. Reads content through
 * Node, so client code imports ./engine (which this module re-exports), never this module.
 */
import type { Locale } from '../../i18n/routing';
import enMessages from '../../messages/en.json';
import viMessages from '../../messages/vi.json';
import { isListed, productStatus } from '../content/lifecycle';
import { loadContent, type Content } from '../content/load';
import type { OcopGroup } from '../content/schema';
import { procedurePath, productPath } from '../links';
import { createIndex, indexToJson, type SearchDoc } from './engine';

export { createIndex, indexOptions, indexToJson, loadIndex, search } from './engine';
export type { SearchDoc, SearchHit, SearchIndex, SearchKind } from './engine';
export { fold, searchTerms } from './fold';

// Indexed with products so that "thuc pham", "do uong" or "ocop" find them, in the words the
// pages use for the groups.
function groupName(group: OcopGroup): { vi: string; en: string } {
  return { vi: viMessages.groups[group], en: enMessages.groups[group] };
}

/** Text in the locale; on the English site also the Vietnamese, so both languages find it. */
function both(text: { vi: string; en?: string }, locale: Locale): string {
  return locale === 'en' && text.en && text.en !== text.vi ? `${text.en} ${text.vi}` : text.vi;
}

/**
 * One document per listed item: procedures in force on the build date, and every product that
 * has not been withdrawn (an expired certificate still has a page worth finding).
 */
export function buildSearchDocs(content: Content, locale: Locale, on?: string): SearchDoc[] {
  const fieldNames = new Map(content.fields.map((f) => [f.id, f.name]));
  const docs: SearchDoc[] = [];
  for (const p of content.procedures) {
    if (!isListed(p, on)) continue;
    const english = locale === 'en' && p.name.en;
    const fieldName = fieldNames.get(p.field);
    docs.push({
      id: `procedure:${p.code}`,
      kind: 'procedure',
      title: english ? p.name.en! : p.name.vi,
      ...(english && p.name.en !== p.name.vi ? { titleVi: p.name.vi } : {}),
      code: p.code,
      field: fieldName ? both(fieldName, locale) : '',
      keywords: p.keywords,
      url: procedurePath(locale, p.code),
    });
  }
  for (const p of content.products) {
    if (productStatus(p, on) === 'withdrawn') continue;
    const english = locale === 'en' && p.name.en;
    docs.push({
      id: `product:${p.slug}`,
      kind: 'product',
      title: english ? p.name.en! : p.name.vi,
      ...(english && p.name.en !== p.name.vi ? { titleVi: p.name.vi } : {}),
      field: p.group ? `OCOP ${both(groupName(p.group), locale)}` : 'OCOP',
      keywords: [both(p.producer.name, locale), p.shortCode],
      url: productPath(locale, p.slug),
    });
  }
  return docs;
}

/** The MiniSearch index of the documents as (packed) JSON, for loadIndex() in the browser. */
export function serializeIndex(docs: readonly SearchDoc[]): string {
  return indexToJson(createIndex(docs));
}

/** The index file of a locale, for the route that writes /{locale}/search-index.json. */
export function searchIndexJson(locale: Locale): string {
  return serializeIndex(buildSearchDocs(loadContent(), locale));
}
