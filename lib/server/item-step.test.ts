import { describe, expect, it } from 'vitest';
import { NOT_FOUND_URL, topLevelNames, urlForNext } from './item-step';

// Written by hand: the paths a small content would have, and the routes of a build.
const known = new Set([
  '/T/1.001193',
  '/P/DP01',
  '/01/09506000134352',
  '/vi/thu-tuc/1.001193',
  '/vi/ocop/banh-it',
  '/qr/T/1.001193.svg',
]);
const topLevel = topLevelNames([
  '/',
  '/T/[code]',
  '/P/[shortCode]',
  '/01/[gtin]',
  '/[locale]/thu-tuc/[code]',
  '/qr/[kind]/[file]',
  '/sitemap.xml',
  '/_not-found',
]);
const go = (url: string) => urlForNext(url, known, topLevel);

describe('urlForNext', () => {
  it('gives Next a printed URL with a dotted code without the slash it would redirect away', () => {
    expect(go('/T/1.001193/')).toBe('/T/1.001193');
    expect(go('/vi/thu-tuc/1.001193/?from=qr')).toBe('/vi/thu-tuc/1.001193?from=qr');
    expect(go('/vi/ocop/banh-it/')).toBe('/vi/ocop/banh-it/');
    expect(go('/01/09506000134352')).toBe('/01/09506000134352');
  });

  it('serves short links typed in another case as the canonical one', () => {
    expect(go('/t/1.001193/')).toBe('/T/1.001193');
    expect(go('/p/dp01/')).toBe('/P/DP01/');
    expect(go('/P/dP01/?a=1')).toBe('/P/DP01/?a=1');
  });

  it('sends item paths the content lacks to the not-found page, however they are written', () => {
    for (const url of [
      '/T/9.999999/',
      '/t/9.999999/',
      '/P/ZZ99/',
      '/vi/thu-tuc/9.999999/',
      '/en/in/thu-tuc/1.001193/',
      '/qr/T/9.999999.png',
      '/%54/9.999999/',
      '/vi/../T/9.999999/',
      '/vi/%2e%2e/T/9.999999/',
      '//T/9.999999/',
      '/T\\9.999999/',
      '/T/1.001193/index.txt',
      '/vi/thu-tuc/1.001193/x/',
    ])
      expect(go(url), url).toBe(NOT_FOUND_URL);
  });

  it('sends a path not in its plain form to the not-found page', () => {
    for (const url of [
      '/%2Fevil.com%2F..%2Fvi',
      '/%0d%0a%2F..%2Fvi',
      '/vi/./',
      '/vi//thu-tuc/',
      '/vi\\thu-tuc/',
      '/vi%5Cthu-tuc/',
    ])
      expect(go(url), url).toBe(NOT_FOUND_URL);
  });

  it('sends a first segment that is neither a language nor a route to the not-found page', () => {
    expect(go('/nope/')).toBe(NOT_FOUND_URL);
    expect(go('/favicon.ico')).toBe(NOT_FOUND_URL);
    expect(go('/vi/')).toBe('/vi/');
    expect(go('/en/thu-tuc/')).toBe('/en/thu-tuc/');
    expect(go('/sitemap.xml')).toBe('/sitemap.xml');
    expect(go('/_next/static/chunks/a.js')).toBe('/_next/static/chunks/a.js');
    expect(go('/')).toBe('/');
  });

  it('gives Next nothing for a path that cannot be decoded', () => {
    expect(go('/%')).toBeNull();
    expect(go('/%zz/?a')).toBeNull();
  });
});
