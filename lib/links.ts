/**
 * The site's URL shapes, defined here and nowhere else. The short links (/T/, /P/, /01/) are
 * printed in QR codes on walls and packaging: once published they must keep answering, so their
 * shape never changes and content/published-links.txt records every one that has gone out.
 */
import type { Content } from './content/load';
import type { Field, Procedure, Product, Site } from './content/schema';
import { siteUrlOverride } from './env';
import { digitalLinkPath } from './gs1/digital-link';
import { gtin14 } from './gs1/gtin';
import type { Locale } from '../i18n/routing';
import { getField, getProcedure, getProductByGtin, getProductByShortCode } from './content/lookup';

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

/**
 * `/L/{FIELD}/`: the permanent short link of a procedure field, its id in upper case, e.g.
 * `/L/HO-TICH/`: letters, digits and hyphens are all in the QR alphanumeric set, so the code on
 * a field poster is as small a symbol as a procedure's.
 */
export function fieldShortPath(fieldId: string): string {
  return `/L/${fieldShortCode(fieldId)}/`;
}

/** A field's code in its short link and QR downloads: its id in upper case (`HO-TICH`). */
export function fieldShortCode(fieldId: string): string {
  return fieldId.toUpperCase();
}

/**
 * `/01/{gtin14}`: the GS1 Digital Link path of a product with a real GTIN (any length), e.g.
 * `/01/09506000134352`. No trailing slash: GS1's URI syntax has none, and the host serves it as
 * it is, without a redirect (README "Triển khai").
 */
export function gs1Path(gtin: string): string {
  return digitalLinkPath(gtin14(gtin));
}

/**
 * `/01/{gtin14}/linkset.json`: the product's GS1 linkset as a file of the static export, which a
 * static host serves for `/01/{gtin14}?linkType=linkset` (the server mode answers that itself).
 */
export function gs1LinksetFilePath(gtin: string): string {
  return `${gs1Path(gtin)}/linkset.json`;
}

/** `/.well-known/gs1resolver`: the GS1 resolver description file. */
export const GS1_RESOLVER_DESCRIPTION_PATH = '/.well-known/gs1resolver';

/** What a product's QR code encodes: its GS1 Digital Link when it has a GTIN, else `/P/`. */
export function productQrPath(product: Pick<Product, 'gtin' | 'shortCode'>): string {
  return product.gtin ? gs1Path(product.gtin) : productShortPath(product.shortCode);
}

/** The short link printed in the QR code of a procedure or a product. */
export function shortPath(item: Pick<Procedure, 'code'> | Pick<Product, 'shortCode'>): string {
  return 'code' in item ? procedureShortPath(item.code) : productShortPath(item.shortCode);
}

export type ShortLink =
  | { kind: 'procedure'; code: string }
  | { kind: 'product'; shortCode: string }
  | { kind: 'field'; fieldId: string }
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
  m = /^\/L\/([A-Z0-9]+(?:-[A-Z0-9]+)*)\/$/.exec(path);
  if (m) return { kind: 'field', fieldId: m[1].toLowerCase() };
  m = /^\/01\/(\d{14})$/.exec(path);
  if (m) return { kind: 'gtin', gtin14: m[1] };
  return null;
}

/**
 * The canonical form of a short link path typed in another case, or null when the path is not a
 * short link or is already canonical. Short link prefixes and codes are upper case only
 * (procedure codes are digits, product and field codes upper-case letters and digits), so
 * `/t/1.001193/` and `/P/dp01/` name the same item as `/T/1.001193/` and `/P/DP01/`: a host
 * upper-cases the prefix and the code (what follows, e.g. `index.html`, is left as it is).
 */
export function shortLinkCaseFold(path: string): string | null {
  const m = /^\/([TPL])\/([A-Za-z0-9.-]+)(\/.*)?$/i.exec(path);
  if (!m) return null;
  const folded = `/${m[1].toUpperCase()}/${m[2].toUpperCase()}${m[3] ?? ''}`;
  return folded === path ? null : folded;
}

/**
 * Whether a path lies where the site has one page or file per item (a code, a slug, a field, a
 * file named after one): the short links, QR downloads, share images, photos, and the locale
 * pages of one procedure, product or field and their print pages. Which of these paths exist
 * depends on the content.
 */
export function isItemPath(path: string): boolean {
  return (
    /^\/(?:T|P|L|01|qr|og|img)\//.test(path) ||
    /^\/[^/]+\/(?:thu-tuc|ocop|linh-vuc|in\/(?:thu-tuc|ocop|linh-vuc|nhan))\/./.test(path)
  );
}

type Answering = Pick<Content, 'procedures' | 'products' | 'fields'>;

/**
 * Every short link the content answers: procedures (repealed too), products, GTINs, and every
 * field (with or without procedures). Sorted.
 */
export function allShortPaths(content: Answering): string[] {
  const paths = [
    ...content.procedures.map((p) => procedureShortPath(p.code)),
    ...content.fields.map((f) => fieldShortPath(f.id)),
    ...content.products.map((p) => productShortPath(p.shortCode)),
    ...content.products.flatMap((p) => (p.gtin ? [gs1Path(p.gtin)] : [])),
  ];
  return sortPaths(paths);
}

/** The procedure, product or field a short link path names in the content, or null. */
export function resolveShortPath(
  content: Answering,
  path: string,
):
  | { kind: 'procedure'; procedure: Procedure }
  | { kind: 'product'; product: Product }
  | { kind: 'field'; field: Field }
  | null {
  const link = parseShortPath(path);
  if (!link) return null;
  if (link.kind === 'procedure') {
    const procedure = getProcedure(content, link.code);
    return procedure ? { kind: 'procedure', procedure } : null;
  }
  if (link.kind === 'field') {
    const field = getField(content, link.fieldId);
    return field ? { kind: 'field', field } : null;
  }
  const product =
    link.kind === 'product'
      ? getProductByShortCode(content, link.shortCode)
      : getProductByGtin(content, link.gtin14);
  return product ? { kind: 'product', product } : null;
}

// ---------------------------------------------------------------------------------------------
// Locale pages

/** A page that exists in every language, as the function giving its path in one of them. */
export type LocalePath = (locale: Locale) => string;

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

/** `/{locale}/linh-vuc/{fieldId}/`: a field's own page, listing its procedures. */
export function fieldPath(locale: Locale, fieldId: string): string {
  return `/${locale}/linh-vuc/${fieldId}/`;
}

/** `/{locale}/thu-tuc/#{fieldId}`: a field's section of the procedure list. */
export function fieldInListPath(locale: Locale, fieldId: string): string {
  return `${proceduresPath(locale)}#${fieldId}`;
}

/** `/{locale}/search-index.json`: the search index the search box loads. */
export function searchIndexPath(locale: Locale): string {
  return `/${locale}/search-index.json`;
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

/** `/print-geometry.css`: the print centre's sizes (lib/print/geometry-css.ts). */
export function printGeometryCssPath(): string {
  return '/print-geometry.css';
}

/** `/{locale}/in/`: the index of everything printable. */
export function printIndexPath(locale: Locale): string {
  return `/${locale}/in/`;
}

/** `/{locale}/in/thu-tuc/{code}/`: the A4 poster of one procedure. */
export function posterPath(locale: Locale, code: string): string {
  return `/${locale}/in/thu-tuc/${code}/`;
}

/** The field id of the sheet that holds every procedure; no field may take it. */
export const ALL_FIELDS = 'tat-ca';

/** `/{locale}/in/linh-vuc/{fieldId}/`: the QR sheet of a field (`tat-ca`: every procedure). */
export function fieldSheetPath(locale: Locale, fieldId: string): string {
  return `/${locale}/in/linh-vuc/${fieldId}/`;
}

/** `/{locale}/in/linh-vuc/{fieldId}/ap-phich/`: the A4 poster of a field, one big code. */
export function fieldPosterPath(locale: Locale, fieldId: string): string {
  return `${fieldSheetPath(locale, fieldId)}ap-phich/`;
}

/** `/{locale}/in/ocop/{slug}/`: the single larger card of a product, with its label sheets. */
export function productCardPath(locale: Locale, slug: string): string {
  return `/${locale}/in/ocop/${slug}/`;
}

/** `/{locale}/in/nhan/{layout}/{slug}/`: a sheet of labels of one product on one label stock. */
export function labelSheetPath(locale: Locale, layout: string, slug: string): string {
  return `/${locale}/in/nhan/${layout}/${slug}/`;
}

/** `/qr/{T|P|L}/{id}`: the downloadable QR files, without their extension (.svg or .png). */
export function qrDownloadBase(kind: 'T' | 'P' | 'L', id: string): string {
  return `/qr/${kind}/${id}`;
}

// ---------------------------------------------------------------------------------------------
// Files: share images and product photos. Static paths ending in their extension, written by
// route handlers under app/og/ and app/img/, so that a static host serves them with the right type.

/** The home and list pages that have a share image, by the name of their file. */
export const OG_PAGES = ['home', 'thu-tuc', 'ocop'] as const;
export type OgPage = (typeof OG_PAGES)[number];

/** `/og/{locale}/{page}.png`: the share image of the home page or a list page. */
export function ogPagePath(locale: Locale, page: OgPage): string {
  return `/og/${locale}/${page}.png`;
}

/** `/og/{locale}/thu-tuc/{code}.png`: the share image of a procedure. */
export function ogProcedurePath(locale: Locale, code: string): string {
  return `/og/${locale}/thu-tuc/${code}.png`;
}

/** `/og/{locale}/linh-vuc/{fieldId}.png`: the share image of a field's page. */
export function ogFieldPath(locale: Locale, fieldId: string): string {
  return `/og/${locale}/linh-vuc/${fieldId}.png`;
}

/** `/og/{locale}/ocop/{slug}.png`: the share image of a product. */
export function ogProductPath(locale: Locale, slug: string): string {
  return `/og/${locale}/ocop/${slug}.png`;
}

/** The name before .png of a route's [file] parameter, or null when it does not end in .png. */
export function pngStem(file: string): string | null {
  const m = /^(.+)\.png$/.exec(file);
  return m ? m[1] : null;
}

/** `/img/{slug}/{stem}-{width}.{format}`: one encoded variant of a product photo. */
export function imageVariantPath(slug: string, stem: string, width: number, format: string) {
  return `/img/${slug}/${stem}-${width}.${format}`;
}

// ---------------------------------------------------------------------------------------------
// Links out of the site

/** A `tel:` link for a phone number as written (spaces dropped). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/\s/g, '')}`;
}

/** A producer's Zalo page from the number or id as written. */
export function zaloUrl(zalo: string): string {
  return `https://zalo.me/${zalo.replace(/\s/g, '')}`;
}

/** OpenStreetMap centred on a position, at street level. */
export function mapUrl({ lat, lng }: { lat: number; lng: number }): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
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

/** The 45 characters of the QR alphanumeric mode (ISO/IEC 18004, table 5). */
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
 * with no product, an /L/ code with no field in fields.yaml, a /01/ GTIN no product carries
 * (unless retired.yaml lists the link), or a line that is not a short link at all.
 */
export function checkPublishedLinks(
  content: Answering & Partial<Pick<Content, 'retired'>>,
  recordText: string,
): BrokenLink[] {
  return parsePublishedLinks(recordText).flatMap((entry): BrokenLink[] => {
    const link = parseShortPath(entry.path);
    if (!link)
      return [
        {
          ...entry,
          reason: 'is not a short link (/T/{code}/, /P/{code}/, /L/{FIELD}/, /01/{gtin14})',
        },
      ];
    if (resolveShortPath(content, entry.path)) return [];
    // A retired item's link answers with a page saying it is no longer published.
    if (content.retired?.some((r) => r.path === entry.path)) return [];
    const reason =
      link.kind === 'procedure'
        ? `no procedure has code ${link.code} (procedures/${link.code}.yaml)`
        : link.kind === 'product'
          ? `no product has short code ${link.shortCode}`
          : link.kind === 'field'
            ? `no field has id ${link.fieldId} (fields.yaml)`
            : `no product has GTIN ${link.gtin14}`;
    return [{ ...entry, reason }];
  });
}

/** Short links the content answers that the record does not hold yet (unpublished), sorted. */
export function missingFromRecord(content: Answering, recordText: string): string[] {
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

/** How a URL is printed for people: no scheme, host in lower case (the path keeps its case). */
export function readableUrl(url: string): string {
  const m = /^[a-z]+:\/\/([^/]*)(.*)$/i.exec(url);
  return m ? m[1].toLowerCase() + m[2] : url;
}
