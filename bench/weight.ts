/**
 * Page weight as a phone downloads it: the page is loaded in Chromium (mobile viewport) from the
 * static server, every request is recorded, and each file's transfer size is computed from out/
 * the way the server sends it (gzip level 9 for text, as is for fonts and images).
 *
 * "Our own" JavaScript is what the page loads beyond the scripts of a bare page (no component of
 * ours): the Next.js runtime every page pays for anyway.
 */
import { chromium, type Browser } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromiumPath } from '../lib/env';

export const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

const COMPRESSIBLE = /\.(html|txt|js|css|json|xml|svg|webmanifest)$/;

export function gzipSize(data: Buffer | string): number {
  return gzipSync(data, { level: 9 }).length;
}

/** Brotli at quality 11, as a host serving precompressed .br files would send it. */
export function brotliSize(data: Buffer | string): number {
  return brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 22 },
  }).length;
}

/** The file out/ serves for a URL path (folders answer with their index.html), or null. */
export function fileFor(outDir: string, pathname: string): string | null {
  const target = path.join(outDir, decodeURIComponent(pathname));
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = path.join(target, 'index.html');
  return existsSync(index) ? index : null;
}

/** Bytes on the wire for a file of out/: gzipped when the server compresses it. */
export function transferSize(file: string): number {
  const data = readFileSync(file);
  return COMPRESSIBLE.test(file) ? gzipSize(data) : data.length;
}

type Loaded = { url: string; type: string; sameOrigin: boolean };

/** Every request a page makes while loading (until the network has been idle for 500 ms). */
export async function recordRequests(
  browser: Browser,
  url: string,
  javaScript = true,
): Promise<Loaded[]> {
  const context = await browser.newContext({ ...MOBILE, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const loaded: Loaded[] = [];
  page.on('request', (r) =>
    loaded.push({
      url: r.url(),
      type: r.resourceType(),
      sameOrigin: new URL(r.url()).origin === origin,
    }),
  );
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
  return loaded;
}

export type Part = { raw: number; gz: number };

export type PageWeight = {
  path: string;
  requests: number;
  otherHosts: string[];
  html: Part & { brotli: number };
  css: Part & { files: number };
  /** Scripts of the Next.js runtime (what the bare page loads). */
  runtimeJs: Part & { files: number };
  /** Scripts beyond the runtime: our components and what they pull in. */
  ownJs: Part & { files: number; names: string[] };
  fonts: { files: number; bytes: number };
  images: { files: number; bytes: number };
  other: { files: number; bytes: number };
  /** Transfer bytes of everything above. */
  total: number;
  renderBlocking: { stylesheets: number; scripts: number };
  fontPreloads: number;
  fontFaces: { total: number; swap: number; unicodeRange: number };
  /** How much each part of the HTML adds to its gzipped size (gzip of the page without it). */
  htmlParts: Record<string, Part>;
};

const HTML_PARTS: Record<string, RegExp> = {
  'RSC flight data (self.__next_f)': /<script>\(?self\.__next_f[\s\S]*?<\/script>/g,
  'inline QR SVG': /<figure data-qr[\s\S]*?<\/figure>/g,
  'JSON-LD': /<script type="application\/ld\+json">[\s\S]*?<\/script>/g,
  '<head>': /<head>[\s\S]*?<\/head>/g,
};

export function htmlBreakdown(html: string): Record<string, Part> {
  const whole = gzipSize(html);
  const parts: Record<string, Part> = {};
  for (const [name, re] of Object.entries(HTML_PARTS)) {
    const found = html.match(re) ?? [];
    const raw = found.reduce((n, s) => n + Buffer.byteLength(s), 0);
    parts[name] = { raw, gz: raw ? whole - gzipSize(html.replace(re, '')) : 0 };
  }
  return parts;
}

/** Render-blocking requests named by the HTML: stylesheets, and scripts without async/defer. */
export function renderBlocking(html: string) {
  const stylesheets = (html.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? []).filter(
    (l) => !/media="print"/.test(l),
  ).length;
  const scripts = (html.match(/<script[^>]*\ssrc="[^"]*"[^>]*>/g) ?? []).filter(
    (s) => !/\s(async|defer|noModule|nomodule)(=|\s|>)|type="module"/.test(s),
  ).length;
  return { stylesheets, scripts };
}

export function fontFaces(css: string) {
  // Next's size-adjusted fallbacks (src: local("Arial")) download nothing: not counted.
  const faces = (css.match(/@font-face\s*{[^}]*}/g) ?? []).filter((f) => /url\(/.test(f));
  return {
    total: faces.length,
    swap: faces.filter((f) => /font-display:\s*swap/.test(f)).length,
    unicodeRange: faces.filter((f) => /unicode-range:/.test(f)).length,
  };
}

/** Weighs one page of a served out/ directory. `runtime` is the set of the bare page's scripts. */
export async function weighPage(
  browser: Browser,
  base: string,
  outDir: string,
  pagePath: string,
  runtime: Set<string>,
): Promise<PageWeight> {
  const loaded = await recordRequests(browser, base + pagePath);
  const w: PageWeight = {
    path: pagePath,
    requests: loaded.length,
    otherHosts: [...new Set(loaded.filter((l) => !l.sameOrigin).map((l) => new URL(l.url).host))],
    html: { raw: 0, gz: 0, brotli: 0 },
    css: { raw: 0, gz: 0, files: 0 },
    runtimeJs: { raw: 0, gz: 0, files: 0 },
    ownJs: { raw: 0, gz: 0, files: 0, names: [] },
    fonts: { files: 0, bytes: 0 },
    images: { files: 0, bytes: 0 },
    other: { files: 0, bytes: 0 },
    total: 0,
    renderBlocking: { stylesheets: 0, scripts: 0 },
    fontPreloads: 0,
    fontFaces: { total: 0, swap: 0, unicodeRange: 0 },
    htmlParts: {},
  };
  const css: string[] = [];
  for (const l of loaded) {
    if (!l.sameOrigin) continue;
    const pathname = new URL(l.url).pathname;
    const file = fileFor(outDir, pathname);
    if (!file) continue;
    const raw = statSync(file).size;
    const size = transferSize(file);
    w.total += size;
    if (l.type === 'document') {
      const html = readFileSync(file, 'utf8');
      w.html = { raw, gz: size, brotli: brotliSize(html) };
      w.renderBlocking = renderBlocking(html);
      w.fontPreloads = (html.match(/<link[^>]*rel="preload"[^>]*as="font"[^>]*>/g) ?? []).length;
      w.htmlParts = htmlBreakdown(html);
    } else if (l.type === 'stylesheet') {
      w.css = { raw: w.css.raw + raw, gz: w.css.gz + size, files: w.css.files + 1 };
      css.push(readFileSync(file, 'utf8'));
    } else if (l.type === 'script') {
      const bucket = runtime.has(pathname) ? w.runtimeJs : w.ownJs;
      bucket.raw += raw;
      bucket.gz += size;
      bucket.files++;
      if (bucket === w.ownJs) w.ownJs.names.push(`${path.basename(pathname)} (${size} B gz)`);
    } else if (l.type === 'font') {
      w.fonts.files++;
      w.fonts.bytes += size;
    } else if (l.type === 'image') {
      w.images.files++;
      w.images.bytes += size;
    } else {
      w.other.files++;
      w.other.bytes += size;
    }
  }
  w.fontFaces = fontFaces(css.join('\n'));
  return w;
}

/** The same-origin script paths a page loads (for the bare page: the runtime). */
export async function scriptPaths(browser: Browser, url: string): Promise<Set<string>> {
  const loaded = await recordRequests(browser, url);
  return new Set(loaded.filter((l) => l.type === 'script').map((l) => new URL(l.url).pathname));
}

export type HtmlSizes = {
  pages: number;
  min: number;
  median: number;
  max: number;
  /** The page folder of the largest one. */
  maxPage: string;
  over: number;
};

/** Gzipped sizes of every page of a route folder of out/ (e.g. "vi/thu-tuc"). */
export function htmlSizes(outDir: string, route: string, budget: number): HtmlSizes | null {
  let names: string[];
  try {
    names = readdirSync(path.join(outDir, route));
  } catch {
    return null;
  }
  const sizes = names
    .map((name) => ({ name, file: path.join(outDir, route, name, 'index.html') }))
    .filter((p) => existsSync(p.file))
    .map((p) => ({ name: p.name, gz: gzipSize(readFileSync(p.file)) }))
    .sort((a, b) => a.gz - b.gz);
  if (!sizes.length) return null;
  return {
    pages: sizes.length,
    min: sizes[0].gz,
    median: sizes[Math.floor(sizes.length / 2)].gz,
    max: sizes.at(-1)!.gz,
    maxPage: sizes.at(-1)!.name,
    over: sizes.filter((p) => p.gz > budget).length,
  };
}
