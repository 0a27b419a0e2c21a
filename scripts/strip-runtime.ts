/**
 * `postbuild` of the static export (runs after `next build`, before precompression): delivers
 * every page without the React/Next client runtime (see lib/html/strip-runtime.ts for why and
 * what exactly is removed).
 *
 * - writes our module bundles (scripts/build-modules.ts) into out/js/;
 * - rewrites every HTML file in out/ with stripRuntime();
 * - deletes the router's RSC payload files (index.txt, __next.*.txt), which only Next's
 *   client-side navigation would fetch: 1.9 GB of out/ at 3,000 procedures and 500 products.
 *
 * Any page it cannot strip safely is listed and the step fails, so a Next.js upgrade that changes
 * what it writes stops the build instead of shipping the runtime again.
 *
 *   npx tsx scripts/strip-runtime.ts [--dir out]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eachConcurrently } from '../lib/each-concurrently';
import { isRouterPayload, stripRuntime, StripError } from '../lib/html/strip-runtime';
import { buildModules } from './build-modules';

export type StripReport = {
  pages: number;
  removedFiles: number;
  removedBytes: number;
  htmlBytesBefore: number;
  htmlBytesAfter: number;
  modules: Record<string, string>;
};

/**
 * Files in flight at once. The step is mostly file system calls (at 3,000 procedures and 500
 * products: 20,533 pages rewritten, 197,798 files deleted); with several in flight libuv's threads
 * make them on the second core while this one rewrites HTML: on an 8,880-page export, 35 s one
 * file at a time, 26 s with 32 in flight.
 */
const IN_FLIGHT = 32;

/** The HTML pages and the router payload files under dir, found in one walk. */
function exportFiles(outDir: string): { pages: string[]; payloads: string[] } {
  const pages: string[] = [];
  const payloads: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    const names = entries.map((e) => e.name);
    for (const e of entries) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (e.name.endsWith('.html')) pages.push(file);
      else if (isRouterPayload(e.name, names)) payloads.push(file);
    }
  };
  walk(outDir);
  return { pages, payloads };
}

export async function stripExport(outDir: string): Promise<StripReport> {
  const { manifest, files } = await buildModules();
  const jsDir = path.join(outDir, 'js');
  rmSync(jsDir, { recursive: true, force: true });
  mkdirSync(jsDir, { recursive: true });
  for (const [url, contents] of files) writeFileSync(path.join(outDir, url), contents);

  const report: StripReport = {
    pages: 0,
    removedFiles: 0,
    removedBytes: 0,
    htmlBytesBefore: 0,
    htmlBytesAfter: 0,
    modules: manifest,
  };
  const { pages, payloads } = exportFiles(outDir);
  const problems: string[] = [];
  await eachConcurrently(pages, IN_FLIGHT, async (file) => {
    const html = await readFile(file, 'utf8');
    let stripped: string;
    try {
      stripped = stripRuntime(html, manifest);
    } catch (e) {
      if (!(e instanceof StripError)) throw e;
      problems.push(`${path.relative(outDir, file)}: ${e.message}`);
      return;
    }
    await writeFile(file, stripped);
    report.pages++;
    report.htmlBytesBefore += Buffer.byteLength(html);
    report.htmlBytesAfter += Buffer.byteLength(stripped);
  });
  if (problems.length)
    throw new Error(
      `strip-runtime: ${problems.length} page(s) could not be delivered without Next's runtime ` +
        `(has Next.js changed what it writes?):\n  ${problems.sort().join('\n  ')}`,
    );
  await eachConcurrently(payloads, IN_FLIGHT, async (file) => {
    const { size } = await stat(file);
    await unlink(file);
    report.removedBytes += size;
    report.removedFiles++;
  });
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'out' } } });
  const started = performance.now();
  stripExport(values.dir).then(
    (r) => {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `strip-runtime: ${r.pages} pages without Next's runtime (HTML ${mb(r.htmlBytesBefore)} → ` +
          `${mb(r.htmlBytesAfter)}), ${r.removedFiles} router files deleted (${mb(r.removedBytes)}), ` +
          `modules ${Object.values(r.modules).join(' ')}, ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
