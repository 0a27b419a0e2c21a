/**
 * Serves our module bundles (scripts/build-modules.ts) in the server mode, from memory: their
 * names are content hashes, so they are cached for a year, like Next's own chunks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export function modulesStep(files: ReadonlyMap<string, Uint8Array>) {
  const gzipped = new Map([...files].map(([url, body]) => [url, gzipSync(body, { level: 9 })]));
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '').split('?')[0];
    const body = files.get(pathname);
    if (!body) return false;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const sent = gzip ? gzipped.get(pathname)! : body;
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Length': sent.length,
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : sent);
    return true;
  };
}
