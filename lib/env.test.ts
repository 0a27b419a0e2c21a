import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  baseUrlProblem,
  contentDir,
  e2eServerUrl,
  editorSecret,
  editorUsersFile,
  fixedBuildDate,
  portalMode,
  siteUrlOverride,
} from './env';

afterEach(() => vi.unstubAllEnvs());

describe('the environment', () => {
  it('takes an unset or empty variable as its default', () => {
    vi.stubEnv('PORTAL_MODE', '');
    vi.stubEnv('SITE_URL', '');
    vi.stubEnv('CONTENT_DIR', '');
    vi.stubEnv('E2E_SERVER_URL', '');
    vi.stubEnv('EDITOR_USERS_FILE', '');
    expect(portalMode()).toBe('static');
    expect(siteUrlOverride()).toBeUndefined();
    expect(contentDir()).toBe(path.resolve('content'));
    expect(e2eServerUrl()).toBe('http://localhost:3001');
    expect(editorUsersFile()).toBeUndefined();
  });

  it('names the variable and the value it refuses', () => {
    vi.stubEnv('PORTAL_MODE', 'dynamic');
    expect(() => portalMode()).toThrow('PORTAL_MODE="dynamic" must be static or server');
    vi.stubEnv('SITE_URL', 'https://qr.example.gov.vn/');
    expect(() => siteUrlOverride()).toThrow('SITE_URL="https://qr.example.gov.vn/"');
    vi.stubEnv('E2E_SERVER_URL', '/vi/');
    expect(() => e2eServerUrl()).toThrow(/E2E_SERVER_URL=.*absolute URL/);
  });

  it('accepts only real dates for BUILD_DATE', () => {
    vi.stubEnv('BUILD_DATE', '2026-02-28');
    expect(fixedBuildDate()).toBe('2026-02-28');
    for (const bad of ['2026-02-29', '2026-13-01', '02/12/2026', '2026-2-1']) {
      vi.stubEnv('BUILD_DATE', bad);
      expect(() => fixedBuildDate(), bad).toThrow(`BUILD_DATE="${bad}"`);
    }
  });

  it('refuses base URLs a link could not be built on', () => {
    expect(baseUrlProblem('https://ducpho.quangngai.gov.vn')).toBeNull();
    expect(baseUrlProblem('http://localhost:3000')).toBeNull();
    expect(baseUrlProblem('ftp://x.vn')).toMatch(/http/);
    expect(baseUrlProblem('https://user:pw@x.vn')).toMatch(/credentials/);
    expect(baseUrlProblem('https://x.vn?a=1')).toMatch(/query/);
    expect(baseUrlProblem('https://x.vn#top')).toMatch(/fragment/);
  });

  it('asks for a long editor secret, without printing it', () => {
    vi.stubEnv('EDITOR_SECRET', '');
    expect(() => editorSecret()).toThrow(/EDITOR_SECRET is missing/);
    vi.stubEnv('EDITOR_SECRET', 'short-secret');
    let message = '';
    try {
      editorSecret();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/at least 32 characters/);
    expect(message).not.toContain('short-secret');
    vi.stubEnv('EDITOR_SECRET', 'x'.repeat(32));
    expect(editorSecret()).toBe('x'.repeat(32));
  });
});
