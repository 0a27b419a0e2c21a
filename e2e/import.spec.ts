import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { copyContent } from '../bench/fixtures';
import { buildDate } from '../lib/dates';
import { axeViolations } from './support';
import { createWorkspace, removeWorkspace } from '../bench/workspace';
import { startServer } from '../scripts/serve';

// Staff import the whole national set (98 real payloads) into a copy of the content in one run,
// build once, and every imported procedure's page shows one checkbox per document of its
// payload. The same build carries a page of every state the demonstration content lacks (test
// fixtures: the national data shows no repealed or upcoming procedure, and no product of ours is
// withdrawn or expired), each run through axe in both languages. An isolated copy of the
// project, so the other tests keep theirs.
const DVC = path.join(process.cwd(), 'lib/import/fixtures/dvc');

type Payload = {
  code: string;
  name: string;
  departmentPromulgateName: string;
  executionCases: { profileComponents: { name: string }[] }[];
};

// The pages are documents: read without JavaScript, which also keeps 62 page loads quick.
test.use({ javaScriptEnabled: false });

test('the whole national set imported in one run is published, each with its documents checklist', async ({
  page,
  browser,
}) => {
  test.setTimeout(12 * 60_000);
  const root = process.cwd();
  const contentCopy = copyContent(path.join(root, 'content'));
  for (const f of readdirSync(path.join(contentCopy, 'procedures')))
    rmSync(path.join(contentCopy, 'procedures', f));
  rmSync(path.join(contentCopy, '.import-state.json'), { force: true });

  const imported = spawnSync('npx', ['tsx', 'scripts/import.ts', '--content', contentCopy, DVC], {
    cwd: root,
    encoding: 'utf8',
  });
  // The two differing copies of 1.001193 are refused (exit 1); everything else goes in.
  expect(imported.status, imported.stderr + imported.stdout).toBe(1);
  expect(imported.stderr).toMatch(/1\.001193.*describes it differently/s);
  expect(imported.stdout).toMatch(/tạo mới \/ created +62$/m);
  expect(imported.stdout).toMatch(/bỏ qua, tỉnh khác \/ skipped, other province +34$/m);

  // Test fixture: one imported procedure marked repealed and replaced by another.
  const repealedFile = path.join(contentCopy, 'procedures', '1.000419.yaml');
  const doc = parseDocument(readFileSync(repealedFile, 'utf8'));
  doc.set('repealedOn', '2026-01-01');
  doc.set('replacedBy', '1.000656');
  writeFileSync(repealedFile, doc.toString());
  const edit = (file: string, change: (d: ReturnType<typeof parseDocument>) => void) => {
    const d = parseDocument(readFileSync(file, 'utf8'));
    change(d);
    writeFileSync(file, d.toString());
  };
  const today = new Date(`${buildDate()}T00:00:00Z`);
  const yearsFrom = (years: number) => {
    const d = new Date(today);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d.toISOString().slice(0, 10);
  };
  edit(path.join(contentCopy, 'procedures', '1.001022.yaml'), (d) =>
    d.set('effectiveFrom', yearsFrom(1)),
  );
  edit(path.join(contentCopy, 'products', 'chieu-coi', 'product.yaml'), (d) =>
    d.set('withdrawn', { on: yearsFrom(-1), reason: { vi: 'Thử nghiệm: sản phẩm đã ngừng' } }),
  );
  edit(path.join(contentCopy, 'products', 'ca-com-kho', 'product.yaml'), (d) => {
    d.setIn(['certificate', 'date'], yearsFrom(-4));
    d.deleteIn(['certificate', 'year']);
    d.deleteIn(['certificate', 'expires']);
  });

  const payloads: Payload[] = readdirSync(DVC)
    .filter((f) => f.endsWith('.json') && f !== '1.001193.json' && f !== '1.001193.opengov.json')
    .map((f) => JSON.parse(readFileSync(path.join(DVC, f), 'utf8')).data)
    .filter((d: Payload) => !/^UBND/.test(d.departmentPromulgateName));
  expect(payloads).toHaveLength(62);

  const ws = createWorkspace(root, 'import');
  try {
    const built = spawnSync('npx', ['next', 'build'], {
      cwd: ws.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        CONTENT_DIR: contentCopy,
        ASSET_CACHE_DIR: path.join(root, '.cache/assets'),
        NEXT_TELEMETRY_DISABLED: '1',
      },
    });
    expect(built.status, built.stdout.slice(-2000) + built.stderr.slice(-2000)).toBe(0);

    const server = await startServer(path.join(ws.dir, 'out'), 0);
    const base = `http://localhost:${(server.address() as AddressInfo).port}`;
    try {
      for (const d of payloads) {
        const res = await page.goto(`${base}/vi/thu-tuc/${d.code}/`, {
          waitUntil: 'domcontentloaded',
        });
        expect(res?.status(), d.code).toBe(200);
        const documents = d.executionCases
          .flatMap((c) => c.profileComponents)
          .filter((c) => c.name.trim());
        await expect(page.locator('.checklist input[type=checkbox]'), d.code).toHaveCount(
          documents.length,
        );
        await expect(page.locator('h1')).toContainText(d.name.trim().split(/\s+/)[0]);
      }

      for (const at of ['/vi/thu-tuc/1.000419/', '/T/1.000419/']) {
        const res = await page.goto(`${base}${at}`);
        expect(res?.status()).toBe(200);
        const notice = page.getByRole('region', { name: 'Tình trạng' });
        await expect(notice).toContainText('không còn hiệu lực');
        await notice.getByRole('link', { name: /1\.000656/ }).click();
        await expect(page).toHaveURL(/\/vi\/thu-tuc\/1\.000656\/$/);
      }
      await page.goto(`${base}/vi/thu-tuc/`);
      await expect(page.locator('main a[href="/vi/thu-tuc/1.000419/"]')).toHaveCount(0);
      await expect(page.locator('main a[href="/vi/thu-tuc/1.001022/"]')).toHaveCount(0);

      // Repealed, upcoming, withdrawn, expired; the English pages of imported procedures are
      // untranslated. Each says its state and passes axe (which needs JavaScript in the page).
      const axeContext = await browser.newContext({ javaScriptEnabled: true });
      const axePage = await axeContext.newPage();
      for (const locale of ['vi', 'en'])
        for (const at of [
          `/${locale}/thu-tuc/1.000419/`,
          `/${locale}/thu-tuc/1.001022/`,
          `/${locale}/ocop/chieu-coi/`,
          `/${locale}/ocop/ca-com-kho/`,
        ]) {
          const res = await axePage.goto(`${base}${at}`);
          expect(res?.status(), at).toBe(200);
          await expect(
            axePage.getByRole('region', { name: locale === 'vi' ? 'Tình trạng' : 'Status' }),
            at,
          ).toBeVisible();
          expect(await axeViolations(axePage), at).toEqual([]);
        }
      await axeContext.close();
    } finally {
      server.close();
    }
  } finally {
    removeWorkspace(ws);
    rmSync(contentCopy, { recursive: true, force: true });
  }
});
