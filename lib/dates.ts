/**
 * Dates as the ward lives them: a day begins at midnight in Vietnam (Asia/Ho_Chi_Minh, UTC+7,
 * no daylight saving), not at midnight UTC, which is 07:00 local time.
 */
import { fixedBuildDate } from './env';

/** The date of an epoch-millisecond instant in Vietnam, as YYYY-MM-DD. */
export function vietnamDate(ms: number): string {
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Today in Vietnam, as YYYY-MM-DD. */
export function todayInVietnam(now: number = Date.now()): string {
  return vietnamDate(now);
}

/** The date the site is built for: BUILD_DATE when set, else today in Vietnam. */
export function buildDate(): string {
  return fixedBuildDate() ?? todayInVietnam();
}
