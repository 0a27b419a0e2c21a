import { expect, test } from '@playwright/test';
import { content } from './support';
import { procedureShortPath, productShortPath } from '../lib/links';

/**
 * Every page type under the site's Content Security Policy (enforced, from the host): nothing is
 * blocked, so the browser reports no violation, neither as an event nor on the console.
 */
const procedure = content.procedures[0];
const product = content.products[0];
const pages = [
  '/vi/',
  '/en/',
  '/vi/thu-tuc/',
  `/vi/thu-tuc/${procedure.code}/`,
  '/vi/ocop/',
  `/en/ocop/${product.slug}/`,
  '/vi/in/',
  `/vi/in/thu-tuc/${procedure.code}/`,
  `/vi/in/nhan/3x8/${product.slug}/`,
  procedureShortPath(procedure.code),
  productShortPath(product.shortCode),
  '/vi/khong-co-trang-nay/',
];

test('every page type loads with the CSP and no violation is reported', async ({ page }) => {
  const reported: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) reported.push(`${page.url()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      );
    });
  });
  for (const path of pages) {
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy'], path).toContain("default-src 'self'");
  }
  expect(reported).toEqual([]);
});
