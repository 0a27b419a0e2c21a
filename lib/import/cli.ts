/** `npm run import -- [options] <file>...`: argument parsing and plain-line output. */
import path from 'node:path';
import { contentDir } from '../content/load';
import { isoDate } from '../content/schema';
import { runImport, type ImportReport, type Outcome } from './run';
import { problemLine, type Decision } from './types';

export const USAGE = `Nhập thủ tục hành chính / import procedures

  npm run import -- [--dry-run] [--force] [--content DIR] [--decision "SỐ|YYYY-MM-DD|CƠ QUAN"] <file>...

  <file>       chi tiết TTHC từ Cổng DVC quốc gia (.json) hoặc danh mục (.csv, .xlsx)
               a procedure detail from the national portal (.json) or a catalogue (.csv, .xlsx)
  --dry-run    chỉ in những gì sẽ thay đổi / print what would change, write nothing
  --force      ghi đè phần đã sửa tay (chỉ những phần nguồn có) / overwrite hand edits
               (only the parts the source carries)
  --content    thư mục nội dung / content directory (default: $CONTENT_DIR or ./content)
  --decision   quyết định công bố / the publishing decision, for source.decision,
               e.g. "1234/QĐ-UBND|2025-07-01|Ủy ban nhân dân tỉnh Quảng Ngãi"
  --date       ngày kiểm tra / the verifiedOn date (default: today in Vietnam)

Exit code: 0 done, 1 invalid input (nothing written), 2 usage error.`;

export type Io = { out: (line: string) => void; err: (line: string) => void };

type Args = {
  files: string[];
  dryRun: boolean;
  force: boolean;
  content?: string;
  decision?: Decision;
  today?: string;
};

export function parseArgs(argv: string[]): Args | { help: true } | { usage: string } {
  const args: Args = { files: [], dryRun: false, force: false };
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
};

function rel(p: string): string {
  if (!path.isAbsolute(p)) return p;
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

export function formatReport(
  report: ImportReport,
  contentDirectory: string,
): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const dry = report.dryRun ? 1 : 0;
  for (const n of report.notes) out.push(`lưu ý / note: ${n}`);
  if (!report.ok) {
    err.push(`Lỗi, không nhập gì / error, nothing imported (${report.problems.length}):`);
    for (const p of report.problems) err.push(`  ${problemLine({ ...p, file: rel(p.file) })}`);
    return { out, err };
  }
  if (report.dryRun) out.push('Chạy thử, không ghi gì / dry run, nothing written.');
  const counts: Record<string, number> = {};
  for (const o of report.outcomes) {
    counts[o.status] = (counts[o.status] ?? 0) + 1;
    const head = `${LABEL[o.status][dry]}: ${o.code}${o.name ? ` ${o.name}` : ''}`;
    const from = o.origins.length ? ` (từ/from ${o.origins.join(', ')})` : '';
    if (o.status === 'created')
      out.push(`${head} → ${rel(path.join(contentDirectory, o.file))}${from}`);
    else if (o.status === 'changed') out.push(`${head}: ${o.changed.join(', ')}${from}`);
    else if (o.status === 'not-created') out.push(`${head}: ${o.reason}${from}`);
    else out.push(head);
    if (o.skipped.length) {
      counts.skipped = (counts.skipped ?? 0) + 1;
      out.push(
        `  sửa tay, giữ nguyên / edited by hand, kept: ${o.skipped.join(', ')} ` +
          '(--force để ghi đè / to overwrite)',
      );
    }
    if (o.checkEnglish.length)
      out.push(`  xem lại bản tiếng Anh / check the English text: ${o.checkEnglish.join(', ')}`);
  }
  out.push(
    `Tổng / total: ${counts.created ?? 0} tạo mới/created, ${counts.changed ?? 0} thay đổi/changed, ` +
      `${counts.unchanged ?? 0} không đổi/unchanged, ${counts.skipped ?? 0} có phần sửa tay/with hand edits, ` +
      `${counts['not-created'] ?? 0} không tạo/not created.`,
  );
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
    decision: args.decision,
    today: args.today,
  });
  const { out, err } = formatReport(report, dir);
  out.forEach(io.out);
  err.forEach(io.err);
  return report.ok ? 0 : 1;
}
