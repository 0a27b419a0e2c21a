import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookie, sessionLogin, sessionValue } from './session';

const secret = 'a'.repeat(40);

describe('editor sessions', () => {
  it('proves the login it was made for until it expires', () => {
    const now = Date.UTC(2026, 11, 2, 8);
    const v = sessionValue('lan', secret, now);
    expect(sessionLogin(v, secret, now + 3600_000)).toBe('lan');
    expect(sessionLogin(v, secret, now + 9 * 3600_000)).toBeNull();
  });

  it('refuses a cookie signed with another secret, altered, or malformed', () => {
    const v = sessionValue('lan', secret);
    expect(sessionLogin(v, 'b'.repeat(40))).toBeNull();
    const [payload, mac] = v.split('.');
    const forged = Buffer.from(JSON.stringify({ login: 'admin', exp: 9e9 })).toString('base64url');
    expect(sessionLogin(`${forged}.${mac}`, secret)).toBeNull();
    expect(sessionLogin(payload, secret)).toBeNull();
    expect(sessionLogin('', secret)).toBeNull();
    expect(sessionLogin(undefined, secret)).toBeNull();
  });

  it('is an HttpOnly, SameSite=Strict cookie, Secure over HTTPS', () => {
    expect(sessionCookie('x', true)).toMatch(/HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
    expect(sessionCookie('', false)).toMatch(/Max-Age=0$/);
    expect(readCookie('a=1; portal_editor=p.q==; b=2', 'portal_editor')).toBe('p.q==');
  });
});
