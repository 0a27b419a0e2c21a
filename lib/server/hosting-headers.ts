/**
 * The server mode's response headers: the same rules as the static hosts (lib/hosting/headers.ts),
 * set on every response as its head goes out, whoever wrote it (Next, a step, an error), so that
 * nothing Next sets can drop or override them. Next's own Cache-Control for pages
 * (`s-maxage=300, stale-while-revalidate=31535700`) would let a shared cache serve a page a year
 * old; it is replaced by the static hosts' lifetimes, and errors are never kept (a 404 for a code
 * whose file appears later must not outlive it). The editor keeps its own Cache-Control
 * (no-store) and gets the editor policy (EDITOR_CONTENT_SECURITY_POLICY says why).
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import {
  CACHE_CONTROL,
  EDITOR_CONTENT_SECURITY_POLICY,
  ERROR_CACHE_CONTROL,
  SECURITY_HEADERS,
  cacheClass,
} from '../hosting/headers';

export function setHostingHeaders(res: ServerResponse, pathname: string, editor: boolean): void {
  const writeHead = res.writeHead.bind(res);
  res.writeHead = function hostingWriteHead(
    code: number,
    reason?: string | OutgoingHttpHeaders | string[],
    headers?: OutgoingHttpHeaders | string[],
  ) {
    const message = typeof reason === 'string' ? reason : undefined;
    const fields = typeof reason === 'string' ? headers : reason;
    if (Array.isArray(fields))
      for (let i = 0; i + 1 < fields.length; i += 2) res.setHeader(fields[i], fields[i + 1]);
    else if (fields)
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) res.setHeader(k, v);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (editor) res.setHeader('Content-Security-Policy', EDITOR_CONTENT_SECURITY_POLICY);
    else
      res.setHeader(
        'Cache-Control',
        code >= 400 ? ERROR_CACHE_CONTROL : CACHE_CONTROL[cacheClass(pathname)],
      );
    return writeHead(code, message);
  } as typeof res.writeHead;
}
