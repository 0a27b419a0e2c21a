/**
 * Reads and validates everything in the content directory. Every problem of a run is collected
 * and reported at once, each naming the file, the field and what is wrong; nothing half-valid is
 * returned.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { contentDir, lastValidContentDir, portalMode } from '../env';
import { gtin14, gtinProblem } from '../gs1/gtin';
import { PUBLISHED_LINKS_FILE, checkPublishedLinks } from '../links';
import {
  fieldsFileSchema,
  procedureSchema,
  productSchema,
  productSlug,
  retiredSchema,
  siteSchema,
  type Field,
  type Procedure,
  type Product,
  type Retired,
  type Site,
} from './schema';

export type Content = {
  dir: string;
  site: Site;
  fields: Field[];
  procedures: Procedure[];
  products: Product[];
  /** Items taken off the site whose published short links still answer (retired.yaml). */
  retired: Retired[];
};

export type ContentProblem = { file: string; field: string; message: string };

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}: ${p.field || '(file)'}: ${p.message}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

export { contentDir };

/** Every string in a parsed value, normalised to NFC (text pasted from Word is often NFD). */
export function normalizeNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeNfc) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalizeNfc(v)]),
    ) as T;
  }
  return value;
}

function formatPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
    '',
  );
}

class Collector {
  problems: ContentProblem[] = [];
  constructor(private root: string) {}

  rel(file: string) {
    return path.relative(process.cwd(), path.join(this.root, file)) || file;
  }

  add(file: string, field: string, message: string) {
    this.problems.push({ file: this.rel(file), field, message });
  }

  /** Parses a YAML file and validates it; null when anything is wrong (problems recorded). */
  read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | null {
    let text: string;
    try {
      text = readFileSync(path.join(this.root, file), 'utf8');
    } catch {
      this.add(file, '', 'file is missing or unreadable');
      return null;
    }
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length) {
      for (const e of doc.errors) {
        const where = e.linePos?.[0];
        this.add(
          file,
          where ? `line ${where.line}` : '',
          `YAML syntax: ${e.message.split('\n')[0]}`,
        );
      }
      return null;
    }
    const result = schema.safeParse(normalizeNfc(doc.toJS()));
    if (!result.success) {
      for (const issue of result.error.issues)
        this.add(file, formatPath(issue.path), issue.message);
      return null;
    }
    return result.data;
  }
}

function yamlFiles(root: string, sub: string): string[] {
  const dir = path.join(root, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort();
}

/** Months after a date, as an ISO date (used for the 36-month OCOP certificate validity). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

export function loadContentFrom(root: string): Content {
  const c = new Collector(root);
  const site = c.read('site.yaml', siteSchema);
  const fields = c.read('fields.yaml', fieldsFileSchema)?.fields ?? [];
  const fieldIds = new Set(fields.map((f) => f.id));
  site?.featuredFields.forEach((id, i) => {
    if (fields.length && !fieldIds.has(id))
      c.add('site.yaml', `featuredFields[${i}]`, `unknown field id "${id}" (not in fields.yaml)`);
  });

  const procedures: Procedure[] = [];
  const procedureFile = new Map<string, string>();
  for (const name of yamlFiles(root, 'procedures')) {
    const file = `procedures/${name}`;
    if (!name.endsWith('.yaml')) {
      c.add(file, '', 'procedure files must be named {code}.yaml');
      continue;
    }
    const p = c.read(file, procedureSchema);
    if (!p) continue;
    if (name !== `${p.code}.yaml`)
      c.add(file, 'code', `code ${p.code} does not match the file name`);
    const earlier = procedureFile.get(p.code);
    if (earlier) {
      c.add(file, 'code', `duplicate procedure code ${p.code} (also in ${c.rel(earlier)})`);
      continue;
    }
    procedureFile.set(p.code, file);
    if (fields.length && !fieldIds.has(p.field))
      c.add(file, 'field', `unknown field id "${p.field}" (not in fields.yaml)`);
    if (p.repealedOn && p.effectiveFrom && p.repealedOn < p.effectiveFrom)
      c.add(file, 'repealedOn', 'is before effectiveFrom');
    if (p.replacedBy && !p.repealedOn)
      c.add(file, 'replacedBy', 'only a repealed procedure (with repealedOn) can be replaced');
    procedures.push(p);
  }
  for (const p of procedures) {
    if (p.replacedBy === p.code)
      c.add(procedureFile.get(p.code)!, 'replacedBy', 'a procedure cannot replace itself');
    else if (p.replacedBy && !procedureFile.has(p.replacedBy))
      c.add(procedureFile.get(p.code)!, 'replacedBy', `names no procedure: ${p.replacedBy}`);
  }

  const products: Product[] = [];
  const shortCodeFile = new Map<string, string>();
  for (const slug of yamlFiles(root, 'products')) {
    const dir = path.join(root, 'products', slug);
    if (!statSync(dir).isDirectory()) {
      c.add(`products/${slug}`, '', 'each product is a folder products/{slug}/ with product.yaml');
      continue;
    }
    const file = `products/${slug}/product.yaml`;
    const slugCheck = productSlug.safeParse(slug);
    if (!slugCheck.success) c.add(`products/${slug}`, 'slug', slugCheck.error.issues[0].message);
    const data = c.read(file, productSchema);
    if (!data || !slugCheck.success) continue;
    const earlier = shortCodeFile.get(data.shortCode);
    if (earlier) {
      c.add(
        file,
        'shortCode',
        `duplicate short code ${data.shortCode} (also in ${c.rel(earlier)})`,
      );
      continue;
    }
    shortCodeFile.set(data.shortCode, file);
    if (data.gtin !== undefined) {
      const problem = gtinProblem(data.gtin);
      if (problem) c.add(file, 'gtin', `"${data.gtin}" is not a valid GTIN: ${problem}`);
      else data.gtin = gtin14(data.gtin);
    }
    const lotCodes = new Set<string>();
    data.lots.forEach((lot, i) => {
      if (lotCodes.has(lot.code)) c.add(file, `lots[${i}].code`, `duplicate lot ${lot.code}`);
      lotCodes.add(lot.code);
      if (lot.producedOn && lot.expiresOn && lot.expiresOn < lot.producedOn)
        c.add(file, `lots[${i}].expiresOn`, 'is before producedOn');
    });
    data.images.forEach((img, i) => {
      if (!existsSync(path.join(dir, img.file)))
        c.add(file, `images[${i}].file`, `image file ${img.file} not found in products/${slug}/`);
    });
    const certificate = {
      ...data.certificate,
      expires:
        data.certificate.expires ??
        (data.certificate.date ? addMonths(data.certificate.date, 36) : undefined),
    };
    products.push({ ...data, certificate, slug, dir });
  }
  const gtins = new Map<string, string>();
  for (const p of products) {
    if (!p.gtin) continue;
    const other = gtins.get(p.gtin);
    if (other) c.add(`products/${p.slug}/product.yaml`, 'gtin', `GTIN also used by ${other}`);
    gtins.set(p.gtin, p.slug);
  }

  const retired = existsSync(path.join(root, 'retired.yaml'))
    ? (c.read('retired.yaml', retiredSchema) ?? [])
    : [];
  const seenRetired = new Set<string>();
  retired.forEach((r, i) => {
    const at = `[${i}].path`;
    const code = r.path.slice(3, -1);
    if (r.kind !== (r.path.startsWith('/T/') ? 'procedure' : 'product'))
      c.add('retired.yaml', at, `${r.path} is not the short link of a ${r.kind}`);
    if (seenRetired.has(r.path)) c.add('retired.yaml', at, `${r.path} is listed twice`);
    seenRetired.add(r.path);
    if (
      r.kind === 'procedure' ? procedureFile.has(code) : products.some((p) => p.shortCode === code)
    )
      c.add('retired.yaml', at, `${r.path} is retired but its item is still published`);
  });

  if (c.problems.length || !site) throw new ContentError(c.problems);
  return { dir: root, site, fields, procedures, products, retired };
}

type CacheEntry = { content: Content; signature: string; checkedAt: number };
// Next bundles page code and route handler code separately, each with its own copy of this module;
// kept on globalThis, the content is loaded once per process instead of once per copy (at 3,000
// procedures that is about 140 MB of heap).
const cache: Map<string, CacheEntry> = ((
  globalThis as typeof globalThis & { __portalContent?: Map<string, CacheEntry> }
).__portalContent ??= new Map());

/** Drops the cached content, so that the next read loads the files again (after an editor save). */
export function forgetContent(dir = contentDir()): void {
  cache.delete(dir);
}

/** Latest modification time and file count under the content directory. */
function signature(dir: string): string {
  let latest = 0;
  let count = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        count++;
        latest = Math.max(latest, statSync(full).mtimeMs);
      }
    }
  };
  walk(dir);
  return `${latest}:${count}`;
}

/**
 * The server mode's half of the published-links rule (the static build checks it with
 * scripts/publish-links.ts --check, the editor before each save): content that removes an item
 * whose short link is in the record is refused like any invalid content, so the link keeps
 * answering from the last valid content (retired.yaml is the way to take an item off).
 */
function checkRecord(content: Content): void {
  const record = path.join(content.dir, PUBLISHED_LINKS_FILE);
  if (!existsSync(record)) return;
  const broken = checkPublishedLinks(content, readFileSync(record, 'utf8'));
  if (broken.length)
    throw new ContentError(
      broken.map((b) => ({
        file: path.relative(process.cwd(), record) || record,
        field: `line ${b.line}`,
        message: `${b.path}: published short link would stop answering (${b.reason}); keep the item, or list it in retired.yaml`,
      })),
    );
}

/** Where the server mode keeps the last valid copy of a content directory. */
function lastValidCopy(dir: string): string {
  const id = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  return path.join(lastValidContentDir(), id);
}
const MARK = '.last-valid';

/**
 * Copies valid content aside (a rename, so a reader never sees half a copy), unless the copy is
 * of the same files already. Two processes may try at once (the build's workers): one wins.
 */
function keepLastValid(dir: string, sig: string): void {
  const copy = lastValidCopy(dir);
  const mark = path.join(copy, MARK);
  if (existsSync(mark) && readFileSync(mark, 'utf8') === `${dir}\n${sig}`) return;
  const tmp = `${copy}.${process.pid}.tmp`;
  try {
    rmSync(tmp, { recursive: true, force: true });
    cpSync(dir, tmp, { recursive: true });
    writeFileSync(path.join(tmp, MARK), `${dir}\n${sig}`);
    rmSync(copy, { recursive: true, force: true });
    renameSync(tmp, copy);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(mark)) console.error(`Cannot keep a copy of the valid content in ${copy}:`, e);
  }
}

/** The last valid content of a directory, or null when none was kept. */
function lastValid(dir: string): { content: Content; from: string; saved: Date } | null {
  const copy = lastValidCopy(dir);
  const mark = path.join(copy, MARK);
  if (!existsSync(mark)) return null;
  return { content: loadContentFrom(copy), from: copy, saved: statSync(mark).mtime };
}

/**
 * The validated content, cached per directory. A static build reads it once per process; the
 * server mode (PORTAL_MODE=server) looks for changed files at most every 10 seconds so that
 * regenerated pages show edited content without a rebuild. An edit that breaks validation keeps
 * the last valid content in service and logs the problems; so does a start on invalid content,
 * from the copy of the last valid content the server mode keeps (LAST_VALID_CONTENT_DIR).
 */
export function loadContent(dir = contentDir()): Content {
  const entry = cache.get(dir);
  if (entry && (portalMode() !== 'server' || Date.now() - entry.checkedAt < 10_000)) {
    return entry.content;
  }
  const server = portalMode() === 'server';
  const sig = server ? signature(dir) : '';
  if (entry && entry.signature === sig) {
    entry.checkedAt = Date.now();
    return entry.content;
  }
  try {
    const content = loadContentFrom(dir);
    if (server) {
      checkRecord(content);
      keepLastValid(dir, sig);
    }
    cache.set(dir, { content, signature: sig, checkedAt: Date.now() });
    return content;
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    if (entry) {
      console.error(`Content change rejected, still serving the previous content.\n${e.message}`);
      cache.set(dir, { ...entry, signature: sig, checkedAt: Date.now() });
      return entry.content;
    }
    const kept = server ? lastValid(dir) : null;
    if (!kept) throw e;
    console.error(
      `${e.message}\nServing the last valid content instead, as it was on ` +
        `${kept.saved.toISOString()} (copy in ${kept.from}), until the problems are fixed.`,
    );
    cache.set(dir, { content: kept.content, signature: sig, checkedAt: Date.now() });
    return kept.content;
  }
}
