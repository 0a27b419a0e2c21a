import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteHtmlResponses } from './html-responses';

// Next's own compression middleware (what its request handler applies inside our server).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compression = require('next/dist/compiled/compression') as () => (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const handlers: Record<string, Handler> = {
  '/html': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': 28 });
    res.write('<html><head></head>');
    res.end('<p>a</p>');
  },
  '/html-set-header': (_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.statusCode = 404;
    res.end(Buffer.from('<p>a ô</p>'));
  },
  '/html-gzip': (req, res) => {
    compression()(req, res, () => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.write(`<p>a</p>${'x'.repeat(2000)}`);
      res.end();
    });
  },
  '/broken': (_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end('<p>boom</p>');
  },
  '/stream': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('[1,');
    // The rest only once the client has seen the first chunk: proof that it was not buffered.
    res.once('first-seen', () => res.end('2]'));
  },
};

const errors: unknown[] = [];
const server = createServer((req, res) => {
  rewriteHtmlResponses(
    res,
    (html) => {
      if (html.includes('boom')) throw new Error('cannot');
      return html.replace('<p>a', '<p>b');
    },
    (e) => errors.push(e),
  );
  (globalThis as { lastRes?: ServerResponse }).lastRes = res;
  handlers[req.url!](req, res);
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, r));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{
    status: number;
    headers: IncomingMessage['headers'];
    body: Buffer;
    chunks: number;
  }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        if (!parts.length) (globalThis as { lastRes?: ServerResponse }).lastRes?.emit('first-seen');
        parts.push(c);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(parts),
          chunks: parts.length,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('rewriteHtmlResponses', () => {
  it('rewrites an HTML body written in parts and sends its new length', async () => {
    const r = await get('/html');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('<html><head></head><p>b</p>');
    expect(r.headers['content-length']).toBe(String(r.body.length));
  });

  it('keeps the status and counts bytes, not characters', async () => {
    const r = await get('/html-set-header');
    expect(r.status).toBe(404);
    expect(r.body.toString()).toBe('<p>b ô</p>');
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength('<p>b ô</p>'));
  });

  it("rewrites what Next's compression gzipped, and gzips it again", async () => {
    const r = await get('/html-gzip', { 'Accept-Encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(gunzipSync(r.body).toString()).toBe(`<p>b</p>${'x'.repeat(2000)}`);
  });

  it('answers 500 when the page cannot be rewritten, and reports it', async () => {
    const r = await get('/broken');
    expect(r.status).toBe(500);
    expect(r.body.length).toBe(0);
    expect(String(errors.at(-1))).toContain('cannot');
  });

  it('leaves other responses alone and streaming', async () => {
    const r = await get('/stream');
    expect(r.body.toString()).toBe('[1,2]');
    expect(r.chunks).toBeGreaterThan(1);
  });

  it('answers HEAD without the length of the page before rewriting', async () => {
    const r = await get('/html', {}, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(0);
    expect(r.headers['content-length']).toBeUndefined();
  });
});
