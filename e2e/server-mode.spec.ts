/**
 * The server mode as it lives: content edited, broken and the server restarted, against a server
 * this spec starts itself (E2E_SERVER_URL's port + 11, clear of the editor spec's + 10) on a copy
 * of content/ and a copy of the server build (.next-server hard-linked, with an empty
 * route-cache: what this server regenerates stays in the copy, and the count of its files is this
 * server's alone). Requests never follow redirects.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { processTree } from '../bench/proc';
import { exportPaths } from '../lib/hosting/export-files';
import { HIDDEN_PATH } from '../lib/hosting/headers';
import { isItemPath } from '../lib/links';
import { itemPaths } from '../lib/server/item-step';
import { content, serverAppCopy, serverUrl } from './support';

const project = process.cwd();
const port = Number(new URL(serverUrl).port || 80) + 11;
const base = `http://localhost:${port}`;

let root = '';
let app = '';
let copy = '';
let server: ChildProcess | null = null;
let log = '';

const published = content.procedures.find((p) => p.code === '1.001193')!;
const other = content.procedures.find((p) => p.code !== published.code)!;
const added = '9.999998';

function get(p: string) {
  return fetch(base + p, { redirect: 'manual' });
}

async function start() {
  log = '';
  server = spawn(
    process.execPath,
    [
      path.join(project, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/portal-server.ts',
      '--port',
      String(port),
    ],
    {
      cwd: app,
      env: {
        ...process.env,
        PORTAL_MODE: 'server',
        CONTENT_DIR: copy,
        LAST_VALID_CONTENT_DIR: path.join(root, 'last-valid'),
        EDITOR_USERS_FILE: '',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  for (let i = 0; ; i++) {
    if (
      await get('/vi/').then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (i > 120) throw new Error(`the server on port ${port} did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stop() {
  if (!server?.pid) return;
  const exited = new Promise((r) => server!.once('exit', r));
  process.kill(-server.pid);
  await exited;
  server = null;
}

/** Polls until `done` holds, for at most `seconds`; returns the seconds it took. */
async function within(seconds: number, what: string, done: () => Promise<boolean>) {
  const t0 = Date.now();
  while (!(await done())) {
    if (Date.now() - t0 > seconds * 1000)
      throw new Error(`${what}: not within ${seconds} s\n${log}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return (Date.now() - t0) / 1000;
}

const routeCache = () => path.join(app, '.next-server/server/route-cache');
function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .length;
}
const rss = () => processTree(server!.pid!).reduce((sum, s) => sum + s.rssBytes, 0);

function editProcedure(code: string, change: (data: Record<string, unknown>) => void) {
  const file = path.join(copy, 'procedures', `${code}.yaml`);
  const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(data);
  writeFileSync(file, stringify(data));
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = mkdtempSync(path.join(os.tmpdir(), 'server-mode-e2e-'));
  copy = path.join(root, 'content');
  cpSync(path.join(project, 'content'), copy, { recursive: true });
  app = serverAppCopy(root);
  await start();
});

test.afterAll(async () => {
  await stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the gate knows exactly the item paths of the static export', async () => {
  // What Next built from the routes' generateStaticParams into out/, as URL paths.
  const exported = exportPaths(path.join(project, 'out'))
    .filter((p) => !HIDDEN_PATH.test(p))
    .map((p) => p.replace(/\/index\.html$/, ''))
    .filter((p) => isItemPath(p) && !/\/index\.txt$|\/__next\./.test(p));
  expect(exported.length).toBeGreaterThan(content.procedures.length);
  expect([...(await itemPaths(content))].sort()).toEqual([...new Set(exported)].sort());
});

test('a flood of unknown codes answers 404 and leaves the disk and memory flat', async () => {
  test.setTimeout(120_000);
  let n = 0;
  const unknown = () => {
    const code = `8.${String(100000 + (n++ % 900000))}`;
    const shapes = [
      `/T/${code}/`,
      `/t/${code}/`,
      `/P/Z${n}/`,
      `/vi/thu-tuc/${code}/`,
      `/en/in/thu-tuc/${code}/`,
      `/vi/ocop/khong-co-${n}/`,
      `/qr/T/${code}.png`,
      `/og/vi/thu-tuc/${code}.png`,
      `/img/khong-co/${n}-480.webp`,
      `/khong-co-${n}/`,
    ];
    return shapes[n % shapes.length];
  };
  const flood = async (count: number) => {
    const statuses = new Map<string, number>();
    const worker = async () => {
      for (let i = 0; i < count / 20; i++) {
        const p = unknown();
        const r = await get(p);
        await r.arrayBuffer();
        const key = `${r.status} ${r.headers.get('cache-control')}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    return Object.fromEntries(statuses);
  };
  // Warm first: any server's heap grows to its working size under load (the same 1,000 requests
  // for one known page take it about as far), and that is not what is measured.
  await flood(1000);
  const filesBefore = countFiles(routeCache());
  const rssBefore = rss();
  expect(await flood(2000)).toEqual({ '404 no-cache': 2000 });
  const filesAfter = countFiles(routeCache());
  const rssAfter = rss();
  console.log(
    `flood of 2,000 unknown codes: route-cache files ${filesBefore} → ${filesAfter}, ` +
      `RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MB`,
  );
  expect(filesAfter).toBe(filesBefore);
  // Left to Next, the same flood took the server from 190 to 514 MB. Behind the gate the heap
  // still settles (45-55 MB more here after the warm-up; five floods in a row stayed within
  // 310-335 MB), so the bound is well above that noise and well below the leak.
  expect(rssAfter - rssBefore).toBeLessThan(100 * 2 ** 20);
});

test('a code printed before its file exists answers within a minute, with the index and sitemap', async () => {
  test.setTimeout(120_000);
  const before = await get(`/T/${added}/`);
  expect(before.status).toBe(404);
  expect(before.headers.get('cache-control')).toBe('no-cache');
  expect((await get(`/qr/T/${added}.svg`)).status).toBe(404);

  const source = readFileSync(path.join(copy, 'procedures', `${published.code}.yaml`), 'utf8');
  writeFileSync(
    path.join(copy, 'procedures', `${added}.yaml`),
    source.replace(/^code: .*$/m, `code: "${added}"`),
  );
  const took = await within(60, `${added} published`, async () => {
    const pages = await Promise.all(
      [`/T/${added}/`, `/vi/thu-tuc/${added}/`, `/en/thu-tuc/${added}/`, `/qr/T/${added}.svg`].map(
        (p) => get(p).then((r) => r.status),
      ),
    );
    const index = await (await get('/vi/search-index.json')).text();
    const sitemap = await (await get('/sitemap.xml')).text();
    return pages.every((s) => s === 200) && index.includes(added) && sitemap.includes(added);
  });
  console.log(`a new procedure answered, in the search index and the sitemap, after ${took} s`);
});

test('edits show within a minute; invalid and unpublishing edits and a restart keep the last valid content', async () => {
  test.setTimeout(180_000);
  const title = `${published.name.vi} (sửa lúc kiểm thử)`;
  editProcedure(published.code, (d) => ((d.name as Record<string, string>).vi = title));
  const page = `/vi/thu-tuc/${published.code}/`;
  const took = await within(60, 'the edited title', async () =>
    (await (await get(page)).text()).includes(title),
  );
  console.log(`an edited title showed after ${took} s`);

  // Removing a procedure whose short link is printed: refused, the link keeps its page.
  rmSync(path.join(copy, 'procedures', `${published.code}.yaml`));
  await within(30, 'the refusal', async () =>
    /published short link would stop answering/.test(log),
  );
  expect(log).toContain(`/T/${published.code}/`);
  const short = await get(`/T/${published.code}/`);
  expect(short.status).toBe(200);
  expect(await short.text()).toContain(title);

  // An invalid file too: named with its line, and the site stays as it was.
  writeFileSync(path.join(copy, 'procedures', `${other.code}.yaml`), 'code: [');
  await within(30, 'the second refusal', async () =>
    new RegExp(`Content is invalid[^]*${other.code}\\.yaml: line 1: YAML syntax`).test(log),
  );
  expect((await get(`/vi/in/thu-tuc/${other.code}/`)).status).toBe(200);
  expect(await (await get(page)).text()).toContain(title);

  // A restart on the invalid content, with nothing regenerated kept: the pages of the procedure
  // added at run time are not in the build, so they must render, from the last valid content.
  await stop();
  rmSync(routeCache(), { recursive: true, force: true });
  await start();
  expect(log).toMatch(new RegExp(`Content is invalid[^]*${other.code}\\.yaml: line 1`));
  expect(log).toContain('Serving the last valid content instead');
  for (const p of [`/vi/thu-tuc/${added}/`, `/en/in/thu-tuc/${added}/`, `/T/${added}/`]) {
    const r = await get(p);
    expect(r.status, p).toBe(200);
    expect(await r.text(), p).toContain(added);
  }
  // The build's own page of the printed link answers at once, and regenerates from the last
  // valid content (the edited title), not with an error.
  await within(30, 'the printed link from the last valid content', async () => {
    const r = await get(`/T/${published.code}/`);
    expect(r.status).toBe(200);
    return (await r.text()).includes(title);
  });
  expect(log).not.toMatch(/Error|500/);
});
