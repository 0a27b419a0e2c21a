import { describe, expect, it } from 'vitest';
import { dateAfterNumber, parseBlocks, parseList, stripBullet } from './text';

/** The words of a text without bullet marks, to check that structuring loses none. */
function words(s: string): string[] {
  return s
    .split(/\s+/)
    .filter((w) => w && !/^[-–+*•]$/.test(w))
    .map((w) => w.replace(/^[*]/, ''));
}

describe('parseBlocks', () => {
  const text = [
    '- Bước đầu nộp hồ sơ.  ',
    'dòng tiếp theo',
    '- Cán bộ kiểm tra:',
    '(i) Trường hợp đủ thì nhận;',
    '(ii) Trường hợp thiếu thì thực hiện lại bước (i);',
    '- Công chức tư pháp - hộ tịch thẩm tra.',
    '+ Nếu cần bổ sung thì báo;',
    '+ Nếu đủ thì ghi sổ.',
    'Trường hợp trực tuyến thì gửi bản điện tử.',
    '* Lưu ý:',
    '- Ghi chú một.',
    'tiếp ghi chú một.',
    '- Ghi chú hai.',
    '+ chi tiết của ghi chú hai.',
  ].join('\n');

  it('turns "- " into steps, "(i)" and "+ " into items, and a "* Heading:" into a block of notes', () => {
    const blocks = parseBlocks(text);
    expect(blocks.map((b) => b.text)).toEqual([
      'Bước đầu nộp hồ sơ.\ndòng tiếp theo',
      'Cán bộ kiểm tra:',
      'Công chức tư pháp - hộ tịch thẩm tra.',
      'Lưu ý:',
    ]);
    expect(blocks[1].items).toEqual([
      '(i) Trường hợp đủ thì nhận;',
      '(ii) Trường hợp thiếu thì thực hiện lại bước (i);',
    ]);
    expect(blocks[2].items).toEqual([
      'Nếu cần bổ sung thì báo;',
      'Nếu đủ thì ghi sổ.\nTrường hợp trực tuyến thì gửi bản điện tử.',
    ]);
    expect(blocks[3].items).toEqual([
      'Ghi chú một.\ntiếp ghi chú một.',
      'Ghi chú hai.\n+ chi tiết của ghi chú hai.',
    ]);
  });

  it('keeps every word, in order', () => {
    const blocks = parseBlocks(text);
    const rebuilt = blocks.flatMap((b) => [b.text, ...b.items]).join('\n');
    expect(words(rebuilt)).toEqual(words(text));
  });

  it('makes one step of text without bullets, and steps of items when nothing is top level', () => {
    expect(parseBlocks('Nộp hồ sơ tại UBND xã.\nNhận kết quả.')).toEqual([
      { text: 'Nộp hồ sơ tại UBND xã.\nNhận kết quả.', items: [] },
    ]);
    expect(parseBlocks('+ một\n+ hai').map((b) => b.text)).toEqual(['một', 'hai']);
    expect(parseBlocks('')).toEqual([]);
  });
});

describe('parseList and stripBullet', () => {
  it('splits on top-level bullets only', () => {
    expect(parseList('- Điều kiện một\n+ ý phụ\n- Điều kiện hai')).toEqual([
      'Điều kiện một\n+ ý phụ',
      'Điều kiện hai',
    ]);
  });
  it('drops a single leading mark', () => {
    expect(stripBullet('- Giấy chứng sinh;')).toBe('Giấy chứng sinh;');
    expect(stripBullet('+ Bản chụp')).toBe('Bản chụp');
    expect(stripBullet('Trường hợp - khác')).toBe('Trường hợp - khác');
  });
});

describe('dateAfterNumber', () => {
  it("takes the date that follows the document's own number", () => {
    expect(
      dateAfterNumber(
        'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ',
        '123/2015/NĐ-CP',
      ),
    ).toBe('2015-11-15');
    expect(
      dateAfterNumber(
        'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng',
        'Thông tư số 03/2023/TT-BTP',
      ),
    ).toBe('2023-08-02');
    expect(dateAfterNumber('Luật số 60/2014/QH13 ngày 20 tháng 11 năm 2014', '60/2014/QH13')).toBe(
      '2014-11-20',
    );
  });
  it("ignores another document's date and impossible dates", () => {
    expect(
      dateAfterNumber('Sửa đổi Thông tư số 02/2020/TT-BTP ngày 08/4/2020', '04/2024/TT-BTP'),
    ).toBeUndefined();
    expect(
      dateAfterNumber('Nghị định 1/2020/NĐ-CP ngày 31/02/2020', '1/2020/NĐ-CP'),
    ).toBeUndefined();
  });
});
