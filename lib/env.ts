/**
 * The environment, read and checked here and nowhere else. Each value is read when asked for
 * (tests and benchmarks set some per run); a bad value throws an error naming the variable.
 */
import path from 'node:path';

function read(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

function fail(name: string, value: string, problem: string): never {
  throw new Error(`Environment variable ${name}="${value}" ${problem}`);
}

/** Why a value cannot be the site's base URL, or null when it can. */
export function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL (e.g. https://example.gov.vn)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be http(s)';
  if (value.endsWith('/')) return 'must not end with a slash';
  if (url.username || url.password || url.search || url.hash || value.includes('?'))
    return 'must not contain credentials, a query or a fragment';
  return null;
}

function url(name: string, fallback: string): string {
  const value = read(name) ?? fallback;
  const problem = baseUrlProblem(value);
  return problem ? fail(name, value, problem) : value;
}

export type PortalMode = 'static' | 'server';

/** PORTAL_MODE: `server` builds and runs `next start` with ISR; unset or `static`, the export. */
export function portalMode(): PortalMode {
  const value = read('PORTAL_MODE') ?? 'static';
  if (value !== 'static' && value !== 'server')
    fail('PORTAL_MODE', value, 'must be static or server');
  return value;
}

/** SITE_URL: the deployment's base URL, overriding the content's `site.baseUrl`. */
export function siteUrlOverride(): string | undefined {
  return read('SITE_URL') === undefined ? undefined : url('SITE_URL', '');
}

/** CONTENT_DIR: the content directory (benchmarks, imports into a copy); default ./content. */
export function contentDir(): string {
  return path.resolve(read('CONTENT_DIR') ?? 'content');
}

/**
 * LAST_VALID_CONTENT_DIR: where the server mode keeps a copy of the last content that passed
 * validation, served after a restart with invalid content; default .cache/last-valid-content.
 */
export function lastValidContentDir(): string {
  return path.resolve(read('LAST_VALID_CONTENT_DIR') ?? '.cache/last-valid-content');
}

/** ASSET_CACHE_DIR: the cache of expensive build artefacts; default .cache/assets. */
export function assetCacheDir(): string {
  return path.resolve(read('ASSET_CACHE_DIR') ?? '.cache/assets');
}

/** BUILD_DATE: a fixed YYYY-MM-DD for lifecycle decisions (tests, reproducible builds). */
export function fixedBuildDate(): string | undefined {
  const value = read('BUILD_DATE');
  if (value === undefined) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(d.getTime()) ||
    !d.toISOString().startsWith(value)
  )
    fail('BUILD_DATE', value, 'must be a real date written YYYY-MM-DD');
  return value;
}

/** CHROMIUM_PATH: the system Chromium for tests and benchmarks; default /usr/bin/chromium. */
export function chromiumPath(): string {
  return read('CHROMIUM_PATH') ?? '/usr/bin/chromium';
}

/** E2E_STATIC_URL: the static site the end-to-end tests visit; default a local server on 3000. */
export function e2eStaticUrl(): string {
  return url('E2E_STATIC_URL', 'http://localhost:3000');
}

/** E2E_SERVER_URL: the server-mode site the end-to-end tests visit; default local, on 3001. */
export function e2eServerUrl(): string {
  return url('E2E_SERVER_URL', 'http://localhost:3001');
}

/** E2E_NGINX_URL: the static site served by Debian's nginx with the site's configuration. */
export function e2eNginxUrl(): string {
  return url('E2E_NGINX_URL', 'http://127.0.0.1:3002');
}

/** Whether this run is on CI (stricter test settings). */
export function isCi(): boolean {
  return read('CI') !== undefined;
}

/**
 * EDITOR_USERS_FILE: the editor's logins (lib/editor/users.ts), outside content/ and never
 * published. Unset, the server mode has no editor: /keystatic and its API answer 404.
 */
export function editorUsersFile(): string | undefined {
  const value = read('EDITOR_USERS_FILE');
  return value === undefined ? undefined : path.resolve(value);
}

/** EDITOR_SECRET: the key that signs editor session cookies; required when the editor is on. */
export function editorSecret(): string {
  const value = read('EDITOR_SECRET');
  if (value === undefined)
    throw new Error(
      'Environment variable EDITOR_SECRET is missing: the editor (EDITOR_USERS_FILE is set) signs ' +
        'its login cookies with it. Set it to a random string of at least 32 characters, e.g. ' +
        '`openssl rand -hex 32`.',
    );
  if (value.length < 32) fail('EDITOR_SECRET', '…', 'must be at least 32 characters long');
  return value;
}
