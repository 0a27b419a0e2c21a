/**
 * Publishes the static export after content changed (for example from a git post-commit hook of
 * the content repository, after each editor save): builds out/, then swaps it into the web
 * server's folder in one rename, so visitors never see a half-copied site. A failed build
 * (invalid content, a broken published link) publishes nothing and the old site stays.
 *
 *   npm run publish:static -- --to /var/www/cong-thong-tin
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { to: { type: 'string' } } });
if (!values.to) {
  console.error('Usage: publish-static.ts --to DIRECTORY (the web server root that receives out/)');
  process.exit(2);
}
const target = path.resolve(values.to);
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const incoming = `${target}.incoming`;
const previous = `${target}.previous`;
rmSync(incoming, { recursive: true, force: true });
cpSync('out', incoming, { recursive: true });
rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(incoming, target);
console.log(`Published out/ to ${target} (the previous site is in ${previous}).`);
