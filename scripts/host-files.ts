/**
 * Writes the files a static host reads beside the pages: `out/_headers` (lib/hosting/
 * headers-file.ts). Run after the build, before scripts/precompress.ts.
 *
 *   npx tsx scripts/host-files.ts [--dir out]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportPaths } from '../lib/hosting/export-files';
import { headersFile } from '../lib/hosting/headers-file';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'out' } } });
const paths = exportPaths(values.dir).filter((p) => !/\.(?:br|gz)$/.test(p) && p !== '/_headers');
writeFileSync(path.join(values.dir, '_headers'), headersFile(paths));
console.log(`Wrote ${values.dir}/_headers for ${paths.length} files`);
