/**
 * GS1 Digital Link URIs for trade items (primary key AI 01, the GTIN): building and parsing.
 *
 * The rules are GS1's (GS1 Digital Link: URI syntax; the reference implementation is GS1's
 * syntax engine, gs1/gs1-syntax-engine, src/c-lib/dl.c):
 * - the path holds the primary key and then its key qualifiers, each as /{AI}/{value}; for a
 *   GTIN the qualifiers are CPV (22), batch or lot (10) and serial (21), in that order, each
 *   optional, or else the third-party controlled serial (235) alone;
 * - the GTIN is written with its 14 digits and its check digit must be right;
 * - data attributes (AIs that are not key qualifiers: dates, measures…) go in the query string,
 *   each at most once; other query parameters (linkType, context…) are not GS1 data and are
 *   passed over;
 * - the URI does not end with a slash; values are percent-encoded, and a "+" in the path is a
 *   plus sign while in the query it is a space.
 */
import { gs1CheckDigit } from './gtin';

/** The GTIN key qualifiers, as the path writes them. */
export type KeyQualifiers = {
  /** AI 22: consumer product variant. */
  cpv?: string;
  /** AI 10: batch or lot number. */
  lot?: string;
  /** AI 21: serial number. */
  serial?: string;
  /** AI 235: third-party controlled, serialised extension of GTIN (instead of 22/10/21). */
  tpx?: string;
};

export type DigitalLink = {
  /** The GTIN, 14 digits. */
  gtin: string;
  qualifiers: KeyQualifiers;
  /** GS1 data attributes from the query string (AI → value), in the order given. */
  attributes: [string, string][];
  /** Query parameters that are not GS1 data (linkType, context…), in the order given. */
  params: [string, string][];
};

export type ParseResult = { ok: true; link: DigitalLink } | { ok: false; problem: string };

const QUALIFIER_AI = { cpv: '22', lot: '10', serial: '21', tpx: '235' } as const;
const QUALIFIER_NAME: Record<string, keyof KeyQualifiers> = {
  '22': 'cpv',
  '10': 'lot',
  '21': 'serial',
  '235': 'tpx',
};
const QUALIFIER_MAX = { cpv: 20, lot: 20, serial: 20, tpx: 28 } as const;
/** The orders GS1 allows the GTIN's key qualifiers in (any one may be left out). */
const QUALIFIER_ORDERS = [['22', '10', '21'], ['235']];

/** The characters of GS1 AI encodable character set 82 (GS1 General Specifications 7.11). */
const CSET82_CHARS = `!"%&'()*+,\\-./0-9:;<=>?A-Z_a-z`;

/** A value of 1 to `max` characters of GS1 character set 82, as AIs 10, 21, 22, 91-99 take. */
export function cset82(max: number): RegExp {
  return new RegExp(`^[${CSET82_CHARS}]{1,${max}}$`);
}

/**
 * Data attributes this parser knows, as AI patterns with their value format. A subset of the GS1
 * AI table: the dates, counts, measures, prices and company-internal AIs a trade item carries.
 * Any other numeric query key is an unknown AI, which GS1's syntax engine rejects.
 */
const YYMMDD = /^\d{2}(0[1-9]|1[0-2])(0\d|[12]\d|3[01])$/;
const ATTRIBUTES: [RegExp, RegExp][] = [
  [/^1[123567]$/, YYMMDD],
  [/^(30|37)$/, /^\d{1,8}$/],
  [/^3[1-6]\d[0-9]$/, /^\d{6}$/],
  [/^392[0-9]$/, /^\d{1,15}$/],
  [/^393[0-9]$/, /^\d{4,18}$/],
  [/^7003$/, /^\d{10}$/],
  [/^9[1-9]$/, cset82(90)],
];

function percentDecode(text: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return null;
  }
}

/** Percent-encodes a value for a path segment or a query value of a Digital Link URI. */
function encodeValue(value: string): string {
  return encodeURIComponent(value);
}

function gtinValueProblem(value: string): string | null {
  if (!/^\d+$/.test(value)) return `the GTIN "${value}" must be digits only`;
  if ([8, 12, 13].includes(value.length))
    return `the GTIN must be written with 14 digits: /01/${value.padStart(14, '0')}`;
  if (value.length !== 14) return `the GTIN "${value}" must have 14 digits`;
  const expected = gs1CheckDigit(value.slice(0, -1));
  if (Number(value.at(-1)) !== expected)
    return `the check digit of GTIN ${value} should be ${expected}, not ${value.at(-1)}`;
  return null;
}

/**
 * Parses the GS1 part of a Digital Link: the path from the primary key on (`/01/…`, no
 * trailing slash) and the query string (without "?").
 */
export function parseDigitalLinkPath(path: string, query = ''): ParseResult {
  const fail = (problem: string): ParseResult => ({ ok: false, problem });
  if (!path.startsWith('/01/')) return fail('a GTIN Digital Link path starts with /01/');
  if (path.endsWith('/')) return fail('a GS1 Digital Link URI does not end with a slash');
  const segments = path.slice(1).split('/');
  if (segments.length % 2) {
    return fail(
      `"/${segments.at(-1)}" has no value: the path is /01/{GTIN}, then /{AI}/{value} pairs`,
    );
  }
  const gtinProblem = gtinValueProblem(segments[1]);
  if (gtinProblem) return fail(gtinProblem);

  const qualifiers: KeyQualifiers = {};
  const ais: string[] = [];
  for (let i = 2; i < segments.length; i += 2) {
    const [ai, raw] = [segments[i], segments[i + 1]];
    const name = QUALIFIER_NAME[ai];
    if (!name) {
      return fail(
        `"/${ai}/" is not a key qualifier of a GTIN (22, 10, 21 or 235); data attributes go in the query string`,
      );
    }
    if (ais.includes(ai)) return fail(`AI (${ai}) appears twice`);
    const value = percentDecode(raw, false);
    if (!value) return fail(`the value of AI (${ai}) is empty or wrongly percent-encoded`);
    if (!cset82(QUALIFIER_MAX[name]).test(value)) {
      return fail(
        `the value of AI (${ai}) must be 1 to ${QUALIFIER_MAX[name]} characters of GS1's character set 82`,
      );
    }
    ais.push(ai);
    qualifiers[name] = value;
  }
  const ordered = QUALIFIER_ORDERS.some((order) => {
    const positions = ais.map((ai) => order.indexOf(ai));
    return positions.every((p, k) => p >= 0 && (k === 0 || p > positions[k - 1]));
  });
  if (!ordered) {
    return fail(
      `key qualifiers out of order (${ais.join(', ')}): a GTIN takes /22/, /10/, /21/ in that order, or /235/ alone`,
    );
  }

  const attributes: [string, string][] = [];
  const params: [string, string][] = [];
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq < 0) continue; // A singleton ("?foo") carries no value; GS1's engine skips it too.
    const key = percentDecode(pair.slice(0, eq), true);
    const value = percentDecode(pair.slice(eq + 1), true);
    if (key === null || value === null) return fail(`"${pair}" is wrongly percent-encoded`);
    if (!/^\d+$/.test(key)) {
      params.push([key, value]);
      continue;
    }
    if (key === '01') return fail('the GTIN (01) is already the primary key');
    // A key qualifier that could stand in the path with those already there belongs in the path;
    // one that could not (a lot beside a 235) is a data attribute.
    const qualifier = QUALIFIER_NAME[key];
    if (
      qualifier &&
      QUALIFIER_ORDERS.some((order) => [...ais, key].every((a) => order.includes(a)))
    )
      return fail(`AI (${key}) is a key qualifier: it belongs in the path, not the query string`);
    const format = qualifier
      ? cset82(QUALIFIER_MAX[qualifier])
      : ATTRIBUTES.find(([ai]) => ai.test(key))?.[1];
    if (!format) return fail(`AI (${key}) in the query string is not a known GS1 data attribute`);
    if (attributes.some(([ai]) => ai === key)) return fail(`AI (${key}) appears twice`);
    if (!format.test(value)) return fail(`the value "${value}" of AI (${key}) is not valid`);
    attributes.push([key, value]);
  }
  return { ok: true, link: { gtin: segments[1], qualifiers, attributes, params } };
}

/**
 * Parses an absolute Digital Link URI: http or https (all lower or all upper case), a host, an
 * optional path of the host's own before the primary key, the GS1 path and the query string. A
 * fragment is ignored.
 */
export function parseDigitalLink(uri: string): ParseResult {
  const m =
    /^(http|https|HTTP|HTTPS):\/\/([A-Za-z0-9.\-_~:[\]]+)(\/[^?#]*)?(?:\?([^#]*))?(?:#.*)?$/.exec(
      uri,
    );
  if (!m) return { ok: false, problem: 'not an http(s) URI with a host' };
  const [, , , path = '', query = ''] = m;
  // The primary key is the rightmost /01/ from which the rest of the path is AI/value pairs:
  // a host's own path before it may hold anything, even a segment "01".
  const segments = path.split('/');
  for (let i = segments.length - 2; i >= 1; i--) {
    if (segments[i] === '01' && (segments.length - i) % 2 === 0)
      return parseDigitalLinkPath(`/${segments.slice(i).join('/')}`, query);
  }
  const first = segments.indexOf('01');
  if (first < 1) return { ok: false, problem: 'the path holds no GTIN primary key (/01/…)' };
  return parseDigitalLinkPath(`/${segments.slice(first).join('/')}`, query);
}

/**
 * The GS1 Digital Link path of a GTIN (14 digits) with its key qualifiers, written in GS1's
 * order whatever order they are given in, and optional data attributes as the query string.
 */
export function digitalLinkPath(
  gtin: string,
  qualifiers: KeyQualifiers = {},
  attributes: [string, string][] = [],
): string {
  const problem = gtinValueProblem(gtin);
  if (problem) throw new Error(problem);
  if (qualifiers.tpx !== undefined && (qualifiers.cpv ?? qualifiers.lot ?? qualifiers.serial))
    throw new Error('AI (235) cannot be combined with AIs (22), (10) or (21)');
  let path = `/01/${gtin}`;
  for (const name of ['cpv', 'lot', 'serial', 'tpx'] as const) {
    const value = qualifiers[name];
    if (value !== undefined) path += `/${QUALIFIER_AI[name]}/${encodeValue(value)}`;
  }
  const query = attributes.map(([ai, v]) => `${ai}=${encodeValue(v)}`).join('&');
  const built = query ? `${path}?${query}` : path;
  const check = parseDigitalLinkPath(path, query);
  if (!check.ok) throw new Error(check.problem);
  return built;
}
