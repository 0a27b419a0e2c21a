import { describe, expect, it } from 'vitest';
import { groupMethods, type Method } from './methods';

const method = (channel: Method['channel'], time: string, fee: string, en?: string): Method => ({
  channel,
  time: { text: { vi: time, en } },
  fees: [{ kind: 'fee', text: { vi: fee } }],
});

describe('groupMethods', () => {
  it('puts channels with the same value in one group, in first-seen order', () => {
    const methods = [
      method('direct', '3 ngày', 'Miễn phí'),
      method('online', '1 ngày', 'Miễn phí'),
      method('postal', '3 ngày', '10.000 đồng'),
    ];
    const byTime = groupMethods(methods, (m) => m.time.text);
    expect(byTime.map((g) => g.channels)).toEqual([['direct', 'postal'], ['online']]);
    expect(byTime[1].method.time.text?.vi).toBe('1 ngày');
    const byFee = groupMethods(methods, (m) => m.fees);
    expect(byFee.map((g) => g.channels)).toEqual([['direct', 'online'], ['postal']]);
  });

  it('tells texts apart by every language, not only Vietnamese', () => {
    const methods = [method('direct', '3 ngày', 'x', '3 days'), method('online', '3 ngày', 'x')];
    expect(groupMethods(methods, (m) => m.time.text)).toHaveLength(2);
  });
});
