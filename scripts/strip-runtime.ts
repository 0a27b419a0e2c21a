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
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
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
  const problems: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir);
    for (const name of names) {
      const file = path.join(dir, name);
      const stat = statSync(file);
      if (stat.isDirectory()) walk(file);
      else if (name.endsWith('.html')) {
        const html = readFileSync(file, 'utf8');
        try {
          const stripped = stripRuntime(html, manifest);
          writeFileSync(file, stripped);
          report.pages++;
          report.htmlBytesBefore += Buffer.byteLength(html);
          report.htmlBytesAfter += Buffer.byteLength(stripped);
        } catch (e) {
          if (!(e instanceof StripError)) throw e;
          problems.push(`${path.relative(outDir, file)}: ${e.message}`);
        }
      } else if (isRouterPayload(name, names)) {
        rmSync(file);
        report.removedFiles++;
        report.removedBytes += stat.size;
      }
    }
  };
  walk(outDir);
  if (problems.length)
    throw new Error(
      `strip-runtime: ${problems.length} page(s) could not be delivered without Next's runtime ` +
        `(has Next.js changed what it writes?):\n  ${problems.join('\n  ')}`,
    );
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
