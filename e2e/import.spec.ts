import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyContent } from '../bench/fixtures';
import { createWorkspace, removeWorkspace } from '../bench/workspace';
import { startServer } from '../scripts/serve';

// Staff import the national portal's payload into the content, build, and the page shows the
// documents checklist: the whole path from payload to published page, in an isolated copy of
// the project so the other tests keep their build.
test('a procedure imported from the national portal is published with its documents checklist', async ({
  page,
}) => {
  test.setTimeout(8 * 60_000);
  const root = process.cwd();
  const contentCopy = copyContent(path.join(root, 'content'));
  rmSync(path.join(contentCopy, 'procedures', '1.001193.yaml'));
  const fixture = path.join(root, 'lib/import/fixtures/1.001193.json');
  const imported = spawnSync(
    'npx',
    [
      'tsx',
      'scripts/import.ts',
      '--content',
      contentCopy,
      '--decision',
      '1872/QĐ-BTP|2020-09-04|Bộ Tư pháp',
      fixture,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(imported.status, imported.stderr + imported.stdout).toBe(0);
  expect(imported.stdout).toMatch(/1\.001193/);

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

    const server = await startServer(path.join(ws.dir, 'out'), 3100);
    try {
      await page.goto('http://localhost:3100/vi/thu-tuc/1.001193/');
      const payload = JSON.parse(readFileSync(fixture, 'utf8')).data;
      const components = payload.executionCases.flatMap(
        (c: { profileComponents: unknown[] }) => c.profileComponents,
      );
      const checklist = page.locator('.checklist input[type=checkbox]');
      await expect(checklist).toHaveCount(components.length);
      await expect(page.locator('.checklist').first()).toContainText('Giấy chứng sinh');
      await expect(page.getByRole('heading', { name: /Giấy tờ phải xuất trình/ })).toBeVisible();
    } finally {
      server.close();
    }
  } finally {
    removeWorkspace(ws);
    rmSync(contentCopy, { recursive: true, force: true });
  }
});
