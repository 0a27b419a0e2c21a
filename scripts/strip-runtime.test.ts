import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stripExport } from './strip-runtime';

/** A page exactly as Next 16 wrote it (the procedure page of the demonstration build). */
const nextPage = readFileSync(path.join(__dirname, '../lib/html/fixtures/procedure.html'), 'utf8');

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function exportDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-strip-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

describe('stripExport over an export folder', () => {
  it('rewrites every page, deletes only the router payloads, and counts what it did', async () => {
    const payloads = {
      'vi/thu-tuc/1.001193/index.txt': 'router payload '.repeat(50),
      'vi/thu-tuc/1.001193/__next.vi.thu-tuc.txt': 'segment '.repeat(30),
      'vi/__next._tree.txt': 'tree',
    };
    const dir = exportDir({
      'vi/thu-tuc/1.001193/index.html': nextPage,
      'en/thu-tuc/1.001193/index.html': nextPage,
      ...payloads,
      'robots.txt': 'User-agent: *',
      // An index.txt that is not beside a page is content, not a router payload.
      'tai-lieu/index.txt': 'a text file',
    });
    const payloadBytes = Object.keys(payloads).reduce(
      (n, f) => n + statSync(path.join(dir, f)).size,
      0,
    );

    const report = await stripExport(dir);

    for (const page of ['vi/thu-tuc/1.001193/index.html', 'en/thu-tuc/1.001193/index.html']) {
      const html = readFileSync(path.join(dir, page), 'utf8');
      expect(html).not.toMatch(/<script[^>]*src="\/_next\//);
      expect(html).not.toContain('self.__next_f');
      expect(html).toContain('<h1');
    }
    for (const f of Object.keys(payloads)) expect(existsSync(path.join(dir, f)), f).toBe(false);
    expect(existsSync(path.join(dir, 'robots.txt'))).toBe(true);
    expect(existsSync(path.join(dir, 'tai-lieu/index.txt'))).toBe(true);
    expect(report.pages).toBe(2);
    expect(report.removedFiles).toBe(3);
    expect(report.removedBytes).toBe(payloadBytes);
    expect(report.htmlBytesBefore).toBe(2 * Buffer.byteLength(nextPage));
    expect(report.htmlBytesAfter).toBe(
      2 * statSync(path.join(dir, 'vi/thu-tuc/1.001193/index.html')).size,
    );
    for (const url of Object.values(report.modules))
      expect(existsSync(path.join(dir, url)), url).toBe(true);
  });

  it('names every page it cannot strip, in one error, and keeps the router payloads', async () => {
    const unknown = nextPage.replace(
      '</body>',
      '<script src="https://cdn.example/x.js"></script></body>',
    );
    const dir = exportDir({
      'vi/index.html': nextPage,
      'vi/a/index.html': unknown,
      'en/b/index.html': unknown,
      'vi/a/index.txt': 'router payload',
    });
    const error = await stripExport(dir).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/2 page\(s\) could not be delivered/);
    expect(error?.message).toContain(`en${path.sep}b${path.sep}index.html: a script`);
    expect(error?.message).toContain(`vi${path.sep}a${path.sep}index.html: a script`);
    expect(existsSync(path.join(dir, 'vi/a/index.txt'))).toBe(true);
  });
});
