/**
 * The site's URL shapes, defined here and nowhere else. The short links (/T/, /P/, /01/) are
 * printed in QR codes on walls and packaging: once published they must keep answering, so their
 * shape never changes and content/published-links.txt records every one that has gone out.
 */
import type { Content } from './content/load';
import type { Procedure, Product, Site } from './content/schema';
import { siteUrlOverride } from './env';
import { gtin14 } from './gs1';
import type { Locale } from '../i18n/routing';

// ---------------------------------------------------------------------------------------------
// Elsewhere

/**
 * A procedure's own page on the National Public Service Portal, from the payload's `id`
 * (a UUID): https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{id}, the form communes' exports list.
 */
export function nationalPortalProcedureUrl(portalBase: string, id: string): string {
  return `${portalBase.replace(/\/+$/, '')}/thu-tuc-hanh-chinh/${encodeURIComponent(id)}`;
}

// ---------------------------------------------------------------------------------------------
// Short links (what QR codes encode)

/** `/T/{code}/`: the permanent short link of a procedure, e.g. `/T/1.001193/`. */
export function procedureShortPath(code: string): string {
  return `/T/${code}/`;
}

/** The short links of retired items of a kind, by the code they carry (for static pages). */
export function retiredCodes(content: Pick<Content, 'retired'>, kind: 'procedure' | 'product') {
  return content.retired.filter((r) => r.kind === kind).map((r) => r.path.slice(3, -1));
}

/** `/P/{shortCode}/`: the permanent short link of an OCOP product, e.g. `/P/DP01/`. */
export function productShortPath(shortCode: string): string {
  return `/P/${shortCode}/`;
}

/** `/01/{gtin14}/`: the GS1 Digital Link path of a product with a real GTIN (any length). */
export function gs1Path(gtin: string): string {
  return `/01/${gtin14(gtin)}/`;
}

/** The short link printed in the QR code of a procedure or a product. */
export function shortPath(item: Pick<Procedure, 'code'> | Pick<Product, 'shortCode'>): string {
  return 'code' in item ? procedureShortPath(item.code) : productShortPath(item.shortCode);
}

export type ShortLink =
  | { kind: 'procedure'; code: string }
  | { kind: 'product'; shortCode: string }
  | { kind: 'gtin'; gtin14: string };

/**
 * What a short link path names, or null when it is not one. Exact match only: a path the site does
 * not generate (lower case /t/, no trailing slash) is not served by a static host either.
 */
export function parseShortPath(path: string): ShortLink | null {
  let m = /^\/T\/(\d\.\d{6})\/$/.exec(path);
  if (m) return { kind: 'procedure', code: m[1] };
  m = /^\/P\/([A-Z0-9]{2,12})\/$/.exec(path);
  if (m) return { kind: 'product', shortCode: m[1] };
  m = /^\/01\/(\d{14})\/$/.exec(path);
  if (m) return { kind: 'gtin', gtin14: m[1] };
  return null;
}

/** Every short link the content answers: procedures (repealed too), products, GTINs. Sorted. */
export function allShortPaths(content: Pick<Content, 'procedures' | 'products'>): string[] {
  const paths = [
    ...content.procedures.map((p) => procedureShortPath(p.code)),
    ...content.products.map((p) => productShortPath(p.shortCode)),
    ...content.products.flatMap((p) => (p.gtin ? [gs1Path(p.gtin)] : [])),
  ];
  return sortPaths(paths);
}

/** The procedure or product a short link path names in the content, or null. */
export function resolveShortPath(
  content: Pick<Content, 'procedures' | 'products'>,
  path: string,
): { kind: 'procedure'; procedure: Procedure } | { kind: 'product'; product: Product } | null {
  const link = parseShortPath(path);
  if (!link) return null;
  if (link.kind === 'procedure') {
    const procedure = content.procedures.find((p) => p.code === link.code);
    return procedure ? { kind: 'procedure', procedure } : null;
  }
  const product =
    link.kind === 'product'
      ? content.products.find((p) => p.shortCode === link.shortCode)
      : content.products.find((p) => p.gtin !== undefined && gtin14(p.gtin) === link.gtin14);
  return product ? { kind: 'product', product } : null;
}

// ---------------------------------------------------------------------------------------------
// Locale pages

/** `/{locale}/`: the home page of a language. */
export function homePath(locale: Locale): string {
  return `/${locale}/`;
}

/** `/{locale}/thu-tuc/`: all procedures. */
export function proceduresPath(locale: Locale): string {
  return `/${locale}/thu-tuc/`;
}

/** `/{locale}/thu-tuc/{code}/`: one procedure. */
export function procedurePath(locale: Locale, code: string): string {
  return `/${locale}/thu-tuc/${code}/`;
}

/** `/{locale}/ocop/`: all OCOP products. */
export function productsPath(locale: Locale): string {
  return `/${locale}/ocop/`;
}

/** `/{locale}/ocop/{slug}/`: one product. */
export function productPath(locale: Locale, slug: string): string {
  return `/${locale}/ocop/${slug}/`;
}

// ---------------------------------------------------------------------------------------------
// Print centre and downloads (for staff; not printed anywhere, so these may change: the codes on
// the sheets and in the files encode the permanent short links above)

/** `/{locale}/in/`: the index of everything printable. */
export function printIndexPath(locale: Locale): string {
  return `/${locale}/in/`;
}

/** `/{locale}/in/thu-tuc/{code}/`: the A4 poster of one procedure. */
export function posterPath(locale: Locale, code: string): string {
  return `/${locale}/in/thu-tuc/${code}/`;
}

/** `/{locale}/in/linh-vuc/{fieldId}/`: the QR sheet of a field (`tat-ca`: every procedure). */
export function fieldSheetPath(locale: Locale, fieldId: string): string {
  return `/${locale}/in/linh-vuc/${fieldId}/`;
}

/** `/{locale}/in/ocop/{slug}/`: the single larger card of a product, with its label sheets. */
export function productCardPath(locale: Locale, slug: string): string {
  return `/${locale}/in/ocop/${slug}/`;
}

/** `/{locale}/in/nhan/{layout}/{slug}/`: a sheet of labels of one product on one label stock. */
export function labelSheetPath(locale: Locale, layout: string, slug: string): string {
  return `/${locale}/in/nhan/${layout}/${slug}/`;
}

/** `/qr/{T|P}/{id}`: the downloadable QR files, without their extension (.svg or .png). */
export function qrDownloadBase(kind: 'T' | 'P', id: string): string {
  return `/qr/${kind}/${id}`;
}

// ---------------------------------------------------------------------------------------------
// Absolute URLs

/**
 * The site's absolute base URL: SITE_URL when set (one build per deployment), else the content's
 * `site.baseUrl`. Never ends with a slash, so `siteUrl(site) + path` is the URL.
 */
export function siteUrl(site: Pick<Site, 'baseUrl'>): string {
  return siteUrlOverride() ?? site.baseUrl;
}

/** An absolute URL of this site for a path (which starts with /). */
export function absoluteUrl(site: Pick<Site, 'baseUrl'>, path: string): string {
  if (!path.startsWith('/')) throw new Error(`path must start with "/", got "${path}"`);
  return siteUrl(site) + path;
}

/** The 45 characters of the QR alphanumeric mode. */
export const QR_ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const alphanumeric = /^[0-9A-Z $%*+\-./:]*$/;

/** True when every character of the text is in the QR alphanumeric set. */
export function isQrAlphanumeric(text: string): boolean {
  return alphanumeric.test(text);
}

/**
 * The URL a QR code encodes for a path. With `site.qrUppercase` the URL is written in upper case
 * so that the whole of it fits the QR alphanumeric mode (a smaller symbol with bigger modules).
 * Only the scheme and host are case-insensitive, so only they are upper-cased: the path must
 * already be upper case (short links are). When the result would still hold a character outside
 * the alphanumeric set (a lower-case base path, an underscore, a locale page), the URL is left
 * as is, since upper-casing a path would make a URL a case-sensitive static host does not serve.
 */
export function qrUrl(site: Pick<Site, 'baseUrl' | 'qrUppercase'>, path: string): string {
  const url = absoluteUrl(site, path);
  if (!site.qrUppercase) return url;
  const origin = /^[a-z]+:\/\/[^/]*/i.exec(url)![0];
  const upper = origin.toUpperCase() + url.slice(origin.length);
  return isQrAlphanumeric(upper) ? upper : url;
}

// ---------------------------------------------------------------------------------------------
// The record of published short links (content/published-links.txt)

/** The record's file name, in the content directory. */
export const PUBLISHED_LINKS_FILE = 'published-links.txt';

const RECORD_HEADER = [
  '# Published short links: every path printed in a QR code or otherwise published.',
  '# Each must keep answering for ever (a repealed procedure or a withdrawn product keeps',
  '# its page), so never remove or change a line.',
  '#   npx tsx scripts/publish-links.ts           adds the new links',
  '#   npx tsx scripts/publish-links.ts --check   fails when a recorded link no longer resolves',
  '',
].join('\n');

/** Code-unit order, so that the record sorts the same on every machine and locale. */
function sortPaths(paths: Iterable<string>): string[] {
  return [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export type RecordedLink = { path: string; line: number };

/** The paths in a record, in file order, with their line numbers (comments and blanks skipped). */
export function parsePublishedLinks(recordText: string): RecordedLink[] {
  return recordText.split(/\r?\n/).flatMap((raw, i) => {
    const path = raw.trim();
    return path && !path.startsWith('#') ? [{ path, line: i + 1 }] : [];
  });
}

export type BrokenLink = RecordedLink & { reason: string };

/**
 * The recorded links that no longer resolve: a /T/ code with no procedure file, a /P/ short code
 * with no product, a /01/ GTIN no product carries (unless retired.yaml lists the link), or a line
 * that is not a short link at all.
 */
export function checkPublishedLinks(
  content: Pick<Content, 'procedures' | 'products'> & Partial<Pick<Content, 'retired'>>,
  recordText: string,
): BrokenLink[] {
  return parsePublishedLinks(recordText).flatMap((entry): BrokenLink[] => {
    const link = parseShortPath(entry.path);
    if (!link)
      return [{ ...entry, reason: 'is not a short link (/T/{code}/, /P/{code}/, /01/{gtin14}/)' }];
    if (resolveShortPath(content, entry.path)) return [];
    // A retired item's link answers with a page saying it is no longer published.
    if (content.retired?.some((r) => r.path === entry.path)) return [];
    const reason =
      link.kind === 'procedure'
        ? `no procedure has code ${link.code} (procedures/${link.code}.yaml)`
        : link.kind === 'product'
          ? `no product has short code ${link.shortCode}`
          : `no product has GTIN ${link.gtin14}`;
    return [{ ...entry, reason }];
  });
}

/** Short links the content answers that the record does not hold yet (unpublished), sorted. */
export function missingFromRecord(
  content: Pick<Content, 'procedures' | 'products'>,
  recordText: string,
): string[] {
  const recorded = new Set(parsePublishedLinks(recordText).map((l) => l.path));
  return allShortPaths(content).filter((p) => !recorded.has(p));
}

/**
 * The record with paths added: its comment lines first (a new record gets the standard header),
 * then every path, old and new, sorted. Nothing is ever removed.
 */
export function addToRecord(recordText: string, paths: Iterable<string>): string {
  const lines = recordText.split(/\r?\n/).map((l) => l.trim());
  const comments = lines.filter((l) => l.startsWith('#'));
  const header = comments.length ? `${comments.join('\n')}\n` : RECORD_HEADER;
  const all = sortPaths([...parsePublishedLinks(recordText).map((l) => l.path), ...paths]);
  return header + all.map((p) => `${p}\n`).join('');
}
