/**
 * Bundles our browser modules (lib/enhance/*: the search box, share and copy, the print button)
 * with esbuild: ES modules, minified, content-hashed names under /js/, the search engine split into
 * a chunk that the search module imports on the first focus or keystroke. Used by
 * scripts/strip-runtime.ts (written into out/js/) and scripts/portal-server.ts (served from
 * memory), which both give the manifest to lib/html/strip-runtime.ts.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { MODULES_URL, type ModuleManifest } from '../lib/html/strip-runtime';

/** The modules, by the `data-enhance` value of the markup each enhances. */
const ENTRIES = ['search', 'share', 'print'] as const;

export type BuiltModules = {
  manifest: ModuleManifest;
  /** Every file to publish, by URL path (/js/…), entries and chunks. */
  files: Map<string, Uint8Array>;
};

export async function buildModules(): Promise<BuiltModules> {
  const root = path.resolve(__dirname, '..');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES.map((name) => ({ in: `lib/enhance/${name}.ts`, out: name })),
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    // Every browser with <script type="module"> and dynamic import().
    target: ['es2020'],
    outdir: 'js',
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map<string, Uint8Array>();
  for (const f of result.outputFiles) {
    files.set(MODULES_URL + path.relative(path.join(root, 'js'), f.path), f.contents);
  }
  const manifest: ModuleManifest = {};
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    const name = ENTRIES.find((e) => meta.entryPoint === `lib/enhance/${e}.ts`);
    if (name) manifest[name] = MODULES_URL + path.relative('js', out);
  }
  for (const name of ENTRIES)
    if (!manifest[name]) throw new Error(`build-modules: no bundle for lib/enhance/${name}.ts`);
  return { manifest, files };
}
