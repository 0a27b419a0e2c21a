/**
 * The server mode (PORTAL_MODE=server): Next's request handler inside a plain Node HTTP server of
 * our own, so that what the site needs around Next (answers Next cannot give, and changes to what
 * it sends) has one home that does not depend on Next's internals. Each step in `steps` may
 * answer a request itself (returning true); whatever none answers goes to Next.
 *
 *   npm run start:server            (port 3001, or --port N)
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import next from 'next';
import { loadContent, type Content } from '../lib/content/load';
import { revalidateToken, setRevalidateToken } from '../lib/editor/revalidate-token';
import { editorStep, isEditorPage, isEditorPath } from '../lib/editor/step';
import { stripRuntime } from '../lib/html/strip-runtime';
import { setHostingHeaders } from '../lib/server/hosting-headers';
import { rewriteHtmlResponses } from '../lib/server/html-responses';
import { itemStep, topLevelNames } from '../lib/server/item-step';
import { modulesStep } from '../lib/server/modules-step';
import { buildModules } from './build-modules';
import { gs1ResolverStep } from './gs1-resolver-step';
import nextConfig from '../next.config';

/** A step before Next: answers the request and returns true, or leaves it and returns false. */
export type Step = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

const steps: Step[] = [gs1ResolverStep, editorStep()];

/**
 * Pages without the framework runtime, as in the static export (lib/html/strip-runtime.ts): our
 * modules are bundled when the server starts (esbuild, well under a second) and served from
 * memory, and every HTML page Next answers is rewritten by the same function as the export's
 * postbuild step, so both modes deliver the same HTML. Next's /_next/static chunks and its RSC
 * answers (requests made by its client router) are still served as Next serves them: no page
 * refers to them any more, and leaving them alone does not depend on how Next recognises them.
 */
async function withoutRuntime(): Promise<{ step: Step; rewrite: (res: ServerResponse) => void }> {
  const { manifest, files } = await buildModules();
  return {
    step: modulesStep(files),
    rewrite: (res) =>
      rewriteHtmlResponses(
        res,
        (html) => stripRuntime(html, manifest),
        (e) => console.error(`${res.req?.url}: cannot deliver the page without Next's runtime:`, e),
      ),
  };
}

/**
 * Content changed outside the editor (a git pull, files copied in) republishes as an editor save
 * does: the loader looks at the files at most every 10 s, and when it gives new content every
 * cached page, the search index and the sitemap regenerate on their next request (without this
 * they waited for their revalidate time, the last two for ever). A rejected change leaves the
 * content, and so the pages, as they were. The same happens once at start: the pages prerendered
 * by the build may be older than the content served now (edits since, or the last valid copy).
 */
function republishOnChange(port: number, first: Content) {
  if (!revalidateToken()) setRevalidateToken(randomBytes(24).toString('hex'));
  const republish = async () => {
    const r = await fetch(`http://127.0.0.1:${port}/api/editor/revalidate/`, {
      method: 'POST',
      headers: { 'x-revalidate-token': revalidateToken()! },
    }).catch((e: unknown) => e);
    if (!(r instanceof Response) || !r.ok)
      console.error('The content was not republished (revalidation failed):', r);
  };
  let seen = first;
  void republish();
  setInterval(async () => {
    const now = loadContent();
    if (now === seen) return;
    seen = now;
    await republish();
    console.log('Content changed: pages regenerate with it on their next request.');
  }, 5_000).unref();
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3001' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`--port must be a TCP port number, got "${values.port}"`);

  process.env.PORTAL_MODE = 'server';
  // Loaded once before serving so that problems are reported at start, every one at once; with
  // invalid content the loader serves the last valid copy, and without one the server stops here.
  const content = loadContent();
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { step: modules, rewrite } = await withoutRuntime();
  steps.unshift(modules);
  const routes = JSON.parse(
    readFileSync(path.join(nextConfig.distDir!, 'app-path-routes-manifest.json'), 'utf8'),
  ) as Record<string, string>;
  steps.push(itemStep(topLevelNames(Object.values(routes))));

  // Request lines up to 16 KB and more reach the steps (and get a 404 with the site's headers)
  // instead of Node's bare 431, as on the static hosts.
  createServer({ maxHeaderSize: 64 * 1024 }, async (req, res) => {
    try {
      setHostingHeaders(res, (req.url ?? '/').split('?')[0], isEditorPath(req.url));
      for (const step of steps) if (await step(req, res)) return;
      if (!isEditorPage(req.url)) rewrite(res);
      await handle(req, res);
    } catch (e) {
      console.error(`${req.method} ${req.url}:`, e);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      }
      res.end();
    }
  }).listen(port, () => {
    console.log(`Server mode on http://localhost:${port}/`);
    republishOnChange(port, content);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
