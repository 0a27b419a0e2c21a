/**
 * Load benchmark of the static hosts on loopback: `npm start` (scripts/serve.ts) and Debian's
 * nginx with the site's configuration (scripts/serve-nginx.ts), each serving the same export to
 * autocannon for a bounded time. Figures, not a test: requests per second, latency p50 / p99,
 * errors, and the resident memory of the host's process tree (peak during the run).
 *
 * The run is bounded by its duration and connection count (scripts/bench.ts passes
 * BENCH_HOSTING_SECONDS, default 10, and BENCH_HOSTING_CONNECTIONS, default 50).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { processTree } from './proc';
import { startNginx } from '../scripts/serve-nginx';

type Row = (section: string, item: string, figure: string, value: string) => void;

export type HostingResult = {
  host: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  peakRssBytes: number;
};

const project = path.resolve(__dirname, '..');

/** The requests of one run: pages a citizen opens, as a browser asks for them (Brotli). */
function requests() {
  const paths = ['/vi/', '/T/1.001193/', '/vi/thu-tuc/1.001193/', '/vi/ocop/', '/sitemap.xml'];
  return paths.map((p) => ({
    method: 'GET' as const,
    path: p,
    headers: { 'accept-encoding': 'br, gzip' },
  }));
}

/** A loopback port free now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string) {
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

type Bounds = { seconds: number; connections: number };

async function load(
  host: string,
  base: string,
  pid: number,
  outDir: string,
  { seconds, connections }: Bounds,
): Promise<HostingResult> {
  let peak = 0;
  const sample = () => {
    const rss = processTree(pid).reduce((sum, s) => sum + s.rssBytes, 0);
    peak = Math.max(peak, rss);
  };
  const timer = setInterval(sample, 200);
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: requests(),
  });
  clearInterval(timer);
  sample();
  return {
    host,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    peakRssBytes: peak,
  };
}

/** Runs both hosts one after the other on the export in outDir and adds their rows. */
export async function hostingSection(
  outDir: string,
  bounds: Bounds,
  row: Row,
  progress: (s: string) => void,
) {
  const results: HostingResult[] = [];
  if (!existsSync(path.join(outDir, 'index.html'))) {
    row(
      'hosting',
      'npm start, nginx',
      'skipped',
      `no export in ${outDir}: run npm run build first`,
    );
    return results;
  }
  const port = await freePort();

  progress('static hosting: npm start (scripts/serve.ts) under load');
  const child = spawn(
    process.execPath,
    [
      path.join(project, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/serve.ts',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--dir',
      outDir,
    ],
    { cwd: project, stdio: 'ignore' },
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/vi/`);
    results.push(await load('npm start', `http://127.0.0.1:${port}`, child.pid!, outDir, bounds));
  } finally {
    child.kill();
  }

  progress("static hosting: Debian's nginx with the site's configuration under load");
  const nginxPort = await freePort();
  const nginx = await startNginx(outDir, nginxPort);
  try {
    results.push(await load('nginx', `http://127.0.0.1:${nginxPort}`, nginx.pid!, outDir, bounds));
  } finally {
    nginx.stop();
  }

  for (const r of results) {
    const item = `${r.host} (loopback, Brotli)`;
    row('hosting', item, 'requests per second', r.requestsPerSecond.toFixed(0));
    row('hosting', item, 'latency p50 / p99', `${r.p50Ms} / ${r.p99Ms} ms`);
    row('hosting', item, 'errors / non-2xx', `${r.errors} / ${r.non2xx}`);
    row('hosting', item, 'peak RSS of the host', `${(r.peakRssBytes / 2 ** 20).toFixed(1)} MiB`);
  }
  return results;
}
