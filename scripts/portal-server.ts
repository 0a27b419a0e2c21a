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
import { editorStep } from '../lib/editor/step';

/** A step before Next: answers the request and returns true, or leaves it and returns false. */
export type Step = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

const steps: Step[] = [editorStep()];

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3001' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`--port must be a TCP port number, got "${values.port}"`);

  process.env.PORTAL_MODE = 'server';
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();

  createServer(async (req, res) => {
    try {
      for (const step of steps) if (await step(req, res)) return;
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
