/** `npm run import -- [options] <file>...`: argument parsing and plain-line output. */
import path from 'node:path';
import { contentDir } from '../content/load';
import { isoDate } from '../content/schema';
import { runImport, type ImportReport, type Outcome } from './run';
import { problemLine, type Decision } from './types';

export const USAGE = `Nhập thủ tục hành chính / import procedures

  npm run import -- [--dry-run] [--force] [--include-other-provinces] [--content DIR]
                    [--decision "SỐ|YYYY-MM-DD|CƠ QUAN"] <file or folder>...

  <file>       chi tiết TTHC từ Cổng DVC quốc gia (.json) hoặc danh mục (.csv, .xlsx), hoặc
               thư mục chứa các tệp đó / a procedure detail from the national portal (.json),
               a catalogue (.csv, .xlsx), or a folder of them
  --dry-run    chỉ in những gì sẽ thay đổi / print what would change, write nothing
  --force      ghi đè phần đã sửa tay (chỉ những phần nguồn có) / overwrite hand edits
               (only the parts the source carries)
  --include-other-provinces
               nhận cả thủ tục do UBND tỉnh khác ban hành / also take procedures promulgated
               by another province's People's Committee (skipped by default)
  --content    thư mục nội dung / content directory (default: $CONTENT_DIR or ./content)
  --decision   quyết định công bố / the publishing decision, for source.decision,
               e.g. "1234/QĐ-UBND|2025-07-01|Ủy ban nhân dân tỉnh Quảng Ngãi"
  --date       ngày kiểm tra / the verifiedOn date (default: today in Vietnam)

Mỗi thủ tục được xét riêng: thủ tục lỗi bị từ chối (ghi tệp, trường, lý do), các thủ tục khác
vẫn được nhập. Each procedure is judged on its own: a bad one is refused (file, field, reason),
the others are imported.

Exit code: 0 done, 1 something was refused (the rest imported), 2 usage error.`;

export type Io = { out: (line: string) => void; err: (line: string) => void };

type Args = {
  files: string[];
  dryRun: boolean;
  force: boolean;
  includeOtherProvinces: boolean;
  content?: string;
  decision?: Decision;
  today?: string;
};

export function parseArgs(argv: string[]): Args | { help: true } | { usage: string } {
  const args: Args = { files: [], dryRun: false, force: false, includeOtherProvinces: false };
  const withValue = ['--content', '--decision', '--date'];
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    if (arg === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.includes('=')) {
      value = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    if (withValue.includes(arg) && value === undefined) {
      value = argv[++i];
      if (value === undefined) return { usage: `${arg} needs a value` };
    }
    switch (arg) {
      case '-h':
      case '--help':
        return { help: true };
      case '--dry-run':
        args.dryRun = true;
        break;
      case '--force':
        args.force = true;
        break;
      case '--include-other-provinces':
        args.includeOtherProvinces = true;
        break;
      case '--content':
        args.content = value;
        break;
      case '--date':
        if (!isoDate.safeParse(value).success)
          return { usage: `--date must be a date YYYY-MM-DD, got "${value}"` };
        args.today = value;
        break;
      case '--decision': {
        const parts = (value ?? '').split('|').map((s) => s.trim().normalize('NFC'));
        if (parts.length !== 3 || parts.some((p) => !p) || !isoDate.safeParse(parts[1]).success)
          return {
            usage: `--decision must be "<số>|<YYYY-MM-DD>|<cơ quan ban hành>", got "${value}"`,
          };
        args.decision = { number: parts[0], date: parts[1], issuer: parts[2] };
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { usage: `unknown option ${arg}` };
        args.files.push(argv[i]);
    }
  }
  if (!args.files.length) return { usage: 'no file to import' };
  return args;
}

const LABEL: Record<Outcome['status'], [string, string]> = {
  created: ['tạo mới / created', 'sẽ tạo mới / would create'],
  changed: ['thay đổi / changed', 'sẽ thay đổi / would change'],
  unchanged: ['không đổi / unchanged', 'không đổi / unchanged'],
  'not-created': ['không tạo / not created', 'không tạo / not created'],
  refused: ['từ chối / refused', 'sẽ từ chối / would refuse'],
  'other-province': ['bỏ qua, tỉnh khác / skipped, other province', 'sẽ bỏ qua / would skip'],
};

function rel(p: string): string {
  if (!path.isAbsolute(p)) return p;
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

/** The summary table: one row per kind of outcome, the count, and what it means. */
function summary(report: ImportReport): string[] {
  const count = (s: Outcome['status']) => report.outcomes.filter((o) => o.status === s).length;
  const rows: [string, number][] = [
    ['tạo mới / created', count('created')],
    ['thay đổi / changed', count('changed')],
    ['không đổi / unchanged', count('unchanged')],
    [
      'giữ phần sửa tay / kept as hand-edited',
      report.outcomes.filter((o) => o.skipped.length).length,
    ],
    ['từ chối / refused', count('refused') + report.problems.length],
    ['bỏ qua, tỉnh khác / skipped, other province', count('other-province')],
    ['không tạo (chỉ có dòng danh mục) / not created (catalogue row only)', count('not-created')],
    ['lĩnh vực mới / new fields', report.newFields.length],
  ];
  const width = Math.max(...rows.map(([l]) => l.length));
  return [
    `${'Kết quả / summary'.padEnd(width)}  số / count`,
    `${'-'.repeat(width)}  ----------`,
    ...rows.map(([l, n]) => `${l.padEnd(width)}  ${String(n).padStart(10)}`),
  ];
}

export function formatReport(
  report: ImportReport,
  contentDirectory: string,
): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const dry = report.dryRun ? 1 : 0;
  for (const n of report.notes) out.push(`lưu ý / note: ${n}`);
  if (report.dryRun) out.push('Chạy thử, không ghi gì / dry run, nothing written.');
  for (const o of report.outcomes) {
    const head = `${LABEL[o.status][dry]}: ${o.code}${o.name ? ` ${o.name}` : ''}`;
    const from = o.origins.length ? ` (từ/from ${o.origins.map(rel).join(', ')})` : '';
    if (o.status === 'created')
      out.push(`${head} → ${rel(path.join(contentDirectory, o.file))}${from}`);
    else if (o.status === 'changed') out.push(`${head}: ${o.changed.join(', ')}${from}`);
    else if (o.status === 'not-created' || o.status === 'other-province')
      out.push(`${head}: ${o.reason}${from}`);
    else if (o.status === 'refused') {
      err.push(head);
      for (const p of o.problems ?? []) err.push(`  ${problemLine({ ...p, file: rel(p.file) })}`);
    } else out.push(head);
    if (o.skipped.length)
      out.push(
        `  sửa tay, giữ nguyên / edited by hand, kept: ${o.skipped.join(', ')} ` +
          '(--force để ghi đè / to overwrite)',
      );
    if (o.checkEnglish.length)
      out.push(`  xem lại bản tiếng Anh / check the English text: ${o.checkEnglish.join(', ')}`);
  }
  for (const f of report.newFields)
    out.push(
      `lĩnh vực mới / new field: ${f.id} "${f.name.vi}" (thêm tên tiếng Anh / add an English name in fields.yaml)`,
    );
  if (report.problems.length) {
    err.push(`Tệp không đọc được, từ chối / files refused (${report.problems.length}):`);
    for (const p of report.problems) err.push(`  ${problemLine({ ...p, file: rel(p.file) })}`);
  }
  out.push(...summary(report));
  return { out, err };
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const args = parseArgs(argv);
  if ('help' in args) {
    io.out(USAGE);
    return 0;
  }
  if ('usage' in args) {
    io.err(`${args.usage}\n\n${USAGE}`);
    return 2;
  }
  const dir = args.content ? path.resolve(args.content) : contentDir();
  const report = await runImport(args.files, {
    contentDir: dir,
    dryRun: args.dryRun,
    force: args.force,
    includeOtherProvinces: args.includeOtherProvinces,
    decision: args.decision,
    today: args.today,
  });
  const { out, err } = formatReport(report, dir);
  out.forEach(io.out);
  err.forEach(io.err);
  return report.ok ? 0 : 1;
}
