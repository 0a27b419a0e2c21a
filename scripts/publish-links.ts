/**
 * Keeps content/published-links.txt, the record of every short link that has gone out in a QR
 * code. Printed codes cannot be recalled, so the record only grows and the check fails the build
 * when content no longer answers a recorded link.
 *
 *   npx tsx scripts/publish-links.ts           add the content's new short links to the record
 *   npx tsx scripts/publish-links.ts --check   exit 1 naming every recorded link that no longer
 *                                              resolves; name (without failing) unrecorded ones
 *
 * Reads the content directory of loadContent() (CONTENT_DIR, else ./content).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, loadContent, type Content } from '../lib/content/load';
import {
  PUBLISHED_LINKS_FILE,
  addToRecord,
  checkPublishedLinks,
  missingFromRecord,
  parsePublishedLinks,
  type BrokenLink,
} from '../lib/links';

function main(args: string[]): number {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length) {
    console.error(`Unknown argument ${unknown.join(' ')}. Usage: publish-links.ts [--check]`);
    return 2;
  }
  const check = args.includes('--check');

  let content: Content;
  try {
    content = loadContent();
  } catch (e) {
    if (e instanceof ContentError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  const file = path.join(content.dir, PUBLISHED_LINKS_FILE);
  const shown = path.relative(process.cwd(), file) || file;
  const record = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const broken = checkPublishedLinks(content, record);
  const missing = missingFromRecord(content, record);

  const reportBroken = (list: BrokenLink[]) => {
    const n = list.length;
    console.error(
      `${n} published link${n === 1 ? ' no longer resolves' : 's no longer resolve'} (${shown}). ` +
        'Printed QR codes point at them: restore the item, or keep it marked repealed/withdrawn.',
    );
    for (const b of list) console.error(`  ${shown}:${b.line}: ${b.path}  ${b.reason}`);
  };

  if (check) {
    if (missing.length) {
      console.log(`Not yet in ${shown} (run scripts/publish-links.ts to record them):`);
      for (const p of missing) console.log(`  ${p}`);
    }
    if (broken.length) {
      reportBroken(broken);
      return 1;
    }
    const recorded = parsePublishedLinks(record).length;
    console.log(`All ${recorded} recorded link${recorded === 1 ? '' : 's'} in ${shown} resolve.`);
    return 0;
  }

  if (missing.length) {
    writeFileSync(file, addToRecord(record, missing));
    console.log(`Added ${missing.length} link${missing.length === 1 ? '' : 's'} to ${shown}:`);
    for (const p of missing) console.log(`  ${p}`);
  } else {
    console.log(`Nothing to add: ${shown} already records every short link.`);
  }
  // Adding never removes a line; a broken one is reported for --check to fail on.
  if (broken.length) reportBroken(broken);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
