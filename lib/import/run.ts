/**
 * Plans and applies an import: merges what the files say into the procedures, leaves parts edited
 * by hand alone (unless forced), validates the whole content as `npm run check:content` would,
 * and only then writes, each file atomically. Any invalid input means nothing is written.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { ContentError, loadContentFrom, normalizeNfc, type ContentProblem } from '../content/load';
import { fieldsFileSchema, procedureSchema, type Field } from '../content/schema';
import { readImportFile } from './files';
import { hashValue, readState, serializeState, STATE_FILE, type ImportState } from './state';
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
  /** The decision that published the procedures (the catalogue's decision), for source.decision. */
  decision?: Decision;
  /** The import date, written as source.verifiedOn (default: today in Vietnam). */
  today?: string;
};

export type Outcome = {
  code: string;
  name: string;
  file: string;
  status: 'created' | 'changed' | 'unchanged' | 'not-created';
  changed: string[];
  skipped: string[];
  /** Parts whose Vietnamese text changed while an English translation exists. */
  checkEnglish: string[];
  origins: string[];
  reason?: string;
};

export type ImportReport = {
  ok: boolean;
  dryRun: boolean;
  problems: Problem[];
  notes: string[];
  outcomes: Outcome[];
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
  agency: 'executingAgencies / unitGroupsExecuting',
  results: 'resultsDetails',
  legalBasis: 'legalBasisesDetails',
  online: 'isFullProcess / executionMethods',
};

const HEADER_COMMENT =
  ' Nhập bằng `npm run import`. Phần nào sửa tay sẽ được giữ nguyên ở lần nhập sau.\n' +
  ' Written by `npm run import`; parts edited by hand are kept by later imports.';

function fail(problems: Problem[], notes: string[], dryRun: boolean): ImportReport {
  return { ok: false, dryRun, problems, notes, outcomes: [], written: [] };
}

function readFields(dir: string): Field[] | Problem {
  const file = path.join(dir, 'fields.yaml');
  if (!existsSync(file))
    return {
      file,
      message: 'fields.yaml is missing: the content directory is needed to match fields',
    };
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const parsed = fieldsFileSchema.safeParse(normalizeNfc(doc.toJS()));
  if (doc.errors.length || !parsed.success)
    return { file, message: 'fields.yaml is invalid: run npm run check:content' };
  return parsed.data.fields;
}

export async function runImport(files: string[], opts: ImportOptions): Promise<ImportReport> {
  const dir = path.resolve(opts.contentDir);
  const dryRun = !!opts.dryRun;
  const today = opts.today ?? todayInVietnam();
  const notes: string[] = [];

  const fields = readFields(dir);
  if (!Array.isArray(fields)) return fail([fields], notes, dryRun);
  const state = readState(dir);
  if (typeof state === 'string')
    return fail([{ file: path.join(dir, STATE_FILE), message: state }], notes, dryRun);

  const problems: Problem[] = [];
  const patches: ProcedurePatch[] = [];
  for (const f of files) {
    const result = await readImportFile(f, { fields });
    problems.push(...result.problems);
    notes.push(...result.notes);
    patches.push(...result.patches);
  }
  const portalOrigin = new Map<string, string>();
  for (const p of patches) {
    if (p.source !== 'portal') continue;
    const other = portalOrigin.get(p.code);
    if (other)
      problems.push({
        file: p.origin,
        message: `${p.code} is also in ${other}: import one of them`,
      });
    portalOrigin.set(p.code, p.origin);
  }
  if (problems.length) return fail(problems, notes, dryRun);

  if (opts.decision) {
    const d = opts.decision;
    const codes = [...new Set(patches.map((p) => p.code))];
    for (const code of codes)
      patches.push({
        code,
        origin: '--decision',
        source: 'catalogue',
        units: {
          'source.decision': { set: { number: d.number, date: d.date, issuer: { vi: d.issuer } } },
        },
      });
  }

  const byCode = new Map<string, ProcedurePatch[]>();
  for (const p of patches) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);

  const outcomes: Outcome[] = [];
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
      problems.push(...planned.problems);
      continue;
    }
    outcomes.push(planned.outcome);
    if (planned.text !== undefined) changes.set(planned.outcome.file, planned.text);
    if (planned.state) newState.procedures[code] = planned.state;
  }
  if (problems.length) return fail(problems, notes, dryRun);

  problems.push(...checkContent(dir, changes));
  if (problems.length) return fail(problems, notes, dryRun);

  const stateText = serializeState(newState);
  const statePath = path.join(dir, STATE_FILE);
  const oldStateText = existsSync(statePath) ? readFileSync(statePath, 'utf8') : null;
  const written: string[] = [];
  if (!dryRun) {
    for (const [rel, text] of changes) {
      atomicWrite(path.join(dir, rel), text);
      written.push(rel);
    }
    if (stateText !== oldStateText && Object.keys(newState.procedures).length) {
      atomicWrite(statePath, stateText);
      written.push(STATE_FILE);
    }
  }
  return { ok: true, dryRun, problems: [], notes, outcomes, written };
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
    const decision = getPath(working, 'source.decision');
    const missing: string[] = [];
    if (decision === undefined)
      missing.push(
        'source.decision: the payload names no decision (procedureProposal.decisionNumber and ' +
          'decisionNo are empty; a proposal number is not a decision number); give it with ' +
          '--decision "<số>|<YYYY-MM-DD>|<cơ quan ban hành>"',
      );
    working.code = code;
    working.source = { ...(decision ? { decision } : {}), verifiedOn: today };
    const parsed = procedureSchema.safeParse(working);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (key === 'source' && decision === undefined) continue;
        const hint = PAYLOAD_HINT[key];
        const where = issue.path.map(String).join('.') || '(file)';
        missing.push(
          `${where}: ${issue.message}${hint && getPath(working, key) === undefined ? ` (the payload has nothing in ${hint})` : ''}`,
        );
      }
    if (missing.length)
      return {
        problems: missing.map((m) => ({
          file: origins.join(', '),
          message: `cannot create ${rel}: ${m}`,
        })),
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
    const kept = demo.filter((e) => !coveredBy(String(e), changed, working));
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

/**
 * Loads the content as it would be after the import (a temporary directory of links to the real
 * files, with the changed procedures written out) with the loader's own checks. A changed file
 * must be valid; elsewhere only problems the import would introduce count.
 */
function checkContent(dir: string, changes: Map<string, string>): Problem[] {
  if (!changes.size) return [];
  const before = new Set(contentProblems(dir).map((p) => `${p.file}\0${p.field}\0${p.message}`));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'import-check-'));
  try {
    for (const entry of readdirSync(dir)) {
      if (entry === 'procedures' || entry.startsWith('.')) continue;
      symlinkSync(path.join(dir, entry), path.join(tmp, entry));
    }
    mkdirSync(path.join(tmp, 'procedures'));
    const procDir = path.join(dir, 'procedures');
    if (existsSync(procDir))
      for (const entry of readdirSync(procDir))
        if (!changes.has(`procedures/${entry}`))
          symlinkSync(path.join(procDir, entry), path.join(tmp, 'procedures', entry));
    for (const [rel, text] of changes) writeFileSync(path.join(tmp, rel), text);
    return contentProblems(tmp)
      .filter((p) => changes.has(p.file) || !before.has(`${p.file}\0${p.field}\0${p.message}`))
      .map((p) => ({
        file: path.join(dir, p.file),
        message: `would not pass check:content: ${p.field || '(file)'}: ${p.message}`,
      }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function atomicWrite(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
