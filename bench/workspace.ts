/**
 * Isolated copies of the project for benchmark builds, so that `npm run bench` never touches the
 * .next/ and out/ of the tree other people build in: the files git tracks or would track
 * (`git ls-files -co --exclude-standard`) are copied to a temporary directory and node_modules
 * is hard-linked into it.
 *
 * A symlinked node_modules does not work: Turbopack resolves `next` only inside its project root
 * ("Could not find the Next.js package (next/package.json)"), and a symlink leads outside it.
 * Hard links (`cp -al`, about a second for the 38,000 files) are inside, cost no disk space, and
 * a build does not write into node_modules. Across file systems it falls back to a full copy.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleTree } from './proc';

export type Workspace = { dir: string; files: number };

/** The route the benchmark adds to measure what a page without any of our code loads. */
export const BARE_ROUTE = '/bench-bare/';

export function createWorkspace(projectDir: string, label: string): Workspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), `portal-bench-${label}-`));
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: projectDir,
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr.toString()}`);
  let files = 0;
  for (const rel of listed.stdout.toString('utf8').split('\0')) {
    if (!rel) continue;
    const from = path.join(projectDir, rel);
    // Deleted but still tracked, or removed by someone else meanwhile: the build sees the tree
    // as it is now.
    if (!existsSync(from)) continue;
    const to = path.join(dir, rel);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
    files++;
  }
  const modules = path.join(projectDir, 'node_modules');
  const linked = spawnSync('cp', ['-al', modules, path.join(dir, 'node_modules')]);
  if (linked.status !== 0) {
    const copied = spawnSync('cp', ['-a', modules, path.join(dir, 'node_modules')]);
    if (copied.status !== 0) throw new Error(`could not copy node_modules: ${copied.stderr}`);
  }
  return { dir, files };
}

/**
 * Adds a page that renders nothing of ours (its own root layout, no client component): the
 * scripts it loads are the Next.js runtime every page pays for. It is excluded from page counts.
 */
export function addBarePage(ws: Workspace) {
  const group = path.join(ws.dir, 'app', '(bench-bare)');
  mkdirSync(path.join(group, 'bench-bare'), { recursive: true });
  writeFileSync(
    path.join(group, 'layout.tsx'),
    `export default function L({ children }: { children: React.ReactNode }) {\n` +
      `  return <html lang="vi"><body>{children}</body></html>;\n}\n`,
  );
  writeFileSync(
    path.join(group, 'bench-bare', 'page.tsx'),
    `export default function P() {\n  return <p>bare</p>;\n}\n`,
  );
}

/**
 * Wraps next.config.ts so that a build can try other `experimental` settings (e.g. `cpus`,
 * `staticGenerationMaxConcurrency`), given as JSON in BENCH_NEXT_EXPERIMENTAL at build time.
 */
export function wrapNextConfig(ws: Workspace) {
  const config = path.join(ws.dir, 'next.config.ts');
  const base = path.join(ws.dir, 'next.config.bench-base.ts');
  if (existsSync(base) || !existsSync(config)) return;
  renameSync(config, base);
  writeFileSync(
    config,
    `import type { NextConfig } from 'next';\n` +
      `import base from './next.config.bench-base';\n\n` +
      `type Phase = (phase: string, ctx: unknown) => NextConfig | Promise<NextConfig>;\n` +
      `const extra = JSON.parse(process.env.BENCH_NEXT_EXPERIMENTAL || '{}');\n` +
      `const merge = (c: NextConfig): NextConfig => ({ ...c, experimental: { ...c.experimental, ...extra } });\n` +
      `const b = base as NextConfig | Phase;\n` +
      `export default typeof b === 'function'\n` +
      `  ? async (phase: string, ctx: unknown) => merge(await b(phase, ctx))\n` +
      `  : merge(b);\n`,
  );
}

export function removeWorkspace(ws: Workspace) {
  rmSync(ws.dir, { recursive: true, force: true });
}

export type BuildPhases = {
  /** From start to "Compiled successfully". */
  compileS?: number;
  /** "Collecting page data" until static generation starts. */
  collectS?: number;
  /** "Generating static pages" from start to its ✓ line. */
  generateS?: number;
  /** Everything after static generation: finalizing, writing out/. */
  finishS?: number;
};

export type BuildResult = {
  ok: boolean;
  exitCode: number | null;
  wallS: number;
  /** Exact user + system CPU seconds of the build and every process it started. */
  cpuS?: number;
  peakRssBytes: number;
  peakProcesses: number;
  /** The largest processes of the tree by their own peak RSS. */
  largest: { command: string; peakRssBytes: number }[];
  phases: BuildPhases;
  /** What Next counted as static pages (route outputs: HTML pages, images, QR files…). */
  staticOutputs?: number;
  workers?: number;
  log: string;
  /** Load average (1 min) before and after: other work on the machine skews wall times. */
  loadBefore: number;
  loadAfter: number;
};

export type BuildOptions = {
  contentDir?: string;
  assetCacheDir: string;
  /** JSON for BENCH_NEXT_EXPERIMENTAL (needs wrapNextConfig). */
  experimental?: Record<string, unknown>;
  /** More environment for the build (e.g. NODE_OPTIONS). */
  env?: Record<string, string>;
  timeoutMs?: number;
  onLine?: (line: string, elapsedS: number) => void;
};

/** Removes the outputs of a previous build in the workspace (not the asset cache). */
export function cleanBuild(ws: Workspace) {
  for (const d of ['.next', 'out']) rmSync(path.join(ws.dir, d), { recursive: true, force: true });
}

/** `next build` in the workspace, timed, with peak memory of the whole process tree. */
export function runBuild(ws: Workspace, opts: BuildOptions): Promise<BuildResult> {
  const nextBin = path.join(ws.dir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const timesFile = path.join(ws.dir, '.bench-times');
  rmSync(timesFile, { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    ASSET_CACHE_DIR: opts.assetCacheDir,
    BENCH_NEXT_EXPERIMENTAL: JSON.stringify(opts.experimental ?? {}),
    BENCH_TIMES_FILE: timesFile,
    ...opts.env,
  };
  if (opts.contentDir) env.CONTENT_DIR = opts.contentDir;
  else delete env.CONTENT_DIR;
  // bash's `times` reports the CPU time of every descendant that was waited for: exact.
  const script = `"${process.execPath}" "$0" build; rc=$?; times > "$BENCH_TIMES_FILE"; exit $rc`;
  const loadBefore = os.loadavg()[0];
  const start = performance.now();
  const child = spawn('bash', ['-c', script, nextBin], {
    cwd: ws.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const sampler = sampleTree(child.pid!);
  const lines: { t: number; text: string }[] = [];
  const onData = (chunk: Buffer, buffer: { rest: string }) => {
    const text = buffer.rest + chunk.toString('utf8');
    const parts = text.split(/\r?\n/);
    buffer.rest = parts.pop() ?? '';
    for (const line of parts) {
      const t = (performance.now() - start) / 1000;
      lines.push({ t, text: line });
      opts.onLine?.(line, t);
    }
  };
  const out = { rest: '' };
  const err = { rest: '' };
  child.stdout.on('data', (c: Buffer) => onData(c, out));
  child.stderr.on('data', (c: Buffer) => onData(c, err));
  const timeout = setTimeout(
    () => {
      lines.push({
        t: (performance.now() - start) / 1000,
        text: '[bench] build timed out, killed',
      });
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    },
    opts.timeoutMs ?? 30 * 60_000,
  );

  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timeout);
      const usage = sampler.stop();
      const wallS = (performance.now() - start) / 1000;
      for (const rest of [out.rest, err.rest]) if (rest) lines.push({ t: wallS, text: rest });
      resolve({
        ok: code === 0,
        exitCode: code,
        wallS,
        cpuS: readTimes(timesFile),
        peakRssBytes: usage.peakRssBytes,
        peakProcesses: usage.peakProcesses,
        largest: usage.largest.map(({ command, peakRssBytes }) => ({ command, peakRssBytes })),
        ...parsePhases(lines, wallS),
        log: lines.map((l) => `${l.t.toFixed(1).padStart(7)}s ${l.text}`).join('\n'),
        loadBefore,
        loadAfter: os.loadavg()[0],
      });
    });
  });
}

/** Children's user + system time from the output of bash `times` (second line). */
function readTimes(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const rows = readFileSync(file, 'utf8').trim().split('\n');
  const seconds = (s: string) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(s);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const [user, sys] = (rows[1] ?? '').trim().split(/\s+/).map(seconds);
  return Number.isFinite(user + sys) ? user + sys : undefined;
}

/** Phase durations from the timestamps of Next's progress lines. */
export function parsePhases(lines: { t: number; text: string }[], endS: number) {
  const first = (re: RegExp) => lines.find((l) => re.test(l.text));
  const compiled = first(/Compiled successfully|Compiled with warnings/);
  const collect = first(/Collecting page data/);
  const genStart = first(/Generating static pages/);
  const genEnd = [...lines].reverse().find((l) => /✓ Generating static pages/.test(l.text));
  const phases: BuildPhases = {};
  if (compiled) phases.compileS = compiled.t;
  if (collect && genStart) phases.collectS = genStart.t - collect.t;
  if (genStart && genEnd) phases.generateS = genEnd.t - genStart.t;
  if (genEnd) phases.finishS = endS - genEnd.t;
  const counted = genEnd && /\((\d+)\/(\d+)\)/.exec(genEnd.text);
  const workers = genStart && /using (\d+) worker/.exec(genStart.text);
  return {
    phases,
    staticOutputs: counted ? Number(counted[2]) : undefined,
    workers: workers ? Number(workers[1]) : undefined,
  };
}

export type StepResult = { ok: boolean; wallS: number; peakRssBytes: number; log: string };

/**
 * One postbuild step of the static export (`scripts/<name>.ts --dir out`) in the workspace,
 * timed, with the peak memory of its process tree.
 */
export function runStep(ws: Workspace, script: string): Promise<StepResult> {
  const tsx = path.join(ws.dir, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const start = performance.now();
  const child = spawn(process.execPath, [tsx, script, '--dir', 'out'], {
    cwd: ws.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleTree(child.pid!);
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (log += c.toString('utf8')));
  return new Promise((resolve) => {
    child.on('close', (code) =>
      resolve({
        ok: code === 0,
        wallS: (performance.now() - start) / 1000,
        peakRssBytes: sampler.stop().peakRssBytes,
        log: log.trim(),
      }),
    );
  });
}

/**
 * The postbuild steps of the workspace's package.json, in its order (each `tsx scripts/….ts`):
 * the bench runs them one by one to measure the output before and after each.
 */
export function postbuildSteps(ws: Workspace): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ws.dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return (pkg.scripts?.postbuild ?? '').split('&&').map((part) => {
    const m = /^tsx (scripts\/[\w-]+\.ts)$/.exec(part.trim());
    if (!m) throw new Error(`package.json postbuild: "${part.trim()}" is not "tsx scripts/….ts"`);
    return m[1];
  });
}
