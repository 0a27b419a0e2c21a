/**
 * The browser editor (Keystatic) in the server mode, as ward staff and producers use it. The test
 * starts its own server (E2E_SERVER_URL's port + 10, clear of the nginx test host) on a temporary copy of content/ in a
 * temporary git repository, so nothing here changes the repository's content.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { parse, stringify } from 'yaml';
import { snapshotDir } from '../bench/fixtures';
import { hashPassword } from '../lib/editor/users';
import { serverAppCopy, serverUrl } from './support';

const port = Number(new URL(serverUrl).port || 80) + 10;
const editor = `http://localhost:${port}`;
const staff = { login: 'lan', password: 'mat-khau-can-bo-1', name: 'Nguyễn Thị Lan' };
const producer = { login: 'htx', password: 'mat-khau-htx-123', product: 'tra-rau-ma' };

let root: string;
let content: string;
let server: ChildProcess;

function git(...args: string[]) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

// One server and one content copy, changed step by step; the editor's interface is heavy, so a
// busy machine gets time.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = mkdtempSync(path.join(os.tmpdir(), 'editor-e2e-'));
  content = path.join(root, 'content');
  cpSync('content', content, { recursive: true });
  git('init', '--quiet');
  git('add', '-A');
  git(
    '-c',
    'user.name=Test',
    '-c',
    'user.email=test@example.com',
    'commit',
    '--quiet',
    '-m',
    'start',
  );
  const users = path.join(root, 'users.yaml');
  writeFileSync(
    users,
    stringify({
      users: [
        {
          login: staff.login,
          name: staff.name,
          email: 'lan@example.gov.vn',
          role: 'staff',
          password: hashPassword(staff.password),
        },
        {
          login: producer.login,
          name: 'HTX Thử',
          email: 'htx@example.com',
          role: 'producer',
          products: [producer.product],
          password: hashPassword(producer.password),
        },
      ],
    }),
  );
  server = spawn('npx', ['tsx', 'scripts/portal-server.ts', '--port', String(port)], {
    cwd: serverAppCopy(root),
    env: {
      ...process.env,
      PORTAL_MODE: 'server',
      CONTENT_DIR: content,
      LAST_VALID_CONTENT_DIR: path.join(root, 'last-valid'),
      EDITOR_USERS_FILE: users,
      EDITOR_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    },
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${editor}/vi/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 200) throw new Error(`the editor server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
  if (root) rmSync(root, { recursive: true, force: true });
});

async function logIn(page: Page, who: { login: string; password: string }) {
  // Keystatic's interface links a Google web font; there is no internet here and none is needed.
  await page.route(/fonts\.googleapis\.com/, (r) => r.abort());
  // Leaving a form with unsaved (refused) changes asks "leave the page?": yes.
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${editor}/editor/login`);
  await page.getByLabel('Tên đăng nhập').fill(who.login);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await expect(page).toHaveURL(`${editor}/keystatic/`, { timeout: 60_000 });
}

/** A save request as the editor sends it (Keystatic's local storage API). */
function saveBody(files: Record<string, string | Buffer>, deletions: string[] = []) {
  return {
    additions: Object.entries(files).map(([p, c]) => ({
      path: p,
      contents: Buffer.from(c).toString('base64url'),
    })),
    deletions: deletions.map((p) => ({ path: p })),
  };
}
const saveHeaders = { 'no-cors': '1', 'content-type': 'application/json' };

test('nobody reads or writes through the editor without logging in', async ({ page, request }) => {
  const before = snapshotDir(content, 'base64');
  await page.goto(`${editor}/keystatic/`);
  await expect(page).toHaveURL(`${editor}/editor/login`);
  const write = await request.post(`${editor}/api/keystatic/update`, {
    headers: saveHeaders,
    data: saveBody({ 'site.yaml': 'name: {vi: Bị sửa}\n' }),
  });
  expect(write.status()).toBe(401);
  expect(
    (await request.get(`${editor}/api/keystatic/tree`, { headers: saveHeaders })).status(),
  ).toBe(401);
  const wrong = await request.post(`${editor}/editor/login`, {
    form: { login: staff.login, password: 'not-the-password' },
    maxRedirects: 0,
  });
  expect(wrong.status()).toBe(401);
  expect(snapshotDir(content, 'base64')).toEqual(before);
});

test('staff change a time limit in the browser; the public page shows it; the save is a commit by them', async ({
  page,
}) => {
  const code = '1.001193';
  const newText = 'Trong ngày làm việc, thử nghiệm trình sửa';
  const file = path.join(content, 'procedures', `${code}.yaml`);
  const before = readFileSync(file, 'utf8').split('\n');
  await logIn(page, staff);
  await page.goto(`${editor}/keystatic/collection/procedures/item/${code}`);
  await page
    .getByRole('grid', { name: /Cách thức thực hiện/ })
    .getByRole('row')
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('group', { name: 'Thời hạn giải quyết (nguyên văn)' })
    .getByLabel('Tiếng Việt')
    .fill(newText);
  await dialog.getByRole('button', { name: 'Done' }).click();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update'));
  await page.getByRole('button', { name: 'Save' }).click();
  expect((await saved).status()).toBe(200);

  // One line changed; the file's comments, key order, quoting and every other line survive.
  const after = readFileSync(file, 'utf8').split('\n');
  expect(after.length).toBe(before.length);
  const changed = after.flatMap((line, i) => (line === before[i] ? [] : [line]));
  expect(changed).toEqual([expect.stringContaining(newText)]);
  expect(git('log', '-1', '--format=%an|%s')).toBe(
    `${staff.name}|Sửa nội dung qua trình sửa: procedures/${code}.yaml`,
  );
  expect(git('status', '--porcelain', '--', 'content')).toBe('');

  await expect
    .poll(
      async () => {
        const r = await fetch(`${editor}/vi/thu-tuc/${code}/`);
        return (await r.text()).includes(newText);
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(true);
});

test('invalid values are refused, naming the field, and nothing is written', async ({ page }) => {
  await logIn(page, staff);
  const before = snapshotDir(content, 'base64');
  const head = git('rev-parse', 'HEAD');

  // An empty Vietnamese name: the form itself refuses to save, next to the field.
  let sent = 0;
  page.on('request', (r) => void (r.url().endsWith('/api/keystatic/update') && sent++));
  await page.goto(`${editor}/keystatic/collection/procedures/item/1.000894`);
  const name = page.getByRole('group', { name: 'Tên thủ tục' });
  await name.getByLabel('Tiếng Việt').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(name.getByText('Tiếng Việt must not be empty')).toBeVisible({ timeout: 60_000 });
  expect(sent).toBe(0);

  // A GTIN of the right length with a wrong check digit: the server refuses, the form shows why.
  await page.goto(`${editor}/keystatic/collection/products/item/tra-rau-ma`);
  await page.getByLabel(/^GTIN/).fill('8930000000001');
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update'));
  await page.getByRole('button', { name: 'Save' }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.getByText(/gtin: "8930000000001" is not a valid GTIN/)).toBeVisible({
    timeout: 60_000,
  });

  // A date that does not exist, sent as a save request: the loader's message names the field.
  const file = 'procedures/1.000894.yaml';
  const text = readFileSync(path.join(content, file), 'utf8').replace(
    /^source:/m,
    'effectiveFrom: "2025-02-30"\nsource:',
  );
  const r = await page.request.post(`${editor}/api/keystatic/update`, {
    headers: saveHeaders,
    data: saveBody({ [file]: text }),
  });
  expect(r.status()).toBe(422);
  expect(await r.text()).toContain(`${file}: effectiveFrom: is not a real calendar date`);

  expect(snapshotDir(content, 'base64')).toEqual(before);
  expect(git('rev-parse', 'HEAD')).toBe(head);
});

test('a producer can save only their own product', async ({ page }) => {
  await logIn(page, producer);
  const before = snapshotDir(content, 'base64');
  const other = 'products/ca-com-kho/product.yaml';
  const r = await page.request.post(`${editor}/api/keystatic/update`, {
    headers: saveHeaders,
    data: saveBody({ [other]: readFileSync(path.join(content, other)) }),
  });
  expect(r.status()).toBe(403);
  expect(await r.text()).toContain(other);
  expect(snapshotDir(content, 'base64')).toEqual(before);
});

test('a photo uploaded through the editor appears on the product page in its responsive sizes', async ({
  page,
}) => {
  const slug = producer.product;
  const photo = path.join(root, 'ruong-rau-ma.jpg');
  await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3a7d2c' } })
    .jpeg()
    .toFile(photo);
  await logIn(page, producer);
  await page.goto(`${editor}/keystatic/collection/products/item/${slug}`);
  await page.getByRole('grid', { name: 'Ảnh sản phẩm' }).waitFor();
  await page
    .getByRole('group', { name: 'Ảnh sản phẩm' })
    .getByRole('button', { name: 'Add' })
    .click();
  const dialog = page.getByRole('dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /Choose file|Upload/ }).click();
  await (await chooser).setFiles(photo);
  await dialog
    .getByRole('group', { name: 'Mô tả ảnh cho người khiếm thị' })
    .getByLabel('Tiếng Việt')
    .fill('Ruộng rau má ven biển');
  // A new list item's dialog closes with "Add", an existing one's with "Done".
  await dialog.getByRole('button', { name: /^(Add|Done)$/ }).click();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update'));
  await page.getByRole('button', { name: 'Save' }).click();
  expect((await saved).status()).toBe(200);
  expect(readdirSync(path.join(content, 'products', slug))).toContain('ruong-rau-ma.jpg');
  expect(git('log', '-1', '--format=%an')).toBe('HTX Thử');

  const picture = page
    .locator('picture')
    .filter({ has: page.locator('img[alt="Ruộng rau má ven biển"]') });
  await expect
    .poll(
      async () => {
        await page.goto(`${editor}/vi/ocop/${slug}/`);
        return picture.count();
      },
      { timeout: 60_000, intervals: [2000] },
    )
    .toBe(1);
  const srcset = (await picture.locator('source[type="image/webp"]').getAttribute('srcset')) ?? '';
  const variants = srcset.split(',').map((s) => s.trim().split(' '));
  expect(variants.map(([, w]) => w)).toEqual(['480w', '960w']);
  for (const [url, w] of variants) {
    const r = await page.request.get(`${editor}${url}`);
    expect(r.status()).toBe(200);
    const meta = await sharp(await r.body()).metadata();
    expect([meta.format, `${meta.width}w`]).toEqual(['webp', w]);
  }
});

test('staff add a product with a photo as the README says', async ({ page }) => {
  const slug = 'muoi-thu';
  const photo = path.join(root, 'hu-muoi.jpg');
  await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#e8e2d0' } })
    .jpeg()
    .toFile(photo);
  await logIn(page, staff);
  await page.goto(`${editor}/keystatic/collection/products`);
  await page
    .getByRole('link', { name: 'Add' })
    .or(page.getByRole('button', { name: 'Add' }))
    .click();
  await page.getByLabel(/^Tên thư mục/).fill(slug);
  await page.getByRole('group', { name: 'Tên sản phẩm' }).getByLabel('Tiếng Việt').fill('Muối thử');
  await page.getByLabel(/^Mã ngắn/).fill('TH01');
  const producerGroup = page.getByRole('group', { name: 'Chủ thể sản xuất' });
  await producerGroup
    .getByRole('group', { name: 'Tên chủ thể' })
    .getByLabel('Tiếng Việt')
    .fill('Hợp tác xã Thử');
  await producerGroup
    .getByRole('group', { name: 'Địa chỉ', exact: true })
    .getByLabel('Tiếng Việt')
    .fill('Phường Đức Phổ');
  const certificate = page.getByRole('group', { name: 'Giấy chứng nhận OCOP' });
  await certificate.getByLabel(/^Số quyết định công nhận/).fill('1/QĐ-UBND');
  await certificate.getByLabel(/^Năm công nhận/).fill('2025');
  await certificate
    .getByRole('group', { name: 'Cơ quan công nhận' })
    .getByLabel('Tiếng Việt')
    .fill('Ủy ban nhân dân tỉnh Quảng Ngãi');
  await page
    .getByRole('group', { name: 'Ảnh sản phẩm' })
    .getByRole('button', { name: 'Add' })
    .click();
  const dialog = page.getByRole('dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file' }).click();
  await (await chooser).setFiles(photo);
  await dialog
    .getByRole('group', { name: 'Mô tả ảnh cho người khiếm thị' })
    .getByLabel('Tiếng Việt')
    .fill('Hũ muối trắng');
  await dialog.getByRole('button', { name: 'Add' }).click();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update'));
  await page.getByRole('button', { name: 'Create' }).click();
  expect((await saved).status()).toBe(200);
  expect(readdirSync(path.join(content, 'products', slug)).sort()).toEqual([
    'hu-muoi.jpg',
    'product.yaml',
  ]);
  expect(git('log', '-1', '--format=%an')).toBe(staff.name);
  // What was typed and nothing invented: no product group, no "featured", no empty texts.
  expect(parse(readFileSync(path.join(content, 'products', slug, 'product.yaml'), 'utf8'))).toEqual(
    {
      name: { vi: 'Muối thử' },
      shortCode: 'TH01',
      stars: 3,
      producer: { name: { vi: 'Hợp tác xã Thử' }, address: { vi: 'Phường Đức Phổ' } },
      certificate: {
        number: '1/QĐ-UBND',
        year: 2025,
        issuer: { vi: 'Ủy ban nhân dân tỉnh Quảng Ngãi' },
      },
      images: [{ file: 'hu-muoi.jpg', alt: { vi: 'Hũ muối trắng' } }],
    },
  );
});

test('the static export has no editor', async ({ request }) => {
  for (const p of [
    '/keystatic/',
    '/api/keystatic/tree',
    '/editor/login',
    '/api/editor/revalidate/',
  ])
    expect((await request.get(p)).status(), p).toBe(404);
});

// The editor's own policy (lib/hosting/headers.ts EDITOR_CONTENT_SECURITY_POLICY): Keystatic
// renders and reports no violation, except the Google web font it links, which is refused on
// purpose (the interface falls back to a local font, and nothing calls out to another origin).
test('the editor works under its Content Security Policy', async ({ page }) => {
  const reported: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text()) && !/fonts\.googleapis\.com/.test(m.text()))
      reported.push(`${page.url()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await logIn(page, staff);
  for (const p of ['/keystatic/', '/keystatic/collection/procedures/item/1.001193']) {
    const response = await page.goto(`${editor}${p}`, { waitUntil: 'networkidle' });
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp, p).toContain("frame-ancestors 'none'");
    expect(csp, p).toContain("object-src 'none'");
    expect(csp, p).not.toContain('unsafe-eval');
    await expect(page.getByText('Thủ tục hành chính').first(), p).toBeVisible();
  }
  expect(reported).toEqual([]);
});
