/**
 * Small valid content for tests: one site, two fields, procedures and products built from
 * templates, written to a temporary directory that tests may then break on purpose.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { stringify } from 'yaml';

export const testSite = {
  name: { vi: 'Phường Thử', en: 'Test Ward' },
  authority: { vi: 'Ủy ban nhân dân phường Thử' },
  province: { vi: 'Tỉnh Thử' },
  baseUrl: 'https://thu.example.gov.vn',
  demo: true,
  office: {
    name: { vi: 'Bộ phận Một cửa' },
    address: { vi: '1 Đường Thử' },
    hotline: '1800 1096',
    hours: [{ days: { vi: 'Thứ Hai đến Thứ Sáu' }, time: '07:00–17:00' }],
  },
};

export const testFields = [
  { id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' } },
  { id: 'chung-thuc', name: { vi: 'Chứng thực' } },
];

export function testProcedure(code: string, overrides: Record<string, unknown> = {}) {
  return {
    code,
    name: { vi: `Thủ tục ${code}`, en: `Procedure ${code}` },
    level: 'commune',
    field: 'ho-tich',
    methods: [
      {
        channel: 'direct',
        time: { value: 1, unit: 'working-day', text: { vi: '01 ngày làm việc' } },
        fees: [{ kind: 'charge', amount: 0, text: { vi: 'Miễn lệ phí' } }],
      },
    ],
    documents: [{ items: [{ name: { vi: 'Tờ khai' }, originals: 1, copies: 0 }] }],
    steps: [{ text: { vi: 'Nộp hồ sơ' } }],
    subjects: [{ vi: 'Công dân Việt Nam' }],
    agency: { vi: 'UBND cấp xã' },
    results: [{ vi: 'Giấy xác nhận' }],
    legalBasis: [{ number: '60/2014/QH13', title: { vi: 'Luật Hộ tịch' } }],
    online: { level: 'none' },
    source: {
      decision: { number: '1/QĐ-UBND', date: '2025-07-01', issuer: { vi: 'UBND tỉnh' } },
      verifiedOn: '2026-11-01',
    },
    ...overrides,
  };
}

export function testProduct(shortCode: string, overrides: Record<string, unknown> = {}) {
  return {
    name: { vi: `Sản phẩm ${shortCode}` },
    shortCode,
    stars: 4,
    group: 'thuc-pham',
    producer: { name: { vi: 'Hợp tác xã Thử' }, address: { vi: 'Thôn Thử' } },
    certificate: { number: '1/QĐ-UBND', date: '2025-01-10', issuer: { vi: 'UBND tỉnh' } },
    summary: { vi: 'Tóm tắt' },
    story: { vi: 'Câu chuyện' },
    description: { vi: 'Mô tả' },
    netQuantity: { vi: '500 ml' },
    packaging: { vi: 'Chai thủy tinh' },
    images: [{ file: 'anh.jpg', alt: { vi: 'Ảnh minh hoạ' } }],
    ...overrides,
  };
}

type Spec = {
  procedures?: Record<string, unknown>[];
  products?: { slug: string; data: Record<string, unknown> }[];
  site?: Record<string, unknown>;
  fields?: unknown[];
};

/** Writes content to a fresh temporary directory and returns its path. */
export async function writeTestContent(spec: Spec = {}): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'content-'));
  writeFileSync(path.join(dir, 'site.yaml'), stringify(spec.site ?? testSite));
  writeFileSync(path.join(dir, 'fields.yaml'), stringify({ fields: spec.fields ?? testFields }));
  mkdirSync(path.join(dir, 'procedures'));
  for (const p of spec.procedures ?? [testProcedure('1.000001')]) {
    writeFileSync(path.join(dir, 'procedures', `${p.code}.yaml`), stringify(p));
  }
  mkdirSync(path.join(dir, 'products'));
  const photo = await sharp({
    create: { width: 1200, height: 900, channels: 3, background: '#c08040' },
  })
    .jpeg()
    .toBuffer();
  for (const { slug, data } of spec.products ?? [
    { slug: 'san-pham-thu', data: testProduct('TP01') },
  ]) {
    mkdirSync(path.join(dir, 'products', slug));
    writeFileSync(path.join(dir, 'products', slug, 'product.yaml'), stringify(data));
    writeFileSync(path.join(dir, 'products', slug, 'anh.jpg'), photo);
  }
  return dir;
}

/** A copy of a content directory in a temporary place (importer and end-to-end tests). */
export function copyContent(from: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'content-copy-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Every file under a directory, by relative path: what a test compares to prove nothing was written. */
export function snapshotDir(
  dir: string,
  encoding: 'utf8' | 'base64' = 'utf8',
): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p).toString(encoding);
    }
  };
  walk(dir);
  return out;
}

/** The header row of a province's procedure catalogue (danh mục TTHC), as officials lay it out. */
export const CATALOGUE_HEADER = [
  'STT',
  'Mã TTHC',
  'Tên thủ tục hành chính',
  'Lĩnh vực',
  'Thời hạn giải quyết',
  'Phí, lệ phí',
  'Căn cứ pháp lý',
  'Cơ quan thực hiện',
  'Ghi chú',
];
