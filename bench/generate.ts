/**
 * Synthetic, schema-valid content for build benchmarks: N procedures spread over the fields of
 * a real fields.yaml and M OCOP products with small generated photos, written to a directory
 * that CONTENT_DIR can point the build at. The same seed always writes the same files.
 *
 * Procedure codes are 9.xxxxxx so they never collide with national codes (which start 1. to 3.);
 * synthetic products have no GTIN (a GTIN is only ever a real one): the products of the base
 * directory that have one are copied as they are, since a static export needs at least one page
 * for the GS1 routes (/01/{gtin}). Texts are assembled from Vietnamese
 * and English phrases to about the length of the real procedures (15-35 KB of YAML each), so
 * that page weights and render times resemble a real catalogue.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { parse, stringify } from 'yaml';
import { testFields, testSite } from './fixtures';
import { ocopGroup } from '../lib/content/schema';

export type GenerateOptions = {
  procedures: number;
  products: number;
  /** Same seed, same content. */
  seed?: number;
  /**
   * A content directory whose site.yaml and fields.yaml are copied (the synthetic procedures use
   * its field ids), and its products with a GTIN. Without one, or when it lacks the files, the
   * test fixtures' site and fields.
   */
  baseDir?: string;
  /** Photos per product (default 1 to 3, varying). */
  imagesPerProduct?: number;
};

export type GenerateResult = {
  dir: string;
  procedures: number;
  /** Synthetic products plus the copied ones. */
  products: number;
  /** Folders of the base directory's products with a GTIN, copied as they are. */
  copiedProducts: string[];
  images: number;
  fieldIds: string[];
  /** Bytes written, photos included. */
  bytes: number;
};

/** A small seeded generator (mulberry32): every run writes the same catalogue. */
export function seededRandom(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic procedure code number i (0-based): 9.000001, 9.000002, … */
export function syntheticCode(i: number): string {
  if (i < 0 || i >= 999_999) throw new RangeError('at most 999,999 synthetic procedures');
  return `9.${String(i + 1).padStart(6, '0')}`;
}

const ACTIONS: [string, string][] = [
  ['Đăng ký', 'Registration of'],
  ['Đăng ký lại', 'Re-registration of'],
  ['Cấp', 'Issue of'],
  ['Cấp lại', 'Reissue of'],
  ['Cấp đổi', 'Replacement of'],
  ['Điều chỉnh', 'Amendment of'],
  ['Xác nhận', 'Confirmation of'],
  ['Chứng thực', 'Certification of'],
  ['Gia hạn', 'Extension of'],
  ['Giải quyết', 'Handling of'],
  ['Công nhận', 'Recognition of'],
  ['Thẩm định', 'Appraisal of'],
];

const OBJECTS: [string, string][] = [
  ['khai sinh', 'a birth'],
  ['kết hôn', 'a marriage'],
  ['khai tử', 'a death'],
  ['giám hộ', 'guardianship'],
  ['nhận cha, mẹ, con', 'parentage'],
  ['giấy xác nhận tình trạng hôn nhân', 'a marital status certificate'],
  ['giấy chứng nhận quyền sử dụng đất', 'a land use right certificate'],
  ['hộ kinh doanh', 'a household business'],
  ['bản sao từ bản chính giấy tờ, văn bản', 'copies from originals'],
  ['chữ ký trong các giấy tờ, văn bản', 'a signature on papers'],
  ['trợ cấp xã hội hằng tháng', 'a monthly social allowance'],
  ['hỗ trợ chi phí mai táng', 'funeral cost support'],
  ['hộ nghèo, hộ cận nghèo', 'poor and near-poor households'],
  ['chế độ ưu đãi người có công', 'benefits for people with meritorious services'],
  ['thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'health insurance cards for children under 6'],
  ['hoạt động tín ngưỡng', 'religious belief activities'],
  ['gia đình văn hóa', 'cultured family titles'],
  ['tổ hợp tác', 'a cooperative group'],
];

const QUALIFIERS: [string, string][] = [
  ['', ''],
  ['', ''],
  ['có yếu tố nước ngoài', 'involving foreign elements'],
  ['lưu động', 'by a mobile team'],
  ['cho người khuyết tật', 'for people with disabilities'],
  ['trong trường hợp bị mất, hư hỏng', 'when lost or damaged'],
  ['đối với hộ gia đình, cá nhân', 'for households and individuals'],
  ['theo hình thức trực tuyến', 'online'],
  ['khi thay đổi nơi cư trú', 'after moving residence'],
];

/** Clauses of the kind the national database is written in; sentences are drawn from them. */
const CLAUSES: [string, string][] = [
  [
    'người có yêu cầu nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã',
    'the applicant submits the dossier at the commune Public Administrative Service Centre',
  ],
  [
    'cán bộ tiếp nhận kiểm tra tính hợp lệ, đầy đủ của hồ sơ và viết giấy tiếp nhận',
    'the receiving officer checks the dossier is valid and complete and issues a receipt',
  ],
  [
    'trường hợp hồ sơ chưa đầy đủ thì hướng dẫn người nộp bổ sung, hoàn thiện theo quy định',
    'if the dossier is incomplete the officer explains what to add',
  ],
  [
    'cơ quan có thẩm quyền tra cứu thông tin trong Cơ sở dữ liệu quốc gia về dân cư',
    'the authority looks the applicant up in the National Population Database',
  ],
  [
    'người yêu cầu xuất trình bản chính giấy tờ tùy thân còn giá trị sử dụng',
    'the applicant shows a valid original identity paper',
  ],
  [
    'kết quả được trả trực tiếp, qua dịch vụ bưu chính hoặc trên Cổng dịch vụ công quốc gia',
    'the result is returned in person, by post or on the National Public Service Portal',
  ],
  [
    'thời hạn giải quyết được tính kể từ ngày nhận đủ hồ sơ hợp lệ',
    'the time limit runs from the day a complete, valid dossier is received',
  ],
  [
    'trường hợp từ chối giải quyết phải trả lời bằng văn bản và nêu rõ lý do',
    'a refusal is given in writing with the reasons',
  ],
  [
    'bản sao điện tử có giá trị sử dụng thay cho bản chính khi đã được ký số',
    'a digitally signed electronic copy can be used instead of the original',
  ],
  [
    'Ủy ban nhân dân cấp xã niêm yết công khai việc giải quyết trong thời hạn 07 ngày',
    'the commune People’s Committee posts the decision publicly for 7 days',
  ],
  [
    'người được ủy quyền phải có văn bản ủy quyền được chứng thực theo quy định',
    'a representative needs a certified written authorisation',
  ],
  [
    'miễn lệ phí đối với người thuộc hộ nghèo, người khuyết tật và gia đình có công với cách mạng',
    'free of charge for poor households, people with disabilities and families of people with meritorious services',
  ],
];

const DOCUMENTS: [string, string][] = [
  ['Tờ khai theo mẫu quy định', 'The prescribed declaration form'],
  ['Giấy tờ tùy thân còn giá trị sử dụng', 'A valid identity paper'],
  ['Giấy tờ chứng minh nơi cư trú', 'Proof of residence'],
  ['Văn bản ủy quyền được chứng thực', 'A certified authorisation'],
  ['Bản sao giấy tờ có liên quan', 'Copies of related papers'],
  ['Giấy xác nhận của cơ quan có thẩm quyền', 'A confirmation by the competent authority'],
  [
    'Đơn đề nghị có xác nhận của trưởng thôn, tổ dân phố',
    'An application confirmed by the village head',
  ],
  ['Sơ đồ thửa đất, bản vẽ hiện trạng', 'A plot diagram and a drawing of the current state'],
];

const LAWS: [string, string, string][] = [
  ['60/2014/QH13', 'Luật Hộ tịch', 'Civil Status Law'],
  [
    '123/2015/NĐ-CP',
    'Nghị định quy định chi tiết một số điều của Luật Hộ tịch',
    'Decree detailing the Civil Status Law',
  ],
  [
    '23/2015/NĐ-CP',
    'Nghị định về cấp bản sao từ sổ gốc, chứng thực',
    'Decree on copies and certification',
  ],
  ['31/2024/QH15', 'Luật Đất đai', 'Land Law'],
  [
    '20/2021/NĐ-CP',
    'Nghị định quy định chính sách trợ giúp xã hội',
    'Decree on social assistance policies',
  ],
  ['01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', 'Decree on business registration'],
  [
    '85/2019/TT-BTC',
    'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền của HĐND tỉnh',
    'Circular on fees set by provincial councils',
  ],
  [
    '118/2025/NĐ-CP',
    'Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa',
    'Decree on the one-stop mechanism',
  ],
];

const PRODUCT_NAMES: [string, string][] = [
  ['Nước mắm cá cơm', 'Anchovy fish sauce'],
  ['Mật ong rừng', 'Wild honey'],
  ['Tỏi cô đơn', 'Single-clove garlic'],
  ['Trà thảo mộc', 'Herbal tea'],
  ['Bánh tráng nướng', 'Grilled rice paper'],
  ['Chổi đót', 'Reed broom'],
  ['Quế khô', 'Dried cinnamon'],
  ['Đường phổi', 'Rock sugar'],
  ['Rượu gạo men lá', 'Leaf-yeast rice wine'],
  ['Khăn dệt thổ cẩm', 'Brocade scarf'],
];

const GROUPS = ocopGroup.options;

const CHANNELS = ['direct', 'online', 'postal'] as const;

type Rnd = () => number;
type Text = { vi: string; en?: string };

function pick<T>(rnd: Rnd, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function int(rnd: Rnd, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A paragraph of `count` sentences drawn from the clauses, in both languages or Vietnamese only. */
function prose(rnd: Rnd, count: number, english = true): Text {
  const vi: string[] = [];
  const en: string[] = [];
  for (let i = 0; i < count; i++) {
    const [a, b] = [pick(rnd, CLAUSES), pick(rnd, CLAUSES)];
    vi.push(`${capital(a[0])}; ${b[0]}.`);
    en.push(`${capital(a[1])}; ${b[1]}.`);
  }
  return english ? { vi: vi.join(' '), en: en.join(' ') } : { vi: vi.join(' ') };
}

function date(rnd: Rnd, fromYear: number, toYear: number): string {
  const y = int(rnd, fromYear, toYear);
  const m = int(rnd, 1, 12);
  const d = int(rnd, 1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function syntheticProcedure(i: number, fieldIds: string[], rnd: Rnd) {
  const code = syntheticCode(i);
  const [av, ae] = pick(rnd, ACTIONS);
  const [ov, oe] = pick(rnd, OBJECTS);
  const [qv, qe] = pick(rnd, QUALIFIERS);
  const english = rnd() < 0.8;
  const name: Text = { vi: [av, ov, qv].filter(Boolean).join(' ') };
  if (english) name.en = [ae, oe, qe].filter(Boolean).join(' ');
  const days = int(rnd, 1, 20);
  const amount = pick(rnd, [0, 0, 8000, 20000, 50000, 100000]);
  const methods = CHANNELS.slice(0, int(rnd, 1, 3)).map((channel) => ({
    channel,
    time: {
      value: days,
      unit: 'working-day',
      text: {
        vi: `${String(days).padStart(2, '0')} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.`,
        en: `${days} working days from receipt of a complete dossier.`,
      },
    },
    fees: [
      {
        kind: 'charge',
        amount,
        text: {
          vi: `Lệ phí: ${amount.toLocaleString('vi-VN')} đồng. ${prose(rnd, 2, false).vi}`,
          en: `Charge: ${amount} dong. ${prose(rnd, 1).en}`,
        },
      },
      ...(rnd() < 0.5
        ? [
            {
              kind: 'fee',
              amount: 8000,
              text: { vi: 'Phí cấp bản sao: 8.000 đồng/bản.', en: 'Copies: 8,000 dong each.' },
            },
          ]
        : []),
    ],
  }));
  const documents = Array.from({ length: int(rnd, 1, 2) }, (_, c) => ({
    ...(c > 0 || rnd() < 0.5
      ? { case: { vi: `Trường hợp ${c + 1}: ${ov}`, en: `Case ${c + 1}: ${oe}` } }
      : {}),
    items: Array.from({ length: int(rnd, 3, 7) }, () => {
      const [dv, de] = pick(rnd, DOCUMENTS);
      return {
        name: { vi: `${dv} ${prose(rnd, 1, false).vi}`, en: de },
        ...(rnd() < 0.3
          ? {
              forms: [
                {
                  title: { vi: `Mẫu tờ khai ${ov}` },
                  url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-bieu-mau.html',
                },
              ],
            }
          : {}),
        originals: int(rnd, 0, 1) || 1,
        copies: int(rnd, 0, 2),
        required: rnd() < 0.7,
        ...(rnd() < 0.5 ? { note: prose(rnd, int(rnd, 1, 4)) } : {}),
      };
    }),
  }));
  const steps = Array.from({ length: int(rnd, 3, 6) }, () => ({
    text: prose(rnd, int(rnd, 1, 2)),
    ...(rnd() < 0.4 ? { items: Array.from({ length: int(rnd, 2, 4) }, () => prose(rnd, 1)) } : {}),
  }));
  const laws = Array.from({ length: int(rnd, 2, 5) }, () => pick(rnd, LAWS)).filter(
    (l, k, all) => all.indexOf(l) === k,
  );
  // A few procedures are repealed and point to a successor, a few are not in force yet: the
  // lifecycle pages cost the build the same as the others.
  const repealed = i > 0 && rnd() < 0.03;
  const upcoming = !repealed && rnd() < 0.01;
  return {
    code,
    name,
    level: pick(rnd, ['commune', 'commune', 'commune', 'province'] as const),
    kind: { vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
    field: fieldIds[i % fieldIds.length],
    summary: prose(rnd, 2, english),
    keywords: [ov, `${av.toLowerCase()} ${ov}`, oe].filter(Boolean),
    methods,
    documents,
    steps,
    subjects: [
      { vi: 'Công dân Việt Nam', en: 'Vietnamese citizens' },
      ...(rnd() < 0.4 ? [{ vi: 'Người nước ngoài' }] : []),
    ],
    agency: { vi: 'Ủy ban nhân dân cấp xã', en: 'Commune People’s Committee' },
    authority: { vi: 'Chủ tịch Ủy ban nhân dân cấp xã' },
    receivingAddress: { vi: 'Trung tâm Phục vụ hành chính công cấp xã' },
    results: [{ vi: `Giấy xác nhận ${ov}`, en: `Certificate: ${oe}` }],
    legalBasis: laws.map(([number, vi, en]) => ({
      number,
      title: { vi, en },
      date: date(rnd, 2014, 2025),
      issuer: { vi: number.includes('QH') ? 'Quốc hội' : 'Chính phủ' },
    })),
    requirements: rnd() < 0.5 ? [prose(rnd, 1)] : [],
    online: methods.some((m) => m.channel === 'online')
      ? {
          level: pick(rnd, ['full', 'partial'] as const),
          url: `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${code}`,
        }
      : { level: 'none' },
    ...(upcoming ? { effectiveFrom: '2099-01-01' } : {}),
    ...(repealed
      ? { repealedOn: '2025-07-01', replacedBy: syntheticCode(int(rnd, 0, i - 1)) }
      : {}),
    source: {
      decision: {
        number: `${int(rnd, 100, 3000)}/QĐ-UBND`,
        date: date(rnd, 2024, 2025),
        issuer: { vi: 'Ủy ban nhân dân tỉnh' },
      },
      verifiedOn: '2026-01-15',
    },
    demoValues: ['source.decision.number'],
  };
}

export function syntheticProduct(i: number, rnd: Rnd, imageFiles: string[]) {
  const [nv, ne] = pick(rnd, PRODUCT_NAMES);
  const shortCode = `SP${String(i + 1).padStart(5, '0')}`;
  const english = rnd() < 0.7;
  const text = (vi: string, en: string): Text => (english ? { vi, en } : { vi });
  return {
    name: text(`${nv} số ${i + 1}`, `${ne} no. ${i + 1}`),
    shortCode,
    stars: pick(rnd, [3, 3, 4, 4, 5] as const),
    group: pick(rnd, GROUPS),
    producer: {
      name: text(`Hợp tác xã sản xuất số ${i + 1}`, `Production cooperative no. ${i + 1}`),
      representative: 'Nguyễn Văn A',
      address: { vi: `Thôn ${int(rnd, 1, 12)}, phường Thử, tỉnh Thử` },
      phone: `0900 ${String(int(rnd, 0, 999999)).padStart(6, '0')}`,
    },
    certificate: {
      number: `${int(rnd, 100, 3000)}/QĐ-UBND`,
      date: date(rnd, 2023, 2025),
      issuer: { vi: 'Ủy ban nhân dân tỉnh' },
    },
    summary: prose(rnd, 1, english),
    story: prose(rnd, int(rnd, 3, 6), english),
    description: prose(rnd, int(rnd, 2, 4), english),
    netQuantity: { vi: pick(rnd, ['500 ml', '1 kg', '250 g', '1 cái']) },
    packaging: text('Hộp giấy in nhãn', 'Printed paper box'),
    ingredients: text(nv, ne),
    shelfLife: text('12 tháng kể từ ngày sản xuất', '12 months from production'),
    storage: text('Nơi khô ráo, thoáng mát', 'Cool, dry place'),
    pointsOfSale: Array.from({ length: int(rnd, 0, 3) }, (_, k) => ({
      name: { vi: `Cửa hàng đặc sản ${k + 1}` },
      address: { vi: `${int(rnd, 1, 300)} Đường Thử` },
    })),
    images: imageFiles.map((file, k) => ({
      file,
      alt: text(`${nv}, ảnh ${k + 1}`, `${ne}, photo ${k + 1}`),
    })),
    featured: i < 6,
    ...(i > 0 && rnd() < 0.02
      ? { withdrawn: { on: '2025-06-01', reason: { vi: 'Giấy chứng nhận bị thu hồi' } } }
      : {}),
    demoValues: ['producer.phone', 'certificate.number'],
  };
}

/**
 * A small JPEG (1200 × 900: large enough for both responsive widths). Every `n` draws a
 * different picture, so no two products share a file (the asset cache is keyed by file content:
 * shared files would make a cold build look cheaper than it is).
 */
export async function syntheticPhoto(n: number): Promise<Buffer> {
  const h = (n * 47) % 360;
  const cx = 300 + ((n * 7919) % 600);
  const r = 120 + ((n * 104729) % 200);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${h},60%,70%)"/><stop offset="1" stop-color="hsl(${(h + 40) % 360},55%,35%)"/>` +
    `</linearGradient></defs><rect width="1200" height="900" fill="url(#g)"/>` +
    `<circle cx="${cx}" cy="450" r="${r}" fill="hsl(${(h + 180) % 360},50%,55%)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 60 }).toBuffer();
}

/** The product folders of a content directory whose product.yaml has a GTIN. */
function gtinProducts(baseDir: string | undefined): string[] {
  const products = baseDir && path.join(baseDir, 'products');
  if (!products || !existsSync(products)) return [];
  return readdirSync(products).filter((slug) => {
    const file = path.join(products, slug, 'product.yaml');
    return (
      existsSync(file) && Boolean((parse(readFileSync(file, 'utf8')) as { gtin?: string }).gtin)
    );
  });
}

function readBase(baseDir: string | undefined) {
  const site = baseDir && path.join(baseDir, 'site.yaml');
  const fields = baseDir && path.join(baseDir, 'fields.yaml');
  return {
    site: site && existsSync(site) ? site : null,
    fields: fields && existsSync(fields) ? fields : null,
  };
}

/** Writes the synthetic content into `dir` (created if needed; expected to be empty). */
export async function generateContent(dir: string, opts: GenerateOptions): Promise<GenerateResult> {
  const rnd = seededRandom(opts.seed ?? 1);
  let bytes = 0;
  const write = (file: string, data: string | Buffer) => {
    writeFileSync(file, data);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  };
  mkdirSync(path.join(dir, 'procedures'), { recursive: true });
  mkdirSync(path.join(dir, 'products'), { recursive: true });

  const base = readBase(opts.baseDir);
  if (base.site) copyFileSync(base.site, path.join(dir, 'site.yaml'));
  else write(path.join(dir, 'site.yaml'), stringify(testSite));
  let fieldIds: string[];
  if (base.fields) {
    const text = readFileSync(base.fields, 'utf8');
    fieldIds = (parse(text) as { fields: { id: string }[] }).fields.map((f) => f.id);
    write(path.join(dir, 'fields.yaml'), text);
  } else {
    fieldIds = testFields.map((f) => f.id);
    write(path.join(dir, 'fields.yaml'), stringify({ fields: testFields }));
  }

  for (let i = 0; i < opts.procedures; i++) {
    const p = syntheticProcedure(i, fieldIds, rnd);
    write(path.join(dir, 'procedures', `${p.code}.yaml`), stringify(p, { lineWidth: 0 }));
  }

  let images = 0;
  for (let i = 0; i < opts.products; i++) {
    const slug = `san-pham-${i + 1}`;
    const folder = path.join(dir, 'products', slug);
    mkdirSync(folder, { recursive: true });
    const count = opts.imagesPerProduct ?? int(rnd, 1, 3);
    const files = Array.from({ length: count }, (_, k) => `anh-${k + 1}.jpg`);
    for (const file of files) {
      write(path.join(folder, file), await syntheticPhoto(images));
      images++;
    }
    write(
      path.join(folder, 'product.yaml'),
      stringify(syntheticProduct(i, rnd, files), { lineWidth: 0 }),
    );
  }
  const copiedProducts = gtinProducts(opts.baseDir);
  for (const slug of copiedProducts) {
    const from = path.join(opts.baseDir!, 'products', slug);
    const to = path.join(dir, 'products', slug);
    mkdirSync(to, { recursive: true });
    for (const file of readdirSync(from)) {
      const data = readFileSync(path.join(from, file));
      write(path.join(to, file), data);
      if (file !== 'product.yaml') images++;
    }
  }
  return {
    dir,
    procedures: opts.procedures,
    products: opts.products + copiedProducts.length,
    copiedProducts,
    images,
    fieldIds,
    bytes,
  };
}
