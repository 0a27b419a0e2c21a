/**
 * What a static export holds: pages (folders with an index.html) and other files, grouped by the
 * kind of route they come from, found by walking out/ so that new routes show up by themselves.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type OutGroup = { key: string; files: number; bytes: number };

export type OutStats = {
  /** index.html files: one per page URL. */
  pages: number;
  /** Every other file (RSC payloads, images, QR files, scripts, 404.html, sitemap…). */
  otherFiles: number;
  bytes: number;
  /** Pages by route kind, e.g. "{locale}/thu-tuc/…", "T/…", "{locale}/in/…". */
  pageGroups: OutGroup[];
  /** Other files by kind, e.g. "qr/*.png", "img/*.avif", "*.txt (RSC)". */
  fileGroups: OutGroup[];
  /** Bytes by role: HTML, RSC payload (.txt), images, scripts and styles, other. */
  htmlBytes: number;
  rscBytes: number;
  /** Router payload files (index.txt, __next.*.txt): what strip-runtime deletes. */
  rscFiles: number;
};

const LOCALES = new Set(['vi', 'en']);

/** Route kind of a page folder: the locale generalised, the item id replaced by "…". */
export function pageGroup(dirParts: string[]): string {
  if (!dirParts.length) return '/';
  const parts = [...dirParts];
  const localized = LOCALES.has(parts[0]);
  if (localized) parts[0] = '{locale}';
  const depth = localized ? 2 : 1;
  const head = parts.slice(0, depth).join('/');
  return parts.length > depth ? `${head}/…` : head;
}

/** Kind of a non-page file: RSC payloads together, else top folder and extension. */
export function fileGroup(rel: string): string {
  const ext = path.extname(rel) || '(none)';
  const base = path.basename(rel);
  if (ext === '.txt' && (base === 'index.txt' || base.startsWith('__next.'))) return '*.txt (RSC)';
  const parts = rel.split('/');
  if (parts.length === 1) return base;
  const top = LOCALES.has(parts[0]) ? '{locale}' : parts[0];
  if (top === '_next') return `_next/*${ext}`;
  return `${top}/*${ext}`;
}

export function scanOut(outDir: string, exclude: string[] = []): OutStats {
  const pages = new Map<string, OutGroup>();
  const others = new Map<string, OutGroup>();
  const stats: OutStats = {
    pages: 0,
    otherFiles: 0,
    bytes: 0,
    pageGroups: [],
    fileGroups: [],
    htmlBytes: 0,
    rscBytes: 0,
    rscFiles: 0,
  };
  const add = (map: Map<string, OutGroup>, key: string, bytes: number) => {
    const g = map.get(key) ?? { key, files: 0, bytes: 0 };
    g.files++;
    g.bytes += bytes;
    map.set(key, g);
  };
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(outDir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (exclude.some((e) => child === e || child.startsWith(`${e}/`))) continue;
      if (entry.isDirectory()) {
        walk(child);
        continue;
      }
      const bytes = statSync(path.join(outDir, child)).size;
      stats.bytes += bytes;
      if (entry.name.endsWith('.html')) stats.htmlBytes += bytes;
      if (entry.name === 'index.html') {
        stats.pages++;
        add(pages, pageGroup(rel ? rel.split('/') : []), bytes);
      } else {
        stats.otherFiles++;
        const group = fileGroup(child);
        if (group === '*.txt (RSC)') {
          stats.rscBytes += bytes;
          stats.rscFiles++;
        }
        add(others, group, bytes);
      }
    }
  };
  walk('');
  const sorted = (m: Map<string, OutGroup>) => [...m.values()].sort((a, b) => b.bytes - a.bytes);
  stats.pageGroups = sorted(pages);
  stats.fileGroups = sorted(others);
  return stats;
}

/** The first page folder under a route folder of out/ (e.g. "vi/thu-tuc"), or null. */
export function firstPage(outDir: string, route: string, prefer?: string): string | null {
  const dir = path.join(outDir, route);
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
      .map((e) => e.name)
      .sort();
  } catch {
    return null;
  }
  const found = (name: string) => {
    try {
      return statSync(path.join(dir, name, 'index.html')).isFile();
    } catch {
      return false;
    }
  };
  if (prefer && names.includes(prefer) && found(prefer)) return `/${route}/${prefer}/`;
  const name = names.find(found);
  return name ? `/${route}/${name}/` : null;
}

export type GenerationShare = {
  kind: string;
  outputs: number;
  seconds: number;
  msPerOutput: number;
};

/**
 * Where static generation spent its time, by route kind: every output Next prerenders is written
 * to .next/server/app as it is made ({page}.html, {route}.body); sorted by write time, the gap
 * before each write is charged to its kind. With several workers (and 8 pages at a time per
 * worker) the split is an estimate, but the sum is the generation phase's wall time.
 */
export function generationProfile(distDir: string): GenerationShare[] {
  const root = path.join(distDir, 'server', 'app');
  const writes: { t: number; kind: string }[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(child);
        continue;
      }
      const m = /^(.*)\.(html|body)$/.exec(child);
      if (!m) continue;
      if (child.startsWith('bench-bare')) continue;
      const parts = m[1].split('/');
      const inner = m[2] === 'body' ? path.extname(m[1]) : '';
      // Route-group folders such as "(direct)" are not part of the URL.
      const urlParts = parts.filter((p) => !/^\(.*\)$/.test(p));
      const kind =
        urlParts.length === 1 && (inner || urlParts[0] === 'index')
          ? inner
            ? urlParts[0]
            : '/'
          : inner
            ? `${pageGroup(urlParts.slice(0, -1).concat('x'))}${inner}`
            : pageGroup(urlParts);
      writes.push({ t: statSync(path.join(root, child)).mtimeMs, kind });
    }
  };
  walk('');
  writes.sort((a, b) => a.t - b.t);
  const shares = new Map<string, GenerationShare>();
  writes.forEach((w, i) => {
    const s = shares.get(w.kind) ?? { kind: w.kind, outputs: 0, seconds: 0, msPerOutput: 0 };
    s.outputs++;
    if (i > 0) s.seconds += (w.t - writes[i - 1].t) / 1000;
    shares.set(w.kind, s);
  });
  return [...shares.values()]
    .map((s) => ({ ...s, msPerOutput: (s.seconds * 1000) / s.outputs }))
    .sort((a, b) => b.seconds - a.seconds);
}
