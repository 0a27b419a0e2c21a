/**
 * Pages without the framework runtime (issue 14). Next.js renders every page as complete HTML,
 * then appends the React/Next client runtime and an inlined copy of the page for hydration (the
 * RSC payload, `self.__next_f.push(...)`). Next has no switch to leave these out of App Router
 * pages (vercel/next.js#45009), and this site has nothing to hydrate: its pages are documents and
 * the few interactive parts are our own small modules (lib/enhance/*). So every HTML page Next
 * writes (static export: scripts/strip-runtime.ts; server mode: scripts/portal-server.ts) goes
 * through this one function, which
 *
 * - removes Next's scripts: files under /_next/, the inline router payload and chunk loader,
 *   and `<link rel="preload" as="script">` / `modulepreload` of Next's chunks;
 * - keeps data scripts (JSON-LD) and every other link (stylesheet, font preloads, canonical,
 *   hreflang, icon);
 * - adds `<script type="module">` for each of our modules whose marker
 *   (`data-enhance="name"`) is on the page, and only those.
 *
 * It refuses what it does not recognise instead of guessing: an unknown script, or a React
 * streaming boundary whose content would stay hidden without its inline script, throws an error
 * naming the page. A Next.js upgrade that changes what it writes therefore fails the build loudly
 * rather than shipping the runtime again or a broken page (and e2e/runtime.spec.ts checks what
 * the browser loads).
 */

/** Our modules: name (the `data-enhance` value that needs it) → public URL of its bundle. */
export type ModuleManifest = Record<string, string>;

/** Where our module bundles are published (scripts/build-modules.ts). */
export const MODULES_URL = '/js/';

export class StripError extends Error {}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b[^>]*>/gi;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(
    `\\s${name}(?:=(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=[\\s/>]|$)`,
    'i',
  ).exec(attrs);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

const isNextUrl = (url: string) => /^\/_next\//.test(url);

/** Inline scripts Next writes: the RSC payload pushes and Turbopack's / webpack's chunk loader. */
const NEXT_INLINE =
  /^\s*\(?\s*(?:self\.__next_f|\(self\.__next_f|\(globalThis\["TURBOPACK"\]|self\.__next_s|self\.__webpack)/;

function scriptKind(attrs: string, body: string): 'next' | 'data' | 'ours' {
  const src = attr(attrs, 'src');
  const type = (attr(attrs, 'type') ?? '').toLowerCase();
  if (src !== null) {
    if (isNextUrl(src)) return 'next';
    if (type === 'module' && src.startsWith(MODULES_URL)) return 'ours';
    throw new StripError(`a script this site does not know: <script${attrs}>`);
  }
  if (type === 'application/ld+json') return 'data';
  if (NEXT_INLINE.test(body)) return 'next';
  throw new StripError(
    `an inline script this site does not know: <script${attrs}>${body.slice(0, 80)}…`,
  );
}

function isNextScriptLink(tag: string): boolean {
  const rel = (attr(tag, 'rel') ?? '').toLowerCase();
  const href = attr(tag, 'href') ?? '';
  const preloadsScript =
    rel === 'modulepreload' || (rel === 'preload' && (attr(tag, 'as') ?? '') === 'script');
  return preloadsScript && isNextUrl(href);
}

/**
 * The page without Next's runtime, with our module scripts where the page has what they
 * enhance. Pure: the same HTML and manifest give the same result. Throws StripError.
 */
export function stripRuntime(html: string, modules: ModuleManifest): string {
  // React streams a late Suspense boundary as hidden content plus an inline script that moves it
  // into place; without the script the content would never show.
  if (/<template\s+id="B:|<div\s+hidden\s+id="S:|\$RC\(/.test(html))
    throw new StripError('a streamed Suspense boundary, which needs React script to show');

  // Next's error document (<html id="__next_error__">) has an empty body: only the runtime renders
  // its text.
  if (/<html\b[^>]*\sid="__next_error__"/.test(html))
    throw new StripError("Next's error document, whose text only its client runtime renders");

  let out = html.replace(SCRIPT, (whole, attrs: string, body: string) =>
    scriptKind(attrs, body) === 'next' ? '' : whole,
  );
  out = out.replace(LINK, (tag) => (isNextScriptLink(tag) ? '' : tag));

  const head = out.search(/<\/head\s*>/i);
  if (head < 0) throw new StripError('no </head>');
  const tags = Object.entries(modules)
    .filter(([name]) => new RegExp(`\\sdata-enhance="${name}"`).test(out))
    .filter(([, src]) => !out.includes(`src="${src}"`))
    .map(([, src]) => `<script type="module" src="${src}"></script>`)
    .join('');
  return out.slice(0, head) + tags + out.slice(head);
}

/** True for a file Next writes for client-side navigation only (the router's RSC payloads). */
export function isRouterPayload(fileName: string, siblings: readonly string[]): boolean {
  if (/^__next\..*\.txt$/.test(fileName)) return true;
  return fileName === 'index.txt' && siblings.includes('index.html');
}
