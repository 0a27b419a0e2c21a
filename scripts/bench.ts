/**
 * `npm run bench`: figures for the budgets of the portal, as a table on stdout (progress on
 * stderr). Not a test: nothing here passes or fails, and none of it runs in `npm test`.
 *
 * - page weight of the home, a procedure and a product page (demo content, plus synthetic ones),
 * - Lighthouse (mobile defaults, system Chromium through CHROMIUM_PATH) on those three pages,
 * - the static build at scale on synthetic content, in isolated copies of the project,
 * - QR codes and product photo variants per second, and the search benchmark.
 *
 * Environment:
 *   BENCH_SIZES="300x50,3000x500"  procedures x products of the synthetic builds
 *   BENCH_LIGHTHOUSE_RUNS=3         runs per page (median)
 *   BENCH_WARM=1                    rebuild each size with the warm asset cache (0: cold only)
 *   BENCH_VARIANTS="default"        ";"-separated Next `experimental` settings to build with,
 *                                   e.g. "default;cpus=2;cpus=2,staticGenerationMaxConcurrency=4";
 *                                   env.NAME=value sets an environment variable of the build
 *                                   (e.g. env.NODE_OPTIONS=--max-old-space-size=1024)
 *   BENCH_SKIP=""                   any of qr,search,demo,lighthouse,scale
 *   BENCH_JSON=path                 also write every figure as JSON
 *   BENCH_KEEP=1                    keep the temporary copies (paths are printed)
 *   BENCH_BUILD_TIMEOUT_MIN=30
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { runPhotoBench, runQrBench } from '../bench/assets';
import { generateContent } from '../bench/generate';
import { runLighthouseInterleaved, type LighthouseResult } from '../bench/lighthouse';
import { firstPage, generationProfile, scanOut, type OutStats } from '../bench/out';
import {
  fileFor,
  gzipSize,
  htmlSizes,
  launchBrowser,
  scriptPaths,
  weighPage,
  type PageWeight,
} from '../bench/weight';
import {
  addBarePage,
  BARE_ROUTE,
  cleanBuild,
  createWorkspace,
  removeWorkspace,
  runBuild,
  runStrip,
  wrapNextConfig,
  type BuildResult,
  type Workspace,
} from '../bench/workspace';
import { runSearchBench } from '../bench/search';
import { startServer } from './serve';
import { hostingSection, serverModeSection } from '../bench/hosting';

const project = path.resolve(__dirname, '..');
const cores = os.cpus().length;
const started = performance.now();

const env = process.env;
const sizes = (env.BENCH_SIZES ?? '300x50,3000x500')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map((s) => {
    const m = /^(\d+)x(\d+)$/.exec(s);
    if (!m) throw new Error(`BENCH_SIZES: "${s}" is not PROCEDURESxPRODUCTS, e.g. 300x50`);
    return { procedures: Number(m[1]), products: Math.max(1, Number(m[2])) };
  });
const lighthouseRuns = Number(env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const warm = env.BENCH_WARM !== '0';
const skip = new Set((env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()));
const keep = env.BENCH_KEEP === '1';
const timeoutMs = Number(env.BENCH_BUILD_TIMEOUT_MIN ?? 30) * 60_000;
const variants = (env.BENCH_VARIANTS ?? 'default').split(';').map((v) => {
  const name = v.trim() || 'default';
  const settings: Record<string, unknown> = {};
  const buildEnv: Record<string, string> = {};
  if (name !== 'default') {
    for (const pair of name.split(',')) {
      const at = pair.indexOf('=');
      const [k, raw] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (k.startsWith('env.')) buildEnv[k.slice(4)] = raw;
      else
        settings[k] =
          raw === 'true'
            ? true
            : raw === 'false'
              ? false
              : Number.isNaN(Number(raw))
                ? raw
                : Number(raw);
    }
  }
  return { name, settings, env: buildEnv };
});

function progress(message: string) {
  const t = ((performance.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[bench ${t}s] ${message}\n`);
}

// ---- the table -----------------------------------------------------------------------------

type Row = { section: string; item: string; figure: string; value: string; budget?: string };
const rows: Row[] = [];
const json: Record<string, unknown> = {};

function row(section: string, item: string, figure: string, value: string, budget?: string) {
  rows.push({ section, item, figure, value, budget });
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const kibExact = (n: number) => `${kib(n)} (${n.toLocaleString('en')} B)`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const secs = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(1)} s`);
const num = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

function printTable() {
  const header = ['section', 'item', 'figure', 'value', 'cores', 'budget'];
  const body = rows.map((r) => [
    r.section,
    r.item,
    r.figure,
    r.value,
    String(cores),
    r.budget ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---- cleanup -------------------------------------------------------------------------------

const temporary: string[] = [];
function cleanup() {
  if (keep) {
    if (temporary.length) progress(`kept: ${temporary.join(' ')}`);
    return;
  }
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

function workspace(label: string): Workspace {
  progress(`copying the project for the ${label} build`);
  const ws = createWorkspace(project, label);
  temporary.push(ws.dir);
  addBarePage(ws);
  wrapNextConfig(ws);
  return ws;
}

async function build(ws: Workspace, label: string, opts: Parameters<typeof runBuild>[1]) {
  progress(`building ${label} (next build in ${ws.dir})`);
  let lastShown = 0;
  const result = await runBuild(ws, {
    ...opts,
    timeoutMs,
    onLine: (line, t) => {
      if (
        /Generating static pages|Compiled|Collecting|Finalizing|rror/.test(line) &&
        t - lastShown > 1
      ) {
        lastShown = t;
        progress(`  ${label}: ${line.trim()}`);
      }
    },
  });
  progress(
    `  ${label}: ${result.ok ? 'done' : `FAILED (exit ${result.exitCode})`} in ${secs(result.wallS)}, ` +
      `peak RSS ${mib(result.peakRssBytes)}`,
  );
  if (!result.ok) progress(result.log.split('\n').slice(-25).join('\n'));
  return result;
}

// ---- serving an export, weighing pages, Lighthouse -----------------------------------------

async function serve(outDir: string) {
  const server = await startServer(outDir, 0);
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://localhost:${port}` };
}

type PagePick = { label: string; path: string | null };

function pagesOf(outDir: string): PagePick[] {
  return [
    { label: 'home', path: firstPage(outDir, '', 'vi') ? '/vi/' : null },
    { label: 'procedure', path: firstPage(outDir, 'vi/thu-tuc', '1.001193') },
    { label: 'product', path: firstPage(outDir, 'vi/ocop') },
  ];
}

function weightRows(item: string, w: PageWeight) {
  const s = 'page weight';
  const procedure = item.startsWith('procedure');
  row(s, item, 'HTML gzipped', kibExact(w.html.gz), procedure ? '≤ 14 KiB (procedure)' : undefined);
  row(
    s,
    item,
    'HTML uncompressed; brotli 11 (precompressed .br)',
    `${kib(w.html.raw)}; ${kibExact(w.html.brotli)}`,
  );
  for (const [part, size] of Object.entries(w.htmlParts)) {
    if (size.raw) row(s, item, `  of which ${part}`, `${kib(size.gz)} gz (${kib(size.raw)} raw)`);
  }
  row(s, item, 'CSS gzipped', `${kibExact(w.css.gz)}, ${w.css.files} file(s)`);
  row(
    s,
    item,
    'own client JS gzipped',
    `${kibExact(w.ownJs.gz)}, ${w.ownJs.files} file(s)${w.ownJs.names.length ? `: ${w.ownJs.names.join(', ')}` : ''}`,
    procedure ? '≤ 10 KiB (procedure)' : undefined,
  );
  row(
    s,
    item,
    'Next.js runtime JS gzipped',
    `${kibExact(w.runtimeJs.gz)}, ${w.runtimeJs.files} file(s)`,
  );
  row(s, item, 'fonts', `${kibExact(w.fonts.bytes)}, ${w.fonts.files} file(s)`);
  row(s, item, 'images', `${kibExact(w.images.bytes)}, ${w.images.files} file(s)`);
  if (w.other.files) row(s, item, 'other requests', `${kibExact(w.other.bytes)}, ${w.other.files}`);
  row(s, item, 'total transferred', `${kibExact(w.total)}, ${w.requests} request(s)`);
  row(
    s,
    item,
    'render-blocking requests',
    `${w.renderBlocking.stylesheets} stylesheet(s), ${w.renderBlocking.scripts} script(s)`,
    '1 CSS file, no script',
  );
  row(
    s,
    item,
    'fonts: preloads; @font-face swap / unicode-range',
    `${w.fontPreloads} preloaded; ${w.fontFaces.swap}/${w.fontFaces.total} swap, ` +
      `${w.fontFaces.unicodeRange}/${w.fontFaces.total} subset by unicode-range`,
    'subset, preloaded, swap',
  );
  row(s, item, 'requests to other hosts', w.otherHosts.length ? w.otherHosts.join(', ') : 'none');
}

function lighthouseRows(item: string, lh: LighthouseResult, base: string) {
  const s = `lighthouse (median of ${lh.runs.length})`;
  const m = lh.median;
  const all = (k: keyof LighthouseResult['median']) => lh.runs.map((r) => r[k]).join(' / ');
  const procedure = item.startsWith('procedure');
  row(
    s,
    item,
    'performance',
    `${m.performance.toFixed(2)} (runs ${all('performance')})`,
    procedure ? '≥ 0.98' : undefined,
  );
  row(s, item, 'accessibility', m.accessibility.toFixed(2), '1.00');
  row(s, item, 'best practices', m.bestPractices.toFixed(2), '1.00');
  row(s, item, 'SEO', m.seo.toFixed(2), '1.00');
  row(s, item, 'LCP', `${num(m.lcpMs)} ms (FCP ${num(m.fcpMs)} ms)`);
  row(s, item, 'total blocking time', `${num(m.tbtMs)} ms`);
  row(s, item, 'CLS', m.cls.toFixed(3), '0');
  row(s, item, 'machine benchmarkIndex', num(m.benchmarkIndex));
  const local = (text: string) => text.split(base).join('');
  for (const audit of lh.failing) row(s, item, 'audit below 1', local(audit));
  for (const d of lh.diagnostics) row(s, item, 'diagnostic', local(d));
}

/**
 * The page at `pagePath` with every <script> element removed (ours, JSON-LD, anything), written
 * beside the export under /bench-noscript/: what the page would cost as a plain document.
 */
function noScriptCopy(outDir: string, pagePath: string) {
  const html = readFileSync(fileFor(outDir, pagePath)!, 'utf8');
  const bare = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const copyPath = `/bench-noscript${pagePath}`;
  mkdirSync(path.join(outDir, copyPath), { recursive: true });
  writeFileSync(path.join(outDir, copyPath, 'index.html'), bare);
  return { path: copyPath, gz: gzipSize(html), bareGz: gzipSize(bare) };
}

function sideBySideRows(
  item: string,
  built: LighthouseResult,
  bare: LighthouseResult,
  html: { gz: number; bareGz: number },
) {
  const s = `as built vs. without scripts (median of ${built.runs.length}, interleaved)`;
  const pair = (a: number, b: number, unit: string, digits = 0) =>
    `${num(a, digits)}${unit} / ${num(b, digits)}${unit} (×${(a / b).toFixed(2)})`;
  const m = built.median;
  const n = bare.median;
  row(s, item, 'LCP', pair(m.lcpMs, n.lcpMs, ' ms'), '≤ 1.10×');
  row(s, item, 'FCP', pair(m.fcpMs, n.fcpMs, ' ms'));
  row(s, item, 'TBT', `${num(m.tbtMs)} ms / ${num(n.tbtMs)} ms`);
  row(s, item, 'performance', `${m.performance.toFixed(2)} / ${n.performance.toFixed(2)}`, '1.00');
  row(s, item, 'HTML gzipped', `${kib(html.gz)} / ${kib(html.bareGz)}`);
}

/** Weighs `weigh` and runs Lighthouse on `score` (pages of one served export). */
async function measurePages(outDir: string, label: string, weigh: PagePick[], score: PagePick[]) {
  const { server, base } = await serve(outDir);
  // A browser only while measuring: it would take memory and CPU from the builds.
  const browser: Browser = await launchBrowser();
  const item = (p: PagePick) => `${p.label} ${p.path} (${label})`;
  try {
    const runtime = await scriptPaths(browser, `${base}${BARE_ROUTE}`);
    const weights: Record<string, PageWeight> = {};
    const scores: Record<string, LighthouseResult> = {};
    for (const p of weigh) {
      if (!p.path) continue;
      progress(`weighing ${item(p)}`);
      weights[item(p)] = await weighPage(browser, base, outDir, p.path, runtime);
      weightRows(item(p), weights[item(p)]);
    }
    // Side by side, interleaved: each page as built and the same HTML with every script removed.
    const scored = score.filter((p): p is { label: string; path: string } => p.path !== null);
    const bare = scored.map((p) => noScriptCopy(outDir, p.path));
    if (scored.length) {
      progress(`lighthouse ${scored.map(item).join(', ')} and without scripts × ${lighthouseRuns}`);
      try {
        const results = await runLighthouseInterleaved(
          [...scored.map((p) => base + p.path), ...bare.map((b) => base + b.path)],
          lighthouseRuns,
        );
        for (const [i, p] of scored.entries()) {
          scores[item(p)] = results[i];
          lighthouseRows(item(p), results[i], base);
          sideBySideRows(item(p), results[i], results[scored.length + i], bare[i]);
        }
      } catch (e) {
        row('lighthouse', label, 'error', String(e instanceof Error ? e.message : e));
      }
    }
    return { weights, scores, runtime: [...runtime] };
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}

/** Gzipped HTML of every procedure page: the budget holds per page, and pages differ. */
function htmlRows(label: string, outDir: string) {
  const budget = 14 * 1024;
  for (const route of ['vi/thu-tuc', 'en/thu-tuc', 'T', 'vi/ocop', 'P']) {
    const h = htmlSizes(outDir, route, budget);
    if (!h) continue;
    row(
      'page weight',
      `every page /${route}/… (${label})`,
      'HTML gzipped min / median / max',
      `${kib(h.min)} / ${kib(h.median)} / ${kib(h.max)}; ${h.over} of ${h.pages} over 14 KiB`,
      route === 'P' || route.endsWith('ocop') ? undefined : '≤ 14 KiB (procedure)',
    );
  }
}

// ---- builds --------------------------------------------------------------------------------

function buildRows(item: string, b: BuildResult, out: OutStats | null) {
  const s = 'build';
  if (!b.ok) {
    row(
      s,
      item,
      'result',
      `FAILED (exit ${b.exitCode}) after ${secs(b.wallS)}: ${lastError(b.log)}`,
    );
    return;
  }
  row(s, item, 'wall time', secs(b.wallS), '< 600 s for 3000x500 on 2 cores');
  row(s, item, 'CPU time (all processes)', secs(b.cpuS));
  row(
    s,
    item,
    'peak RSS (process tree)',
    `${mib(b.peakRssBytes)}, ${b.peakProcesses} processes`,
    '< 2 GiB',
  );
  row(
    s,
    item,
    'peak RSS by process',
    b.largest.map((p) => `${p.command}: ${mib(p.peakRssBytes)}`).join('; '),
  );
  row(
    s,
    item,
    'phases',
    `compile ${secs(b.phases.compileS)}, collect ${secs(b.phases.collectS)}, ` +
      `generate ${secs(b.phases.generateS)} (${b.workers ?? '?'} worker(s)), finish ${secs(b.phases.finishS)}`,
  );
  if (out) {
    row(s, item, 'pages (index.html)', num(out.pages));
    row(s, item, 'pages per second', num(out.pages / b.wallS, 1));
    row(s, item, 'other files', num(out.otherFiles));
  }
  if (b.staticOutputs) {
    row(
      s,
      item,
      'prerendered outputs (Next count) per second of generation',
      `${num(b.staticOutputs)}, ${num(b.staticOutputs / (b.phases.generateS ?? b.wallS), 1)}/s`,
    );
  }
  if (out) {
    row(
      s,
      item,
      'out/ size',
      `${mib(out.bytes)} (HTML ${mib(out.htmlBytes)}, RSC .txt ${mib(out.rscBytes)})`,
    );
  }
  row(
    s,
    item,
    'load average before / after',
    `${b.loadBefore.toFixed(2)} / ${b.loadAfter.toFixed(2)}`,
  );
}

/**
 * The postbuild step that removes Next's runtime (scripts/strip-runtime.ts), after a `next build`
 * measured by buildRows: the build before (Next alone) and after (Next + strip), side by side.
 */
async function strip(ws: Workspace, item: string, b: BuildResult, before: OutStats) {
  progress(`  ${item}: strip-runtime`);
  const r = await runStrip(ws);
  const s = 'build before / after strip-runtime';
  if (!r.ok) {
    row(s, item, 'result', `strip-runtime FAILED: ${r.log.split('\n').slice(-3).join(' ')}`);
    return { ...r, after: null };
  }
  const after = scanOut(path.join(ws.dir, 'out'), ['bench-bare']);
  row(
    s,
    item,
    'wall time',
    `${secs(b.wallS)} / ${secs(b.wallS + r.wallS)} (strip ${secs(r.wallS)})`,
  );
  row(
    s,
    item,
    'peak RSS',
    `${mib(b.peakRssBytes)} / ${mib(Math.max(b.peakRssBytes, r.peakRssBytes))} (strip ${mib(r.peakRssBytes)})`,
  );
  row(
    s,
    item,
    'out/ size',
    `${mib(before.bytes)} / ${mib(after.bytes)} (−${num((100 * (before.bytes - after.bytes)) / before.bytes)} %)`,
    '≥ 40 % smaller',
  );
  row(
    s,
    item,
    'HTML; router .txt',
    `${mib(before.htmlBytes)}; ${mib(before.rscBytes)} / ${mib(after.htmlBytes)}; ${mib(after.rscBytes)}`,
  );
  return { ...r, after };
}

function lastError(log: string): string {
  const lines = log.split('\n').map((l) => l.replace(/^\s*[\d.]+s /, '').trim());
  const error = lines.find((l) => /Error:|error/.test(l) && !/^at /.test(l));
  return (error ?? lines.filter(Boolean).at(-1) ?? '').slice(0, 300);
}

function outRows(item: string, out: OutStats, distDir: string) {
  const s = 'build output';
  for (const g of out.pageGroups)
    row(s, item, `pages ${g.key}`, `${num(g.files)} × ${kib(g.bytes / g.files)} = ${mib(g.bytes)}`);
  for (const g of out.fileGroups)
    row(s, item, `files ${g.key}`, `${num(g.files)}, ${mib(g.bytes)}`);
  const profile = generationProfile(distDir);
  const total = profile.reduce((n, p) => n + p.seconds, 0);
  for (const p of profile.filter((x) => x.seconds >= 0.05 * total || x.outputs > 100)) {
    row(
      'generation time by route (estimate)',
      item,
      p.kind,
      `${secs(p.seconds)} (${num((100 * p.seconds) / total)}%), ${num(p.outputs)} outputs, ${num(p.msPerOutput, 1)} ms each`,
    );
  }
  return profile;
}

/** The demo content: build, page weights, Lighthouse. */
async function demoSection(lighthouseDone: Set<string>) {
  const ws = workspace('demo');
  const result = await build(ws, 'demo content', {
    assetCacheDir: path.join(ws.dir, '.cache', 'assets'),
  });
  const outDir = path.join(ws.dir, 'out');
  const out = result.ok ? scanOut(outDir, ['bench-bare']) : null;
  buildRows('demo content (cold)', result, out);
  json.demoBuild = { ...result, log: undefined, out };
  if (result.ok) {
    htmlRows('demo, next build alone', outDir);
    json.demoStrip = await strip(ws, 'demo content (cold)', result, out!);
    htmlRows('demo', outDir);
    const picks = pagesOf(outDir);
    const score = skip.has('lighthouse') ? [] : picks;
    json.demo = await measurePages(outDir, 'demo', picks, score);
    for (const p of score) if (p.path) lighthouseDone.add(p.label);
    for (const p of picks)
      if (!p.path) row('page weight', p.label, 'demo content', 'no such page in the demo content');
  }
  if (!keep) removeWorkspace(ws);
}

/** Synthetic content at each size: cold and warm builds, output, synthetic page weights. */
async function scaleSection(lighthouseDone: Set<string>) {
  const scale: unknown[] = [];
  json.scale = scale;
  for (const [index, size] of sizes.entries()) {
    const label = `${size.procedures}x${size.products}`;
    const contentDir = mkdtempSync(path.join(os.tmpdir(), `portal-bench-content-${label}-`));
    temporary.push(contentDir);
    progress(`generating ${size.procedures} procedures and ${size.products} products`);
    const t = performance.now();
    const generated = await generateContent(contentDir, {
      ...size,
      baseDir: path.join(project, 'content'),
    });
    row(
      'generator',
      label,
      'synthetic content written',
      `${num(generated.procedures)} procedures, ${num(generated.products)} products, ` +
        `${num(generated.images)} photos, ${mib(generated.bytes)} in ${secs((performance.now() - t) / 1000)}`,
    );
    const ws = workspace(label);
    for (const variant of variants) {
      const cache = path.join(ws.dir, '.cache', 'assets');
      rmSync(cache, { recursive: true, force: true });
      cleanBuild(ws);
      const name = `${label} ${variant.name}`;
      const cold = await build(ws, `${name} cold`, {
        contentDir,
        assetCacheDir: cache,
        experimental: variant.settings,
        env: variant.env,
      });
      const outDir = path.join(ws.dir, 'out');
      const out = cold.ok ? scanOut(outDir, ['bench-bare']) : null;
      buildRows(`${name}, cold asset cache`, cold, out);
      const entry: Record<string, unknown> = {
        size,
        variant,
        cold: { ...cold, log: undefined, out },
      };
      scale.push(entry);
      if (cold.ok && out) {
        entry.profile = outRows(`${name}, cold`, out, path.join(ws.dir, '.next'));
        entry.strip = await strip(ws, `${name}, cold asset cache`, cold, out);
        if (index === 0) {
          // Synthetic pages are weighed too (per variant: settings can change the pages);
          // Lighthouse where the demo had no such page.
          const tag = variants.length > 1 ? `synthetic ${name}` : `synthetic ${label}`;
          htmlRows(tag, outDir);
          const picks = pagesOf(outDir).filter((p) => p.label !== 'home');
          const score = skip.has('lighthouse')
            ? []
            : picks.filter((p) => !lighthouseDone.has(p.label));
          entry.pages = await measurePages(outDir, tag, picks, score);
        }
      }
      if (cold.ok && warm) {
        cleanBuild(ws);
        const again = await build(ws, `${name} warm`, {
          contentDir,
          assetCacheDir: cache,
          experimental: variant.settings,
          env: variant.env,
        });
        const warmOut = again.ok ? scanOut(outDir, ['bench-bare']) : null;
        buildRows(`${name}, warm asset cache`, again, warmOut);
        entry.warm = { ...again, log: undefined };
        if (warmOut) entry.warmStrip = await strip(ws, `${name}, warm asset cache`, again, warmOut);
      }
    }
    if (!keep) {
      removeWorkspace(ws);
      rmSync(contentDir, { recursive: true, force: true });
    }
  }
}

// ---- main ----------------------------------------------------------------------------------

async function main() {
  progress(
    `${cores} cores (${os.cpus()[0]?.model ?? '?'}), ${mib(os.totalmem())} RAM, Node ${process.version}, ` +
      `load ${os.loadavg()[0].toFixed(2)}; sizes ${sizes.map((s) => `${s.procedures}x${s.products}`).join(', ')}`,
  );
  row(
    'machine',
    os.cpus()[0]?.model ?? '?',
    'cores, memory, Node',
    `${cores}, ${mib(os.totalmem())}, ${process.version}`,
  );
  row(
    'machine',
    'load average at start',
    '1 / 5 / 15 min',
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  );

  if (!skip.has('qr')) {
    progress('QR codes and photo variants per second');
    const qr = await runQrBench();
    for (const q of qr)
      row(
        'qr',
        q.kind,
        'codes per second',
        `${num(q.perSecond)} (${q.codes} in ${secs(q.seconds)})`,
      );
    const photos = await runPhotoBench();
    for (const p of photos)
      row(
        'photos',
        `${p.format} at 480 and 960 px`,
        'variants per second',
        `${num(p.perSecond, 1)} (${p.variants} in ${secs(p.seconds)})`,
      );
    json.qr = qr;
    json.photos = photos;
  }

  if (!skip.has('search')) {
    progress('search benchmark (bench/search.ts)');
    const r = runSearchBench();
    const item = `${num(r.docs)} synthetic procedures`;
    row('search', item, 'index size', `${kib(r.indexBytes)} (gzip ${kib(r.indexGzipBytes)})`);
    row('search', item, 'index build + JSON', `${r.buildMs} ms`);
    row('search', item, 'index load in browser (parse + load)', `${r.loadMs} ms`);
    row(
      'search',
      item,
      'query median / p95',
      `${r.medianQueryMs} / ${r.p95QueryMs} ms (${r.queries} queries)`,
    );
    json.search = r;
  }

  if (!skip.has('hosting')) {
    const bounds = {
      seconds: Number(env.BENCH_HOSTING_SECONDS ?? 10),
      connections: Number(env.BENCH_HOSTING_CONNECTIONS ?? 50),
    };
    json.hosting = await hostingSection(path.join(project, 'out'), bounds, row, progress);
    json.serverMode = await serverModeSection(
      path.join(project, '.next-server'),
      bounds,
      row,
      progress,
    );
  }

  const lighthouseDone = new Set<string>();
  if (!skip.has('demo')) await demoSection(lighthouseDone);
  if (!skip.has('scale')) await scaleSection(lighthouseDone);

  row('bench', 'total', 'wall time', secs((performance.now() - started) / 1000));
  printTable();
  if (env.BENCH_JSON)
    writeFileSync(env.BENCH_JSON, JSON.stringify({ cores, rows, ...json }, null, 2));
  cleanup();
}

main().catch((e) => {
  console.error(e);
  cleanup();
  process.exit(1);
});
