/**
 * The server mode's gate in front of Next for item paths (lib/links.ts isItemPath: short links,
 * procedure and product pages, their print pages, QR downloads, share images, photos).
 *
 * - An item path the current content does not have goes to Next's root not-found page, which is
 *   prerendered: Next never renders, and so never caches, a page for a code that does not exist.
 *   Left to Next, 2,000 requests for unknown codes wrote 30,000 files (68 MB) into
 *   .next-server/server/route-cache and took the process from 190 to 514 MB. The content is
 *   looked up on every request (lib/content/load.ts checks the files every 10 s), so a code whose
 *   file appears later answers within seconds, and the 404 is never cached (ERROR_CACHE_CONTROL).
 * - A path whose first segment is neither a language nor a route of its own (`/nope/`) goes to the
 *   same page. Next would route it to the locale pages, which then render, and cache, a 404 for a
 *   language that does not exist. (The locale layout cannot refuse unknown languages itself with
 *   `dynamicParams = false`: Next applies that to every page below it, and a procedure added
 *   after the build then never got its /vi/thu-tuc/{code}/ page.)
 * - A short link typed in another case (/t/1.001193/) is served as the canonical one, without a
 *   redirect, as on the static hosts (lib/links.ts shortLinkCaseFold).
 * - A path whose last segment looks like a file name (`1.001193`) reaches Next without its
 *   trailing slash: with `trailingSlash: true` Next takes `.001193` for a file extension and
 *   answers the printed URL `/T/1.001193/` with a 308 to `/T/1.001193`, which it then serves
 *   without a redirect. The browser keeps the printed URL; e2e/published-links.spec.ts fails if a
 *   printed URL ever redirects again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { posix } from 'node:path';
import { isLocale, routing } from '../../i18n/routing';
import { loadContent, type Content } from '../content/load';
import { allVariants } from '../images';
import {
  ALL_FIELDS,
  fieldPath,
  fieldPosterPath,
  fieldSheetPath,
  fieldShortPath,
  gs1LinksetFilePath,
  gs1Path,
  isItemPath,
  labelSheetPath,
  posterPath,
  procedurePath,
  procedureShortPath,
  productCardPath,
  productPath,
  productShortPath,
  retiredCodes,
  shortLinkCaseFold,
} from '../links';
import { ogFieldParams, ogPageParams, ogProcedureParams, ogProductParams } from '../og/cards';
import { LABEL_LAYOUTS } from '../print/geometry';
import { qrDownloadParams } from '../qr-downloads';

/** Where Next answers with its prerendered root not-found page (status 404). */
export const NOT_FOUND_URL = '/_not-found/';

/** A path compared without its trailing slash, so `/01/{gtin14}` and `/T/{code}/` look alike. */
const key = (path: string) => (path.length > 1 ? path.replace(/\/$/, '') : path);

/**
 * Every item path of the content, the same set the routes' generateStaticParams give the static
 * export (e2e/server-mode.spec.ts compares it with out/).
 */
export async function itemPaths(content: Content): Promise<Set<string>> {
  const { procedures, products, fields } = content;
  const paths = [
    ...[...procedures.map((p) => p.code), ...retiredCodes(content, 'procedure')].map(
      procedureShortPath,
    ),
    ...[...products.map((p) => p.shortCode), ...retiredCodes(content, 'product')].map(
      productShortPath,
    ),
    ...products.flatMap((p) => (p.gtin ? [gs1Path(p.gtin), gs1LinksetFilePath(p.gtin)] : [])),
    ...fields.map((f) => fieldShortPath(f.id)),
    ...routing.locales.flatMap((locale) => [
      ...procedures.flatMap((p) => [procedurePath(locale, p.code), posterPath(locale, p.code)]),
      ...products.flatMap((p) => [
        productPath(locale, p.slug),
        productCardPath(locale, p.slug),
        ...LABEL_LAYOUTS.map((l) => labelSheetPath(locale, l.id, p.slug)),
      ]),
      ...[...fields.map((f) => f.id), ALL_FIELDS].map((id) => fieldSheetPath(locale, id)),
      ...fields.flatMap((f) => [fieldPath(locale, f.id), fieldPosterPath(locale, f.id)]),
    ]),
    ...qrDownloadParams(content).map((q) => `/qr/${q.kind}/${q.file}`),
    ...ogPageParams().map((o) => `/og/${o.locale}/${o.file}`),
    ...ogProcedureParams(content).map((o) => `/og/${o.locale}/thu-tuc/${o.file}`),
    ...ogProductParams(content).map((o) => `/og/${o.locale}/ocop/${o.file}`),
    ...ogFieldParams(content).map((o) => `/og/${o.locale}/linh-vuc/${o.file}`),
    ...(await allVariants(products)).map((v) => `/img/${v.slug}/${v.file}`),
  ];
  return new Set(paths.map(key));
}

/**
 * The path a request names, decoded and with its short link case folded; null when it cannot be
 * decoded. `false` when it is not in its plain form (dot segments,
 * repeated slashes, backslashes, encoded slashes): the site has no such path, and Next would route
 * some of them to a page it cannot render (`/%2Fevil.com%2F..%2Fvi` gave a 500).
 */
export function routedPath(pathname: string): string | null | false {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (posix.normalize(decoded.replace(/\\/g, '/')) !== decoded) return false;
  return shortLinkCaseFold(decoded) ?? decoded;
}

/**
 * The first path segments Next routes elsewhere than to the locale pages, from the routes of its
 * build (app-path-routes-manifest.json: `/T/[code]`, `/sitemap.xml`…), and its own `/_next/`.
 */
export function topLevelNames(routes: Iterable<string>): Set<string> {
  const names = new Set(['_next']);
  for (const route of routes) {
    const first = route.split('/')[1];
    if (first && !first.startsWith('[')) names.add(first);
  }
  return names;
}

/**
 * The URL Next is given for a request path: the not-found page for an item path the content
 * lacks or a first segment nothing answers, the canonical item path (without the slash Next
 * would redirect away) for an item the content has, and the request itself for anything else.
 * Null for a path that cannot be decoded (`/%zz/`: Next answered it with a 500).
 */
export function urlForNext(
  url: string,
  known: ReadonlySet<string>,
  topLevel: ReadonlySet<string>,
): string | null {
  const q = url.indexOf('?');
  const [pathname, query] = q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q)];
  const path = routedPath(pathname);
  if (path === null) return null;
  if (path === false) return NOT_FOUND_URL;
  const first = path.split('/')[1];
  if (first && !topLevel.has(first) && !isLocale(first)) return NOT_FOUND_URL;
  if (!isItemPath(path)) return url;
  if (!known.has(key(path))) return NOT_FOUND_URL;
  // Next's trailing-slash rule treats a last segment ending in `.` and word characters as a file.
  return (/\.\w+\/$/.test(path) ? key(path) : path) + query;
}

/** The step: rewrites req.url for Next and leaves the answer to it, or answers 400 itself. */
export function itemStep(topLevel: ReadonlySet<string>) {
  let cached: { content: Content; paths: Promise<Set<string>> } | null = null;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const content = loadContent();
    if (cached?.content !== content) cached = { content, paths: itemPaths(content) };
    const url = urlForNext(req.url ?? '/', await cached.paths, topLevel);
    if (url === null) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad Request');
      return true;
    }
    req.url = url;
    return false;
  };
}
