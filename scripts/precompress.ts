/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the static
 * export, at the highest levels, once at build time: nginx (`brotli_static`, `gzip_static`),
 * `npm start` and CDNs that honour them serve the copies without compressing on the fly.
 * A copy that would not be smaller is not written.
 *
 *   npx tsx scripts/precompress.ts [--dir out]
 */
import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { eachConcurrently } from '../lib/each-concurrently';
import { COMPRESSIBLE_EXTENSIONS } from '../lib/hosting/headers';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this a response fits one packet anyway; nginx's gzip_min_length default is 20. */
const MIN_BYTES = 256;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

async function compressFile(file: string): Promise<{ raw: number; br: number; gz: number }> {
  const raw = await readFile(file);
  const [b, g] = await Promise.all([
    br(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gz(raw, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const sizes = { raw: raw.length, br: raw.length, gz: raw.length };
  for (const [ext, body] of [
    ['.br', b],
    ['.gz', g],
  ] as const) {
    if (body.length < raw.length) {
      await writeFile(file + ext, body);
      sizes[ext === '.br' ? 'br' : 'gz'] = body.length;
    } else await unlink(file + ext).catch(() => undefined);
  }
  return sizes;
}

export async function precompress(dir: string) {
  const queue: string[] = [];
  for await (const file of files(dir)) {
    if (!COMPRESSIBLE_EXTENSIONS.has(path.extname(file))) continue;
    if ((await stat(file)).size < MIN_BYTES) continue;
    queue.push(file);
  }
  const totals = { files: queue.length, raw: 0, br: 0, gz: 0 };
  // Brotli 11 is CPU-bound: one file at a time per core.
  await eachConcurrently(queue, os.availableParallelism(), async (file) => {
    const s = await compressFile(file);
    totals.raw += s.raw;
    totals.br += s.br;
    totals.gz += s.gz;
  });
  return totals;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'out' } } });
  const started = performance.now();
  precompress(values.dir).then((t) => {
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
    console.log(
      `Precompressed ${t.files} files in ${values.dir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `${mib(t.raw)} → Brotli ${mib(t.br)}, gzip ${mib(t.gz)}`,
    );
  });
}
