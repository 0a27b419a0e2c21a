import { describe, expect, it } from 'vitest';
import { CATALOGUE_HEADER } from '../../bench/fixtures';
import { fieldsSchema } from '../content/schema';
import {
  catalogueFees,
  catalogueLegal,
  catalogueTime,
  readCatalogue,
  type Cell,
} from './catalogue';

const fields = fieldsSchema.parse([
  { id: 'ho-tich', name: { vi: 'Hộ tịch' } },
  { id: 'chung-thuc', name: { vi: 'Chứng thực' } },
]);
const ctx = {
  nationalPortalUrl: 'https://dichvucong.gov.vn',
  file: 'danh-muc.csv',
  fields,
};

describe('catalogueTime', () => {
  it('keeps the text and reads a number only when that is all it says', () => {
    expect(catalogueTime('03 ngày làm việc')).toEqual({
      value: 3,
      unit: 'working-day',
      text: { vi: '03 ngày làm việc', en: '3 working days' },
    });
    expect(catalogueTime('Ngay trong ngày làm việc')).toEqual({
      text: { vi: 'Ngay trong ngày làm việc' },
    });
    expect(catalogueTime('05 ngày làm việc; trường hợp xác minh thì không quá 10 ngày')).toEqual({
      text: { vi: '05 ngày làm việc; trường hợp xác minh thì không quá 10 ngày' },
    });
  });
});

describe('catalogueFees', () => {
  it('tells phí from lệ phí by what each line says', () => {
    expect(catalogueFees('Lệ phí: 5.000 đồng')).toEqual([
      { kind: 'charge', amount: 5000, text: { vi: '5.000 đồng' } },
    ]);
    expect(
      catalogueFees('- Miễn lệ phí đăng ký khai sinh đúng hạn\n- Phí cấp bản sao: 8.000 đồng/bản'),
    ).toEqual([
      { kind: 'charge', text: { vi: 'Miễn lệ phí đăng ký khai sinh đúng hạn' } },
      { kind: 'fee', text: { vi: 'Phí cấp bản sao: 8.000 đồng/bản' } },
    ]);
    expect(catalogueFees('Lệ phí: miễn; phí cấp bản sao: 8.000 đồng')).toEqual([
      { kind: 'charge', text: { vi: 'miễn' } },
      { kind: 'fee', text: { vi: 'phí cấp bản sao: 8.000 đồng' } },
    ]);
    expect(catalogueFees('Không')).toEqual([{ amount: 0, text: { vi: 'Không' } }]);
  });
  it('continues a line that names no kind, and refuses to guess otherwise', () => {
    expect(catalogueFees('Lệ phí: 50.000 đồng\n(nộp khi nhận kết quả)')).toEqual([
      { kind: 'charge', text: { vi: '50.000 đồng\n(nộp khi nhận kết quả)' } },
    ]);
    expect(catalogueFees('50.000 đồng/hồ sơ')).toMatch(/cannot tell whether/);
    expect(catalogueFees('Miễn phí và lệ phí')).toMatch(/both phí and lệ phí/);
  });
});

describe('catalogueLegal', () => {
  it('reads one document per line, with its number and own date', () => {
    expect(
      catalogueLegal(
        '- Luật Hộ tịch số 60/2014/QH13;\n- Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết\nmột số điều của Luật Hộ tịch',
      ),
    ).toEqual([
      { number: '60/2014/QH13', title: { vi: 'Luật Hộ tịch số 60/2014/QH13' } },
      {
        number: '123/2015/NĐ-CP',
        date: '2015-11-15',
        title: {
          vi: 'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết\nmột số điều của Luật Hộ tịch',
        },
      },
    ]);
    const two = catalogueLegal('Luật 60/2014/QH13; Nghị định 123/2015/NĐ-CP');
    expect(two.map((l) => l.number)).toEqual(['60/2014/QH13', '123/2015/NĐ-CP']);
  });
  it('keeps a document without a number as its title', () => {
    expect(catalogueLegal('Luật Hộ tịch năm 2014')).toEqual([
      { title: { vi: 'Luật Hộ tịch năm 2014' } },
    ]);
    expect(catalogueLegal('- Luật 60/2014/QH13\n- Luật Hộ tịch năm 2014')).toEqual([
      { number: '60/2014/QH13', title: { vi: 'Luật 60/2014/QH13' } },
      { title: { vi: 'Luật Hộ tịch năm 2014' } },
    ]);
  });
});

describe('readCatalogue', () => {
  it('accepts the column names in any order, case and diacritics, below a title', () => {
    const rows: Cell[][] = [
      ['Danh mục thủ tục hành chính', null, null],
      ['ten thu tuc', 'MÃ SỐ TTHC', 'Phí/lệ phí', 'linh vuc'],
      ['Đăng ký khai sinh', '1.001193.000.00.00.H56', 'Không', 'Hộ tịch'],
      ['Chứng thực bản sao', 2.000815, 'Phí: 2.000 đồng/trang', 'chung thuc'],
    ];
    const r = readCatalogue(rows, ctx);
    expect(r.problems).toEqual([]);
    expect(r.patches.map((p) => [p.code, p.origin])).toEqual([
      ['1.001193', 'danh-muc.csv dòng/row 3'],
      ['2.000815', 'danh-muc.csv dòng/row 4'],
    ]);
    expect(r.patches[1].units.field).toEqual({ set: 'chung-thuc' });
    expect(r.patches[0].units['name.vi']).toEqual({ set: 'Đăng ký khai sinh' });
  });

  it('lists every bad row with its row number, column and reason, and keeps the good rows', () => {
    const rows: Cell[][] = [
      CATALOGUE_HEADER,
      [1, '1.001193', 'Đăng ký khai sinh', 'Hộ tịch', '', '', '', '', ''],
      [2, '1.00119', 'Đăng ký kết hôn', 'Hộ tịch', '', '', '', '', ''],
      [3, '1.000656', '', 'Hộ tịch', '', '', '', '', ''],
      [4, '2.000815', 'Chứng thực bản sao', 'Công chứng', '', '', '', '', ''],
      [5, '1.001193', 'Đăng ký khai sinh lần hai', 'Hộ tịch', '', '', '', '', ''],
      [6, '', 'Không có mã', 'Hộ tịch', '', '', '', '', ''],
      [
        7,
        '1.004873',
        'Xác nhận tình trạng hôn nhân',
        '',
        '',
        '50.000 đồng',
        'Luật Hộ tịch',
        '',
        '',
      ],
    ];
    const r = readCatalogue(rows, ctx);
    // A field the site does not know is created from the row's name, not refused.
    expect(r.patches.map((p) => [p.code, p.newField?.id])).toEqual([
      ['1.001193', undefined],
      ['2.000815', 'cong-chung'],
    ]);
    expect(r.problems.map((p) => [p.row, p.column, p.message.split(' (')[0]])).toEqual([
      [3, 'Mã TTHC', 'malformed code "1.00119"'],
      [4, 'Tên thủ tục hành chính', 'empty name'],
      [6, 'Mã TTHC', 'duplicate code 1.001193'],
      [7, 'Mã TTHC', 'empty code'],
      [8, 'Phí, lệ phí', expect.stringMatching(/^cannot tell whether "50.000 đồng"/)],
    ]);
    expect(r.problems[2]).toMatchObject({ code: '1.001193' });
    expect(r.problems[2].message).toContain('also on row 2');
  });

  it('reads section headings as headings, and fails without a header row', () => {
    const r = readCatalogue(
      [CATALOGUE_HEADER, ['I', '', 'LĨNH VỰC HỘ TỊCH'], [1, '1.001193', 'Đăng ký khai sinh']],
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.patches).toHaveLength(1);
    expect(r.notes.join('\n')).toMatch(/read as a heading: "LĨNH VỰC HỘ TỊCH"/);

    const none = readCatalogue([[1, '1.001193', 'Đăng ký khai sinh']], ctx);
    expect(none.problems[0].message).toMatch(/^no header row/);
    const half = readCatalogue(
      [
        ['STT', 'Mã TTHC', 'Lĩnh vực'],
        [1, '1.001193', 'Hộ tịch'],
      ],
      ctx,
    );
    expect(half.problems[0].message).toMatch(/lacks the column "Tên thủ tục hành chính"/);
    const twice = readCatalogue([['Mã TTHC', 'Tên TTHC', 'Tên thủ tục']], ctx);
    expect(twice.problems[0].message).toMatch(/appears twice/);
  });
});
