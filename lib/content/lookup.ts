/**
 * The items of the content by their keys. Pages, routes and cards look items up here rather than
 * scanning the lists: at 3,000 procedures a build makes several look-ups for each of thousands of
 * pages. Each map is made once per loaded list.
 */
import type { Content } from './load';
import type { Field, Procedure, Product } from './schema';

const maps = new WeakMap<object, Map<string, Map<string, unknown>>>();

function byKey<T>(list: readonly T[], name: string, key: (item: T) => string | undefined) {
  let named = maps.get(list);
  if (!named) maps.set(list, (named = new Map()));
  let map = named.get(name) as Map<string, T> | undefined;
  if (!map) {
    map = new Map();
    for (const item of list) {
      const k = key(item);
      if (k !== undefined) map.set(k, item);
    }
    named.set(name, map);
  }
  return map;
}

/** The procedure of a national code (1.001193). */
export function getProcedure(
  content: Pick<Content, 'procedures'>,
  code: string,
): Procedure | undefined {
  return byKey(content.procedures, 'code', (p) => p.code).get(code);
}

/** The product of a slug (its folder name). */
export function getProduct(content: Pick<Content, 'products'>, slug: string): Product | undefined {
  return byKey(content.products, 'slug', (p) => p.slug).get(slug);
}

/** The product of a short code, as in /P/{shortCode}/. */
export function getProductByShortCode(
  content: Pick<Content, 'products'>,
  shortCode: string,
): Product | undefined {
  return byKey(content.products, 'shortCode', (p) => p.shortCode).get(shortCode);
}

/** The product of a GTIN in its 14-digit form (the loader writes every GTIN so). */
export function getProductByGtin(
  content: Pick<Content, 'products'>,
  gtin14: string,
): Product | undefined {
  return byKey(content.products, 'gtin', (p) => p.gtin).get(gtin14);
}

/** The field (lĩnh vực) of an id. */
export function getField(content: Pick<Content, 'fields'>, id: string): Field | undefined {
  return byKey(content.fields, 'id', (f) => f.id).get(id);
}
