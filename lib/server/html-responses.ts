/**
 * The server mode's half of "pages without the framework runtime" (lib/html/strip-runtime.ts):
 * every HTML response Next sends goes through the same transformation as the static export, so
 * both modes deliver the same page. Installed on a response before Next's handler runs: it
 * watches what the handler (and Next's own compression, which wraps the response inside the
 * handler) writes. An HTML body is buffered, decompressed if Next compressed it, transformed,
 * compressed again the same way and sent with its new Content-Length. Anything else (images, QR
 * files, JSON, CSS, Next's RSC answers) passes through untouched and still streams.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import {
  brotliCompressSync,
  brotliDecompressSync,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateSync,
} from 'node:zlib';

type Codec = { decode: (b: Buffer) => Buffer; encode: (b: Buffer) => Buffer };

const codecs: Record<string, Codec> = {
  identity: { decode: (b) => b, encode: (b) => b },
  gzip: { decode: gunzipSync, encode: (b) => gzipSync(b) },
  br: { decode: brotliDecompressSync, encode: (b) => brotliCompressSync(b) },
  deflate: { decode: inflateSync, encode: (b) => deflateSync(b) },
};

type Chunk = string | Uint8Array;
const toBuffer = (c: Chunk, encoding?: BufferEncoding) =>
  typeof c === 'string' ? Buffer.from(c, encoding ?? 'utf8') : Buffer.from(c);

/**
 * Rewrites the HTML body of `res` with `transform` (string → string; may throw, which ends the
 * response with a 500 and logs the page).
 */
export function rewriteHtmlResponses(
  res: ServerResponse,
  transform: (html: string) => string,
  onError: (e: unknown) => void = (e) => console.error(e),
): void {
  const original = {
    writeHead: res.writeHead.bind(res),
    write: res.write.bind(res),
    end: res.end.bind(res),
  };
  let mode: 'undecided' | 'html' | 'pass' = 'undecided';
  let status: { code: number; message?: string } | null = null;
  const body: Buffer[] = [];

  function decide() {
    if (mode !== 'undecided') return;
    const type = String(res.getHeader('content-type') ?? '');
    mode = /^text\/html\b/i.test(type) ? 'html' : 'pass';
    // A HEAD answer has no body to rewrite; the length Next gives is that of its own page.
    if (mode === 'html' && res.req?.method === 'HEAD') {
      res.removeHeader('content-length');
      mode = 'pass';
    }
  }

  res.writeHead = function writeHead(
    code: number,
    reason?: string | OutgoingHttpHeaders | string[],
    headers?: OutgoingHttpHeaders | string[],
  ) {
    const message = typeof reason === 'string' ? reason : undefined;
    const fields = typeof reason === 'string' ? headers : reason;
    if (fields && !Array.isArray(fields))
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) res.setHeader(k, v);
    status = { code, message };
    res.statusCode = code;
    decide();
    // Node calls writeHead itself before the first write: in pass mode the head goes out now.
    if (mode === 'pass') original.writeHead(code, message);
    return res;
  } as typeof res.writeHead;

  res.write = function write(chunk: Chunk, ...rest: unknown[]) {
    decide();
    if (mode === 'pass') return (original.write as (...a: unknown[]) => boolean)(chunk, ...rest);
    body.push(
      toBuffer(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined),
    );
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  } as typeof res.write;

  res.end = function end(...args: unknown[]) {
    decide();
    if (mode === 'pass') return (original.end as (...a: unknown[]) => ServerResponse)(...args);
    const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    const chunk = args[0];
    if (chunk != null && typeof chunk !== 'function')
      body.push(
        toBuffer(
          chunk as Chunk,
          typeof args[1] === 'string' ? (args[1] as BufferEncoding) : undefined,
        ),
      );
    const raw = Buffer.concat(body);
    const code = status?.code ?? res.statusCode;
    // No body to rewrite (304 Not Modified).
    if (raw.length === 0) {
      original.writeHead(code, status?.message);
      return original.end(callback);
    }
    const encoding = String(res.getHeader('content-encoding') ?? 'identity').toLowerCase();
    const codec = codecs[encoding];
    let out: Buffer;
    try {
      if (!codec) throw new Error(`cannot rewrite an HTML body in Content-Encoding ${encoding}`);
      out = codec.encode(Buffer.from(transform(codec.decode(raw).toString('utf8')), 'utf8'));
    } catch (e) {
      onError(e);
      res.removeHeader('content-encoding');
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.setHeader('content-length', 0);
      original.writeHead(500);
      return original.end(callback);
    }
    res.removeHeader('transfer-encoding');
    res.setHeader('content-length', out.length);
    original.writeHead(code, status?.message);
    return original.end(out, callback);
  } as typeof res.end;
}
