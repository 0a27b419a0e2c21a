/**
 * Serves the static export (out/) as a production web host does, for `npm start`, the end-to-end
 * tests and the benchmarks. The file serving is @fastify/static (README "Triển khai" says why it
 * was chosen): conditional and range requests, files precompressed at build time chosen by the
 * browser's Accept-Encoding (q-values honoured), folder names with dots, no directory listing.
 * What is ours is the site's hosting rules, shared with the nginx configuration: the headers of
 * lib/hosting/headers.ts on every response, short links in any case, `/01/{gtin14}` answered
 * without a redirect, a folder without its trailing slash redirected, 404.html for the rest.
 *
 *   npx tsx scripts/serve.ts [--port 3000] [--host 127.0.0.1] [--dir out]
 */
import { existsSync } from 'node:fs';
import { STATUS_CODES, type Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply } from 'fastify';
import {
  CACHE_CONTROL,
  HIDDEN_PATH,
  SECURITY_HEADERS,
  cacheClass,
  gs1MediaType,
} from '../lib/hosting/headers';
import { shortLinkCaseFold } from '../lib/links';

/** GS1 Digital Link paths have no trailing slash; the export holds them as folders. */
const DIGITAL_LINK = /^\/01\/\d{14}(?=$|\?)/;

/** The path a request is served from: short links in canonical case, Digital Links as folders. */
function rewrite(url: string): string {
  const q = url.indexOf('?');
  const [pathname, query] = q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q)];
  if (DIGITAL_LINK.test(pathname)) return `${pathname}/${query}`;
  const folded = shortLinkCaseFold(pathname);
  return folded ? folded + query : url;
}

export async function startServer(root: string, port: number, host = 'localhost'): Promise<Server> {
  const dir = path.resolve(root);
  const app = Fastify({
    // Request lines up to 16 KB and more reach the router (and get a 404 with the site's headers)
    // instead of Node's bare 431.
    http: { maxHeaderSize: 64 * 1024 },
    rewriteUrl: (req) => rewrite(req.url ?? '/'),
    // A malformed URL (e.g. `/%`) gets a plain 400 with the site's headers, like other errors.
    // Fastify answers these before any hook runs, so the headers are set here too.
    frameworkErrors: (_error, _req, reply: FastifyReply) =>
      reply
        .code(400)
        .headers({ ...SECURITY_HEADERS, 'Cache-Control': CACHE_CONTROL.page })
        .type('text/plain; charset=utf-8')
        .send(String(STATUS_CODES[400])),
  });
  app.addHook('onRequest', async (req, reply) => {
    if (HIDDEN_PATH.test(req.url.split('?')[0])) return reply.callNotFound();
  });
  app.addHook('onSend', async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    const pathname = (req.raw.url ?? '/').split('?')[0];
    reply.header('Cache-Control', CACHE_CONTROL[cacheClass(pathname)]);
    const gs1Type = gs1MediaType(pathname);
    if (gs1Type && reply.statusCode === 200) reply.header('Content-Type', gs1Type);
  });
  await app.register(fastifyStatic, {
    root: dir,
    index: ['index.html'],
    list: false,
    redirect: true,
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'allow',
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).sendFile('404.html'));
  app.setErrorHandler((error: { statusCode?: number }, _req, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) console.error(error);
    return reply.code(status).type('text/plain; charset=utf-8').send(String(STATUS_CODES[status]));
  });
  await app.listen({ port, host });
  return app.server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: 'localhost' },
      dir: { type: 'string', default: 'out' },
    },
  });
  if (!existsSync(path.join(values.dir, 'index.html'))) {
    console.error(`No static export in ${values.dir}/: run "npm run build" first.`);
    process.exit(1);
  }
  startServer(values.dir, Number(values.port), values.host).then(() =>
    console.log(`Serving ${values.dir}/ at http://${values.host}:${values.port}/`),
  );
}
