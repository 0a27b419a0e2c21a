/**
 * Editor sessions: a signed HttpOnly cookie holding the login and an expiry (HMAC-SHA256 with
 * EDITOR_SECRET). Nothing is kept on the server, so a restart does not log anyone out and
 * several instances share sessions through the secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'portal_editor';
const LIFETIME_S = 8 * 3600;

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** The cookie value for a login, valid for one working day from `now`. */
export function sessionValue(login: string, secret: string, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ login, exp: Math.floor(now / 1000) + LIFETIME_S }),
  ).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The login a cookie value proves, or null when it is forged, altered or expired. */
export function sessionLogin(value: string | undefined, secret: string, now = Date.now()) {
  if (!value) return null;
  const [payload, mac] = value.split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { login, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof login === 'string' && typeof exp === 'number' && exp * 1000 > now ? login : null;
  } catch {
    return null;
  }
}

/** The Set-Cookie header for a session (or, with value '', one that ends it). */
export function sessionCookie(value: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${value ? LIFETIME_S : 0}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
