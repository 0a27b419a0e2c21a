/**
 * Lighthouse with its mobile defaults (emulated Moto G Power, simulated slow 4G and 4× CPU
 * slowdown) on the system Chromium (CHROMIUM_PATH), a fresh browser for every run, median of the
 * runs per figure.
 */
import type { Result as LhResult } from 'lighthouse';
import { chromiumPath } from '../lib/env';

export type LighthouseFigures = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /** Lighthouse's measure of this machine's speed (higher is faster): context for the scores. */
  benchmarkIndex: number;
};

export type LighthouseResult = {
  runs: LighthouseFigures[];
  median: LighthouseFigures;
  /** Audits that did not score 1 in the median-performance run (id: title), for the report. */
  failing: string[];
  /** LCP element and phases, render-blocking requests, of the same run. */
  diagnostics: string[];
};

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

function figures(lhr: LhResult): LighthouseFigures {
  const score = (id: string) => lhr.categories[id]?.score ?? NaN;
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    fcpMs: value('first-contentful-paint'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

type Details = { type?: string; items?: Record<string, unknown>[] };

/** A short text for one item of an audit's details: its URL, description or node. */
function describeItem(item: Record<string, unknown>): string {
  const node = item.node as { snippet?: string; selector?: string } | undefined;
  const text = [item.description, item.url, item.source, node?.selector ?? node?.snippet]
    .filter((v) => typeof v === 'string' && v)
    .map(String);
  return (text[0] ?? JSON.stringify(item)).slice(0, 160);
}

function failingAudits(lhr: LhResult): string[] {
  const ids = new Set(
    ['performance', 'accessibility', 'best-practices', 'seo'].flatMap(
      (c) => lhr.categories[c]?.auditRefs.filter((r) => r.weight > 0).map((r) => r.id) ?? [],
    ),
  );
  return [...ids]
    .map((id) => lhr.audits[id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => {
      const items = ((a.details as Details | undefined)?.items ?? []).slice(0, 3);
      const what = items.length ? ` [${items.map(describeItem).join('; ')}]` : '';
      return `${a.id} (${a.score}): ${a.displayValue ?? a.title}${what}`;
    });
}

/** The LCP element and the render-blocking requests Lighthouse found, for the report. */
function diagnostics(lhr: LhResult): string[] {
  const out: string[] = [];
  const lcp = lhr.audits['largest-contentful-paint-element']?.details as Details | undefined;
  const lcpItems = (lcp?.items ?? []).flatMap(
    (i) => ((i as Details).items ?? [i]) as Record<string, unknown>[],
  );
  const element = lcpItems.find((i) => i.node);
  if (element) out.push(`LCP element: ${describeItem(element)}`);
  const phases = lcpItems.filter(
    (i) => typeof i.phase === 'string' && typeof i.timing === 'number',
  );
  if (phases.length)
    out.push(
      `LCP phases: ${phases.map((p) => `${p.phase} ${Math.round(p.timing as number)} ms`).join(', ')}`,
    );
  for (const id of ['render-blocking-resources', 'render-blocking-insight']) {
    const items = (lhr.audits[id]?.details as Details | undefined)?.items ?? [];
    if (items.length) {
      out.push(`render-blocking (${id}): ${items.map(describeItem).join(', ')}`);
      break;
    }
  }
  return out;
}

export async function runLighthouse(url: string, runs: number): Promise<LighthouseResult> {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chromePath = chromiumPath();
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
      if (result.lhr.runtimeError) {
        throw new Error(
          `Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`,
        );
      }
      results.push({
        figures: figures(result.lhr),
        failing: failingAudits(result.lhr),
        diagnostics: diagnostics(result.lhr),
      });
    } finally {
      chrome.kill();
    }
  }
  return summarise(results);
}

type RunResult = { figures: LighthouseFigures; failing: string[]; diagnostics: string[] };

/**
 * Lighthouse on several pages in turn, run after run (A B A B…), so that a machine getting busier
 * or quieter during the measurement weighs on every page alike: side-by-side comparisons.
 */
export async function runLighthouseInterleaved(
  urls: string[],
  runs: number,
  onRun?: (done: number, total: number) => void,
): Promise<LighthouseResult[]> {
  const all: RunResult[][] = urls.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [n, url] of urls.entries()) {
      const one = await runWithRetries(url);
      all[n].push({ figures: one.runs[0], failing: one.failing, diagnostics: one.diagnostics });
      onRun?.(i * urls.length + n + 1, runs * urls.length);
    }
  return all.map(summarise);
}

/**
 * One run, tried again up to twice when Lighthouse fails to record it: on a loaded machine (load
 * average 8 to 14 on 2 cores) one run in 48 ended with NO_NAVSTART, which lost every figure.
 */
async function runWithRetries(url: string, attempts = 3): Promise<LighthouseResult> {
  for (let i = 1; ; i++) {
    try {
      return await runLighthouse(url, 1);
    } catch (e) {
      if (i >= attempts) throw e;
      process.stderr.write(`lighthouse ${url}: ${e instanceof Error ? e.message : e}; again\n`);
    }
  }
}

function summarise(results: RunResult[]): LighthouseResult {
  const runsFigures = results.map((r) => r.figures);
  const med = Object.fromEntries(
    (Object.keys(runsFigures[0]) as (keyof LighthouseFigures)[]).map((k) => [
      k,
      median(runsFigures.map((f) => f[k])),
    ]),
  ) as LighthouseFigures;
  // The failing audits of the run whose performance is the median one.
  const middle = [...results].sort((a, b) => a.figures.performance - b.figures.performance)[
    Math.floor(results.length / 2)
  ];
  return {
    runs: runsFigures,
    median: med,
    failing: middle.failing,
    diagnostics: middle.diagnostics,
  };
}
