/**
 * The links a GS1 resolver offers for a product's GTIN, and the linkset document listing them
 * (RFC 9264, `application/linkset+json`, in the shape of GS1's linkset JSON schema: one context
 * object per anchor, link types written as full GS1 Web Vocabulary URIs).
 *
 * Every link has a target, a link type and a title (GS1-Conformant Resolver standard); exactly
 * one is the gs1:defaultLink, carrying no optional attributes, and its target is also given under
 * a descriptive link type (gs1:pip). The targets are this site's own pages: the product page in
 * each language, and its sections for the certificate, where to buy and traceability.
 */
import type { Content } from '../content/load';
import type { Product, Site } from '../content/schema';
import { absoluteUrl, gs1Path, productPath } from '../links';
import { translator } from '../og/labels';
import { pick } from '../text';
import { routing, type Locale } from '../../i18n/routing';

/** The GS1 Web Vocabulary namespace: link types are this plus a name, e.g. …/voc/pip. */
export const GS1_VOC = 'https://ref.gs1.org/voc/';
/** Other spellings of the namespace that GS1 documents as the same terms. */
const GS1_VOC_ALIASES = [
  'https://ref.gs1.org/voc/',
  'http://ref.gs1.org/voc/',
  'https://gs1.org/voc/',
  'http://gs1.org/voc/',
  'https://www.gs1.org/voc/',
  'http://www.gs1.org/voc/',
];
/** The JSON-LD context GS1 publishes for reading a linkset as linked data. */
export const GS1_LINKSET_CONTEXT = 'https://ref.gs1.org/standards/resolver/linkset-context';

/** The GS1 link types this site can offer for a product, by their short name. */
export const LINK_TYPES = [
  'defaultLink',
  'pip',
  'certificationInfo',
  'whereToBuy',
  'traceability',
  'homepage',
] as const;
export type LinkTypeName = (typeof LINK_TYPES)[number];

export type Link = { href: string; title: string; hreflang?: string[]; type?: string };
export type ProductLinks = Partial<Record<LinkTypeName, Link[]>>;

/** A link type as a request may name it (`gs1:pip`, `https://gs1.org/voc/pip`…), or null. */
export function linkTypeName(value: string): LinkTypeName | null {
  let name: string | null = null;
  if (value.startsWith('gs1:')) name = value.slice(4);
  else {
    const ns = GS1_VOC_ALIASES.find((n) => value.startsWith(n));
    if (ns) name = value.slice(ns.length);
  }
  return name && (LINK_TYPES as readonly string[]).includes(name) ? (name as LinkTypeName) : null;
}

/** The fragment ids of the product page's sections that links point into. */
export const PRODUCT_SECTIONS = {
  certificationInfo: 'certificate',
  whereToBuy: 'buy',
  traceability: 'traceability',
} as const;

/** Every link the site offers for a product with a GTIN, by link type. */
export function productLinks(site: Pick<Site, 'baseUrl'>, p: Product): ProductLinks {
  const page = (locale: Locale, section?: string) =>
    absoluteUrl(site, productPath(locale, p.slug)) + (section ? `#${section}` : '');
  const each = (title: (locale: Locale) => string, section?: string): Link[] =>
    routing.locales.map((locale) => ({
      href: page(locale, section),
      title: title(locale),
      hreflang: [locale],
      type: 'text/html',
    }));
  const name = (locale: Locale) => pick(p.name, locale);
  const label = (key: 'certificate' | 'whereToBuy' | 'traceability') => (locale: Locale) =>
    `${translator(locale)(`product.${key}`)}: ${name(locale)}`;
  const links: ProductLinks = {
    defaultLink: [{ href: page(routing.defaultLocale), title: name(routing.defaultLocale) }],
    pip: each(name),
    certificationInfo: each(label('certificate'), PRODUCT_SECTIONS.certificationInfo),
    traceability: each(label('traceability'), PRODUCT_SECTIONS.traceability),
  };
  if (p.pointsOfSale.length)
    links.whereToBuy = each(label('whereToBuy'), PRODUCT_SECTIONS.whereToBuy);
  if (p.producer.website)
    links.homepage = [
      { href: p.producer.website, title: pick(p.producer.name, routing.defaultLocale) },
    ];
  return links;
}

export type LinksetContext = { anchor: string; itemDescription: string } & Record<
  string,
  string | Link[]
>;
export type Linkset = { linkset: LinksetContext[] };

/** The linkset of a product with a GTIN: one context, anchored at its Digital Link URI. */
export function productLinkset(site: Pick<Site, 'baseUrl'>, p: Product): Linkset {
  if (!p.gtin) throw new Error(`product ${p.slug} has no GTIN, so no linkset`);
  const context: LinksetContext = {
    anchor: absoluteUrl(site, gs1Path(p.gtin)),
    itemDescription: [p.name, p.netQuantity]
      .flatMap((text) => (text ? [pick(text, routing.defaultLocale)] : []))
      .join(', '),
  };
  for (const [type, links] of Object.entries(productLinks(site, p)))
    context[GS1_VOC + type] = links;
  return { linkset: [context] };
}

/**
 * The resolver description file served at /.well-known/gs1resolver (GS1-Conformant Resolver
 * standard, "Resolver Description File"): what the resolver is and which keys it answers.
 */
export function resolverDescription(content: Pick<Content, 'site'>) {
  const { site } = content;
  return {
    name: `${pick(site.name, routing.defaultLocale)}: ${pick(site.authority, routing.defaultLocale)}`,
    resolverRoot: absoluteUrl(site, '/'),
    supportedPrimaryKeys: ['01'],
    supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:' }],
    linkTypeDefaultCanBeLinkset: false,
  };
}
