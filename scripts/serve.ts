/**
 * Serves the static export (out/) the way a plain web host does: folders answer with their
 * index.html, a folder URL without its trailing slash is redirected (except a GS1 Digital Link,
 * /01/{gtin14}, answered directly), unknown paths get 404.html,
 * text is compressed with Brotli when the browser accepts it (as nginx's brotli module and CDNs
 * do), else gzip. Used by `npm start`, the end-to-end tests and the benchmarks.
 *
 *   npx tsx scripts/serve.ts [--port 3000] [--dir out]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const compressible = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

export function startServer(root: string, port: number) {
  const base = path.resolve(root);
  const compressed = new Map<string, Buffer>();

  function compress(file: string, encoding: 'br' | 'gzip'): Buffer {
    const key = `${encoding}:${file}`;
    let body = compressed.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(raw, { level: 9 });
      compressed.set(key, body);
    }
    return body;
  }

  function send(req: IncomingMessage, res: ServerResponse, file: string, status = 200) {
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    const immutable = file.includes(`${path.sep}_next${path.sep}static${path.sep}`);
    res.setHeader(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    );
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    if (compressible.test(type) && encoding) {
      const body = compress(file, encoding);
      res.writeHead(status, {
        'Content-Encoding': encoding,
        Vary: 'Accept-Encoding',
        'Content-Length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(status, { 'Content-Length': statSync(file).size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const target = path.join(base, pathname);
    if (target !== base && !target.startsWith(base + path.sep)) {
      res.writeHead(400).end();
      return;
    }
    if (existsSync(target) && statSync(target).isFile()) return send(req, res, target);
    if (existsSync(path.join(target, 'index.html'))) {
      // GS1 Digital Links (/01/{gtin14}) have no trailing slash and are served without a redirect.
      if (!pathname.endsWith('/') && !pathname.startsWith('/01/')) {
        const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        res.writeHead(308, { Location: `${pathname}/${query}` }).end();
        return;
      }
      return send(req, res, path.join(target, 'index.html'));
    }
    const notFound = path.join(base, '404.html');
    if (existsSync(notFound)) return send(req, res, notFound, 404);
    res.writeHead(404).end('Not found');
  });
  return new Promise<typeof server>((resolve) => server.listen(port, () => resolve(server)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '3000' },
      dir: { type: 'string', default: 'out' },
    },
  });
  if (!existsSync(path.join(values.dir, 'index.html'))) {
    console.error(`No static export in ${values.dir}/: run "npm run build" first.`);
    process.exit(1);
  }
  startServer(values.dir, Number(values.port)).then(() =>
    console.log(`Serving ${values.dir}/ at http://localhost:${values.port}/`),
  );
}
