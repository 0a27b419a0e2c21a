/**
 * The browser editor's forms (Keystatic, local storage: it edits the files of the content
 * directory on the server that runs it; paths here are inside that directory). Each form follows lib/content/schema.ts field for field;
 * lib/editor/config.test.ts fails when the two disagree on a field name, so a new schema field is
 * one line here. The forms catch the common mistakes early; the guarantee is the server, which
 * refuses any save the loader would refuse (lib/editor/save.ts).
 */
import { collection, config, fields, singleton } from '@keystatic/core';
import { cset82 } from './lib/gs1/digital-link';

/** A text in Vietnamese with its optional English version, side by side. */
function localText(label: string, opts: { optional?: boolean; multiline?: boolean } = {}) {
  const { optional = false, multiline = false } = opts;
  return fields.object(
    {
      vi: fields.text({
        label: 'Tiếng Việt',
        multiline,
        validation: { isRequired: !optional },
      }),
      en: fields.text({ label: 'English (không bắt buộc)', multiline }),
    },
    { label: optional ? `${label} (không bắt buộc)` : label, layout: [6, 6] },
  );
}

const requiredText = (label: string) => fields.text({ label, validation: { isRequired: true } });
const optionalText = (label: string) => fields.text({ label: `${label} (không bắt buộc)` });
const date = (label: string, isRequired = false) =>
  fields.date({
    label: isRequired ? label : `${label} (không bắt buộc)`,
    validation: { isRequired },
  });
const url = (label: string) => fields.url({ label: `${label} (không bắt buộc)` });
/** The first text in a list item (its Vietnamese name, number, file…), to label it in the list. */
type Preview = { value?: unknown; fields?: Record<string, Preview> };
function firstText(item: Preview): string {
  const v = item.value;
  if (typeof v === 'string' && v) return v;
  if (v && typeof v === 'object' && 'filename' in v) return String(v.filename);
  for (const f of Object.values(item.fields ?? {})) {
    const t = firstText(f);
    if (t) return t;
  }
  return '';
}
const list = <T extends Parameters<typeof fields.array>[0]>(
  element: T,
  label: string,
  itemLabel: (item: Preview) => string = firstText,
) =>
  fields.array(element, {
    label,
    itemLabel: (props) => itemLabel(props as unknown as Preview) || '(trống)',
  });

/** Saved with the file (unlike Keystatic's own slug fields) and also its name: `code` of a procedure. */
function storedSlug(label: string, regex: RegExp, message: string) {
  const base = fields.text({ label, validation: { pattern: { regex, message } } });
  return {
    ...base,
    parse: (value: unknown, extra?: { slug: string }) =>
      typeof value === 'string' ? value : (extra?.slug ?? ''),
    serializeWithSlug: (value: string) => ({ slug: value, value }),
  } as typeof base;
}

/**
 * A product photo kept in the product's own folder under the name it was uploaded with (Keystatic
 * would name it after the field's path, images/0/file.jpg, which the photo URLs cannot carry).
 */
function photo(label: string) {
  const base = fields.image({
    label,
    directory: 'products',
    validation: { isRequired: true },
  });
  return {
    ...base,
    serialize: (value: Parameters<typeof base.serialize>[0], extra: { slug: string | undefined }) =>
      base.serialize(value, { ...extra, suggestedFilenamePrefix: undefined }),
  } as typeof base;
}

const demoValues = list(fields.text({ label: 'Trường' }), 'Giá trị minh hoạ (chưa xác minh)');

const options = <T extends string>(pairs: [T, string][]) =>
  pairs.map(([value, label]) => ({ value, label }));

const method = fields.object(
  {
    channel: fields.select({
      label: 'Kênh',
      options: options([
        ['direct', 'Trực tiếp'],
        ['online', 'Trực tuyến'],
        ['postal', 'Dịch vụ bưu chính'],
      ]),
      defaultValue: 'direct',
    }),
    time: fields.object(
      {
        value: fields.number({ label: 'Số (không bắt buộc)', validation: { min: 0 } }),
        unit: fields.select({
          label: 'Đơn vị',
          options: options([
            ['', '(không ghi)'],
            ['working-day', 'ngày làm việc'],
            ['day', 'ngày'],
            ['hour', 'giờ'],
            ['month', 'tháng'],
          ]),
          defaultValue: '',
        }),
        text: localText('Thời hạn giải quyết (nguyên văn)', { optional: true, multiline: true }),
      },
      { label: 'Thời hạn giải quyết' },
    ),
    fees: list(
      fields.object({
        // As in the schema: the national data often does not say which it is (left unstated).
        kind: fields.select({
          label: 'Loại',
          options: options([
            ['', '(nguồn không nói rõ)'],
            ['charge', 'Lệ phí'],
            ['fee', 'Phí'],
            ['price', 'Giá dịch vụ'],
          ]),
          defaultValue: '',
        }),
        amount: fields.integer({ label: 'Số tiền, đồng (không bắt buộc)', validation: { min: 0 } }),
        text: localText('Nội dung (nguyên văn, kể cả miễn giảm)', { multiline: true }),
      }),
      'Phí, lệ phí',
    ),
    note: localText('Ghi chú', { optional: true, multiline: true }),
  },
  { label: 'Cách thức' },
);

const documentItem = fields.object({
  name: localText('Tên giấy tờ', { multiline: true }),
  forms: list(
    fields.object({ title: localText('Tên mẫu đơn, tờ khai'), url: url('Đường dẫn tải mẫu') }),
    'Mẫu đơn, tờ khai',
  ),
  originals: fields.integer({ label: 'Số bản chính', defaultValue: 1, validation: { min: 0 } }),
  copies: fields.integer({ label: 'Số bản sao', defaultValue: 0, validation: { min: 0 } }),
  required: fields.checkbox({ label: 'Bắt buộc', defaultValue: true }),
  note: localText('Ghi chú', { optional: true, multiline: true }),
});

export const procedureFields = {
  code: storedSlug('Mã thủ tục', /^\d\.\d{6}$/, 'Mã thủ tục quốc gia dạng 1.001193'),
  name: localText('Tên thủ tục'),
  level: fields.select({
    label: 'Cấp thực hiện',
    options: options([
      ['commune', 'Cấp xã'],
      ['province', 'Cấp tỉnh'],
      ['central', 'Cấp trung ương'],
    ]),
    defaultValue: 'commune',
  }),
  kind: localText('Loại thủ tục', { optional: true }),
  field: requiredText('Lĩnh vực (mã trong danh sách lĩnh vực, ví dụ ho-tich)'),
  summary: localText('Tóm tắt', { optional: true, multiline: true }),
  keywords: list(fields.text({ label: 'Từ khoá' }), 'Từ khoá tìm kiếm'),
  methods: list(method, 'Cách thức thực hiện (kênh, thời hạn, phí)', (m) => {
    const channel = String(m.fields?.channel.value);
    const name = { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính' }[channel];
    return `${name ?? channel}: ${firstText(m.fields?.time.fields?.text ?? {})}`;
  }),
  documents: list(
    fields.object({
      case: localText('Trường hợp', { optional: true }),
      items: list(documentItem, 'Giấy tờ'),
    }),
    'Thành phần hồ sơ',
  ),
  steps: list(
    fields.object({
      text: localText('Bước', { multiline: true }),
      items: list(localText('Ý', { multiline: true }), 'Các ý (không bắt buộc)'),
    }),
    'Trình tự thực hiện',
  ),
  subjects: list(localText('Đối tượng'), 'Đối tượng thực hiện'),
  agency: localText('Cơ quan thực hiện'),
  authority: localText('Cơ quan có thẩm quyền', { optional: true }),
  authorizedAgency: localText('Cơ quan được ủy quyền', { optional: true }),
  delegatedAgency: localText('Cơ quan được phân cấp', { optional: true }),
  coordinatingAgency: localText('Cơ quan phối hợp', { optional: true }),
  receivingAddress: localText('Địa chỉ tiếp nhận', { optional: true }),
  results: list(localText('Kết quả'), 'Kết quả thực hiện'),
  legalBasis: list(
    fields.object({
      number: requiredText('Số, ký hiệu'),
      title: localText('Trích yếu'),
      date: date('Ngày ban hành'),
      issuer: localText('Cơ quan ban hành', { optional: true }),
    }),
    'Căn cứ pháp lý',
  ),
  requirements: list(localText('Yêu cầu', { multiline: true }), 'Yêu cầu, điều kiện'),
  online: fields.object(
    {
      level: fields.select({
        label: 'Mức dịch vụ công trực tuyến',
        options: options([
          ['full', 'Toàn trình'],
          ['partial', 'Một phần'],
          ['none', 'Không'],
        ]),
        defaultValue: 'none',
      }),
      url: url('Đường dẫn trên Cổng Dịch vụ công quốc gia'),
    },
    { label: 'Dịch vụ công trực tuyến' },
  ),
  effectiveFrom: date('Có hiệu lực từ'),
  repealedOn: date('Bãi bỏ từ ngày'),
  replacedBy: optionalText('Được thay thế bởi thủ tục (mã)'),
  source: fields.object(
    {
      // Optional as in the schema (the national portal names no decision for most procedures):
      // left empty it is dropped on save; half filled, the save is refused naming what is missing.
      decision: fields.object(
        {
          number: optionalText('Số quyết định'),
          date: date('Ngày quyết định'),
          issuer: localText('Cơ quan ban hành', { optional: true }),
        },
        { label: 'Quyết định công bố (không bắt buộc; nếu ghi thì ghi đủ số, ngày và cơ quan)' },
      ),
      promulgatedBy: localText('Cơ quan công bố', { optional: true }),
      verifiedOn: date('Ngày đối chiếu gần nhất', true),
      url: url('Nguồn'),
    },
    { label: 'Nguồn công bố' },
  ),
  demoValues,
};

export const productFields = {
  slug: fields.text({
    label: 'Tên thư mục (đường dẫn /ocop/…/, chữ thường không dấu, gạch nối)',
    validation: {
      pattern: {
        regex: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        message: 'Chỉ chữ thường không dấu, số và dấu gạch nối, ví dụ ca-com-kho',
      },
    },
  }),
  name: localText('Tên sản phẩm'),
  shortCode: fields.text({
    label: 'Mã ngắn (in trong mã QR, không bao giờ đổi)',
    validation: {
      pattern: { regex: /^[A-Z0-9]{2,12}$/, message: '2–12 chữ in hoa hoặc số, ví dụ DP03' },
    },
  }),
  gtin: fields.text({
    label: 'GTIN (mã vạch thật của sản phẩm, không bắt buộc; không tự đặt)',
    validation: {
      pattern: { regex: /^(\d{8}|\d{12,14})?$/, message: 'GTIN gồm 8, 12, 13 hoặc 14 chữ số' },
    },
  }),
  brand: optionalText('Nhãn hiệu (nếu khác tên chủ thể)'),
  stars: fields.integer({
    label: 'Hạng sao OCOP (3–5)',
    defaultValue: 3,
    validation: { isRequired: true, min: 3, max: 5 },
  }),
  group: fields.select({
    label: 'Nhóm sản phẩm (Quyết định 148/QĐ-TTg)',
    options: options([
      ['', '(chưa rõ)'],
      ['thuc-pham', 'Thực phẩm'],
      ['do-uong', 'Đồ uống'],
      ['thao-duoc', 'Thảo dược'],
      ['vai-may-mac', 'Vải và may mặc'],
      ['luu-niem-noi-that-trang-tri', 'Lưu niệm, nội thất, trang trí'],
      ['du-lich-cong-dong', 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch'],
    ]),
    defaultValue: '',
  }),
  producer: fields.object(
    {
      name: localText('Tên chủ thể'),
      representative: optionalText('Người đại diện'),
      address: localText('Địa chỉ'),
      phone: optionalText('Điện thoại'),
      zalo: optionalText('Zalo'),
      website: url('Trang web'),
    },
    { label: 'Chủ thể sản xuất' },
  ),
  certificate: fields.object(
    {
      number: requiredText('Số quyết định công nhận'),
      date: date('Ngày công nhận (hoặc chỉ ghi năm)'),
      issuer: localText('Cơ quan công nhận'),
      year: fields.integer({ label: 'Năm công nhận (không bắt buộc)' }),
      expires: date('Hết hạn (mặc định 36 tháng sau ngày công nhận)'),
    },
    { label: 'Giấy chứng nhận OCOP' },
  ),
  // Optional as in the schema: what is not known about a product is left out, not invented.
  summary: localText('Giới thiệu ngắn', { optional: true, multiline: true }),
  story: localText('Câu chuyện sản phẩm', { optional: true, multiline: true }),
  description: localText('Mô tả, cách dùng', { optional: true, multiline: true }),
  netQuantity: localText('Khối lượng, thể tích tịnh', { optional: true }),
  packaging: localText('Bao bì', { optional: true }),
  ingredients: localText('Thành phần', { optional: true }),
  shelfLife: localText('Hạn sử dụng', { optional: true }),
  storage: localText('Bảo quản', { optional: true }),
  standards: list(
    fields.object({
      code: requiredText('Số hiệu tiêu chuẩn (TCVN, TCCS…)'),
      title: localText('Tên tiêu chuẩn', { optional: true }),
    }),
    'Tiêu chuẩn áp dụng',
  ),
  marketedSince: date('Ngày bắt đầu bán'),
  lots: list(
    fields.object({
      code: fields.text({
        label: 'Số lô (GS1 AI 10)',
        validation: {
          isRequired: true,
          pattern: {
            regex: cset82(20),
            message: 'Số lô gồm chữ không dấu, chữ số hoặc dấu câu GS1, tối đa 20 ký tự',
          },
        },
      }),
      producedOn: date('Ngày sản xuất'),
      expiresOn: date('Hạn sử dụng của lô'),
    }),
    'Lô sản xuất',
  ),
  pointsOfSale: list(
    fields.object({
      name: localText('Tên'),
      address: localText('Địa chỉ', { optional: true }),
      phone: optionalText('Điện thoại'),
      url: url('Trang web'),
    }),
    'Nơi bán',
  ),
  images: list(
    fields.object({
      file: photo('Ảnh (JPEG hoặc PNG)'),
      alt: localText('Mô tả ảnh cho người khiếm thị'),
    }),
    'Ảnh sản phẩm',
  ),
  featured: fields.checkbox({ label: 'Nổi bật trên trang chủ' }),
  withdrawn: fields.object(
    { on: date('Ngày thu hồi'), reason: localText('Lý do', { optional: true }) },
    { label: 'Thu hồi chứng nhận (chỉ điền khi bị thu hồi)' },
  ),
  demoValues,
};

export const siteFields = {
  name: localText('Tên phường, xã'),
  authority: localText('Ủy ban nhân dân'),
  province: localText('Tỉnh'),
  about: localText('Giới thiệu', { optional: true, multiline: true }),
  baseUrl: fields.url({
    label: 'Địa chỉ trang web (in trong mã QR)',
    validation: { isRequired: true },
  }),
  qrUppercase: fields.checkbox({ label: 'Mã QR dùng chữ in hoa (mã nhỏ hơn)', defaultValue: true }),
  demo: fields.checkbox({ label: 'Còn dữ liệu minh hoạ (hiện băng thông báo)' }),
  demoValues,
  office: fields.object(
    {
      name: localText('Tên nơi tiếp nhận'),
      address: localText('Địa chỉ'),
      phone: optionalText('Điện thoại'),
      hotline: optionalText('Đường dây nóng'),
      email: optionalText('Thư điện tử'),
      hours: list(
        fields.object({ days: localText('Ngày'), time: requiredText('Giờ') }),
        'Giờ làm việc',
      ),
      map: fields.object(
        {
          lat: fields.number({ label: 'Vĩ độ', validation: { min: -90, max: 90 } }),
          lng: fields.number({ label: 'Kinh độ', validation: { min: -180, max: 180 } }),
        },
        { label: 'Vị trí trên bản đồ (không bắt buộc)' },
      ),
    },
    { label: 'Bộ phận Một cửa' },
  ),
  nationalPortalUrl: url('Cổng Dịch vụ công quốc gia'),
  featuredFields: list(
    requiredText('Mã lĩnh vực'),
    'Lĩnh vực dùng nhiều (hiện trước trên trang chủ)',
  ),
};

export const fieldListFields = {
  fields: list(
    fields.object({
      id: requiredText('Mã lĩnh vực (chữ thường không dấu, gạch nối)'),
      name: localText('Tên lĩnh vực'),
    }),
    'Lĩnh vực',
  ),
};

export default config({
  storage: { kind: 'local' },
  ui: { brand: { name: 'Sửa nội dung cổng thông tin' } },
  singletons: {
    site: singleton({ label: 'Thông tin phường', path: 'site', schema: siteFields }),
    fields: singleton({ label: 'Lĩnh vực', path: 'fields', schema: fieldListFields }),
  },
  collections: {
    procedures: collection({
      label: 'Thủ tục hành chính',
      path: 'procedures/*',
      slugField: 'code',
      columns: ['field', 'level'],
      schema: procedureFields,
    }),
    products: collection({
      label: 'Sản phẩm OCOP',
      path: 'products/*/product',
      slugField: 'slug',
      columns: ['shortCode', 'stars'],
      schema: productFields,
    }),
  },
});
