import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(ROOT, 'lib/import/fixtures/1.001193.json');
const DECISION = '1234/QĐ-UBND|2025-07-01|Ủy ban nhân dân tỉnh Quảng Ngãi';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function makeContent(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
  temps.push(dir);
  for (const f of ['site.yaml', 'fields.yaml'])
    copyFileSync(path.join(ROOT, 'content', f), path.join(dir, f));
  return dir;
}

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each case starts tsx several times: on a busy machine that alone takes tens of seconds.
describe('npm run import', { timeout: 120_000 }, () => {
  it('imports, then reports the second run as unchanged (exit 0)', () => {
    const dir = makeContent();
    const first = run(['--content', dir, '--decision', DECISION, '--date', '2026-01-15', FIXTURE]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('tạo mới / created: 1.001193 Thủ tục đăng ký khai sinh');
    expect(existsSync(path.join(dir, 'procedures/1.001193.yaml'))).toBe(true);
    const second = run(['--', FIXTURE], { CONTENT_DIR: dir });
    expect(second.code).toBe(0);
    expect(second.out).toContain('không đổi / unchanged: 1.001193');
  });

  it('writes nothing on a dry run', () => {
    const dir = makeContent();
    const r = run(['--dry-run', '--content', dir, '--decision', DECISION, FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('sẽ tạo mới / would create: 1.001193');
    expect(readdirSync(dir).sort()).toEqual(['fields.yaml', 'site.yaml']);
  });

  it('exits 1 when something is refused, naming the file, row and column, and writes nothing for it', () => {
    const dir = makeContent();
    const bad = path.join(dir, '..', `${path.basename(dir)}-bad.csv`);
    temps.push(bad);
    writeFileSync(bad, 'Mã TTHC,Tên TTHC,Lĩnh vực\n1.0011,Đăng ký khai sinh,Hộ tịch\n');
    const r = run(['--content', dir, bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Tệp không đọc được, từ chối / files refused (1):');
    expect(r.err).toMatch(
      /-bad\.csv, dòng\/row 2, cột\/column "Mã TTHC": malformed code "1\.0011"/,
    );
    expect(r.out).toMatch(/từ chối \/ refused +1$/m);
    expect(readdirSync(dir).sort()).toEqual(['fields.yaml', 'site.yaml']);
  });

  it('exits 2 on usage errors', () => {
    expect(run([]).code).toBe(2);
    expect(run(['--frobnicate', FIXTURE]).code).toBe(2);
    const decision = run(['--decision', '1234/QĐ-UBND|01/07/2025|UBND tỉnh', FIXTURE]);
    expect(decision.code).toBe(2);
    expect(decision.err).toContain('--decision must be');
    expect(run(['--help']).code).toBe(0);
  });
});
