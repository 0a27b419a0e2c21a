/**
 * Reads a procedure detail as the National Public Service Portal (Cổng Dịch vụ công quốc gia)
 * returns it, and maps it onto the content model. Text is kept word for word; what the payload
 * leaves empty is not carried (the planner then leaves that part of the content alone).
 */
import { z } from 'zod';
import { normalizeNfc } from '../content/load';
import { procedureCode, type Channel } from '../content/schema';
import { knownFields, matchField } from './fields';
import {
  cleanText,
  dateAfterNumber,
  DOCUMENT_NUMBER,
  parseBlocks,
  parseList,
  stripBullet,
} from './text';
import { vietnamDate } from '../dates';
import type { ProcedurePatch, ReadContext, ReadResult, Unit, Update } from './types';

const str = z.string().nullish();
const named = z.looseObject({ name: str });
const namedList = z.array(named).nullish();

const fee = z.looseObject({
  type: str,
  value: z.number().nullish(),
  currencyId: str,
  description: str,
  attachment: z.unknown().optional(),
});

const detail = z.looseObject({
  code: z.string(),
  name: z.string(),
  description: str,
  keywords: str,
  note: str,
  executionSteps: z.array(z.looseObject({ name: str, description: str })),
  executionMethods: z.array(
    z.looseObject({
      submissionMethod: z.string(),
      processingTime: z.number().nullish(),
      processingTimeUnit: str,
      description: str,
      fees: z.array(fee).nullish(),
    }),
  ),
  executionCases: z.array(
    z.looseObject({
      name: str,
      profileComponents: z.array(
        z.looseObject({
          name: z.string(),
          originalQty: z.number().int().min(0).nullish(),
          copyQty: z.number().int().min(0).nullish(),
          attachments: z.array(z.unknown()).nullish(),
        }),
      ),
    }),
  ),
  isWard: z.boolean().nullish(),
  isProvince: z.boolean().nullish(),
  isMinistry: z.boolean().nullish(),
  isFullProcess: z.boolean().nullish(),
  isOfflineOnly: z.boolean().nullish(),
  categoriesDetails: namedList,
  subjectTypesDetails: namedList,
  resultsDetails: namedList,
  legalBasisesDetails: z.array(z.looseObject({ name: str, code: str })).nullish(),
  executingAgencies: str,
  departmentsExecuting: namedList,
  unitGroupsExecuting: namedList,
  departmentsAuthority: namedList,
  unitGroupsAuthority: namedList,
  dossierReceivingAddresses: str,
  requirementsAndConditions: str,
  decisionNo: str,
  departmentPromulgateName: str,
  cases: z
    .array(
      z.looseObject({
        processingDay: z.looseObject({ qty: z.number().nullish(), type: str }).nullish(),
      }),
    )
    .nullish(),
  procedureProposal: z
    .looseObject({
      decisionNumber: str,
      decisionDate: z.number().nullish(),
      issuingAgency: named.nullish(),
    })
    .nullish(),
});
type Detail = z.infer<typeof detail>;

const CHANNELS: Record<string, Channel> = { DIRECT: 'direct', ONLINE: 'online', POSTAL: 'postal' };

type UnitWords = { vi: string; en: [string, string] };
const TIME_UNITS: Record<string, UnitWords & { unit: 'working-day' | 'day' | 'hour' | 'month' }> = {
  WORKING_DAY: { unit: 'working-day', vi: 'ngày làm việc', en: ['working day', 'working days'] },
  DAY: { unit: 'day', vi: 'ngày', en: ['day', 'days'] },
  HOUR: { unit: 'hour', vi: 'giờ', en: ['hour', 'hours'] },
  MONTH: { unit: 'month', vi: 'tháng', en: ['month', 'months'] },
};
/** Units the content model has no enum value for: kept as text only. */
const TEXT_UNITS: Record<string, UnitWords> = {
  WEEK: { vi: 'tuần', en: ['week', 'weeks'] },
  YEAR: { vi: 'năm', en: ['year', 'years'] },
  MINUTE: { vi: 'phút', en: ['minute', 'minutes'] },
};

/** phí is paid for a service (Law on Fees and Charges 2015); lệ phí is the "charge". */
const FEE_KINDS: Record<string, 'fee' | 'charge'> = { SERVICE_FEE: 'fee' };

type LocalText = { vi: string; en?: string };
type Time = { value?: number; unit?: string; text: LocalText };

function viNumber(n: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
}

function enNumber(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
}

function timeText(n: number, words: UnitWords): LocalText {
  return { vi: `${viNumber(n)} ${words.vi}`, en: `${enNumber(n)} ${words.en[n === 1 ? 0 : 1]}` };
}

function names(list: { name?: string | null }[] | null | undefined): string[] {
  const out: string[] = [];
  for (const item of list ?? []) {
    const n = cleanText(item.name ?? '');
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

/** The envelope the portal answers with ({ code: 'OK', data, message }), or a bare detail. */
function unwrap(json: unknown): { data: unknown } | { error: string } {
  if (json && typeof json === 'object' && !Array.isArray(json) && 'data' in json) {
    const env = json as { code?: unknown; message?: unknown; data: unknown };
    if (env.code !== undefined && env.code !== 'OK' && env.code !== 200 && env.code !== '200')
      return { error: `the portal answered ${String(env.code)}: ${String(env.message ?? '')}` };
    return { data: env.data };
  }
  return { data: json };
}

export function readPortalDetail(json: unknown, ctx: ReadContext): ReadResult {
  const { file } = ctx;
  const notes: string[] = [];
  const problems: ReadResult['problems'] = [];
  const fail = (message: string): ReadResult => ({
    patches: [],
    notes,
    problems: [{ file, message }],
  });

  const unwrapped = unwrap(json);
  if ('error' in unwrapped) return fail(unwrapped.error);
  const parsed = detail.safeParse(normalizeNfc(unwrapped.data));
  if (!parsed.success) {
    const shown = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
      .join('; ');
    return fail(
      `not a procedure detail from the national portal (chi tiết TTHC): ${shown}` +
        (parsed.error.issues.length > 5 ? ` … (${parsed.error.issues.length} problems)` : ''),
    );
  }
  const d = parsed.data;
  const code = d.code.trim();
  if (!procedureCode.safeParse(code).success)
    return fail(`code "${d.code}" is not a national procedure code like 1.001193`);
  const problem = (message: string) => problems.push({ file, message: `${code}: ${message}` });
  const units: Partial<Record<Unit, Update>> = {};
  const set = (unit: Unit, value: unknown) => (units[unit] = { set: value });

  const name = cleanText(d.name);
  if (name) set('name.vi', name);
  else problem('name is empty');

  if (d.isWard) set('level', 'commune');
  else if (d.isProvince) set('level', 'province');
  else if (d.isMinistry) set('level', 'central');

  const categories = names(d.categoriesDetails);
  const field = categories.map((c) => matchField(c, ctx.fields)).find((f) => f !== undefined);
  if (field) set('field', field.id);
  else if (categories.length)
    problem(
      `field (lĩnh vực) ${categories.map((c) => `"${c}"`).join(', ')} is not in fields.yaml ` +
        `(known: ${knownFields(ctx.fields)})`,
    );

  const summary = cleanText(d.description ?? '');
  if (summary) set('summary.vi', summary);
  const keywords = (d.keywords ?? '')
    .split(/[,;\n]/)
    .map((k) => k.trim())
    .filter(Boolean);
  if (keywords.length) set('keywords', keywords);

  const methods = mapMethods(d, problem, notes);
  if (methods.length) set('methods', methods);

  const documents = mapDocuments(d, problem, notes);
  if (documents.length) set('documents', documents);

  const steps = mapSteps(d);
  if (steps.length) set('steps', steps);

  const subjects = names(d.subjectTypesDetails);
  if (subjects.length)
    set(
      'subjects',
      subjects.map((vi) => ({ vi })),
    );

  const agency =
    cleanText(d.executingAgencies ?? '') ||
    names(d.departmentsExecuting).join('; ') ||
    names(d.unitGroupsExecuting).join('; ');
  if (agency) set('agency.vi', agency);
  const authority =
    names(d.departmentsAuthority).join('; ') || names(d.unitGroupsAuthority).join('; ');
  if (authority) set('authority.vi', authority);
  const address = cleanText(d.dossierReceivingAddresses ?? '');
  if (address) set('receivingAddress.vi', address);

  const results = names(d.resultsDetails);
  if (results.length)
    set(
      'results',
      results.map((vi) => ({ vi })),
    );

  const legal = mapLegalBasis(d, problem);
  if (legal.length) set('legalBasis', legal);

  const requirements = parseList(d.requirementsAndConditions ?? '');
  if (requirements.length)
    set(
      'requirements',
      requirements.map((vi) => ({ vi })),
    );

  if (d.isFullProcess) set('online.level', 'full');
  else if (methods.some((m) => m.channel === 'online')) set('online.level', 'partial');
  else if (d.isOfflineOnly || methods.length) set('online.level', 'none');

  const decisionNumber =
    cleanText(d.procedureProposal?.decisionNumber ?? '') || cleanText(d.decisionNo ?? '');
  const decisionMs = d.procedureProposal?.decisionDate;
  const issuer =
    cleanText(d.procedureProposal?.issuingAgency?.name ?? '') ||
    cleanText(d.departmentPromulgateName ?? '');
  if (decisionNumber && typeof decisionMs === 'number' && issuer)
    set('source.decision', {
      number: decisionNumber,
      date: vietnamDate(decisionMs),
      issuer: { vi: issuer },
    });

  notIncluded(d, notes);
  const patch: ProcedurePatch = { code, origin: file, source: 'portal', units };
  return {
    patches: problems.length ? [] : [patch],
    notes: notes.map((n) => `${file}: ${code}: ${n}`),
    problems,
  };
}

type Method = {
  channel: Channel;
  time: Time;
  fees: { kind: 'fee' | 'charge'; amount?: number; text: LocalText }[];
  note?: LocalText;
};

/** The time all `cases` agree on, used when a method's own time says nothing (unit OTHER, no text). */
function timeFromCases(d: Detail): { time: Time; said: string } | undefined {
  const days = (d.cases ?? []).map((c) => c.processingDay);
  if (!days.length) return undefined;
  const first = days[0];
  if (!first || typeof first.qty !== 'number' || first.qty <= 0 || !first.type) return undefined;
  const words = TIME_UNITS[first.type];
  if (!words || days.some((x) => x?.qty !== first.qty || x?.type !== first.type)) return undefined;
  return {
    time: { value: first.qty, unit: words.unit, text: timeText(first.qty, words) },
    said: `${first.qty} ${first.type}`,
  };
}

function mapMethods(d: Detail, problem: (m: string) => void, notes: string[]): Method[] {
  const out: Method[] = [];
  const fallback: string[] = [];
  let fallbackSaid = '';
  for (const m of d.executionMethods) {
    const channel = CHANNELS[m.submissionMethod];
    if (!channel) {
      problem(
        `submission method "${m.submissionMethod}" is not known (known: DIRECT, ONLINE, POSTAL); ` +
          'the content model has no channel for it',
      );
      continue;
    }
    const description = cleanText(m.description ?? '');
    const n = m.processingTime ?? 0;
    const rawUnit = m.processingTimeUnit ?? '';
    const known = TIME_UNITS[rawUnit];
    const textual = TEXT_UNITS[rawUnit];
    let time: Time | undefined;
    let note: LocalText | undefined;
    if ((known || textual) && n > 0) {
      time = known
        ? { value: n, unit: known.unit, text: timeText(n, known) }
        : { text: timeText(n, textual) };
      if (description) note = { vi: description };
    } else if (description) {
      time = { text: { vi: description } };
    } else if (rawUnit && rawUnit !== 'OTHER' && !known && !textual && n > 0) {
      time = { text: { vi: `${viNumber(n)} ${rawUnit}` } };
      notes.push(`method ${m.submissionMethod}: time unit "${rawUnit}" is not known, kept as text`);
    } else {
      const fromCases = timeFromCases(d);
      if (fromCases) {
        time = fromCases.time;
        fallback.push(m.submissionMethod);
        fallbackSaid = `"${n} ${rawUnit || '(no unit)'}" with no description; used cases[].processingDay (${fromCases.said}), which all cases agree on`;
      } else {
        problem(
          `method ${m.submissionMethod}: the time limit is not stated (processingTimeUnit ` +
            `"${rawUnit}", empty description, and cases[].processingDay do not give one time)`,
        );
        continue;
      }
    }
    const fees: Method['fees'] = [];
    const unknownFees: string[] = [];
    for (const f of m.fees ?? []) {
      const text = cleanText(f.description ?? '');
      const currency = (f.currencyId ?? '').trim().toUpperCase();
      const inDong = currency === '' || currency === 'VND' || currency === 'VNĐ';
      const value = typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : undefined;
      if (!text && value === undefined) {
        notes.push(`method ${m.submissionMethod}: a fee with neither amount nor text was left out`);
        continue;
      }
      const said: LocalText = text
        ? { vi: text }
        : inDong
          ? { vi: `${viNumber(value!)} đồng`, en: `VND ${enNumber(value!)}` }
          : { vi: `${viNumber(value!)} ${currency}` };
      if (f.attachment)
        notes.push(`method ${m.submissionMethod}: a fee attachment was not imported`);
      const kind = FEE_KINDS[f.type ?? ''];
      if (!kind) {
        unknownFees.push(said.vi);
        notes.push(
          `method ${m.submissionMethod}: fee type "${f.type ?? ''}" is not known; kept as text in ` +
            "the method's note rather than guessing phí or lệ phí",
        );
        continue;
      }
      // With a text, a 0 usually means "see the text" (schedules, exemptions): not a real amount.
      const amount =
        inDong &&
        value !== undefined &&
        Number.isInteger(value) &&
        value >= 0 &&
        (!text || value > 0)
          ? value
          : undefined;
      fees.push({ kind, ...(amount !== undefined ? { amount } : {}), text: said });
    }
    if (unknownFees.length) {
      const vi = unknownFees.map((t) => `Khoản thu (chưa rõ phí hay lệ phí): ${t}`).join('\n');
      note = { vi: note ? `${note.vi}\n${vi}` : vi };
    }
    out.push({ channel, time, fees, ...(note ? { note } : {}) });
  }
  if (fallback.length) notes.push(`time of ${fallback.join(', ')}: ${fallbackSaid}`);
  return out;
}

/** A form template from a component's attachments, when one has both a title and a link. */
function formOf(attachments: unknown[]): { title: LocalText; url: string } | undefined {
  for (const a of attachments) {
    if (!a || typeof a !== 'object') continue;
    const o = a as Record<string, unknown>;
    const title = [o.name, o.fileName, o.title].find((v) => typeof v === 'string' && v.trim());
    const url = [o.url, o.link, o.downloadUrl, o.fileUrl].find(
      (v) => typeof v === 'string' && /^https?:\/\//.test(v),
    );
    if (typeof title === 'string' && typeof url === 'string')
      return { title: { vi: cleanText(title) }, url };
  }
  return undefined;
}

function mapDocuments(d: Detail, problem: (m: string) => void, notes: string[]) {
  const out: { case?: LocalText; items: Record<string, unknown>[] }[] = [];
  for (const c of d.executionCases) {
    const caseName = stripBullet(c.name ?? '').replace(/\s*:$/, '');
    const items: Record<string, unknown>[] = [];
    for (const p of c.profileComponents) {
      const name = stripBullet(p.name);
      if (!name) {
        notes.push(`a document with an empty name in "${caseName || '(no case)'}" was left out`);
        continue;
      }
      if (typeof p.originalQty !== 'number' || typeof p.copyQty !== 'number') {
        problem(`document "${name.slice(0, 60)}…" does not say how many originals and copies`);
        continue;
      }
      const attachments = p.attachments ?? [];
      const form = formOf(attachments);
      if (attachments.length && !form)
        notes.push(
          `the form attached to "${name.slice(0, 60)}…" was not recognised and not imported`,
        );
      items.push({
        name: { vi: name },
        ...(form ? { form } : {}),
        originals: p.originalQty,
        copies: p.copyQty,
      });
    }
    if (items.length) out.push({ ...(caseName ? { case: { vi: caseName } } : {}), items });
  }
  return out;
}

function mapSteps(d: Detail) {
  const out: { text: LocalText; items?: LocalText[] }[] = [];
  for (const s of d.executionSteps) {
    const title = cleanText(s.name ?? '');
    const body = s.description ?? '';
    if (title) {
      const items = parseList(body).map((vi) => ({ vi }));
      out.push({ text: { vi: title }, ...(items.length ? { items } : {}) });
      continue;
    }
    for (const b of parseBlocks(body)) {
      const items = b.items.map((vi) => ({ vi }));
      out.push({ text: { vi: b.text }, ...(items.length ? { items } : {}) });
    }
  }
  return out;
}

function mapLegalBasis(d: Detail, problem: (m: string) => void) {
  const out: { number: string; title: LocalText; date?: string }[] = [];
  for (const l of d.legalBasisesDetails ?? []) {
    const title = cleanText(l.name ?? '');
    const number = cleanText(l.code ?? '') || DOCUMENT_NUMBER.exec(title)?.[0] || '';
    if (!number) {
      problem(`legal basis "${title.slice(0, 80)}" has no document number`);
      continue;
    }
    const date = dateAfterNumber(title, number);
    out.push({ number, title: { vi: title || number }, ...(date ? { date } : {}) });
  }
  return out;
}

/** Parts of the payload the content model has no place for: said, so that nothing vanishes silently. */
function notIncluded(d: Detail, notes: string[]) {
  const raw = d as Record<string, unknown>;
  const texts = ['note', 'authorizedAgencies', 'delegatedAgencies', 'coordinatingAgencies'];
  const lists = [
    'departmentsAuthorized',
    'departmentsCoordinating',
    'unitGroupsAuthorized',
    'unitGroupsCoordinating',
    'fees',
    'profileComponents',
    'targetObjects',
    'returningMethods',
    'procedureRelatedGroup',
  ];
  const left = [
    ...texts.filter((k) => typeof raw[k] === 'string' && (raw[k] as string).trim()),
    ...lists.filter((k) => Array.isArray(raw[k]) && (raw[k] as unknown[]).length),
  ];
  if (left.length) notes.push(`not imported (no place in the content model): ${left.join(', ')}`);
}
