/**
 * A disk cache for expensive build artefacts (resized photos, QR PNGs, share images), so a
 * rebuild only makes what changed. ASSET_CACHE_DIR moves it; deleting it is always safe.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assetCacheDir } from './env';

const cacheDir = assetCacheDir;

/** Reads a cached build artefact or makes it once; keyed by a hash of everything it depends on. */
export async function cached(
  key: string,
  ext: string,
  make: () => Promise<Buffer>,
): Promise<Buffer> {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  const file = path.join(cacheDir(), hash.slice(0, 2), `${hash}.${ext}`);
  if (existsSync(file)) return readFileSync(file);
  const data = await make();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
  return data;
}
