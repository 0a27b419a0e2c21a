/**
 * Plans and applies an import of a whole catalogue: each procedure is judged on its own (a bad
 * one is refused with the file, field and reason, the others go in), parts edited by hand are
 * left alone (unless forced), procedures of another province are skipped unless asked for, and
 * fields the content lacks are created from the source's names. The result is written to a
 * copy of the content directory, validated there as `npm run check:content` would, and only
 * then swapped in, so the content is never left half-written.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { ContentError, loadContentFrom, normalizeNfc, type ContentProblem } from '../content/load';
import { fieldsFileSchema, procedureSchema, siteSchema, type Field } from '../content/schema';
import { readImportFile } from './files';
import { hashValue, readState, serializeState, STATE_FILE, type ImportState } from './state';
import { fold } from '../search/fold';
import { todayInVietnam } from '../dates';
import type { Decision, Problem, ProcedurePatch, Unit } from './types';
import {
  deleteInDocument,
  getPath,
  newDocument,
  setInDocument,
  setPath,
  YAML_OPTIONS,
} from './yaml-edit';

export type ImportOptions = {
  contentDir: string;
  dryRun?: boolean;
  force?: boolean;
  /** Take procedures promulgated by another province's People's Committee too. */
  includeOtherProvinces?: boolean;
  /** The decision that published the procedures (the catalogue's decision), for source.decision. */
  decision?: Decision;
  /** The import date, written as source.verifiedOn (default: today in Vietnam). */
  today?: string;
};

export type Outcome = {
  code: string;
  name: string;
  file: string;
  status: 'created' | 'changed' | 'unchanged' | 'not-created' | 'refused' | 'other-province';
  changed: string[];
  /** Parts edited by hand and kept. */
  skipped: string[];
  /** Parts whose Vietnamese text changed while an English translation exists. */
  checkEnglish: string[];
  origins: string[];
  reason?: string;
  /** Why a refused procedure was refused: each with file, field and reason. */
  problems?: Problem[];
};

export type ImportReport = {
  /** Nothing was refused. */
  ok: boolean;
  dryRun: boolean;
  /** Files that could not be read at all (each refused as a whole), and run-wide problems. */
  problems: Problem[];
  notes: string[];
  outcomes: Outcome[];
  /** Fields (lĩnh vực) created from the source's names. */
  newFields: Field[];
  written: string[];
};

/** Where each part comes from in the portal payload, to say what a new file is missing. */
const PAYLOAD_HINT: Record<string, string> = {
  name: 'name',
  level: 'isWard / isProvince / isMinistry',
  field: 'categoriesDetails',
  methods: 'executionMethods',
  documents: 'executionCases[].profileComponents',
  steps: 'executionSteps',
  subjects: 'subjectTypesDetails',
  agency: 'executingAgencies / departmentsExecuting / unitGroupsExecuting',
  results: 'resultsDetails',
  legalBasis: 'legalBasisesDetails',
  online: 'isFullProcess / executionMethods',
};

const HEADER_COMMENT =
  ' Nhập bằng `npm run import`. Phần nào sửa tay sẽ được giữ nguyên ở lần nhập sau.\n' +
  ' Written by `npm run import`; parts edited by hand are kept by later imports.';

const IMPORTABLE = new Set(['.json', '.csv', '.tsv', '.txt', '.xlsx', '.xlsm']);

function fail(problems: Problem[], notes: string[], dryRun: boolean): ImportReport {
  return { ok: false, dryRun, problems, notes, outcomes: [], newFields: [], written: [] };
}

function readYaml(file: string): unknown {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  return doc.errors.length ? undefined : normalizeNfc(doc.toJS());
}

function readFields(dir: string): Field[] | Problem {
  const file = path.join(dir, 'fields.yaml');
  if (!existsSync(file))
    return {
      file,
      message: 'fields.yaml is missing: the content directory is needed to match fields',
    };
  const parsed = fieldsFileSchema.safeParse(readYaml(file));
  if (!parsed.success)
    return { file, message: 'fields.yaml is invalid: run npm run check:content' };
  return parsed.data.fields;
}

function readSite(dir: string): { province: string; nationalPortalUrl: string } | Problem {
  const file = path.join(dir, 'site.yaml');
  const parsed = existsSync(file) ? siteSchema.safeParse(readYaml(file)) : undefined;
  if (!parsed?.success)
    return { file, message: 'site.yaml is missing or invalid: run npm run check:content' };
  return { province: parsed.data.province.vi, nationalPortalUrl: parsed.data.nationalPortalUrl };
}

/** The files to read: those named, and the importable files in each folder named (sorted). */
function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // Reported by the reader as not found.
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    for (const e of readdirSync(input).sort())
      if (IMPORTABLE.has(path.extname(e).toLowerCase()) && statSync(path.join(input, e)).isFile())
        out.push(path.join(input, e));
  }
  return out;
}

/** "Tỉnh Quảng Ngãi", "UBND tỉnh Quảng Ngãi" → "quang ngai"; null when it names no province. */
export function provinceOf(name: string): string | null {
  const m = /^(?:(?:ubnd|uy ban nhan dan) )?(?:tinh|thanh pho|tp) (.+)$/.exec(fold(name));
  return m ? m[1] : null;
}

/** A People's Committee of a province other than the ward's (ministries are national). */
function otherProvince(promulgatedBy: string, province: string): boolean {
  const f = fold(promulgatedBy);
  if (!/^(?:ubnd|uy ban nhan dan) /.test(f)) return false;
  const theirs = provinceOf(promulgatedBy);
  return theirs !== null && theirs !== provinceOf(province);
}

export async function runImport(files: string[], opts: ImportOptions): Promise<ImportReport> {
  const dir = path.resolve(opts.contentDir);
  const dryRun = !!opts.dryRun;
  const today = opts.today ?? todayInVietnam();
  const notes: string[] = [];

  const fields = readFields(dir);
  if (!Array.isArray(fields)) return fail([fields], notes, dryRun);
  const site = readSite(dir);
  if ('message' in site) return fail([site], notes, dryRun);
  const state = readState(dir);
  if (typeof state === 'string')
    return fail([{ file: path.join(dir, STATE_FILE), message: state }], notes, dryRun);

  const fileProblems: Problem[] = [];
  const refusedBy = new Map<string, Problem[]>();
  const refuse = (code: string, ...ps: Problem[]) =>
    refusedBy.set(code, [...(refusedBy.get(code) ?? []), ...ps]);
  const patches: ProcedurePatch[] = [];
  for (const f of expandInputs(files)) {
    const result = await readImportFile(f, {
      fields,
      nationalPortalUrl: site.nationalPortalUrl,
    });
    for (const p of result.problems) {
      if (p.code) refuse(p.code, p);
      else fileProblems.push(p);
    }
    notes.push(...result.notes);
    patches.push(...result.patches);
  }

  const portalPatch = new Map<string, ProcedurePatch>();
  for (const p of patches) {
    if (p.source !== 'portal') continue;
    const other = portalPatch.get(p.code);
    if (other && hashValue(other.units) !== hashValue(p.units))
      refuse(p.code, {
        file: p.origin,
        code: p.code,
        message: `${other.origin} describes it differently: import one of the two`,
      });
    else portalPatch.set(p.code, p);
  }

  const outcomes: Outcome[] = [];
  const otherProvinces = new Set<string>();
  for (const p of patches)
    if (
      !opts.includeOtherProvinces &&
      p.promulgatedBy &&
      otherProvince(p.promulgatedBy, site.province) &&
      !refusedBy.has(p.code) &&
      !otherProvinces.has(p.code)
    ) {
      otherProvinces.add(p.code);
      outcomes.push({
        ...emptyOutcome(p.code, patchName(p)),
        status: 'other-province',
        origins: [p.origin],
        reason: `promulgated by ${p.promulgatedBy}, not ${site.province} (--include-other-provinces to take it)`,
      });
    }

  const taken = patches.filter((p) => !refusedBy.has(p.code) && !otherProvinces.has(p.code));
  const newFields: Field[] = [];
  for (const p of taken)
    if (p.newField && !newFields.some((f) => f.id === p.newField!.id))
      newFields.push({ id: p.newField.id, name: { vi: p.newField.name } });

  if (opts.decision) {
    const d = opts.decision;
    for (const code of new Set(taken.map((p) => p.code)))
      taken.push({
        code,
        origin: '--decision',
        source: 'catalogue',
        units: {
          'source.decision': { set: { number: d.number, date: d.date, issuer: { vi: d.issuer } } },
        },
      });
  }

  const byCode = new Map<string, ProcedurePatch[]>();
  for (const p of taken) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);

  const changes = new Map<string, string>();
  const newState: ImportState = structuredClone(state);
  for (const [code, list] of byCode) {
    const planned = planProcedure(
      dir,
      code,
      list,
      state.procedures[code] ?? {},
      !!opts.force,
      today,
    );
    if ('problems' in planned) {
      refuse(code, ...planned.problems);
      continue;
    }
    outcomes.push(planned.outcome);
    if (planned.text !== undefined) changes.set(planned.outcome.file, planned.text);
    if (planned.state) newState.procedures[code] = planned.state;
  }

  const written: string[] = [];
  const writes = (f: Field) =>
    taken.some((p) => p.newField?.id === f.id && changes.has(`procedures/${p.code}.yaml`));
  const usedFields = newFields.filter(writes);
  if (changes.size) {
    const applied = applyInCopy(dir, changes, usedFields, newState, state, refuse);
    if ('problems' in applied) return fail([...fileProblems, ...applied.problems], notes, dryRun);
    for (const code of applied.dropped) {
      const i = outcomes.findIndex((o) => o.code === code);
      if (i >= 0) outcomes.splice(i, 1);
    }
    if (dryRun) rmSync(applied.copy, { recursive: true, force: true });
    else swapIn(dir, applied.copy, applied.files);
    written.push(...(dryRun ? [] : applied.files));
  }

  for (const [code, problems] of refusedBy) {
    outcomes.push({
      ...emptyOutcome(code, patchName(portalPatch.get(code))),
      status: 'refused',
      origins: [...new Set(problems.map((p) => p.file))],
      problems,
    });
  }
  outcomes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    ok: !fileProblems.length && !refusedBy.size,
    dryRun,
    problems: fileProblems,
    notes,
    outcomes,
    newFields: usedFields.filter(writes),
    written,
  };
}

function patchName(p: ProcedurePatch | undefined): string {
  const update = p?.units['name.vi'];
  return update && 'set' in update ? String(update.set) : '';
}

function emptyOutcome(code: string, name: string): Omit<Outcome, 'status'> {
  return {
    code,
    name,
    file: `procedures/${code}.yaml`,
    changed: [],
    skipped: [],
    checkEnglish: [],
    origins: [],
  };
}

type Planned =
  { outcome: Outcome; text?: string; state?: Record<string, string> } | { problems: Problem[] };

function planProcedure(
  dir: string,
  code: string,
  patches: ProcedurePatch[],
  recorded: Record<string, string>,
  force: boolean,
  today: string,
): Planned {
  const rel = `procedures/${code}.yaml`;
  const abs = path.join(dir, rel);
  const origins = [...new Set(patches.map((p) => p.origin).filter((o) => o !== '--decision'))];
  const exists = existsSync(abs);
  let doc: Document | undefined;
  let original: Record<string, unknown> = {};
  if (exists) {
    doc = parseDocument(readFileSync(abs, 'utf8'), { uniqueKeys: true });
    const js = normalizeNfc(doc.toJS()) as unknown;
    if (doc.errors.length || !js || typeof js !== 'object' || Array.isArray(js))
      return {
        problems: [
          {
            file: abs,
            message: 'is not a readable YAML mapping: fix it first (npm run check:content)',
          },
        ],
      };
    original = js as Record<string, unknown>;
  }

  const handEdited = (unit: Unit) => {
    if (!exists) return false;
    const current = getPath(original, unit);
    if (current === undefined) return recorded[unit] !== undefined;
    return recorded[unit] !== hashValue(current);
  };

  const working = structuredClone(original);
  const touched = new Set<Unit>();
  const skipped = new Set<Unit>();
  // A hand-written part equal to what the source says is taken over: later imports may update it.
  const owned = new Set<Unit>();
  for (const patch of patches) {
    for (const [unit, update] of Object.entries(patch.units) as [
      Unit,
      (typeof patch.units)[Unit],
    ][]) {
      if (!update) continue;
      const current = getPath(working, unit);
      if (!force && !owned.has(unit) && handEdited(unit)) {
        if ('set' in update && hashValue(update.set) === hashValue(current)) {
          owned.add(unit);
          touched.add(unit);
          continue;
        }
        const next =
          'set' in update ? update.set : current === undefined ? undefined : update.edit(current);
        if (next !== undefined && hashValue(next) !== hashValue(current)) skipped.add(unit);
        continue;
      }
      const next =
        'set' in update ? update.set : current === undefined ? undefined : update.edit(current);
      if (next === undefined) continue;
      setPath(working, unit, next);
      touched.add(unit);
    }
  }
  for (const u of touched) skipped.delete(u);

  const name = String(getPath(working, 'name.vi') ?? getPath(original, 'name.vi') ?? '');
  const base: Omit<Outcome, 'status'> = {
    code,
    name,
    file: rel,
    changed: [],
    skipped: [...skipped].map(display),
    checkEnglish: [],
    origins,
  };

  if (!exists) {
    if (!patches.some((p) => p.source === 'portal'))
      return {
        outcome: {
          ...base,
          status: 'not-created',
          reason:
            'not in the content yet, and a catalogue row has no documents, steps, subjects or ' +
            "results: import the procedure's detail from the national portal (JSON) first, or in the same run",
        },
      };
    working.code = code;
    working.source = { ...((working.source as object) ?? {}), verifiedOn: today };
    const parsed = procedureSchema.safeParse(working);
    if (!parsed.success)
      return {
        problems: parsed.error.issues.map((issue) => {
          const key = String(issue.path[0] ?? '');
          const hint = PAYLOAD_HINT[key];
          const empty = hint && getPath(working, key) === undefined;
          return {
            file: origins.join(', '),
            code,
            column: issue.path.map(String).join('.') || '(file)',
            message: `cannot create ${rel}: ${issue.message}${empty ? ` (the payload has nothing in ${hint})` : ''}`,
          };
        }),
      };
    const text = newDocument(working, HEADER_COMMENT).toString(YAML_OPTIONS);
    const state: Record<string, string> = {};
    for (const u of touched) state[u] = hashValue(getPath(working, u));
    return {
      outcome: { ...base, status: 'created', changed: [...touched].map(display) },
      text,
      state,
    };
  }

  const changed = [...touched].filter(
    (u) => hashValue(getPath(working, u)) !== hashValue(getPath(original, u)),
  );
  const state: Record<string, string> = { ...recorded };
  for (const u of touched) state[u] = hashValue(getPath(working, u));
  if (!changed.length) return { outcome: { ...base, status: 'unchanged' }, state };

  for (const u of changed) setInDocument(doc!, u, getPath(working, u));
  if (getPath(original, 'source.verifiedOn') !== today) {
    setPath(working, 'source.verifiedOn', today);
    setInDocument(doc!, 'source.verifiedOn', today);
  }
  const demo = getPath(original, 'demoValues');
  if (Array.isArray(demo)) {
    const kept = demo.filter((e) => !coveredBy(String(e), [...touched], working));
    if (kept.length !== demo.length) {
      if (kept.length) {
        working.demoValues = kept;
        setInDocument(doc!, 'demoValues', kept);
      } else {
        delete working.demoValues;
        deleteInDocument(doc!, 'demoValues');
      }
    }
  }
  const text = doc!.toString(YAML_OPTIONS);
  const reread = normalizeNfc(parseDocument(text).toJS());
  if (hashValue(reread) !== hashValue(working))
    throw new Error(`internal error: the edited YAML of ${rel} does not read back as planned`);
  const checkEnglish = changed
    .filter((u) => u.endsWith('.vi') && getPath(working, u.replace(/\.vi$/, '.en')) !== undefined)
    .map(display);
  return {
    outcome: { ...base, status: 'changed', changed: changed.map(display), checkEnglish },
    text,
    state,
  };
}

function display(unit: string): string {
  return unit.replace(/\.vi$/, '');
}

/**
 * A demoValues entry stops being demonstration data once the import writes that part, or every
 * part below it ("online" when the import wrote online.level and there is no online.url).
 */
function coveredBy(entry: string, units: string[], working: Record<string, unknown>): boolean {
  if (units.some((u) => entry === u || entry.startsWith(`${u}.`) || entry.startsWith(`${u}[`)))
    return true;
  const value = getPath(working, entry);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.keys(value).every((k) => units.includes(`${entry}.${k}`));
}

function contentProblems(root: string): ContentProblem[] {
  try {
    loadContentFrom(root);
    return [];
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    return e.problems.map((p) => ({ ...p, file: path.relative(root, path.resolve(p.file)) }));
  }
}

const key = (p: ContentProblem) => `${p.file}\0${p.field}\0${p.message}`;

/**
 * Writes the import into a copy of the content directory beside it (same file system, so it can
 * be renamed into place) and loads the copy with the loader's own checks. A procedure whose file
 * the loader rejects is refused and taken out again; any other problem the import would
 * introduce stops it, with nothing written.
 */
function applyInCopy(
  dir: string,
  changes: Map<string, string>,
  newFields: Field[],
  newState: ImportState,
  oldState: ImportState,
  refuse: (code: string, ...p: Problem[]) => void,
): { copy: string; files: string[]; dropped: string[] } | { problems: Problem[] } {
  const before = new Set(contentProblems(dir).map(key));
  const copy = path.join(path.dirname(dir), `.${path.basename(dir)}.import-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  const files = [...changes.keys()];
  for (const [rel, text] of changes) {
    mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
    writeFileSync(path.join(copy, rel), text);
  }
  if (newFields.length) {
    const file = path.join(copy, 'fields.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    for (const f of newFields) doc.addIn(['fields'], doc.createNode(f));
    writeFileSync(file, doc.toString(YAML_OPTIONS));
    files.push('fields.yaml');
  }
  const dropped: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const fresh = contentProblems(copy).filter((p) => changes.has(p.file) || !before.has(key(p)));
    if (!fresh.length) break;
    const own = fresh.filter((p) => changes.has(p.file));
    if (own.length < fresh.length || attempt === 2) {
      rmSync(copy, { recursive: true, force: true });
      return {
        problems: fresh.map((p) => ({
          file: path.join(dir, p.file),
          message: `would not pass check:content: ${p.field || '(file)'}: ${p.message}`,
        })),
      };
    }
    for (const p of own) {
      const code = path.basename(p.file, '.yaml');
      refuse(code, {
        file: path.join(dir, p.file),
        code,
        column: p.field || undefined,
        message: `would not pass check:content: ${p.message}`,
      });
      if (dropped.includes(code)) continue;
      dropped.push(code);
      changes.delete(p.file);
      files.splice(files.indexOf(p.file), 1);
      const original = path.join(dir, p.file);
      if (existsSync(original)) cpSync(original, path.join(copy, p.file));
      else rmSync(path.join(copy, p.file), { force: true });
      if (oldState.procedures[code]) newState.procedures[code] = oldState.procedures[code];
      else delete newState.procedures[code];
    }
  }
  const stateText = serializeState(newState);
  const statePath = path.join(dir, STATE_FILE);
  const oldStateText = existsSync(statePath) ? readFileSync(statePath, 'utf8') : null;
  if (stateText !== oldStateText && Object.keys(newState.procedures).length) {
    writeFileSync(path.join(copy, STATE_FILE), stateText);
    files.push(STATE_FILE);
  }
  return { copy, files, dropped };
}

/**
 * Puts the validated copy in place of the content directory: two renames, a moment apart. Where
 * the directory cannot be renamed (a mount point), each changed file is renamed into place.
 */
function swapIn(dir: string, copy: string, files: string[]) {
  const old = `${copy}.old`;
  try {
    renameSync(dir, old);
  } catch {
    for (const rel of files) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      const tmp = path.join(
        path.dirname(path.join(dir, rel)),
        `.${path.basename(rel)}.${process.pid}.tmp`,
      );
      cpSync(path.join(copy, rel), tmp);
      renameSync(tmp, path.join(dir, rel));
    }
    rmSync(copy, { recursive: true, force: true });
    return;
  }
  try {
    renameSync(copy, dir);
  } catch (e) {
    renameSync(old, dir);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}
