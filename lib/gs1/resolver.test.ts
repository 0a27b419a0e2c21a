import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadContentFrom } from '../content/load';
import { resolve, type ResolverAnswer, type ResolverRequest } from './resolver';

// The cases follow the conformance statements of GS1's resolver test suite
// (gs1/GS1DL-resolver-testsuite, Conformance1_2.txt and GS1DigitalLinkResolverTestSuite.js).
const root = fileURLToPath(new URL('../..', import.meta.url));
const loaded = loadContentFrom(path.join(root, 'content'));
const content = { ...loaded, site: { ...loaded.site, baseUrl: 'https://ducpho.quangngai.gov.vn' } };
const product = content.products.find((p) => p.gtin === '09506000134352')!;
const base = 'https://ducpho.quangngai.gov.vn';
const page = (locale: string) => `${base}/${locale}/ocop/${product.slug}/`;

beforeEach(() => vi.stubEnv('SITE_URL', ''));

function ask(path: string, more: Partial<ResolverRequest> = {}): ResolverAnswer {
  const [p, q = ''] = path.split('?');
  return resolve({ method: 'GET', path: p, query: q, ...more }, content);
}
function answer(path: string, more: Partial<ResolverRequest> = {}) {
  const a = ask(path, more);
  if (a.kind !== 'respond') throw new Error(`${path}: rendered the page instead of answering`);
  return a;
}

describe('the GS1 resolver', () => {
  it('renders the product page for the plain Digital Link, with the linkset link and CORS', () => {
    for (const path of [
      '/01/09506000134352',
      '/01/09506000134352/', // trailing slash tolerated
      '/01/09506000134352?foo=bar',
      '/01/09506000134352/10/VD2509A',
      '/01/09506000134352/22/X/10/ANYLOT/21/123',
    ]) {
      const a = ask(path);
      expect(a.kind, path).toBe('render');
      if (a.kind !== 'render') continue;
      expect(a.product.slug).toBe(product.slug);
      expect(a.headers.Link).toBe(
        `<${base}/01/09506000134352?linkType=linkset>; rel="linkset"; type="application/linkset+json"; title="Linkset"`,
      );
      expect(a.headers['Access-Control-Allow-Origin']).toBe('*');
    }
  });

  it('redirects with 307 to the requested link type, passing the query string on', () => {
    const a = answer('/01/09506000134352?linkType=gs1:certificationInfo&utm=qr');
    expect(a.status).toBe(307);
    expect(a.headers.Location).toBe(
      `${page('vi')}?linkType=gs1:certificationInfo&utm=qr#certificate`,
    );
    expect(a.headers.Link).toContain('rel="linkset"');
    const full = answer('/01/09506000134352?linkType=https://ref.gs1.org/voc/whereToBuy');
    expect(full.headers.Location).toMatch(/\/vi\/ocop\/.+\/\?linkType=.+#buy$/);
  });

  it('chooses between languages by Accept-Language', () => {
    const en = answer('/01/09506000134352?linkType=gs1:pip', {
      acceptLanguage: 'en-GB,en;q=0.9,vi;q=0.5',
    });
    expect(en.headers.Location).toBe(`${page('en')}?linkType=gs1:pip`);
    const vi = answer('/01/09506000134352?linkType=gs1:pip', { acceptLanguage: 'fr, vi;q=0.8' });
    expect(vi.headers.Location).toBe(`${page('vi')}?linkType=gs1:pip`);
    const none = answer('/01/09506000134352?linkType=gs1:pip');
    expect(none.headers.Location).toBe(`${page('vi')}?linkType=gs1:pip`);
  });

  it('answers 404 for a link type the product lacks and for a GTIN the site does not hold', () => {
    const lacking = answer('/01/09506000134352?linkType=gs1:epil');
    expect(lacking.status).toBe(404);
    expect(lacking.body).toContain('gs1:epil');
    // 09520123456788: GS1's example GTIN of the Digital Link standard; valid, not ours.
    const unknown = answer('/01/09520123456788');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('09520123456788');
  });

  it('gives the linkset for linkType=linkset and for Accept: application/linkset+json', () => {
    for (const [path, accept] of [
      ['/01/09506000134352?linkType=linkset', undefined],
      ['/01/09506000134352?linkType=all', undefined],
      ['/01/09506000134352', 'application/linkset+json'],
      ['/01/09506000134352/10/VD2509A', 'text/html;q=0.5, application/linkset+json'],
    ] as const) {
      const a = answer(path, { accept });
      expect(a.status, path).toBe(200);
      expect(a.headers['Content-Type']).toBe('application/linkset+json');
      expect(a.headers.Link).toContain('rel="http://www.w3.org/ns/json-ld#context"');
      const body = JSON.parse(a.body);
      expect(body.linkset[0].anchor).toBe(`${base}/01/09506000134352`);
    }
    expect(ask('/01/09506000134352', { accept: 'application/linkset+json;q=0' }).kind).toBe(
      'render',
    );
  });

  it('answers 400, never 200, for what is not a valid Digital Link', () => {
    for (const [path, why] of [
      ['/01/09506000134353', /check digit .* should be 2, not 3/],
      ['/01/09506000134352/21/1/10/LOT', /out of order/],
      ['/01/09506000134352/foo', /no value/],
      ['/01/09506000134352/99/X', /not a key qualifier/],
      ['/01/9506000134352', /14 digits: \/01\/09506000134352/],
      ['/01/09506000134352?10=LOT', /belongs in the path/],
      ['/01', /starts with \/01\//],
      ['/01/09506000134352//', /slash/],
    ] as const) {
      const a = answer(path);
      expect(a.status, path).toBe(400);
      expect(a.body, path).toMatch(why);
      expect(a.headers['Access-Control-Allow-Origin']).toBe('*');
    }
  });

  it('answers HEAD like GET without a body, OPTIONS with the methods, others with 405', () => {
    const head = answer('/01/09506000134352?linkType=linkset', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(answer('/01/09506000134353', { method: 'HEAD' })).toMatchObject({
      status: 400,
      body: '',
    });
    const options = answer('/01/09506000134352', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers['Access-Control-Allow-Methods']).toBe('GET, HEAD, OPTIONS');
    const post = answer('/01/09506000134352', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.Allow).toBe('GET, HEAD, OPTIONS');
  });

  it('serves the resolver description file', () => {
    const a = answer('/.well-known/gs1resolver');
    expect(a.status).toBe(200);
    expect(a.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(a.body)).toMatchObject({
      resolverRoot: `${base}/`,
      supportedPrimaryKeys: ['01'],
    });
  });
});
