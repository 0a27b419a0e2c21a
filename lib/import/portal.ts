/**
 * Reads a procedure detail as the National Public Service Portal (Cổng Dịch vụ công quốc gia)
 * returns it, and maps it onto the content model. Text is kept word for word; what the payload
 * leaves empty is not carried (the planner then leaves that part of the content alone).
 */
import { z } from 'zod';
import { normalizeNfc } from '../content/load';
import { procedureCode, type Channel } from '../content/schema';
import { fieldSlug, matchField } from './fields';
import { nationalPortalProcedureUrl } from '../links';
import { fold } from '../search/fold';
import {
  cleanText,
  dateAfterNumber,
  DOCUMENT_NUMBER,
  feeKinds,
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
  id: str,
  code: z.string(),
  name: z.string(),
  description: str,
  keywords: str,
  note: str,
  executionSteps: z.array(z.looseObject({ name: str, description: str })),
  executionMethods: z.array(
    z.looseObject({
      submissionMethod: z.string(),
      processingTime: z.union([z.number(), z.string()]).nullish(),
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
  authorizedAgencies: str,
  departmentsAuthorized: namedList,
  unitGroupsAuthorized: namedList,
  delegatedAgencies: str,
  coordinatingAgencies: str,
  departmentsCoordinating: namedList,
  unitGroupsCoordinating: namedList,
  dossierReceivingAddresses: str,
  requirementsAndConditions: str,
  decisionNo: str,
  departmentPromulgateName: str,
  cases: z
    .array(
      z.looseObject({
        name: str,
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

/**
 * The portal's fee types do not follow the Law on Fees and Charges (2015): its SERVICE_FEE rows
 * read "Mức lệ phí…", its FEE rows "Phí cấp bản sao…". So the kind is what the text itself names
 * (phí or lệ phí, one of them only); a price level (giá) is the only type taken as said.
 */
const TYPE_KINDS: Record<string, 'price'> = { PRICE_LEVEL: 'price' };

/** Currencies the portal writes as an ISO code; đồng also as an empty id. */
const DONG = new Set(['', 'VND', 'VNĐ']);

type LocalText = { vi: string; en?: string };

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
  const problem = (field: string, message: string) =>
    problems.push({ file, code, column: field, message });
  const units: Partial<Record<Unit, Update>> = {};
  const set = (unit: Unit, value: unknown) => (units[unit] = { set: value });

  const name = cleanText(d.name);
  if (name) set('name.vi', name);
  else problem('name', 'the name is empty');

  if (d.isWard) set('level', 'commune');
  else if (d.isProvince) set('level', 'province');
  else if (d.isMinistry) set('level', 'central');

  const categories = names(d.categoriesDetails);
  const field = categories.map((c) => matchField(c, ctx.fields)).find((f) => f !== undefined);
  let newField: ProcedurePatch['newField'];
  if (field) set('field', field.id);
  else if (categories.length) {
    newField = { id: fieldSlug(categories[0]), name: categories[0] };
    set('field', newField.id);
  }

  const summary = cleanText(d.description ?? '');
  if (summary) set('summary.vi', summary);
  const keywords = (d.keywords ?? '')
    .split(/[,;\n]/)
    .map((k) => cleanText(k))
    .filter(Boolean);
  if (keywords.length) set('keywords', keywords);

  const methods = mapMethods(d, notes);
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

  const agencyText = (
    text: string | null | undefined,
    ...lists: Detail['departmentsExecuting'][]
  ) => cleanText(text ?? '') || lists.map((l) => names(l).join('; ')).find(Boolean) || '';
  const agencies: [Unit, string][] = [
    ['agency.vi', agencyText(d.executingAgencies, d.departmentsExecuting, d.unitGroupsExecuting)],
    ['authority.vi', agencyText('', d.departmentsAuthority, d.unitGroupsAuthority)],
    [
      'authorizedAgency.vi',
      agencyText(d.authorizedAgencies, d.departmentsAuthorized, d.unitGroupsAuthorized),
    ],
    ['delegatedAgency.vi', agencyText(d.delegatedAgencies)],
    [
      'coordinatingAgency.vi',
      agencyText(d.coordinatingAgencies, d.departmentsCoordinating, d.unitGroupsCoordinating),
    ],
  ];
  for (const [unit, text] of agencies) if (text) set(unit, text);
  const address = cleanText(d.dossierReceivingAddresses ?? '');
  if (address) set('receivingAddress.vi', address);

  const results = names(d.resultsDetails);
  if (results.length)
    set(
      'results',
      results.map((vi) => ({ vi })),
    );

  const legal = mapLegalBasis(d);
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
  const portalId = (d.id ?? '').trim();
  const pageUrl = PORTAL_ID.test(portalId)
    ? nationalPortalProcedureUrl(ctx.nationalPortalUrl, portalId)
    : undefined;
  if (pageUrl) {
    set('online.url', pageUrl);
    set('source.url', pageUrl);
  } else notes.push(`no portal id of the usual form (got "${portalId}"): no link to its page`);

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
  const promulgatedBy = cleanText(d.departmentPromulgateName ?? '') || issuer;
  if (promulgatedBy) set('source.promulgatedBy', { vi: promulgatedBy });

  notIncluded(d, notes);
  const patch: ProcedurePatch = {
    code,
    origin: file,
    source: 'portal',
    units,
    ...(newField ? { newField } : {}),
    ...(promulgatedBy ? { promulgatedBy } : {}),
  };
  return {
    patches: problems.length ? [] : [patch],
    notes: notes.map((n) => `${file}: ${code}: ${n}`),
    problems,
  };
}

/** The portal's procedure ids are UUIDs (019d2bfd-3fac-7489-b53b-a15eb239a6fe). */
const PORTAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Fee = { kind?: 'fee' | 'charge' | 'price'; amount?: number; text: LocalText };
type Method = { channel: Channel; time: Time; fees: Fee[]; note?: LocalText };
type Time = { value?: number; unit?: string; text?: LocalText };

type CaseTime = { name: string; qty: number; type: string };

function caseTimes(d: Detail): CaseTime[] {
  return (d.cases ?? []).flatMap((c) =>
    c.processingDay && typeof c.processingDay.qty === 'number' && c.processingDay.type
      ? [{ name: cleanText(c.name ?? ''), qty: c.processingDay.qty, type: c.processingDay.type }]
      : [],
  );
}

function caseTimeText(c: CaseTime): string {
  const words = TIME_UNITS[c.type] ?? TEXT_UNITS[c.type];
  return words ? timeText(c.qty, words).vi : `${viNumber(c.qty)} (${c.type})`;
}

/** The time all `cases` agree on, used when a method's own time says nothing (unit OTHER, no text). */
function timeFromCases(d: Detail): { time: Time; said: string } | undefined {
  const days = caseTimes(d);
  if (!days.length || days.length !== (d.cases ?? []).length) return undefined;
  const first = days[0];
  const words = TIME_UNITS[first.type];
  if (!words || first.qty <= 0 || days.some((x) => x.qty !== first.qty || x.type !== first.type))
    return undefined;
  return {
    time: { value: first.qty, unit: words.unit, text: timeText(first.qty, words) },
    said: `${first.qty} ${first.type}`,
  };
}

/** A number the portal wrote as a number or as text ("7,5"); null when the text is words. */
function numberOf(v: number | string | null | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*$/.exec(v ?? '');
  return m ? Number(m[1].replace(',', '.')) : null;
}

function mapTime(
  d: Detail,
  m: Detail['executionMethods'][number],
  notes: string[],
): { time: Time; note?: LocalText } {
  const description = cleanText(m.description ?? '');
  const n = numberOf(m.processingTime) ?? 0;
  const said = typeof m.processingTime === 'string' ? cleanText(m.processingTime) : '';
  const rawUnit = m.processingTimeUnit ?? '';
  const known = TIME_UNITS[rawUnit];
  const textual = TEXT_UNITS[rawUnit];
  const where = `method ${m.submissionMethod}`;
  if ((known || textual) && n > 0) {
    const time: Time = known
      ? { value: n, unit: known.unit, text: timeText(n, known) }
      : { text: timeText(n, textual) };
    return { time, ...(description ? { note: { vi: description } } : {}) };
  }
  if (description) return { time: { text: { vi: description } } };
  if (said && numberOf(said) === null) return { time: { text: { vi: said } } };
  if (rawUnit && rawUnit !== 'OTHER' && n > 0) {
    notes.push(`${where}: time unit "${rawUnit}" is not known, kept as text`);
    return { time: { text: { vi: `${viNumber(n)} ${rawUnit}` } } };
  }
  const fromCases = timeFromCases(d);
  if (fromCases) {
    notes.push(
      `${where}: time "${n} ${rawUnit || '(no unit)'}" with no description; used ` +
        `cases[].processingDay (${fromCases.said}), which all cases agree on`,
    );
    return { time: fromCases.time };
  }
  const cases = caseTimes(d);
  notes.push(
    `${where}: the time limit is not stated (unit "${rawUnit}", no description` +
      `${cases.length ? ', and the cases disagree' : ''}): published as not stated`,
  );
  if (!cases.length) return { time: {} };
  const vi = cases.map((c) => `${c.name || '—'}: ${caseTimeText(c)}`).join('\n');
  return { time: {}, note: { vi: `Theo từng trường hợp trên Cổng Dịch vụ công quốc gia:\n${vi}` } };
}

function mapFee(
  f: NonNullable<Detail['executionMethods'][number]['fees']>[number],
  notes: string[],
  where: string,
): Fee | undefined {
  const text = cleanText(f.description ?? '');
  const currency = (f.currencyId ?? '').trim();
  const value = typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : undefined;
  const inDong =
    DONG.has(currency.toUpperCase()) ||
    (/\bđồng\b|\bđ\b/iu.test(text) && !/^[A-Z]{3}$/.test(currency));
  if (!DONG.has(currency.toUpperCase()))
    notes.push(
      `${where}: currency "${currency}" ${inDong ? 'read as đồng, as the text says' : 'is not known: the amount is kept as text'}`,
    );
  // A 0 beside a text, or alone, is the portal's empty field, not a statement that it is free.
  const stated = value !== undefined && value > 0 ? value : undefined;
  if (!text && stated === undefined) {
    notes.push(`${where}: a fee with neither amount nor text: the fee is not stated`);
    return undefined;
  }
  if (f.attachment) notes.push(`${where}: a fee attachment was not imported`);
  const amountText =
    stated === undefined
      ? ''
      : inDong
        ? `${viNumber(stated)} đồng`
        : `${viNumber(stated)}${/^[A-Z]{3}$/.test(currency) ? ` ${currency}` : ''}`;
  const mentioned =
    stated !== undefined && fold(text).replace(/[ .]/g, '').includes(String(stated));
  const vi = !amountText || mentioned ? text : text ? `${amountText}: ${text}` : amountText;
  const kinds = feeKinds(text);
  const kind = TYPE_KINDS[f.type ?? ''] ?? (kinds.length === 1 ? kinds[0] : undefined);
  const amount = inDong && stated !== undefined && Number.isInteger(stated) ? stated : undefined;
  return {
    ...(kind ? { kind } : {}),
    ...(amount !== undefined ? { amount } : {}),
    text: !text && inDong && amount !== undefined ? { vi, en: `VND ${enNumber(amount)}` } : { vi },
  };
}

function mapMethods(d: Detail, notes: string[]): Method[] {
  const out: Method[] = [];
  for (const m of d.executionMethods) {
    const channel = CHANNELS[m.submissionMethod];
    if (!channel) {
      notes.push(
        `submission method "${m.submissionMethod}" is not known (known: DIRECT, ONLINE, POSTAL): left out`,
      );
      continue;
    }
    const { time, note } = mapTime(d, m, notes);
    const fees = (m.fees ?? [])
      .map((f) => mapFee(f, notes, `method ${m.submissionMethod}`))
      .filter((f): f is Fee => f !== undefined);
    out.push({ channel, time, fees, ...(note ? { note } : {}) });
  }
  return out;
}

/** Form templates from a component's attachments: the name the portal gives, its link if any. */
function formsOf(attachments: unknown[]): { title: LocalText; url?: string }[] {
  const out: { title: LocalText; url?: string }[] = [];
  for (const a of attachments) {
    if (!a || typeof a !== 'object') continue;
    const o = a as Record<string, unknown>;
    const title = [o.name, o.fileName, o.title].find((v) => typeof v === 'string' && v.trim());
    const url = [o.url, o.link, o.downloadUrl, o.fileUrl].find(
      (v) => typeof v === 'string' && /^https?:\/\//.test(v),
    );
    if (typeof title === 'string')
      out.push({ title: { vi: cleanText(title) }, ...(typeof url === 'string' ? { url } : {}) });
  }
  return out;
}

/** "  * Giấy tờ phải xuất trình : " → "Giấy tờ phải xuất trình". */
export function caseHeading(s: string): string {
  return stripBullet(cleanText(s).replace(/^\*(?=\S)/, '* '))
    .replace(/\s+:/g, ':')
    .replace(/:$/, '')
    .trim();
}

function mapDocuments(d: Detail, problem: (field: string, m: string) => void, notes: string[]) {
  const out: { case?: LocalText; items: Record<string, unknown>[] }[] = [];
  for (const c of d.executionCases) {
    const caseName = caseHeading(c.name ?? '');
    const items: Record<string, unknown>[] = [];
    for (const p of c.profileComponents) {
      const name = stripBullet(p.name);
      if (!name) {
        notes.push(`a document with an empty name in "${caseName || '(no case)'}" was left out`);
        continue;
      }
      if (typeof p.originalQty !== 'number' || typeof p.copyQty !== 'number') {
        problem(
          'executionCases.profileComponents',
          `document "${name.slice(0, 60)}…" does not say how many originals and copies`,
        );
        continue;
      }
      const attachments = p.attachments ?? [];
      const forms = formsOf(attachments);
      if (forms.length < attachments.length)
        notes.push(`an attachment of "${name.slice(0, 60)}…" has no name and was not imported`);
      items.push({
        name: { vi: name },
        ...(forms.length ? { forms } : {}),
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

/**
 * The document number from the code field, which the portal sometimes writes in prose
 * ("Thông tư số 03/2023/TT-BTP", "75/2026/QĐ-UBND (thành phố Đà Nẵng)"); a code of another form
 * ("2298/QĐ-UBND") is kept as written; with no code, the number in the title, if any.
 */
function mapLegalBasis(d: Detail) {
  const out: { number?: string; title: LocalText; date?: string }[] = [];
  for (const l of d.legalBasisesDetails ?? []) {
    const title = cleanText(l.name ?? '');
    const rawCode = cleanText(l.code ?? '');
    const number =
      DOCUMENT_NUMBER.exec(rawCode)?.[0] || rawCode || DOCUMENT_NUMBER.exec(title)?.[0] || '';
    if (!title && !number) continue;
    const date = number ? dateAfterNumber(title, number) : undefined;
    out.push({
      ...(number ? { number } : {}),
      title: { vi: title || number },
      ...(date ? { date } : {}),
    });
  }
  return out;
}

/** Parts of the payload the content model has no place for: said, so that nothing vanishes silently. */
function notIncluded(d: Detail, notes: string[]) {
  const raw = d as Record<string, unknown>;
  const texts = ['note'];
  const lists = [
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
