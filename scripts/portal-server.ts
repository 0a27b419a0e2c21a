/**
 * The server mode (PORTAL_MODE=server): Next's request handler inside a plain Node HTTP server of
 * our own, so that what the site needs around Next (answers Next cannot give, and changes to what
 * it sends) has one home that does not depend on Next's internals. Each step in `steps` may
 * answer a request itself (returning true); whatever none answers goes to Next.
 *
 *   npm run start:server            (port 3001, or --port N)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { editorStep, isEditorPage } from '../lib/editor/step';
import { stripRuntime } from '../lib/html/strip-runtime';
import { rewriteHtmlResponses } from '../lib/server/html-responses';
import { modulesStep } from '../lib/server/modules-step';
import { buildModules } from './build-modules';
import { gs1ResolverStep } from './gs1-resolver-step';

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

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3001' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`--port must be a TCP port number, got "${values.port}"`);

  process.env.PORTAL_MODE = 'server';
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { step: modules, rewrite } = await withoutRuntime();
  steps.unshift(modules);

  createServer(async (req, res) => {
    try {
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
  }).listen(port, () => console.log(`Server mode on http://localhost:${port}/`));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
