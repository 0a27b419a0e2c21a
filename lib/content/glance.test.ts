import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atAGlance, feeAnswer, timeAnswer, timeWordingAddsToAnswer } from './glance';
import { loadContentFrom } from './load';
import { getProcedure } from './lookup';
import type { Method } from './methods';

// The real imported procedures in content/, whose official wording the answers must shorten.
const content = loadContentFrom(path.join(__dirname, '../../content'));
const procedure = (code: string) => getProcedure(content, code)!;

describe('atAGlance on the imported catalogue', () => {
  it('answers "no charge" for 1.000894, whose fee text is a long quotation opening "Miễn lệ phí."', () => {
    const g = atAGlance(procedure('1.000894'));
    expect(g.fee).toEqual([
      expect.objectContaining({
        channels: ['online', 'postal', 'direct'],
        answer: { kind: 'no-charge' },
      }),
    ]);
    // No time limit, one per case in the note ("1 ngày làm việc", "1 ngày"): not one answer.
    expect(g.time.map((l) => l.answer)).toEqual([{ kind: 'by-case' }]);
    expect(g.same).toBe(true);
  });

  it('gives the time in value and unit (1.001193: 1 working day on every channel)', () => {
    const g = atAGlance(procedure('1.001193'));
    expect(g.time.map((l) => l.answer)).toEqual([{ kind: 'time', value: 1, unit: 'working-day' }]);
    expect(g.fee.map((l) => l.answer)).toEqual([{ kind: 'not-stated' }]);
  });

  it('gives the amount in đồng where the data holds one (2.000635: 8.000 đồng)', () => {
    expect(atAGlance(procedure('2.000635')).fee.map((l) => l.answer)).toEqual([
      { kind: 'amounts', amounts: [8000] },
    ]);
  });

  it('says the province sets the fee for the three wordings the national data uses', () => {
    for (const code of ['1.013229', '1.000110', '2.000547'])
      expect(
        atAGlance(procedure(code)).fee.map((l) => l.answer),
        code,
      ).toEqual([{ kind: 'set-by-province' }]);
  });

  it('splits by channel only where the answers differ (1.004837: no fee stated in person)', () => {
    const g = atAGlance(procedure('1.004837'));
    expect(g.time).toHaveLength(1);
    expect(g.fee.map((l) => [l.channels, l.answer.kind])).toEqual([
      [['online', 'postal'], 'see-wording'],
      [['direct'], 'not-stated'],
    ]);
    expect(g.same).toBe(false);
  });
});

describe('short answers', () => {
  const method = (fees: Method['fees'], time: Method['time'] = {}): Method => ({
    channel: 'direct',
    time,
    fees,
  });
  it('does not call a conditional exemption free', () => {
    const m = method([{ text: { vi: 'Miễn lệ phí cho người thuộc hộ nghèo; người khuyết tật.' } }]);
    expect(feeAnswer(m)).toEqual({ kind: 'see-wording' });
  });
  it('needs every fee of a channel to be free or to have an amount', () => {
    const free = { text: { vi: 'Miễn phí.' } };
    expect(feeAnswer(method([free, { text: { vi: 'Phí cấp bản sao: 8.000 đồng.' } }]))).toEqual({
      kind: 'see-wording',
    });
    expect(feeAnswer(method([free]))).toEqual({ kind: 'free' });
    expect(
      feeAnswer(
        method([
          { amount: 50000, text: { vi: 'x' } },
          { amount: 50000, text: { vi: 'y' } },
        ]),
      ),
    ).toEqual({ kind: 'amounts', amounts: [50000] });
  });
  it('keeps a time said only in words for the wording', () => {
    expect(timeAnswer(method([], { text: { vi: 'Trong ngày' } }))).toEqual({ kind: 'see-wording' });
    expect(timeAnswer(method([]))).toEqual({ kind: 'not-stated' });
  });
});

describe('the time wording under the short answer', () => {
  it('is left out where it only repeats the value and unit, in every imported procedure', () => {
    const m = procedure('1.001193').methods[0];
    expect(m.time.text?.vi).toBe('1 ngày làm việc');
    expect(timeWordingAddsToAnswer(m)).toBe(false);
  });

  it('is shown where it says more: words of its own, or one time per case', () => {
    const m = procedure('1.001193').methods[0];
    const edited = {
      ...m,
      time: { ...m.time, text: { vi: 'Trong ngày làm việc, nếu nộp trước 15 giờ' } },
    };
    expect(timeWordingAddsToAnswer(edited)).toBe(true);
    expect(timeWordingAddsToAnswer(procedure('1.000894').methods[0])).toBe(true);
  });
});
