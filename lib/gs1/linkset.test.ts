import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadContentFrom } from '../content/load';
import { linkTypeName, productLinkset, resolverDescription } from './linkset';

// GS1's linkset JSON schema, vendored as published at
// https://gs1.github.io/linkset/gs1-linkset-schema.json (the schema GS1's resolver test suite,
// gs1/GS1DL-resolver-testsuite, validates linksets against; its @id is
// https://ref.gs1.org/standards/resolver/linkset-schema). It uses the non-standard annotation
// keywords "@id" and "name", hence strict mode off.
const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('./gs1-linkset-schema.json', import.meta.url)), 'utf8'),
);
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const root = fileURLToPath(new URL('../..', import.meta.url));
const content = loadContentFrom(path.join(root, 'content'));
const product = content.products.find((p) => p.gtin === '09506000134352')!;
const site = { baseUrl: 'https://ducpho.quangngai.gov.vn' };
const VOC = 'https://ref.gs1.org/voc/';

beforeEach(() => vi.stubEnv('SITE_URL', ''));

describe('the linkset of a product with a GTIN', () => {
  it('validates against GS1 linkset JSON schema', () => {
    const linkset = productLinkset(site, product);
    expect(validate(linkset), JSON.stringify(validate.errors)).toBe(true);
  });

  it("passes an excerpt of GS1's model linkset and fails linksets that break the schema", () => {
    // From gs1/GS1DL-resolver-testsuite, modelLinkset.json (first context, two link types).
    const model = {
      linkset: [
        {
          anchor: 'https://id.gs1.org01/09506000164908',
          itemDescription: 'Crew neck white t-shirt',
          'https://ref.gs1.org/voc/pip': [
            {
              href: 'https://ref.gs1.org/tools/demo/2024retail/pip',
              title: 'Product Info',
              type: 'text/html',
              hreflang: ['en'],
            },
          ],
          'https://ref.gs1.org/voc/defaultLink': [
            { href: 'https://ref.gs1.org/tools/demo/2024retail/', title: 'Menu' },
          ],
        },
      ],
    };
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true);
    const anchor = 'https://x.vn/01/09506000134352';
    const bad = [
      // A link without a title, a link type as a CURIE, no anchor, an unknown link attribute.
      { linkset: [{ anchor, itemDescription: 'x', [`${VOC}pip`]: [{ href: 'https://x.vn/' }] }] },
      {
        linkset: [
          { anchor, itemDescription: 'x', 'gs1:pip': [{ href: 'https://x.vn/', title: 't' }] },
        ],
      },
      { linkset: [{ itemDescription: 'x' }] },
      {
        linkset: [
          {
            anchor,
            itemDescription: 'x',
            [`${VOC}pip`]: [{ href: 'https://x.vn/', title: 't', lang: 'vi' }],
          },
        ],
      },
    ];
    for (const b of bad) expect(validate(b), JSON.stringify(b)).toBe(false);
  });

  it('anchors at the Digital Link and offers each page in each language, one default link', () => {
    const [context] = productLinkset(site, product).linkset;
    expect(context.anchor).toBe('https://ducpho.quangngai.gov.vn/01/09506000134352');
    expect(context.itemDescription).toContain(product.name.vi);
    const pip = context[`${VOC}pip`];
    expect(pip).toEqual([
      {
        href: `https://ducpho.quangngai.gov.vn/vi/ocop/${product.slug}/`,
        title: product.name.vi,
        hreflang: ['vi'],
        type: 'text/html',
      },
      {
        href: `https://ducpho.quangngai.gov.vn/en/ocop/${product.slug}/`,
        title: product.name.en,
        hreflang: ['en'],
        type: 'text/html',
      },
    ]);
    // Exactly one default link, without optional attributes, and also described as gs1:pip.
    expect(context[`${VOC}defaultLink`]).toEqual([
      { href: `https://ducpho.quangngai.gov.vn/vi/ocop/${product.slug}/`, title: product.name.vi },
    ]);
    expect(context[`${VOC}certificationInfo`]).toContainEqual(
      expect.objectContaining({
        href: `https://ducpho.quangngai.gov.vn/vi/ocop/${product.slug}/#certificate`,
        title: expect.stringContaining('Giấy chứng nhận OCOP'),
        hreflang: ['vi'],
      }),
    );
    expect(context[`${VOC}whereToBuy`]).toHaveLength(2);
    expect(context[`${VOC}traceability`]).toHaveLength(2);
  });

  it('names link types the ways GS1 writes them', () => {
    expect(linkTypeName('gs1:pip')).toBe('pip');
    expect(linkTypeName('https://ref.gs1.org/voc/certificationInfo')).toBe('certificationInfo');
    expect(linkTypeName('https://gs1.org/voc/whereToBuy')).toBe('whereToBuy');
    expect(linkTypeName('http://www.gs1.org/voc/defaultLink')).toBe('defaultLink');
    expect(linkTypeName('gs1:epil')).toBeNull();
    expect(linkTypeName('pip')).toBeNull();
  });

  it('describes the resolver with the fields GS1 requires', () => {
    const d = resolverDescription({ site: { ...content.site, ...site } });
    expect(d.resolverRoot).toBe('https://ducpho.quangngai.gov.vn/');
    expect(d.supportedPrimaryKeys).toEqual(['01']);
    expect(d.supportedLinkType).toEqual([{ namespace: VOC, prefix: 'gs1:' }]);
  });
});
