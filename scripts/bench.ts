/**
 * `npm run bench`: figures for the budgets of the portal, as a table on stdout (progress on
 * stderr). Not a test: nothing here passes or fails, and none of it runs in `npm test`.
 *
 * - page weight of each page type (demo content, plus synthetic ones),
 * - Lighthouse (mobile defaults, system Chromium through CHROMIUM_PATH) on each page type, as
 *   built and as the same HTML without any script, runs interleaved,
 * - the static build at scale on synthetic content, in isolated copies of the project, before
 *   and after each postbuild step,
 * - QR codes and product photo variants per second, and the search benchmark;
 * - at the end, the two side-by-side summaries (pages, builds) with their budgets.
 *
 * Environment:
 *   BENCH_SIZES="300x50,3000x500"  procedures x products of the synthetic builds
 *   BENCH_LIGHTHOUSE_RUNS=3         runs per page (median)
 *   BENCH_WARM=1                    rebuild each size with the warm asset cache (0: cold only)
 *   BENCH_VARIANTS="default"        ";"-separated Next `experimental` settings to build with,
 *                                   e.g. "default;cpus=2;cpus=2,staticGenerationMaxConcurrency=4";
 *                                   env.NAME=value sets an environment variable of the build
 *                                   (e.g. env.NODE_OPTIONS=--max-old-space-size=1024)
 *   BENCH_SKIP=""                   any of qr,search,hosting,demo,lighthouse,scale
 *   BENCH_PRECOMPRESS=1             0: synthetic builds stop after strip-runtime (no _headers, no
 *                                   .br/.gz copies, which take minutes at 3000x500)
 *   BENCH_JSON=path                 also write every figure as JSON
 *   BENCH_KEEP=1                    keep the temporary copies (paths are printed)
 *   BENCH_BUILD_TIMEOUT_MIN=30
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  postbuildSteps,
  runBuild,
  runStep,
  wrapNextConfig,
  type BuildResult,
  type Workspace,
} from '../bench/workspace';
import { runSearchBench } from '../bench/search';
import { precompress } from './precompress';
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
const hostingSteps = env.BENCH_PRECOMPRESS !== '0';
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

function formatTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)]
    .join('\n')
    .concat('\n');
}

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
  process.stdout.write(formatTable(header, body));
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

/** Whether out/ serves a page at this URL path. */
const served = (outDir: string, pagePath: string) => (fileFor(outDir, pagePath) ? pagePath : null);

/** One page of each type the site has (the issue's list: every page that is a document). */
function pagesOf(outDir: string): PagePick[] {
  return [
    { label: 'home', path: served(outDir, '/vi/') },
    { label: 'list', path: served(outDir, '/vi/thu-tuc/') },
    { label: 'procedure', path: firstPage(outDir, 'vi/thu-tuc', '1.001193') },
    { label: 'product', path: firstPage(outDir, 'vi/ocop') },
    { label: 'field sheet', path: firstPage(outDir, 'vi/in/linh-vuc') },
    { label: 'print centre', path: served(outDir, '/vi/in/') },
    { label: '404', path: served(outDir, '/404.html') },
    { label: 'short link', path: firstPage(outDir, 'T', '1.001193') },
  ];
}

/** Page types with the Lighthouse performance budget of 1.00 (the issue's budgets). */
const PERFORMANCE_BUDGET = new Set(['home', 'procedure', 'product']);

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
    '≤ 10 KiB',
  );
  row(
    s,
    item,
    'Next.js runtime JS gzipped',
    `${kibExact(w.runtimeJs.gz)}, ${w.runtimeJs.files} file(s)`,
    'none',
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

function lighthouseRows(item: string, type: string, lh: LighthouseResult, base: string) {
  const s = `lighthouse (median of ${lh.runs.length})`;
  const m = lh.median;
  const all = (k: keyof LighthouseResult['median']) => lh.runs.map((r) => r[k]).join(' / ');
  row(
    s,
    item,
    'performance',
    `${m.performance.toFixed(2)} (runs ${all('performance')})`,
    PERFORMANCE_BUDGET.has(type) ? '1.00' : undefined,
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
 * beside the export under /bench-noscript/ and precompressed like the export (the static server
 * sends the .br copy of each): what the page would cost as a plain document.
 */
async function noScriptCopy(outDir: string, pagePath: string) {
  const html = readFileSync(fileFor(outDir, pagePath)!, 'utf8');
  const bare = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const copyPath = `/bench-noscript${pagePath}`;
  const file = pagePath.endsWith('/')
    ? path.join(outDir, copyPath, 'index.html')
    : path.join(outDir, copyPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bare);
  if (existsSync(`${fileFor(outDir, pagePath)}.br`)) await precompress(path.dirname(file));
  return { path: copyPath, gz: gzipSize(html), bareGz: gzipSize(bare) };
}

/** One line of the side-by-side summary: a page as built and without its scripts. */
type PageSummary = {
  type: string;
  path: string;
  source: string;
  htmlGz: number;
  bareHtmlGz: number;
  ownJsGz?: number;
  built?: LighthouseResult['median'];
  bare?: LighthouseResult['median'];
};
const pageSummaries: PageSummary[] = [];

function sideBySideRows(
  item: string,
  type: string,
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
  row(
    s,
    item,
    'performance',
    `${m.performance.toFixed(2)} / ${n.performance.toFixed(2)}`,
    PERFORMANCE_BUDGET.has(type) ? '1.00' : undefined,
  );
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
    const bare: Awaited<ReturnType<typeof noScriptCopy>>[] = [];
    for (const p of scored) bare.push(await noScriptCopy(outDir, p.path));
    if (scored.length) {
      progress(`lighthouse ${scored.map(item).join(', ')} and without scripts × ${lighthouseRuns}`);
      try {
        // Each page right before its copy without scripts, in every round.
        const results = await runLighthouseInterleaved(
          scored.flatMap((p, i) => [base + p.path, base + bare[i].path]),
          lighthouseRuns,
          (done, total) => progress(`  lighthouse run ${done} of ${total}`),
        );
        for (const [i, p] of scored.entries()) {
          const builtResult = results[2 * i];
          const bareResult = results[2 * i + 1];
          scores[item(p)] = builtResult;
          lighthouseRows(item(p), p.label, builtResult, base);
          sideBySideRows(item(p), p.label, builtResult, bareResult, bare[i]);
          pageSummaries.push({
            type: p.label,
            path: p.path,
            source: label,
            htmlGz: bare[i].gz,
            bareHtmlGz: bare[i].bareGz,
            ownJsGz: weights[item(p)]?.ownJs.gz,
            built: builtResult.median,
            bare: bareResult.median,
          });
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
      `${kib(h.min)} / ${kib(h.median)} / ${kib(h.max)} (${h.maxPage}); ${h.over} of ${h.pages} over 14 KiB`,
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

/** One line of the build summary: a `next build` and the postbuild steps after it. */
type BuildSummary = {
  item: string;
  pages: number;
  buildS: number;
  buildPeak: number;
  before: OutStats;
  strip?: { wallS: number; peak: number; out: OutStats };
  hosting?: { wallS: number; peak: number; bytes: number };
  failed?: string;
};
const buildSummaries: BuildSummary[] = [];

const STRIP_STEP = 'scripts/strip-runtime.ts';

/**
 * The postbuild steps of package.json after a `next build` measured by buildRows, one by one:
 * the output before strip-runtime (Next's runtime kept: the site before issue 14), after it, and
 * after the rest (_headers, the .br/.gz copies: out/ as deployed), side by side.
 */
async function postbuild(
  ws: Workspace,
  item: string,
  b: BuildResult,
  before: OutStats,
  all = true,
) {
  const steps = postbuildSteps(ws);
  if (steps[0] !== STRIP_STEP)
    throw new Error(
      `package.json postbuild must start with ${STRIP_STEP}, has ${steps.join(', ')}`,
    );
  const summary: BuildSummary = {
    item,
    pages: before.pages,
    buildS: b.wallS,
    buildPeak: b.peakRssBytes,
    before,
  };
  buildSummaries.push(summary);
  const s = 'build before / after strip-runtime';
  progress(`  ${item}: strip-runtime`);
  const r = await runStep(ws, STRIP_STEP);
  if (!r.ok) {
    summary.failed = `strip-runtime: ${r.log.split('\n').slice(-3).join(' ')}`;
    row(s, item, 'result', `strip-runtime FAILED: ${summary.failed}`);
    return { strip: r, after: null };
  }
  const after = scanOut(path.join(ws.dir, 'out'), ['bench-bare']);
  summary.strip = { wallS: r.wallS, peak: r.peakRssBytes, out: after };
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
    `${mib(before.htmlBytes)}; ${num(before.rscFiles)} files ${mib(before.rscBytes)} / ` +
      `${mib(after.htmlBytes)}; ${num(after.rscFiles)} files ${mib(after.rscBytes)}`,
    'no router .txt',
  );
  if (!all) return { strip: r, after };
  let wallS = 0;
  let peak = 0;
  for (const step of steps.slice(1)) {
    progress(`  ${item}: ${step}`);
    const h = await runStep(ws, step);
    if (!h.ok) {
      summary.failed = `${step}: ${h.log.split('\n').slice(-3).join(' ')}`;
      row(s, item, 'result', `${step} FAILED: ${summary.failed}`);
      return { strip: r, after };
    }
    wallS += h.wallS;
    peak = Math.max(peak, h.peakRssBytes);
  }
  const deployed = scanOut(path.join(ws.dir, 'out'), ['bench-bare']);
  summary.hosting = { wallS, peak, bytes: deployed.bytes };
  row(
    s,
    item,
    `after ${steps.slice(1).join(', ')}`,
    `out/ ${mib(deployed.bytes)} with the .br/.gz copies, ${secs(wallS)}, peak RSS ${mib(peak)}`,
  );
  return { strip: r, after, deployed };
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
    json.demoStrip = await postbuild(ws, 'demo content (cold)', result, out!);
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
        entry.strip = await postbuild(ws, `${name}, cold asset cache`, cold, out, hostingSteps);
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
        if (warmOut)
          entry.warmStrip = await postbuild(
            ws,
            `${name}, warm asset cache`,
            again,
            warmOut,
            hostingSteps,
          );
      }
    }
    if (!keep) {
      removeWorkspace(ws);
      rmSync(contentDir, { recursive: true, force: true });
    }
  }
}

// ---- the side-by-side summaries -------------------------------------------------------------

/** Figures recorded in the text of issue 14 before the runtime was removed (not re-measured). */
const RECORDED = {
  procedure: { htmlGz: '20.6 KB', lcp: '2,361 ms', tbt: '279 ms', performance: '0.94' },
  bare: { htmlGz: '9.0 KB', lcp: '1,059 ms', tbt: '86 ms', performance: '1.00' },
  out3000: '3.5 GB (of which 1.9 GB router .txt)',
};

/** Budgets a page misses, from the figures above (the issue's budgets; "" when all are met). */
function pageMisses(p: PageSummary): string {
  const misses: string[] = [];
  const procedure = ['procedure', 'short link'].includes(p.type);
  if (procedure && p.htmlGz > 14 * 1024) misses.push('HTML > 14 KiB');
  if ((p.ownJsGz ?? 0) > 10 * 1024) misses.push('JS > 10 KiB');
  if (p.built && p.bare) {
    const b = p.built;
    if (b.lcpMs > 1.1 * p.bare.lcpMs) misses.push(`LCP ×${(b.lcpMs / p.bare.lcpMs).toFixed(2)}`);
    if (PERFORMANCE_BUDGET.has(p.type) && b.performance < 1) misses.push('performance < 1');
    if (b.accessibility < 1) misses.push('a11y < 1');
    if (b.bestPractices < 1) misses.push('best practices < 1');
    if (b.seo < 1) misses.push('SEO < 1');
    if (b.cls > 0) misses.push('CLS > 0');
  }
  return misses.join(', ') || 'all met';
}

function printSummaries() {
  const runs = lighthouseRuns;
  if (pageSummaries.length) {
    process.stdout.write(
      `\nEach page type as built / the same HTML with every <script> removed ` +
        `(Lighthouse mobile, median of ${runs}, runs interleaved; HTML gzip -9):\n`,
    );
    const ms = (n: number) => `${num(n)}`;
    const body = pageSummaries.map((p) => {
      const b = p.built!;
      const n = p.bare!;
      return [
        p.type,
        `${p.path} (${p.source})`,
        `${kib(p.htmlGz)} / ${kib(p.bareHtmlGz)}`,
        p.ownJsGz === undefined ? 'n/a' : kib(p.ownJsGz),
        `${ms(b.lcpMs)} / ${ms(n.lcpMs)} (×${(b.lcpMs / n.lcpMs).toFixed(2)})`,
        `${ms(b.fcpMs)} / ${ms(n.fcpMs)}`,
        `${ms(b.tbtMs)} / ${ms(n.tbtMs)}`,
        `${b.performance.toFixed(2)} / ${n.performance.toFixed(2)}`,
        b.accessibility.toFixed(2),
        b.bestPractices.toFixed(2),
        b.seo.toFixed(2),
        b.cls.toFixed(3),
        pageMisses(p),
      ];
    });
    body.push(
      [
        'procedure, recorded',
        '/vi/thu-tuc/1.001193/ before issue 14 (issue text, not measured here)',
        `${RECORDED.procedure.htmlGz} / ${RECORDED.bare.htmlGz}`,
        '',
        `${RECORDED.procedure.lcp} / ${RECORDED.bare.lcp}`,
        '',
        `${RECORDED.procedure.tbt} / ${RECORDED.bare.tbt}`,
        `${RECORDED.procedure.performance} / ${RECORDED.bare.performance}`,
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'budget',
        '',
        '≤ 14 KiB (procedure pages)',
        '≤ 10 KiB',
        '≤ 1.10×',
        '',
        '',
        '1.00 (home, procedure, product)',
        '1.00',
        '1.00',
        '1.00',
        '0',
        '',
      ],
    );
    process.stdout.write(
      formatTable(
        [
          'page',
          'path',
          'HTML gz',
          'our JS gz',
          'LCP ms',
          'FCP ms',
          'TBT ms',
          'performance',
          'a11y',
          'best pr.',
          'SEO',
          'CLS',
          'budgets',
        ],
        body,
      ),
    );
  }
  if (buildSummaries.length) {
    process.stdout.write(
      `\nBuilds: before = \`next build\` alone (Next's runtime and router files kept, as before ` +
        `issue 14); after = + ${STRIP_STEP}; deployed = + the rest of postbuild (_headers, .br/.gz ` +
        `copies). ${cores} cores, load ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' / ')} at the end.\n`,
    );
    const body = buildSummaries.map((b) => {
      const after = b.strip?.out;
      const shrink = after ? (100 * (b.before.bytes - after.bytes)) / b.before.bytes : NaN;
      return [
        b.item,
        num(b.pages),
        `${secs(b.buildS)} / ${b.strip ? secs(b.buildS + b.strip.wallS) : 'n/a'} / ${
          b.strip && b.hosting ? secs(b.buildS + b.strip.wallS + b.hosting.wallS) : 'n/a'
        }`,
        `${mib(b.buildPeak)} / ${b.strip ? mib(Math.max(b.buildPeak, b.strip.peak, b.hosting?.peak ?? 0)) : 'n/a'}`,
        `${mib(b.before.bytes)} / ${after ? `${mib(after.bytes)} (−${num(shrink)} %)` : 'n/a'} / ${
          b.hosting ? mib(b.hosting.bytes) : 'n/a'
        }`,
        `${num(b.before.rscFiles)} (${mib(b.before.rscBytes)}) / ${after ? `${num(after.rscFiles)} (${mib(after.rscBytes)})` : 'n/a'}`,
        `${mib(b.before.htmlBytes)} / ${after ? mib(after.htmlBytes) : 'n/a'}`,
        b.failed ?? '',
      ];
    });
    body.push(
      [
        '3000x500, recorded',
        '',
        '568 s cold (README, before issue 14)',
        '1.7–1.9 GB (README)',
        RECORDED.out3000,
        '',
        '',
        'issue text, not measured here',
      ],
      [
        'budget',
        '',
        'cold build no slower',
        '< 2 GiB',
        '3000x500: ≥ 40 % smaller than 3.5 GB',
        'none after',
        '',
        '',
      ],
    );
    process.stdout.write(
      formatTable(
        [
          'build',
          'pages',
          'wall: before / after / deployed',
          'peak RSS: before / after',
          'out/: before / after / deployed',
          'router .txt: before / after',
          'HTML: before / after',
          'note',
        ],
        body,
      ),
    );
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
  printSummaries();
  if (env.BENCH_JSON)
    writeFileSync(env.BENCH_JSON, JSON.stringify({ cores, rows, ...json }, null, 2));
  cleanup();
}

main().catch((e) => {
  console.error(e);
  cleanup();
  process.exit(1);
});
