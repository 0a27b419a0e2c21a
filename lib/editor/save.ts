/**
 * A save from the editor, checked before anything is written: the change is applied to a
 * temporary copy of the content directory, which must then load (the same schema and checks as
 * `npm run check:content`) and still answer every published short link.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ContentError, loadContentFrom } from '../content/load';
import { fieldsFileSchema, procedureSchema, productSchema, siteSchema } from '../content/schema';
import { PUBLISHED_LINKS_FILE, checkPublishedLinks } from '../links';
import { mergeYaml } from './yaml-merge';

export type Update = {
  additions: { path: string; contents: Uint8Array }[];
  deletions: { path: string }[];
};

/** Keystatic's save request body ({additions: [{path, contents: base64url}], deletions}), or null. */
export function parseUpdate(body: unknown): Update | null {
  const b = body as { additions?: unknown; deletions?: unknown } | null;
  if (!b || !Array.isArray(b.additions) || !Array.isArray(b.deletions)) return null;
  const additions: Update['additions'] = [];
  for (const a of b.additions) {
    if (typeof a?.path !== 'string' || typeof a?.contents !== 'string') return null;
    additions.push({ path: a.path, contents: Buffer.from(a.contents, 'base64url') });
  }
  const deletions: Update['deletions'] = [];
  for (const d of b.deletions) {
    if (typeof d?.path !== 'string') return null;
    deletions.push({ path: d.path });
  }
  return { additions, deletions };
}

/** The request body Keystatic's own handler expects, for an update. */
export function encodeUpdate(u: Update): string {
  return JSON.stringify({
    additions: u.additions.map((a) => ({
      path: a.path,
      contents: Buffer.from(a.contents).toString('base64url'),
    })),
    deletions: u.deletions,
  });
}

/** Whether a path stays inside the content directory (no absolute path, no `..`). */
export function isContentPath(p: string): boolean {
  return (
    !p.includes('\\') &&
    !path.isAbsolute(p) &&
    p.split('/').every((s) => s && s !== '.' && s !== '..')
  );
}

/** The content schema of a file the editor writes (keystatic.config.ts's paths). */
function schemaOf(file: string) {
  if (file === 'site.yaml') return siteSchema;
  if (file === 'fields.yaml') return fieldsFileSchema;
  if (/^procedures\/[^/]+\.yaml$/.test(file)) return procedureSchema;
  if (/^products\/[^/]+\/product\.yaml$/.test(file)) return productSchema;
  return undefined;
}

/** The update with its YAML files tidied and merged into the files they replace (comments kept). */
export function tidyUpdate(dir: string, u: Update): Update {
  return {
    ...u,
    additions: u.additions.map((a) => {
      if (!a.path.endsWith('.yaml')) return a;
      const file = path.join(dir, a.path);
      const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      const value = parse(Buffer.from(a.contents).toString('utf8'));
      return { path: a.path, contents: Buffer.from(mergeYaml(existing, value, schemaOf(a.path))) };
    }),
  };
}

/** A copy of a content directory: text files copied, photos linked (they are only read). */
function overlay(dir: string): string {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'editor-check-'));
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        if (e.name === '.git') continue;
        mkdirSync(path.join(tmp, r));
        walk(r);
      } else if (/\.(ya?ml|txt|json)$/.test(e.name))
        copyFileSync(path.join(dir, r), path.join(tmp, r));
      else symlinkSync(path.join(dir, r), path.join(tmp, r));
    }
  };
  walk('');
  return tmp;
}

function apply(root: string, u: Update) {
  for (const a of u.additions) {
    const file = path.join(root, a.path);
    mkdirSync(path.dirname(file), { recursive: true });
    rmSync(file, { force: true });
    writeFileSync(file, a.contents);
  }
  for (const d of u.deletions) rmSync(path.join(root, d.path), { force: true });
}

/**
 * What would be wrong with the content after an update, one line per problem naming the file and
 * the field (empty when the update is valid). Nothing in `dir` is touched.
 */
export function problemsAfter(dir: string, u: Update): string[] {
  const tmp = overlay(dir);
  try {
    apply(tmp, u);
    let content;
    try {
      content = loadContentFrom(tmp);
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      return e.problems.map((p) => {
        const file = path.relative(tmp, path.resolve(p.file));
        return `${file}: ${p.field || '(file)'}: ${p.message}`;
      });
    }
    const record = path.join(tmp, PUBLISHED_LINKS_FILE);
    const text = existsSync(record) ? readFileSync(record, 'utf8') : '';
    return checkPublishedLinks(content, text).map(
      (b) =>
        `${PUBLISHED_LINKS_FILE}:${b.line}: ${b.path}: published short link would stop answering (${b.reason})`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
