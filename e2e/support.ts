import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { loadContent } from '../lib/content/load';
import { e2eServerUrl } from '../lib/env';
import { siteUrl } from '../lib/links';
import { decodeQrImage } from '../lib/qr/decode';

export const content = loadContent();
export const locales = ['vi', 'en'] as const;

/** The server-mode site (next start); the static site is Playwright's baseURL. */
export const serverUrl = e2eServerUrl();

/** The path on the served test site of an absolute URL of the site (QR codes carry the real host). */
export function localPath(url: string): string {
  const base = siteUrl(content.site);
  if (url.toLowerCase().startsWith(base.toLowerCase())) return url.slice(base.length);
  throw new Error(`${url} is not a URL of this site (${base})`);
}

/** Decodes the one QR code in a PNG, or null. */
export const decodeQr = (png: Buffer) => decodeQrImage(png);

/** Screenshots an element and decodes the QR code in it. */
export async function decodeElement(locator: Locator): Promise<string | null> {
  return decodeQr(await locator.screenshot());
}

/** The page's horizontal overflow in CSS pixels (0 when nothing scrolls sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** axe's WCAG 2.0–2.2 A and AA violations on the page, as "rule: targets" lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/**
 * A copy of the project for a server-mode server a test starts itself: everything symlinked but
 * content/ and the server build, which is hard-linked without its route cache. Next never
 * rewrites the build's files; it writes what it regenerates as new files under route-cache, so
 * what this server regenerates from its own content stays in the copy and never reaches the
 * shared build that the suite's server reads (an editor test's edit once showed up there).
 */
export function serverAppCopy(root: string): string {
  const project = process.cwd();
  const app = path.join(root, 'app');
  mkdirSync(app);
  for (const name of readdirSync(project))
    if (!['.next-server', 'content', '.git'].includes(name))
      symlinkSync(path.join(project, name), path.join(app, name));
  execFileSync('cp', ['-al', path.join(project, '.next-server'), path.join(app, '.next-server')]);
  rmSync(path.join(app, '.next-server/server/route-cache'), { recursive: true, force: true });
  return app;
}
