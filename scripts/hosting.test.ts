import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet } from '../e2e/raw-http';
import { precompress } from './precompress';
import { startNginx } from './serve-nginx';
import { startServer } from './serve';

/**
 * The two hosts on a small export made here, with what the demonstration content may not hold
 * yet: a GS1 Digital Link folder, a field short link, a short link with letters.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-hosting-'));
const page = (name: string) =>
  `<!doctype html><title>${name}</title><h1>${name}</h1>${' '.repeat(400)}`;
const files: Record<string, string> = {
  'index.html': page('root'),
  '404.html': page('not found'),
  'T/1.001193/index.html': page('procedure 1.001193'),
  'P/DP01/index.html': page('product DP01'),
  'L/HT/index.html': page('field HT'),
  '01/09506000134352/index.html': page('gtin 09506000134352'),
  '_next/static/chunks/app.css': 'body{color:#111}'.repeat(40),
};

const hosts: { name: string; url: string; stop: () => void }[] = [];

beforeAll(async () => {
  // nginx's workers run as an unprivileged user: the export must be readable, as on a server.
  chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writeFileSync(path.join(dir, '_headers'), '/*\n  X-Test: 1\n');
  await precompress(dir);
  const server = await startServer(dir, 0, '127.0.0.1');
  hosts.push({
    name: 'npm start',
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => server.close(),
  });
  const port = 31760 + (process.pid % 30);
  const nginx = await startNginx(dir, port);
  hosts.push({ name: 'nginx', url: `http://127.0.0.1:${port}`, stop: nginx.stop });
}, 30_000);

afterAll(() => {
  for (const h of hosts) h.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['npm start', 'nginx'])('%s', (name) => {
  const get = (target: string) => rawGet(hosts.find((h) => h.name === name)!.url, target);

  it('answers a GS1 Digital Link without a trailing slash directly', async () => {
    const r = await get('/01/09506000134352');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain('gtin 09506000134352');
    expect((await get('/01/09506000134352?linkType=gs1:pip')).status).toBe(200);
  });

  it('answers short links in any case from the canonical folder', async () => {
    for (const [target, title] of [
      ['/p/dp01/', 'product DP01'],
      ['/P/Dp01/', 'product DP01'],
      ['/l/ht/', 'field HT'],
      ['/t/1.001193/', 'procedure 1.001193'],
    ]) {
      const r = await get(target);
      expect(r.status, target).toBe(200);
      expect(r.body.toString(), target).toContain(title);
    }
  });

  it('answers 404.html for missing paths under a short link, in any case, without looping', async () => {
    for (const target of ['/P/DP01/missing', '/p/dp01/missing', '/p/dp99/', '/T/']) {
      const r = await get(target);
      expect(r.status, target).toBe(404);
      expect(r.body.toString(), target).toContain('not found');
    }
  });

  it('does not serve _headers or the precompressed copies by name', async () => {
    for (const target of [
      '/_headers',
      '/index.html.br',
      '/index.html.gz',
      '/T/1.001193/index.html.br',
    ])
      expect((await get(target)).status, target).toBe(404);
  });
});
