import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDate, todayInVietnam, vietnamDate } from './dates';

describe('the date in Vietnam', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('turns at midnight in Hanoi, which is 17:00 UTC the day before', () => {
    // Independent of the code: Intl's own time-zone database says what date it is in Hanoi.
    const hanoi = (ms: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(ms);
    const lastSecond = Date.UTC(2026, 5, 30, 16, 59, 59);
    const midnight = Date.UTC(2026, 5, 30, 17, 0, 0);
    expect(vietnamDate(lastSecond)).toBe('2026-06-30');
    expect(vietnamDate(midnight)).toBe('2026-07-01');
    for (const ms of [
      lastSecond,
      midnight,
      Date.UTC(2026, 11, 31, 23, 0),
      Date.UTC(2024, 1, 28, 17),
    ])
      expect(vietnamDate(ms)).toBe(hanoi(ms));
  });

  it('is already tomorrow at 07:00 UTC+7 minus one minute UTC', () => {
    expect(todayInVietnam(Date.UTC(2026, 0, 1, 23, 59))).toBe('2026-01-02');
  });

  it('uses BUILD_DATE when set and refuses one that does not exist, naming the variable', () => {
    vi.stubEnv('BUILD_DATE', '2026-03-01');
    expect(buildDate()).toBe('2026-03-01');
    vi.stubEnv('BUILD_DATE', '2026-02-30');
    expect(() => buildDate()).toThrow(/BUILD_DATE="2026-02-30"/);
  });
});
