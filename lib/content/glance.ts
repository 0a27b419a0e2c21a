/**
 * The answer first: a procedure's time limit and fee in a few words, read from the structured
 * data the importer keeps ("1 ngày làm việc", "Miễn lệ phí", "8.000 đồng"), before the official
 * wording. One rule for the procedure page and the poster, and the one place that decides
 * whether every channel has the same time and fee.
 */
import { fold } from '../search/fold';
import { groupMethods, type Method } from './methods';
import type { Channel, Procedure } from './schema';

export type TimeUnit = NonNullable<Method['time']['unit']>;

export type TimeAnswer =
  | { kind: 'time'; value: number; unit: TimeUnit }
  /** No one time limit: the source gives one per case (kept in the method's note). */
  | { kind: 'by-case' }
  /** A time stated only in words the data cannot shorten: read the official wording. */
  | { kind: 'see-wording' }
  | { kind: 'not-stated' };

export type FeeAnswer =
  /** "Miễn phí": no fee. */
  | { kind: 'free' }
  /** "Miễn lệ phí": no charge (a fee for extra copies, when asked for, may still apply). */
  | { kind: 'no-charge' }
  | { kind: 'amounts'; amounts: number[] }
  /** The provincial People's Council sets the amount (the national data gives no figure). */
  | { kind: 'set-by-province' }
  | { kind: 'see-wording' }
  | { kind: 'not-stated' };

export type GlanceLine<A> = { channels: Channel[]; answer: A; method: Method };

export type Glance = {
  time: GlanceLine<TimeAnswer>[];
  fee: GlanceLine<FeeAnswer>[];
  /** Every channel has the same short answers, so they are said once without channel names. */
  same: boolean;
};

export function timeAnswer(m: Method): TimeAnswer {
  const { value, unit, text } = m.time;
  if (value !== undefined && unit) return { kind: 'time', value, unit };
  if (text) return { kind: 'see-wording' };
  return m.note ? { kind: 'by-case' } : { kind: 'not-stated' };
}

/** The first sentence of an official fee text, folded, without the brackets and stray "Đồng". */
function opening(text: string): string {
  const first = fold(text.split(/[.;:]\s/)[0]);
  return first.replace(/^dong\s+/, '');
}

// The national data's own wordings, folded: "Miễn lệ phí." as a whole first sentence, and the
// three ways it says that the province sets the amount.
const FREE = /^mien phi$/;
const NO_CHARGE = /^mien le phi$/;
const PROVINCE =
  /^(muc le phi cu the do|theo quy dinh cua|theo muc thu le phi do) hoi dong nhan dan (cap )?tinh/;

export function feeAnswer(m: Method): FeeAnswer {
  if (m.fees.length === 0) return { kind: 'not-stated' };
  const amounts = m.fees.map((f) => f.amount);
  if (amounts.every((a) => a !== undefined))
    return { kind: 'amounts', amounts: [...new Set(amounts)] };
  const openings = m.fees.map((f) => opening(f.text.vi));
  if (openings.every((o) => FREE.test(o))) return { kind: 'free' };
  if (openings.every((o) => NO_CHARGE.test(o))) return { kind: 'no-charge' };
  if (openings.every((o) => PROVINCE.test(o))) return { kind: 'set-by-province' };
  return { kind: 'see-wording' };
}

/** The procedure's short answers, grouped by channel where they differ. */
export function atAGlance(p: Pick<Procedure, 'methods'>): Glance {
  const time = groupMethods(p.methods, timeAnswer).map((g) => ({
    ...g,
    answer: timeAnswer(g.method),
  }));
  const fee = groupMethods(p.methods, feeAnswer).map((g) => ({
    ...g,
    answer: feeAnswer(g.method),
  }));
  return { time, fee, same: time.length === 1 && fee.length === 1 };
}

/** Whether a short answer needs the official wording read in full (it shortens nothing). */
export function needsWording(answer: TimeAnswer | FeeAnswer): boolean {
  return answer.kind === 'see-wording' || answer.kind === 'by-case';
}

// The words of a unit, folded, as a time's own wording gives them beside the number.
const UNIT_WORDS: Record<TimeUnit, string> = {
  'working-day': 'ngay lam viec',
  day: 'ngay',
  hour: 'gio',
  month: 'thang',
};

/**
 * Whether a method's time wording says more than its short answer: "1 ngày làm việc" beside a
 * value of 1 working day does not; "Trong ngày làm việc, …" or a per-case note does, and is shown.
 */
export function timeWordingAddsToAnswer(m: Method): boolean {
  const answer = timeAnswer(m);
  if (needsWording(answer)) return true;
  const text = m.time.text?.vi;
  if (answer.kind !== 'time' || !text) return false;
  return fold(text) !== `${String(answer.value)} ${UNIT_WORDS[answer.unit]}`;
}
