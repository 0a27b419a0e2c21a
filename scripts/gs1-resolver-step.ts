/**
 * The server mode's GS1 resolver step (scripts/portal-server.ts): requests for /01/… and
 * /.well-known/gs1resolver go to the pure resolver of lib/gs1/resolver.ts. What it answers is
 * sent as it is; when it asks for the product page (a plain /01/{gtin}, or one with key
 * qualifiers), the request is rewritten to the page's internal path /01/{gtin}/ and left to Next,
 * with the resolver's headers (Link to the linkset, CORS) already set: the browser's address stays
 * the Digital Link and no redirect is spent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadContent } from '../lib/content/load';
import { isResolverPath, resolve } from '../lib/gs1/resolver';

export function gs1ResolverStep(req: IncomingMessage, res: ServerResponse): boolean {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1);
  if (!isResolverPath(path)) return false;
  const answer = resolve(
    {
      method: req.method ?? 'GET',
      path,
      query,
      accept: req.headers.accept,
      acceptLanguage: req.headers['accept-language'],
    },
    loadContent(),
  );
  if (answer.kind === 'render') {
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    req.url = `/01/${answer.gtin}/${q < 0 ? '' : `?${query}`}`;
    return false;
  }
  res.writeHead(answer.status, answer.headers).end(answer.body);
  return true;
}
