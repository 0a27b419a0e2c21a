/**
 * The response headers of the static site, in one place: the local server (scripts/serve.ts),
 * the nginx configuration (lib/hosting/nginx.ts) and the `_headers` file for hosts that read one
 * (lib/hosting/headers-file.ts) are all written from these rules, so the three cannot drift.
 */
import { LINKSET_TYPE } from '../gs1/resolver';

/**
 * The Content Security Policy. Pages are documents with no inline script or style: everything
 * comes from the site itself, nothing may frame it, forms only submit to it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy of the server mode's editor pages only (/keystatic, its API, the login page under
 * /editor), never of public pages. Keystatic is a React application started by Next's runtime,
 * which writes inline bootstrap scripts (`self.__next_f.push(…)`) without a nonce (with
 * `script-src 'self'` the interface stays blank), and its interface sets inline styles (refused,
 * it loses its layout); the login page has one inline style sheet; blob: is for the previews of
 * images being uploaded. Everything else stays as strict as the public policy: nothing from
 * elsewhere (Keystatic's link to a Google web font is refused, it falls back to a local font), no
 * eval, no framing, forms only to the site. e2e/editor.spec.ts loads it under this policy.
 */
export const EDITOR_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
)
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("img-src 'self' data:", "img-src 'self' data: blob:");

/** Sent with every response, errors and 304s included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Browsers only honour it over HTTPS; two years, as the HSTS preload list asks. No `preload`:
  // that commits the whole domain and is the domain owner's decision.
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // For browsers older than CSP frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/** How long a response may be reused, by the kind of path. */
export type CacheClass = 'immutable' | 'page';

export const CACHE_CONTROL: Readonly<Record<CacheClass, string>> = {
  // Names that change when the content changes: cache for a year, never revalidate.
  immutable: 'public, max-age=31536000, immutable',
  // Pages, short links, QR downloads, the sitemap and the search index: content edits show within
  // five minutes; after that a browser revalidates (ETag / Last-Modified, usually a 304).
  page: 'public, max-age=300',
};

/**
 * The server mode's errors (404 above all): a code printed before its file exists answers as soon
 * as the file is published, so no browser or proxy keeps the 404 without asking again.
 */
export const ERROR_CACHE_CONTROL = 'no-cache';

/**
 * Paths whose name carries a content hash: Next's build output under /_next/static/, and our
 * modules under /js/, named `name-HASH.js` by esbuild (scripts/build-modules.ts). One regular
 * expression, used as is by the local server and nginx (PCRE), so both classify a path the same.
 */
export const IMMUTABLE_PATH = /^\/_next\/static\/|^\/js\/[^/]+-[A-Za-z0-9]{8,}\.(?:js|mjs|css)$/;

export function cacheClass(pathname: string): CacheClass {
  return IMMUTABLE_PATH.test(pathname) ? 'immutable' : 'page';
}

/**
 * Files worth compressing (text formats); images and fonts are compressed already. The build
 * writes `.br` and `.gz` copies of these (scripts/precompress.ts).
 */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.txt',
  '.xml',
  '.svg',
  '.webmanifest',
]);

/**
 * Files of the export that are not pages: the `_headers` file (read by hosts, not served) and
 * the precompressed copies, which are served by content negotiation only, under the original's
 * name and type. Both servers answer 404 for these paths.
 */
export const HIDDEN_PATH = new RegExp(
  `^/_headers$|\\.(?:${[...COMPRESSIBLE_EXTENSIONS].map((e) => e.slice(1)).join('|')})\\.(?:br|gz)$`,
);

/** The media type of the GS1 files the export writes without a telling extension, or null. */
export function gs1MediaType(pathname: string): string | null {
  if (pathname === '/.well-known/gs1resolver') return 'application/json';
  if (/^\/01\/\d{14}\/linkset\.json$/.test(pathname)) return LINKSET_TYPE;
  return null;
}
