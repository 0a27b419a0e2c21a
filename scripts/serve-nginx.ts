/**
 * Runs Debian's nginx in the foreground with the site's configuration (lib/hosting/nginx.ts)
 * serving an export, without touching system paths: the configuration, logs and temporary files
 * live in a temporary folder, removed on exit. For the end-to-end tests and the benchmarks.
 *
 *   npx tsx scripts/serve-nginx.ts [--port 3002] [--dir out]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shortLinkFolders } from '../lib/hosting/export-files';
import { nginxSite, nginxStandalone } from '../lib/hosting/nginx';

/** Starts nginx on 127.0.0.1:port; resolves once it is listening. */
export async function startNginx(outDir: string, port: number) {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'));
  const root = path.resolve(outDir);
  const site = nginxSite({ root, listen: `127.0.0.1:${port}`, shortLinks: shortLinkFolders(root) });
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, nginxStandalone(site, prefix));
  const child = spawn('nginx', ['-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => {
    child.kill('SIGQUIT');
    rmSync(prefix, { recursive: true, force: true });
  };
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`nginx exited (${code}); config in ${conf}`))),
  );
  // Ready when a request answers.
  for (let i = 0; ; i++) {
    const ok = await Promise.race([
      fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      ),
      exited,
    ]);
    if (ok) break;
    if (i > 100) throw new Error('nginx did not answer within 10 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, stop, pid: child.pid };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '3002' }, dir: { type: 'string', default: 'out' } },
  });
  startNginx(values.dir, Number(values.port)).then(
    ({ child, stop }) => {
      console.log(`nginx serving ${values.dir}/ at http://127.0.0.1:${values.port}/`);
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.on(signal, () => (stop(), process.exit(0)));
      child.on('exit', (code) => process.exit(code ?? 1));
    },
    (error) => {
      console.error(String(error));
      process.exit(1);
    },
  );
}
