import net from 'node:net';

export type RawResponse = {
  status: number;
  /** Header names in lower case, each with its first value. */
  headers: Record<string, string>;
  /** The values of headers sent more than once. */
  repeated: Record<string, string[]>;
  body: Buffer;
};

/**
 * One HTTP/1.1 request written byte for byte on a socket: the path is sent exactly as given
 * (no normalisation of `..`, `%2f` or case, unlike fetch and Playwright's request API), the
 * connection closed after the answer. Rejects when the server does not answer in 5 s.
 */
export function rawGet(
  baseUrl: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port || 80), hostname.replace(/^\[|\]$/g, ''));
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${target.slice(0, 80)}`)));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const data = Buffer.concat(chunks);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no HTTP answer to ${target.slice(0, 80)}`));
      const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
      const all: Record<string, string[]> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        const name = line.slice(0, at).trim().toLowerCase();
        (all[name] ??= []).push(line.slice(at + 1).trim());
      }
      const parsed = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v[0]]));
      const repeated = Object.fromEntries(Object.entries(all).filter(([, v]) => v.length > 1));
      let body: Buffer = data.subarray(end + 4);
      if (/chunked/i.test(parsed['transfer-encoding'] ?? '')) body = unchunk(body);
      resolve({ status: Number(statusLine.split(' ')[1]), headers: parsed, repeated, body });
    });
    const head = Object.entries({ Host: new URL(baseUrl).host, Connection: 'close', ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`GET ${target} HTTP/1.1\r\n${head}\r\n`);
  });
}

function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, lineEnd).toString(), 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
