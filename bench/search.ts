/**
 * Search benchmark: index size and query time for a ward-sized catalogue and beyond (3,000
 * synthetic procedures, about twice what a province publishes). `npx tsx bench/search.ts`
 * prints the figures; `runSearchBench()` returns them for `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { procedurePath } from '../lib/links';
import { createIndex, indexToJson, loadIndex, search, type SearchDoc } from '../lib/search/engine';

export type SearchBenchResult = {
  docs: number;
  indexBytes: number;
  indexGzipBytes: number;
  /** Building the index and serialising it, as the build does once per locale. */
  buildMs: number;
  /** Parsing and loading the JSON, as the browser does on the first keystroke. */
  loadMs: number;
  medianQueryMs: number;
  p95QueryMs: number;
  queries: number;
};

const ACTIONS = [
  'Đăng ký',
  'Đăng ký lại',
  'Cấp',
  'Cấp lại',
  'Cấp đổi',
  'Điều chỉnh',
  'Thay đổi, cải chính',
  'Xác nhận',
  'Chứng thực',
  'Gia hạn',
  'Thu hồi',
  'Giải quyết',
  'Hỗ trợ',
  'Công nhận',
  'Thẩm định',
  'Phê duyệt',
  'Chuyển đổi',
  'Đính chính',
  'Tiếp nhận',
  'Thông báo',
];

const OBJECTS = [
  'khai sinh',
  'kết hôn',
  'khai tử',
  'giám hộ',
  'nhận cha, mẹ, con',
  'giấy xác nhận tình trạng hôn nhân',
  'giấy chứng nhận quyền sử dụng đất',
  'giấy phép xây dựng nhà ở riêng lẻ',
  'hộ kinh doanh',
  'giấy chứng nhận đăng ký hộ kinh doanh',
  'bản sao từ bản chính giấy tờ, văn bản',
  'chữ ký trong các giấy tờ, văn bản',
  'hợp đồng, giao dịch liên quan đến tài sản',
  'trợ cấp xã hội hằng tháng',
  'hỗ trợ chi phí mai táng',
  'hộ nghèo, hộ cận nghèo',
  'người có công với cách mạng',
  'chế độ ưu đãi đối với thân nhân liệt sĩ',
  'thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  'kế hoạch sử dụng đất hằng năm',
  'tranh chấp đất đai',
  'hoạt động tín ngưỡng',
  'câu lạc bộ thể thao cơ sở',
  'gia đình văn hóa',
  'tổ hợp tác',
  'lễ hội truyền thống',
  'nuôi con nuôi trong nước',
  'thường trú, tạm trú',
  'hỗ trợ người khuyết tật',
  'kinh phí chăm sóc người cao tuổi',
];

const QUALIFIERS = [
  '',
  '',
  '',
  'có yếu tố nước ngoài',
  'lưu động',
  'cho người khuyết tật',
  'trong trường hợp bị mất, hư hỏng',
  'tại Ủy ban nhân dân cấp xã',
  'đối với hộ gia đình, cá nhân',
  'kết hợp',
  'cho người cao tuổi',
  'theo hình thức trực tuyến',
  'cho người đang cư trú ở nước ngoài',
  'khi thay đổi nơi cư trú',
];

const FIELDS = [
  'Hộ tịch',
  'Chứng thực',
  'Thành lập và hoạt động của hộ kinh doanh',
  'Bảo trợ xã hội',
  'Người có công',
  'Đất đai',
  'Xây dựng',
  'Văn hóa cơ sở',
  'Tôn giáo, tín ngưỡng',
  'Nuôi con nuôi',
  'Bảo hiểm y tế',
  'Giảm nghèo',
];

const KEYWORDS = [
  'giấy khai sinh',
  'đăng ký kết hôn',
  'giấy chứng tử',
  'sổ đỏ',
  'trích lục',
  'bản sao',
  'công chứng',
  'trợ cấp',
  'mai táng phí',
  'hộ nghèo',
  'liệt sĩ',
  'thương binh',
  'kinh doanh',
  'giấy phép',
  'nhà ở',
  'người già',
  'trẻ em',
  'độc thân',
  'dịch vụ công trực tuyến',
  'lệ phí',
];

/** A small seeded generator (mulberry32) so that every run measures the same catalogue. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticProcedures(count = 3000, seed = 1): SearchDoc[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const codes = new Set<string>();
  const docs: SearchDoc[] = [];
  while (docs.length < count) {
    const code = `${1 + Math.floor(rnd() * 2)}.${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`;
    if (codes.has(code)) continue;
    codes.add(code);
    const title = [pick(ACTIONS), pick(OBJECTS), pick(QUALIFIERS)].filter(Boolean).join(' ');
    docs.push({
      id: `procedure:${code}`,
      kind: 'procedure',
      title: title.charAt(0).toUpperCase() + title.slice(1),
      code,
      field: pick(FIELDS),
      keywords: [pick(KEYWORDS), pick(KEYWORDS)],
      url: procedurePath('vi', code),
    });
  }
  return docs;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function runSearchBench({ count = 3000, rounds = 20 } = {}): SearchBenchResult {
  const docs = syntheticProcedures(count);
  let start = performance.now();
  const json = indexToJson(createIndex(docs));
  const buildMs = performance.now() - start;

  start = performance.now();
  const index = loadIndex(json);
  const loadMs = performance.now() - start;

  const queries = [
    'dang ky ket hon',
    'đăng ký khai tử',
    'đăng ký khai tử'.normalize('NFD'),
    'chung thuc ban sao',
    'cap lai giay chung nhan quyen su dung dat',
    'tro cap xa hoi hang thang',
    'ho kinh doanh',
    'nguoi co cong',
    'so do',
    'dang ky ket h',
    'd',
    'ho tro nguoi khuyet tat cao tuoi',
    'dang ky ket hon xyzzy',
    docs[42].code!,
    docs[7].code!.slice(0, 5),
  ];
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      search(index, q, 10);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    docs: docs.length,
    indexBytes: Buffer.byteLength(json),
    indexGzipBytes: gzipSync(json, { level: 9 }).length,
    buildMs: round(buildMs),
    loadMs: round(loadMs),
    medianQueryMs: round(percentile(times, 50)),
    p95QueryMs: round(percentile(times, 95)),
    queries: times.length,
  };
}

if (process.argv[1] && /bench[\\/]search\.[cm]?[jt]s$/.test(process.argv[1])) {
  const r = runSearchBench();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`search index for ${r.docs} synthetic procedures`);
  console.log(`  index      ${kb(r.indexBytes)} (gzip ${kb(r.indexGzipBytes)})`);
  console.log(`  build      ${r.buildMs} ms (index + JSON)`);
  console.log(`  load       ${r.loadMs} ms (JSON.parse + unpack + MiniSearch.loadJS)`);
  console.log(
    `  query      median ${r.medianQueryMs} ms, p95 ${r.p95QueryMs} ms (${r.queries} queries)`,
  );
}
