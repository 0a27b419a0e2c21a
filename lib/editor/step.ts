/**
 * The editor in the server mode, as a step of scripts/portal-server.ts: the login page, the gate
 * in front of the Keystatic interface (/keystatic), and Keystatic's storage API
 * (/api/keystatic/*), which is served here rather than by a Next route so that every save passes
 * through one place that checks the user, refuses what the content loader would refuse, commits
 * and republishes. The static export has none of this.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import keystaticConfig from '../../keystatic.config';
import { forgetContent } from '../content/load';
import { contentDir, editorSecret, editorUsersFile } from '../env';
import { commitSave, contentRepository } from './commit';
import { encodeUpdate, isContentPath, parseUpdate, problemsAfter, tidyUpdate } from './save';
import { SESSION_COOKIE, readCookie, sessionCookie, sessionLogin, sessionValue } from './session';
import { authenticate, mayWrite, readUsers, type User } from './users';
import { loginPage } from './login-page';
import { setRevalidateToken } from './revalidate-token';

const MAX_BODY = 32 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('request body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}
const text = { 'Content-Type': 'text/plain; charset=utf-8' };
const html = { 'Content-Type': 'text/html; charset=utf-8' };

function isHttps(req: IncomingMessage) {
  return (
    'encrypted' in req.socket ||
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim() === 'https'
  );
}

/** Whether a request is for the editor's own pages: a React application that keeps Next's runtime. */
export function isEditorPage(url: string | undefined): boolean {
  return (url ?? '/').startsWith('/keystatic');
}

/** Whether a request is for the editor at all: its pages, its storage API and its login page. */
export function isEditorPath(url: string | undefined): boolean {
  return /^\/(keystatic|api\/keystatic|editor)(\/|$|\?)/.test(url ?? '/');
}

export type EditorStep = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The editor step, or one that answers 404 on the editor's paths when EDITOR_USERS_FILE is unset. */
export function editorStep(): EditorStep {
  const usersFile = editorUsersFile();
  if (!usersFile)
    return async (req, res) => {
      if (!isEditorPath(new URL(req.url ?? '/', 'http://x').pathname)) return false;
      send(
        res,
        404,
        'Not found: the editor is not enabled on this server (EDITOR_USERS_FILE).',
        text,
      );
      return true;
    };

  const secret = editorSecret();
  const dir = contentDir();
  contentRepository(dir);
  readUsers(usersFile);
  const keystatic = makeGenericAPIRouteHandler(
    { config: keystaticConfig, localBaseDirectory: dir },
    { slugEnvName: 'NEXT_PUBLIC_KEYSTATIC_GITHUB_APP_SLUG' },
  );
  const token = randomBytes(24).toString('hex');
  setRevalidateToken(token);

  const currentUser = (req: IncomingMessage): User | null => {
    const login = sessionLogin(readCookie(req.headers.cookie, SESSION_COOKIE), secret);
    return login ? (readUsers(usersFile).find((u) => u.login === login) ?? null) : null;
  };

  const runKeystatic = (req: IncomingMessage, body?: string) =>
    keystatic(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) =>
          typeof v === 'string' ? [[k, v] as [string, string]] : [],
        ),
        body,
      }),
    );
  type Answer = Awaited<ReturnType<typeof runKeystatic>>;
  const answer = (res: ServerResponse, out: Answer) => {
    res.writeHead(out.status ?? 200, {
      'Cache-Control': 'no-store',
      ...Object.fromEntries(new Headers(out.headers)),
    });
    res.end(out.body == null ? '' : Buffer.from(out.body as string | Uint8Array));
  };

  const republish = async (req: IncomingMessage) => {
    forgetContent(dir);
    const port = req.socket.localPort;
    const r = await fetch(`http://127.0.0.1:${port}/api/editor/revalidate/`, {
      method: 'POST',
      headers: { 'x-revalidate-token': token },
    });
    if (!r.ok)
      console.error(`Editor: revalidation answered ${r.status}; pages update within 5 minutes.`);
  };

  const save = async (req: IncomingMessage, res: ServerResponse, user: User) => {
    let update;
    try {
      update = parseUpdate(JSON.parse((await readBody(req)).toString('utf8')));
    } catch {
      update = null;
    }
    if (!update) return send(res, 400, 'Bad request: not an editor save.', text);
    const paths = [...update.additions, ...update.deletions].map((c) => c.path);
    const outside = paths.filter((p) => !isContentPath(p));
    if (outside.length) return send(res, 400, `Bad path: ${outside.join(', ')}`, text);
    const refused = paths.filter((p) => !mayWrite(user, p));
    if (refused.length)
      return send(
        res,
        403,
        `Không được phép sửa: ${refused.join(', ')} (tài khoản ${user.login} chỉ sửa được sản phẩm ` +
          `${user.products.join(', ')}). Không có gì được ghi.`,
        text,
      );
    const tidy = tidyUpdate(dir, update);
    const problems = problemsAfter(dir, tidy);
    if (problems.length)
      return send(
        res,
        422,
        `Không lưu: nội dung không hợp lệ, không có gì được ghi (not saved, nothing was written).\n` +
          problems.map((p) => `• ${p}`).join('\n'),
        text,
      );
    const out = await runKeystatic(req, encodeUpdate(tidy));
    if ((out.status ?? 200) !== 200) return answer(res, out);
    // Committed and republished before the editor hears "saved".
    const id = commitSave(dir, paths, user, `Sửa nội dung qua trình sửa: ${paths.join(', ')}`);
    console.log(
      `Editor: ${user.login} saved ${paths.join(', ')}${id ? ` (commit ${id.slice(0, 10)})` : ''}`,
    );
    await republish(req);
    answer(res, out);
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const p = url.pathname;
    if (!isEditorPath(p)) return false;

    if (p === '/editor/login' || p === '/editor/login/') {
      if (req.method === 'POST') {
        const form = new URLSearchParams((await readBody(req)).toString('utf8'));
        const user = authenticate(
          readUsers(usersFile),
          form.get('login') ?? '',
          form.get('password') ?? '',
        );
        if (!user) {
          send(res, 401, loginPage({ error: true }), html);
          return true;
        }
        send(res, 303, '', {
          Location: '/keystatic/',
          'Set-Cookie': sessionCookie(sessionValue(user.login, secret), isHttps(req)),
        });
        return true;
      }
      const user = currentUser(req);
      send(res, 200, loginPage({ user: user ?? undefined }), html);
      return true;
    }
    if ((p === '/editor/logout' || p === '/editor/logout/') && req.method === 'POST') {
      send(res, 303, '', {
        Location: '/editor/login',
        'Set-Cookie': sessionCookie('', isHttps(req)),
      });
      return true;
    }

    const user = currentUser(req);
    if (p.startsWith('/keystatic')) {
      if (!user) {
        send(res, 303, '', { Location: '/editor/login' });
        return true;
      }
      // Keystatic's interface links a web font from Google; the editor works without it.
      res.setHeader(
        'Content-Security-Policy',
        "font-src 'self' data:; style-src 'self' 'unsafe-inline'",
      );
      res.setHeader('X-Robots-Tag', 'noindex');
      // Keystatic's router reads the browser's path and takes a trailing slash for an empty
      // segment, while Next (trailingSlash: true) would redirect /keystatic/a/b to /keystatic/a/b/.
      // Next is handed the slashed path so the browser keeps the one Keystatic understands (Next
      // itself leaves a last segment with a dot, like a procedure code, unslashed).
      const last = p.split('/').pop() ?? '';
      if (last && !last.includes('.')) req.url = `${p}/${url.search}`;
      return false;
    }
    if (p.startsWith('/api/keystatic')) {
      if (!user) {
        send(res, 401, 'Cần đăng nhập (login required): /editor/login', text);
        return true;
      }
      if (req.method === 'POST' && p.replace(/\/$/, '') === '/api/keystatic/update')
        await save(req, res, user);
      else answer(res, await runKeystatic(req));
      return true;
    }
    send(res, 404, 'Not found', text);
    return true;
  };
}
