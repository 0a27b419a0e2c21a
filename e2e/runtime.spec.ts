/**
 * Pages are documents (issue 14): no React or Next.js client runtime, no inlined router payload,
 * no router .txt files; our own modules only on pages that have the part each one enhances.
 * Checked on what the static export wrote and on what a real browser loads, in both modes. If a
 * Next.js upgrade brings the runtime back or changes what it writes, these fail.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { procedurePath, productPath } from '../lib/links';
import { content, serverUrl } from './support';

const out = path.resolve(__dirname, '..', 'out');
const procedure = content.procedures.find((p) => p.code === '1.001193') ?? content.procedures[0];
const product = content.products[0];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : [file];
  });
}

test.describe('the static export (out/)', () => {
  const all = files(out);
  const html = all.filter((f) => f.endsWith('.html'));

  test('has its pages', () => {
    expect(html.length).toBeGreaterThan(2 * (content.procedures.length + content.products.length));
  });

  test('no page carries a script other than our modules and JSON-LD, nor a router payload', () => {
    const bad: string[] = [];
    for (const file of html) {
      const text = readFileSync(file, 'utf8');
      const where = path.relative(out, file);
      for (const [tag] of text.matchAll(/<script\b[^>]*>/gi))
        if (
          !/^<script (type="application\/ld\+json"|type="module" src="\/js\/[\w-]+\.js")>$/.test(
            tag,
          )
        )
          bad.push(`${where}: ${tag}`);
      for (const mark of [/__next_f/, /TURBOPACK/, /__next_error__/, /\/_next\/[^"]+\.js/])
        if (mark.test(text)) bad.push(`${where}: ${mark}`);
      for (const [link] of text.matchAll(/<link\b[^>]*>/gi))
        if (/as="script"|rel="modulepreload"/.test(link)) bad.push(`${where}: ${link}`);
    }
    expect(bad).toEqual([]);
  });

  test('no router .txt file is left (robots.txt is the only text file)', () => {
    const txt = all.filter((f) => f.endsWith('.txt')).map((f) => path.relative(out, f));
    expect(txt).toEqual(['robots.txt']);
  });

  test('our modules are small, minified, content-hashed files', () => {
    // The build's precompressed .br/.gz copies sit beside each module.
    const js = readdirSync(path.join(out, 'js')).filter((n) => !/\.(br|gz)$/.test(n));
    expect(js.length).toBeGreaterThanOrEqual(3);
    for (const name of js) expect(name).toMatch(/^[a-z]+-[A-Z0-9]{8}\.js$/);
  });
});

type Case = { path: string; h1: RegExp | string; modules: string[] };
const cases: Case[] = [
  { path: '/vi/', h1: /Đức Phổ/, modules: ['search'] },
  { path: '/en/thu-tuc/', h1: /procedures/i, modules: ['search'] },
  { path: '/vi/ocop/', h1: /OCOP/, modules: ['search'] },
  { path: procedurePath('vi', procedure.code), h1: procedure.name.vi, modules: ['share'] },
  {
    path: procedurePath('en', procedure.code),
    h1: procedure.name.en ?? procedure.name.vi,
    modules: ['share'],
  },
  { path: `/T/${procedure.code}/`, h1: procedure.name.vi, modules: ['share'] },
  { path: productPath('vi', product.slug), h1: product.name.vi, modules: ['share'] },
  { path: `/P/${product.shortCode}/`, h1: product.name.vi, modules: ['share'] },
  { path: '/vi/in/', h1: /In/, modules: [] },
  { path: `/vi/in/thu-tuc/${procedure.code}/`, h1: procedure.name.vi, modules: ['print'] },
  { path: '/en/in/linh-vuc/tat-ca/', h1: /./, modules: ['print'] },
];

async function scriptsOf(page: Page, url: string) {
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(url, { waitUntil: 'networkidle' });
  return { status: res?.status(), scripts, errors };
}

for (const [mode, base] of [
  ['static export', ''],
  ['server mode', serverUrl],
] as const) {
  test.describe(`in a browser, ${mode}`, () => {
    for (const c of cases) {
      test(`${c.path} loads ${c.modules.join(', ') || 'no script'} and nothing of Next's`, async ({
        page,
      }) => {
        const { status, scripts, errors } = await scriptsOf(page, `${base}${c.path}`);
        expect(status).toBe(200);
        const names = scripts.map((s) => /^\/js\/([a-z]+)-[A-Z0-9]{8}\.js$/.exec(s)?.[1] ?? s);
        // The search module imports the engine only on the first focus or keystroke.
        expect(names.sort()).toEqual([...c.modules].sort());
        expect(errors).toEqual([]);
        await expect(page.locator('h1').first()).toContainText(c.h1);
        expect(
          await page.evaluate(() => 'next' in window || '__next_f' in window || 'React' in window),
        ).toBe(false);
      });
    }

    test('the 404 page has its text and no script', async ({ page }) => {
      const { status, scripts } = await scriptsOf(page, `${base}/khong-co-trang-nay/`);
      expect(status).toBe(404);
      expect(scripts).toEqual([]);
      await expect(page.locator('h1').first()).toContainText('Không tìm thấy trang');
    });
  });
}

test.describe('both modes deliver the same HTML', () => {
  const paths = [
    procedurePath('vi', procedure.code),
    procedurePath('en', content.procedures.at(-1)!.code),
    `/T/${procedure.code}/`,
    productPath('en', product.slug),
    '/',
    '/vi/',
    `/vi/in/thu-tuc/${procedure.code}/`,
  ];
  for (const p of paths) {
    test(p, async ({ request }) => {
      const fromExport = await request.get(p);
      const fromServer = await request.get(`${serverUrl}${p}`);
      expect(fromExport.status()).toBe(200);
      expect(fromServer.status()).toBe(200);
      expect(fromServer.headers()['content-type']).toMatch(/^text\/html/);
      // Nothing legitimately differs: the same prerender, the same strip, the same modules.
      expect(await fromServer.text()).toBe(await fromExport.text());
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the language switch keeps the reader on the same page', async ({ page }) => {
    await page.goto(procedurePath('vi', procedure.code));
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${procedurePath('en', procedure.code)}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.locator('.site-nav a[hreflang="vi"]').click();
    await expect(page).toHaveURL(new RegExp(`${procedurePath('vi', procedure.code)}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  });

  test('every link of the site answers', async ({ request, baseURL }) => {
    test.setTimeout(180_000);
    const origin = new URL(baseURL!).origin;
    const seen = new Set<string>();
    // The root moves on by meta refresh; its two links are where the walk starts.
    expect((await request.get('/')).status()).toBe(200);
    const queue = ['/vi/', '/en/'];
    const broken: string[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      // The links as served, before any script: what a reader without JavaScript can follow.
      const file = /\.[a-z]+$/.test(new URL(url, origin).pathname);
      const res = file ? await request.head(url) : await request.get(url);
      if (res.status() !== 200) {
        broken.push(`${url}: ${res.status()}`);
        continue;
      }
      if (file || !/^text\/html/.test(res.headers()['content-type'] ?? '')) continue;
      for (const [, href] of (await res.text()).matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
        const u = new URL(href.replace(/&amp;/g, '&'), `${origin}${url}`);
        if (u.origin === origin && !seen.has(u.pathname + u.search))
          queue.push(u.pathname + u.search);
      }
    }
    expect(broken).toEqual([]);
    expect(seen.size).toBeGreaterThan(content.procedures.length * 2);
  });
});
