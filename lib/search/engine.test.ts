import { describe, expect, it } from 'vitest';
import { createIndex, indexToJson, loadIndex, search, type SearchDoc } from './engine';
import { pack, unpack } from './packed';

function procedure(
  code: string,
  title: string,
  extra: Partial<Pick<SearchDoc, 'field' | 'keywords' | 'titleVi'>> = {},
): SearchDoc {
  return {
    id: `procedure:${code}`,
    kind: 'procedure',
    title,
    code,
    field: 'Hộ tịch',
    keywords: [],
    url: `/vi/thu-tuc/${code}/`,
    ...extra,
  };
}

function product(slug: string, title: string, field = 'OCOP Thực phẩm'): SearchDoc {
  return {
    id: `product:${slug}`,
    kind: 'product',
    title,
    field,
    keywords: [],
    url: `/vi/ocop/${slug}/`,
  };
}

const codes = (query: string, docs: SearchDoc[], limit = 10) =>
  search(createIndex(docs), query, limit).map((h) => h.code ?? h.url);

const CIVIL = [
  procedure('1.001193', 'Đăng ký khai sinh'),
  procedure('1.000894', 'Đăng ký kết hôn'),
  procedure('1.000656', 'Đăng ký khai tử'),
  procedure('1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', {
    keywords: ['kết hôn', 'độc thân'],
  }),
  procedure('2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', {
    field: 'Chứng thực',
  }),
  procedure('2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản', { field: 'Chứng thực' }),
  procedure('1.001612', 'Đăng ký thành lập hộ kinh doanh', { field: 'Hộ kinh doanh' }),
  product('mat-ong-hoa-nhan', 'Mật ong hoa nhãn'),
];

describe('search: what citizens type', () => {
  it('finds a title typed without diacritics', () => {
    expect(codes('dang ky ket hon', CIVIL)[0]).toBe('1.000894');
    expect(codes('mat ong', CIVIL)[0]).toBe('/vi/ocop/mat-ong-hoa-nhan/');
  });

  it('finds it typed with diacritics, in NFC or NFD', () => {
    expect(codes('Đăng ký kết hôn'.normalize('NFC'), CIVIL)[0]).toBe('1.000894');
    expect(codes('Đăng ký kết hôn'.normalize('NFD'), CIVIL)[0]).toBe('1.000894');
  });

  it('ignores case, extra spaces and punctuation', () => {
    expect(codes('  ĐĂNG   KÝ, kết-hôn!! ', CIVIL)[0]).toBe('1.000894');
    expect(codes('"chứng thực"...', CIVIL).slice(0, 2).sort()).toEqual(['2.000815', '2.000884']);
  });

  it('folds đ in the query and in the content', () => {
    const docs = [procedure('1.000001', 'Đăng ký đất đai', { field: 'Đất đai' })];
    expect(codes('dang ky dat dai', docs)).toEqual(['1.000001']);
    expect(codes('ĐẤT', docs)).toEqual(['1.000001']);
  });

  it('accepts either spelling of ký/kí', () => {
    expect(codes('dang ki ket hon', CIVIL)[0]).toBe('1.000894');
  });

  it('matches the word still being typed by prefix', () => {
    expect(codes('dang ky ket h', CIVIL)[0]).toBe('1.000894');
    expect(codes('chung th', CIVIL).slice(0, 2).sort()).toEqual(['2.000815', '2.000884']);
  });

  it('finds a procedure code exactly, without its dot, and by prefix', () => {
    expect(codes('1.001193', CIVIL)).toEqual(['1.001193']);
    expect(codes('1001193', CIVIL)).toEqual(['1.001193']);
    expect(codes('mã 1.001193', CIVIL)[0]).toBe('1.001193');
    expect(codes('2.000', CIVIL).sort()).toEqual(['2.000815', '2.000884']);
    expect(codes('1.0008', CIVIL)).toEqual(['1.000894']);
  });

  it('labels results by kind and gives their page', () => {
    const [hit] = search(createIndex(CIVIL), 'mật ong', 5);
    expect(hit).toMatchObject({
      kind: 'product',
      title: 'Mật ong hoa nhãn',
      url: '/vi/ocop/mat-ong-hoa-nhan/',
    });
    expect(hit.code).toBeUndefined();
    expect(search(createIndex(CIVIL), 'khai sinh', 5)[0]).toMatchObject({
      kind: 'procedure',
      code: '1.001193',
      url: '/vi/thu-tuc/1.001193/',
    });
  });

  it('returns nothing for an empty or punctuation-only query, and respects the limit', () => {
    const index = createIndex(CIVIL);
    expect(search(index, '', 10)).toEqual([]);
    expect(search(index, ' .,;- ', 10)).toEqual([]);
    expect(search(index, 'dang ky', 2)).toHaveLength(2);
  });
});

describe('search: ranking', () => {
  it('puts an exact code before code prefixes and before the code quoted in other text', () => {
    const docs = [
      procedure('1.000895', 'Đăng ký lại kết hôn'),
      procedure('1.000001', 'Thủ tục thay thế', { keywords: ['1.000894'] }),
      procedure('1.000894', 'Đăng ký kết hôn'),
    ];
    expect(codes('1.000894', docs)[0]).toBe('1.000894');
    expect(codes('1.00089', docs).slice(0, 2).sort()).toEqual(['1.000894', '1.000895']);
  });

  // Each case is built so that MiniSearch's score alone would order it the other way.
  it('ranks a phrase in the title above the same words scattered', () => {
    const docs = [
      procedure('1.000001', 'Kết quả giải quyết hôn nhân', { keywords: ['kết hôn'] }),
      procedure('1.000002', 'Xác nhận kết hôn lưu động trong trường hợp đặc biệt'),
    ];
    const hits = search(createIndex(docs), 'ket hon', 10);
    expect(hits.map((h) => h.code)).toEqual(['1.000002', '1.000001']);
    expect(hits[0].score).toBeLessThan(hits[1].score);
  });

  it('ranks a title with all the words above one with some, whatever the other fields say', () => {
    const docs = [
      procedure('1.000001', 'Cấp tiền mai táng', {
        field: 'Mai táng',
        keywords: ['trợ cấp mai táng', 'hỗ trợ mai táng'],
      }),
      procedure('1.000002', 'Hỗ trợ chi phí mai táng cho đối tượng được hưởng trợ cấp hằng tháng', {
        field: 'Bảo trợ xã hội',
      }),
    ];
    // Words in another order: not a phrase anywhere, all of them only in the second title.
    const hits = search(createIndex(docs), 'mai tang tro cap', 10);
    expect(hits.map((h) => h.code)).toEqual(['1.000002', '1.000001']);
    expect(hits.map((h) => h.tier)).toEqual([2, 1]);
    expect(hits[0].score).toBeLessThan(hits[1].score);
  });

  it('counts keywords and the field name less than the title', () => {
    const docs = [
      procedure('1.000001', 'Cấp bản sao trích lục', { field: 'Hộ tịch' }),
      procedure('1.000002', 'Đăng ký giám hộ', { keywords: ['trích lục'] }),
      procedure('1.000003', 'Đăng ký nhận cha mẹ con', { field: 'Trích lục' }),
    ];
    expect(codes('trich luc', docs)).toEqual(['1.000001', '1.000002', '1.000003']);
  });

  it('prefers the title that is exactly the phrase, then one that starts with it', () => {
    const docs = [
      procedure('1.000001', 'Thay đổi đăng ký kết hôn'),
      procedure('1.000002', 'Đăng ký kết hôn có yếu tố nước ngoài'),
      procedure('1.000003', 'Đăng ký kết hôn'),
    ];
    const hits = search(createIndex(docs), 'dang ky ket hon', 10);
    expect(hits.map((h) => h.code)).toEqual(['1.000003', '1.000002', '1.000001']);
    expect(hits[1].score).toBeLessThan(hits[2].score);
  });

  it('does not treat a finished word as a prefix once it is a word of a result', () => {
    const docs = [
      procedure('1.000001', 'Công nhận câu lạc bộ thể thao cơ sở đối với hộ gia đình'),
      procedure('1.000002', 'Cấp giấy chứng nhận quyền sử dụng đất', { keywords: ['sổ đỏ'] }),
    ];
    expect(codes('so do', docs)[0]).toBe('1.000002');
  });

  it('uses AND first: every word must match when some result has them all', () => {
    expect(codes('dang ky khai sinh', CIVIL)).toEqual(['1.001193']);
  });

  it('drops words found nowhere, then falls back to OR, then to near misses', () => {
    expect(codes('thu tuc dang ky ket hon o dau', CIVIL)[0]).toBe('1.000894');
    const or = codes('khai sinh ban sao', CIVIL);
    expect(or).toEqual(expect.arrayContaining(['1.001193', '2.000815']));
    expect(codes('chungg thucc', CIVIL).slice(0, 2).sort()).toEqual(['2.000815', '2.000884']);
  });
});

describe('English site', () => {
  const docs = [
    procedure('1.000894', 'Marriage registration', {
      titleVi: 'Đăng ký kết hôn',
      field: 'Civil status Hộ tịch',
    }),
    procedure('1.001193', 'Birth registration', {
      titleVi: 'Đăng ký khai sinh',
      field: 'Civil status Hộ tịch',
    }),
  ].map((d) => ({ ...d, url: d.url.replace('/vi/', '/en/') }));

  it('finds a procedure by its English or its Vietnamese title and shows the English one', () => {
    expect(search(createIndex(docs), 'marriage', 5)[0]).toMatchObject({
      code: '1.000894',
      title: 'Marriage registration',
      url: '/en/thu-tuc/1.000894/',
    });
    expect(codes('dang ky ket hon', docs)[0]).toBe('1.000894');
    expect(search(createIndex(docs), 'dang ky ket hon', 5)[0].tier).toBe(3);
  });
});

describe('index file', () => {
  it('loads back from its JSON and answers as the index it was made from', () => {
    const index = createIndex(CIVIL);
    const json = indexToJson(index);
    const loaded = loadIndex(json);
    const fromObject = loadIndex(JSON.parse(json));
    for (const q of [
      'dang ky ket hon',
      '1.001193',
      'chung thuc',
      'mat ong',
      'dang ky k',
      'khai sinh ban sao',
    ]) {
      expect(search(loaded, q, 10)).toEqual(search(index, q, 10));
      expect(search(fromObject, q, 10)).toEqual(search(index, q, 10));
    }
  });

  it('packs MiniSearch’s JSON losslessly and smaller', () => {
    // As MiniSearch's own JSON would give it back: absent values are null.
    const js = JSON.parse(JSON.stringify(createIndex(CIVIL))) as ReturnType<
      ReturnType<typeof createIndex>['toJSON']
    >;
    const round = unpack(JSON.parse(JSON.stringify(pack(js))));
    expect(round.index).toEqual(js.index);
    expect(round.documentIds).toEqual(js.documentIds);
    expect(round.storedFields).toEqual(js.storedFields);
    expect(round.averageFieldLength).toEqual(js.averageFieldLength);
    // Absent fields (null in MiniSearch) are 0 here; BM25 never reads a length of an absent field.
    expect(round.fieldLength).toEqual(
      Object.fromEntries(
        Object.entries(js.fieldLength).map(([k, v]) => [k, Array.from(v, (n) => n ?? 0)]),
      ),
    );
    expect(JSON.stringify(pack(js)).length).toBeLessThan(JSON.stringify(js).length * 0.7);
  });

  it('keeps only titles for display: kind and code come from the URL', () => {
    const js = createIndex(CIVIL).toJSON();
    expect(Object.values(js.storedFields).every((f) => Object.keys(f).join() === 'title')).toBe(
      true,
    );
  });
});
