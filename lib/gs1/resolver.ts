/**
 * The server mode's GS1-conformant resolver for /01/… and /.well-known/gs1resolver, as a pure
 * function of the request (method, path, query, Accept headers) and the content. It answers
 * itself (status, headers, body) or asks for the product page to be rendered, which is what a
 * plain /01/{gtin} gets: the page, directly, without a redirect (DESIGN.md), while every other
 * link type redirects (GS1-Conformant Resolver standard, conformance statements in GS1's test
 * suite gs1/GS1DL-resolver-testsuite, Conformance1_2.txt):
 * - GET, HEAD and OPTIONS, with CORS headers on every answer;
 * - 400 for a URI that is not a valid GS1 Digital Link (bad check digit, qualifiers out of
 *   order, a segment that is no key qualifier…), never a 200 for an error;
 * - 404 for a valid GTIN the site does not hold, and for a link type the product lacks;
 * - ?linkType=linkset (or `all`, GS1's earlier word), or Accept: application/linkset+json: the
 *   linkset, 200;
 * - ?linkType={type}: 307 to that link, the request's query string passed on; between links of
 *   one type in several languages, Accept-Language chooses;
 * - a Link header to the linkset on every answer about a product, redirects included;
 * - a trailing slash tolerated.
 */
import type { Content } from '../content/load';
import type { Product } from '../content/schema';
import { GS1_RESOLVER_DESCRIPTION_PATH, absoluteUrl, gs1Path } from '../links';
import { parseDigitalLinkPath } from './digital-link';
import {
  GS1_LINKSET_CONTEXT,
  linkTypeName,
  productLinks,
  productLinkset,
  resolverDescription,
  type Link,
} from './linkset';
import { getProductByGtin } from '../content/lookup';

export type ResolverRequest = {
  method: string;
  /** The path, percent-encoded as received, e.g. /01/09506000134352/10/LOT1 */
  path: string;
  /** The query string without "?", as received ('' when none). */
  query: string;
  accept?: string;
  acceptLanguage?: string;
};

export type ResolverAnswer =
  | { kind: 'respond'; status: number; headers: Record<string, string>; body: string }
  /** Render the product page of this GTIN with these headers added (a 200 from the page). */
  | { kind: 'render'; gtin: string; product: Product; headers: Record<string, string> };

export const LINKSET_TYPE = 'application/linkset+json';
const METHODS = 'GET, HEAD, OPTIONS';

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': METHODS,
  'Access-Control-Allow-Headers': 'Accept, Accept-Language',
  'Access-Control-Expose-Headers': 'Link, Location, Content-Location',
};

/** Whether a request path is for the resolver (the rest goes to the site). */
export function isResolverPath(path: string): boolean {
  return path === '/01' || path.startsWith('/01/') || path === GS1_RESOLVER_DESCRIPTION_PATH;
}

function respond(
  method: string,
  status: number,
  headers: Record<string, string>,
  body = '',
): ResolverAnswer {
  return {
    kind: 'respond',
    status,
    headers: { ...cors, ...headers },
    body: method === 'HEAD' ? '' : body,
  };
}

function problem(method: string, status: 400 | 404 | 405, message: string): ResolverAnswer {
  const title = {
    400: 'Liên kết số GS1 không hợp lệ / Not a valid GS1 Digital Link',
    404: 'Không tìm thấy / Not found',
    405: 'Phương thức không được hỗ trợ / Method not allowed',
  }[status];
  return respond(
    method,
    status,
    {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(status === 405 && { Allow: METHODS }),
    },
    `${title}\n${message}\n`,
  );
}

/** The languages of an Accept-Language header, most wanted first (q=0 left out). */
function acceptedLanguages(header = ''): string[] {
  return header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** The link of a type that best fits the request's languages: else the first. */
function chooseLink(links: Link[], acceptLanguage?: string): Link {
  for (const tag of acceptedLanguages(acceptLanguage)) {
    const base = tag.split('-')[0];
    const found = links.find((l) => l.hreflang?.some((h) => h === tag || h === base));
    if (found) return found;
  }
  return links[0];
}

/** A target with the request's query string passed on, before any fragment. */
function withQuery(href: string, query: string): string {
  if (!query) return href;
  const hash = href.indexOf('#');
  const [base, fragment] = hash < 0 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}${query}${fragment}`;
}

/** Whether the Accept header asks for a linkset (its own type named, with q above 0). */
function wantsLinkset(accept = ''): boolean {
  return accept
    .split(',')
    .some(
      (part) =>
        part.trim().split(';')[0].trim().toLowerCase() === LINKSET_TYPE &&
        !/;\s*q=0(\.0*)?\s*(;|$)/.test(part),
    );
}

export function resolve(
  req: ResolverRequest,
  content: Pick<Content, 'site' | 'products'>,
): ResolverAnswer {
  const method = req.method.toUpperCase();
  if (method === 'OPTIONS') return respond(method, 204, { Allow: METHODS });
  if (method !== 'GET' && method !== 'HEAD')
    return problem(method, 405, `${method} is not supported: use GET, HEAD or OPTIONS.`);

  if (req.path === GS1_RESOLVER_DESCRIPTION_PATH) {
    return respond(
      method,
      200,
      { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
      JSON.stringify(resolverDescription(content), null, 2),
    );
  }

  // GS1 asks resolvers to tolerate one trailing slash; the URI syntax itself has none.
  const path = req.path.length > 4 && req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
  const parsed = parseDigitalLinkPath(path, req.query);
  if (!parsed.ok) return problem(method, 400, `${req.path}: ${parsed.problem}.`);
  const { gtin, params } = parsed.link;
  const product = getProductByGtin(content, gtin);
  if (!product)
    return problem(method, 404, `GTIN ${gtin} is well formed, but no product of this site has it.`);

  const linksetUrl = `${absoluteUrl(content.site, gs1Path(gtin))}?linkType=linkset`;
  const common = {
    Link: `<${linksetUrl}>; rel="linkset"; type="${LINKSET_TYPE}"; title="Linkset"`,
    Vary: 'Accept, Accept-Language',
  };
  const linkType = params.find(([key]) => key === 'linkType')?.[1];

  if (linkType === 'linkset' || linkType === 'all' || (!linkType && wantsLinkset(req.accept))) {
    // The subject is the GTIN: the product has no links of its own per lot or serial, so the
    // linkset of a URI with qualifiers is the one "up to the primary key".
    return respond(
      method,
      200,
      {
        ...common,
        'Content-Type': LINKSET_TYPE,
        'Cache-Control': 'public, max-age=300',
        Link: `${common.Link}, <${GS1_LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
      },
      JSON.stringify(productLinkset(content.site, product), null, 2),
    );
  }

  if (linkType) {
    const name = linkTypeName(linkType);
    const links = name ? productLinks(content.site, product)[name] : undefined;
    if (!links) {
      return problem(
        method,
        404,
        `Product ${gtin} has no link of type "${linkType}"; its linkset lists the ones it has: ${linksetUrl}`,
      );
    }
    const target = withQuery(chooseLink(links, req.acceptLanguage).href, req.query);
    return respond(method, 307, { ...common, Location: target, 'Cache-Control': 'no-store' });
  }

  return { kind: 'render', gtin, product, headers: { ...cors, ...common } };
}
