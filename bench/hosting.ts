/**
 * Load benchmark of the hosts on loopback: `npm start` (scripts/serve.ts) and Debian's nginx with
 * the site's configuration (scripts/serve-nginx.ts), each serving the same export, and the server
 * mode (`npm run start:server`, scripts/portal-server.ts) on its build, each given to autocannon
 * for a bounded time. Figures, not a test: requests per second, latency p50 / p99,
 * errors, and the resident memory of the host's process tree (peak during the run).
 *
 * The run is bounded by its duration and connection count (scripts/bench.ts passes
 * BENCH_HOSTING_SECONDS, default 10, and BENCH_HOSTING_CONNECTIONS, default 50).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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
    results.push(await load('npm start', `http://127.0.0.1:${port}`, child.pid!, bounds));
  } finally {
    child.kill();
  }

  progress("static hosting: Debian's nginx with the site's configuration under load");
  const nginxPort = await freePort();
  const nginx = await startNginx(outDir, nginxPort);
  try {
    results.push(await load('nginx', `http://127.0.0.1:${nginxPort}`, nginx.pid!, bounds));
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

export type ServerModeResult = HostingResult & {
  flood: {
    requests: number;
    notFound: number;
    routeCacheFiles: [number, number];
    rssBytes: [number, number];
  };
};

const FLOOD = 2000;

/** Files under a directory (0 when it does not exist). */
function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .length;
}

/**
 * The server mode on the build in distDir under the same load as the static hosts (it compresses
 * with gzip, not Brotli), then a flood of requests for unknown codes, each path once, counting
 * the files of Next's route cache and the server's memory before and after.
 */
export async function serverModeSection(
  distDir: string,
  bounds: Bounds,
  row: Row,
  progress: (s: string) => void,
): Promise<ServerModeResult | null> {
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    row('hosting', 'server mode', 'skipped', `no build in ${distDir}: run npm run build:server`);
    return null;
  }
  progress('server mode: npm run start:server (scripts/portal-server.ts) under load');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(project, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/portal-server.ts',
      '--port',
      String(port),
    ],
    { cwd: project, stdio: 'ignore', env: { ...process.env, PORTAL_MODE: 'server' } },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/vi/`);
    const result = await load('server mode', base, child.pid!, bounds);

    progress(`server mode: ${FLOOD} requests for unknown codes`);
    const routeCache = path.join(distDir, 'server/route-cache');
    const rss = () => processTree(child.pid!).reduce((sum, s) => sum + s.rssBytes, 0);
    const before: [number, number] = [countFiles(routeCache), rss()];
    let n = 0;
    const flood = await autocannon({
      url: base,
      connections: 20,
      amount: FLOOD,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => {
            const code = `8.${100000 + n++}`;
            const shapes = [`/T/${code}/`, `/vi/thu-tuc/${code}/`, `/qr/T/${code}.png`, `/x${n}/`];
            return { ...req, path: shapes[n % shapes.length] };
          },
        },
      ],
    });
    const after: [number, number] = [countFiles(routeCache), rss()];
    const out: ServerModeResult = {
      ...result,
      flood: {
        requests: flood.requests.total,
        notFound: flood['4xx'],
        routeCacheFiles: [before[0], after[0]],
        rssBytes: [before[1], after[1]],
      },
    };
    const item = 'server mode (loopback, gzip)';
    row('hosting', item, 'requests per second', out.requestsPerSecond.toFixed(0));
    row('hosting', item, 'latency p50 / p99', `${out.p50Ms} / ${out.p99Ms} ms`);
    row('hosting', item, 'errors / non-2xx', `${out.errors} / ${out.non2xx}`);
    row('hosting', item, 'peak RSS of the host', `${(out.peakRssBytes / 2 ** 20).toFixed(1)} MiB`);
    const floodItem = `server mode, ${FLOOD} unknown codes`;
    const mib = (b: number) => (b / 2 ** 20).toFixed(1);
    row('hosting', floodItem, '4xx answers', `${out.flood.notFound} of ${out.flood.requests}`);
    row('hosting', floodItem, 'route-cache files', `${before[0]} → ${after[0]}`);
    row('hosting', floodItem, 'RSS of the host', `${mib(before[1])} → ${mib(after[1])} MiB`);
    return out;
  } finally {
    child.kill();
  }
}
