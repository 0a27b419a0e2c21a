import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsSchema, procedureSchema } from '../content/schema';
import { readPortalDetail } from './portal';
import type { ProcedurePatch } from './types';

const fixture = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', '1.001193.json'), 'utf8'));
const payload = fixture.data;
const fields = fieldsSchema.parse([
  { id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status registration' } },
  { id: 'chung-thuc', name: { vi: 'Chứng thực' } },
]);
const ctx = { file: '1.001193.json', fields, nationalPortalUrl: 'https://dichvucong.gov.vn' };

/** The payload with some of its parts replaced. */
function variant(change: (d: typeof payload) => void) {
  const copy = structuredClone(fixture);
  change(copy.data);
  return copy;
}

function units(patch: ProcedurePatch): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(patch.units).map(([k, u]) => [k, u && 'set' in u ? u.set : undefined]),
  );
}

/** The procedure the patch describes, with the source the planner adds. */
function procedure(patch: ProcedurePatch) {
  const obj: Record<string, unknown> = { code: patch.code };
  for (const [unit, value] of Object.entries(units(patch))) {
    const [top, sub] = unit.split('.');
    if (sub) obj[top] = { ...((obj[top] as object) ?? {}), [sub]: value };
    else obj[top] = value;
  }
  obj.source = {
    decision: { number: '1/QĐ', date: '2025-07-01', issuer: { vi: 'UBND tỉnh' } },
    verifiedOn: '2026-01-01',
  };
  return procedureSchema.parse(obj);
}

/** The text as a reader sees it: no bullet mark, spaces (tabs, NBSP, runs) as one. */
function strip(s: string): string {
  return s
    .trim()
    .replace(/^[-+]\s+/, '')
    .replace(/[\s\u00a0]+/g, ' ');
}

describe('readPortalDetail on the real 1.001193 (Đăng ký khai sinh) payload', () => {
  const result = readPortalDetail(fixture, ctx);
  const p = procedure(result.patches[0]);

  it('maps to a valid procedure', () => {
    expect(result.problems).toEqual([]);
    expect(p.code).toBe('1.001193');
    expect(p.name.vi).toBe('Thủ tục đăng ký khai sinh');
    expect(p.level).toBe('commune');
    expect(p.field).toBe('ho-tich');
    expect(p.agency.vi).toBe('Ủy ban nhân dân cấp xã');
    expect(p.results).toEqual([{ vi: 'Giấy khai sinh' }]);
    expect(p.subjects.map((s) => s.vi).sort()).toEqual(
      ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'].sort(),
    );
    expect(p.online.level).toBe('partial');
  });

  it('has one method per executionMethod, with its channel, fees and the time the cases give', () => {
    expect(p.methods.map((m) => m.channel)).toEqual(['online', 'postal', 'direct']);
    p.methods.forEach((m, i) => {
      const src = payload.executionMethods[i];
      // A 0 with no text is the portal's empty field: the fee is not stated, not "free".
      expect(src.fees).toEqual([expect.objectContaining({ value: 0, description: '' })]);
      expect(m.fees).toEqual([]);
      // OTHER with an empty description says nothing; every case says 1 WORKING_DAY.
      expect(m.time).toMatchObject({
        value: 1,
        unit: 'working-day',
        text: { vi: '1 ngày làm việc' },
      });
    });
    expect(result.notes.join('\n')).toMatch(/cases\[\]\.processingDay/);
  });

  it('keeps every document, in its case, with the numbers of originals and copies', () => {
    expect(p.documents).toHaveLength(payload.executionCases.length);
    p.documents.forEach((group, i) => {
      const src = payload.executionCases[i];
      expect(group.case?.vi).toBe(
        src.name ? strip(src.name.replace(/^\*\s*/, '').replace(/\s*:\s*$/, '')) : undefined,
      );
      expect(group.items).toHaveLength(src.profileComponents.length);
      group.items.forEach((item, j) => {
        const c = src.profileComponents[j];
        expect(item.name.vi).toBe(strip(c.name));
        expect(item.originals).toBe(c.originalQty);
        expect(item.copies).toBe(c.copyQty);
      });
    });
    expect(p.documents.reduce((n, g) => n + g.items.length, 0)).toBe(33);
    expect(p.documents[0].case?.vi).toBe('Giấy tờ phải nộp');
  });

  it('structures the steps without losing a line of the text', () => {
    expect(p.steps).toHaveLength(6);
    expect(p.steps[2].items?.map((i) => i.vi.slice(0, 4))).toEqual(['(i) ', '(ii)', '(iii']);
    expect(p.steps[3].items).toHaveLength(3);
    expect(p.steps[5].text.vi).toBe('Lưu ý:');
    expect(p.steps[5].items).toHaveLength(6);
    const all = p.steps.flatMap((s) => [s.text.vi, ...(s.items ?? []).map((i) => i.vi)]).join('\n');
    for (const line of payload.executionSteps[0].description.split('\n')) {
      const text = strip(line).replace(/^\*\s*/, '');
      if (text) expect(all).toContain(text);
    }
  });

  it('keeps every legal basis with its number, and a date only where the title gives its own', () => {
    // A code written in prose ("Thông tư số 03/2023/TT-BTP") gives its number.
    expect(p.legalBasis.map((l) => l.number)).toEqual(
      payload.legalBasisesDetails.map((l: { code: string }) => l.code.replace(/^Thông tư số /, '')),
    );
    expect(p.legalBasis.map((l) => l.title.vi)).toEqual(
      payload.legalBasisesDetails.map((l: { name: string }) => strip(l.name)),
    );
    expect(
      Object.fromEntries(p.legalBasis.filter((l) => l.date).map((l) => [l.number, l.date])),
    ).toEqual({
      '120/2025/NĐ-CP': '2025-06-11',
      '03/2023/TT-BTP': '2023-08-02',
      '123/2015/NĐ-CP': '2015-11-15',
      '08/2025/TT-BTP': '2025-06-12',
    });
  });

  it('leaves out what the payload does not say', () => {
    const u = units(result.patches[0]);
    for (const absent of [
      'summary.vi',
      'keywords',
      'requirements',
      'authority.vi',
      'receivingAddress.vi',
    ])
      expect(u).not.toHaveProperty(absent);
    // decisionNumber is null: a proposal number is not the decision that published the procedure.
    expect(u).not.toHaveProperty('source.decision');
    expect(p.documents[0].items.every((i) => i.forms.length === 0)).toBe(true);
  });
});

describe('readPortalDetail on other payloads', () => {
  it('reads the time and fee text of a method word for word, exemptions included', () => {
    const r = readPortalDetail(
      variant((d) => {
        d.executionMethods = [
          {
            submissionMethod: 'DIRECT',
            processingTime: 3,
            processingTimeUnit: 'WORKING_DAY',
            description: 'Kể từ ngày nhận đủ hồ sơ hợp lệ',
            fees: [
              { type: 'SERVICE_FEE', value: 8000, currencyId: 'VND', description: '' },
              {
                type: 'SERVICE_FEE',
                value: 0,
                description: 'Miễn lệ phí cho người thuộc hộ nghèo',
              },
            ],
          },
          {
            submissionMethod: 'ONLINE',
            processingTime: 0,
            processingTimeUnit: 'OTHER',
            description: 'Ngay trong ngày làm việc',
            fees: [],
          },
        ];
      }),
      ctx,
    );
    const methods = units(r.patches[0]).methods as ReturnType<typeof procedure>['methods'];
    expect(methods[0].time).toEqual({
      value: 3,
      unit: 'working-day',
      text: { vi: '3 ngày làm việc', en: '3 working days' },
    });
    expect(methods[0].note).toEqual({ vi: 'Kể từ ngày nhận đủ hồ sơ hợp lệ' });
    // The kind is what the text names (lệ phí), never the portal's type; a bare amount has none.
    expect(methods[0].fees).toEqual([
      { amount: 8000, text: { vi: '8.000 đồng', en: 'VND 8,000' } },
      { kind: 'charge', text: { vi: 'Miễn lệ phí cho người thuộc hộ nghèo' } },
    ]);
    expect(methods[1].time).toEqual({ text: { vi: 'Ngay trong ngày làm việc' } });
  });

  it('keeps amounts in text, in other currencies and of price levels as said', () => {
    const r = readPortalDetail(
      variant((d) => {
        d.executionMethods[0].fees = [
          { type: 'FEE', value: null, currencyId: '', description: 'Lệ phí: 50.000 đồng/hồ sơ' },
          { type: 'SERVICE_FEE', value: 50000, currencyId: 'x-1', description: 'Trực tuyến' },
          { type: 'FEE', value: 20, currencyId: 'USD', description: '' },
          { type: 'PRICE_LEVEL', value: 0, currencyId: '', description: 'Theo giá dịch vụ' },
        ];
      }),
      ctx,
    );
    const methods = units(r.patches[0]).methods as ReturnType<typeof procedure>['methods'];
    expect(methods[0].fees).toEqual([
      { kind: 'charge', text: { vi: 'Lệ phí: 50.000 đồng/hồ sơ' } },
      { text: { vi: '50.000: Trực tuyến' } },
      { text: { vi: '20 USD' } },
      { kind: 'price', text: { vi: 'Theo giá dịch vụ' } },
    ]);
    expect(r.notes.join('\n')).toContain('currency "x-1" is not known');
  });

  it('creates a field it does not know, and leaves out a channel it cannot name, saying so', () => {
    const r = readPortalDetail(
      variant((d) => {
        d.categoriesDetails = [{ name: 'Nuôi con nuôi' }];
        d.executionMethods[0].submissionMethod = 'KIOSK';
      }),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.patches[0].newField).toEqual({ id: 'nuoi-con-nuoi', name: 'Nuôi con nuôi' });
    expect(units(r.patches[0]).field).toBe('nuoi-con-nuoi');
    expect(r.notes.join('\n')).toContain('"KIOSK"');
  });

  it('publishes a time limit nobody states as not stated, with what each case says', () => {
    const none = readPortalDetail(
      variant((d) => {
        d.cases = [];
      }),
      ctx,
    );
    const m0 = (units(none.patches[0]).methods as ReturnType<typeof procedure>['methods'])[0];
    expect(m0.time).toEqual({});
    expect(none.notes.join('\n')).toMatch(/time limit is not stated/);
    const disagree = readPortalDetail(
      variant((d) => {
        d.cases[1].processingDay = { qty: 1, type: 'DAY' };
      }),
      ctx,
    );
    const m1 = (units(disagree.patches[0]).methods as ReturnType<typeof procedure>['methods'])[0];
    expect(m1.time).toEqual({});
    expect(m1.note?.vi.split('\n')).toEqual([
      'Theo từng trường hợp trên Cổng Dịch vụ công quốc gia:',
      'Thủ tục đăng ký khai sinh: 1 ngày làm việc',
      'Thủ tục đăng ký khai sinh: 1 ngày',
    ]);
  });

  it('reads a time written as text or as a decimal', () => {
    const r = readPortalDetail(
      variant((d) => {
        d.executionMethods[0] = {
          ...d.executionMethods[0],
          processingTime: 'Theo mô tả',
          processingTimeUnit: 'OTHER',
          description: '',
        };
        d.executionMethods[1] = {
          ...d.executionMethods[1],
          processingTime: 7.5,
          processingTimeUnit: 'WORKING_DAY',
          description: '',
        };
      }),
      ctx,
    );
    const methods = units(r.patches[0]).methods as ReturnType<typeof procedure>['methods'];
    expect(methods[0].time).toEqual({ text: { vi: 'Theo mô tả' } });
    expect(methods[1].time).toEqual({
      value: 7.5,
      unit: 'working-day',
      text: { vi: '7,5 ngày làm việc', en: '7.5 working days' },
    });
  });

  it("links the procedure's own page on the national portal from its id", () => {
    const u = units(readPortalDetail(fixture, ctx).patches[0]);
    expect(u['online.url']).toBe(`https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${payload.id}`);
    const noId = readPortalDetail(
      variant((d) => (d.id = '')),
      ctx,
    );
    expect(units(noId.patches[0])).not.toHaveProperty('online.url');
  });

  it('takes the decision from procedureProposal when it has a number', () => {
    const r = readPortalDetail(
      variant((d) => {
        d.procedureProposal.decisionNumber = '1872/QĐ-BTP';
      }),
      ctx,
    );
    expect(units(r.patches[0])['source.decision']).toEqual({
      number: '1872/QĐ-BTP',
      date: '2019-08-01',
      issuer: { vi: 'Bộ Tư pháp' },
    });
  });

  it('rejects a payload of another shape and a failed answer', () => {
    const list = readPortalDetail({ code: 'OK', data: { content: [], totalElements: 0 } }, ctx);
    expect(list.problems[0].message).toMatch(/not a procedure detail/);
    const failed = readPortalDetail(
      { code: 'NOT_FOUND', message: 'Không tìm thấy', data: null },
      ctx,
    );
    expect(failed.problems[0].message).toMatch(/NOT_FOUND/);
    const badCode = readPortalDetail(
      variant((d) => (d.code = '1001193')),
      ctx,
    );
    expect(badCode.problems[0].message).toMatch(/not a national procedure code/);
  });

  it('normalises decomposed (NFD) text to NFC', () => {
    const r = readPortalDetail(
      variant((d) => (d.name = 'Đăng ký khai sinh'.normalize('NFD'))),
      ctx,
    );
    expect(units(r.patches[0])['name.vi']).toBe('Đăng ký khai sinh'.normalize('NFC'));
  });

  it('matches the field by folded name', () => {
    const r = readPortalDetail(
      variant((d) => (d.categoriesDetails = [{ name: 'HỘ TỊCH' }])),
      ctx,
    );
    expect(units(r.patches[0]).field).toBe('ho-tich');
  });
});
