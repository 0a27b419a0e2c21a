/** schema.org JSON-LD: GovernmentService for procedures, Product for OCOP products. */
import type { Field, Procedure, Product, Site } from './content/schema';
import { pick } from './text';

const durationUnit: Record<string, string> = { 'working-day': 'D', day: 'D', month: 'M' };

function isoDuration(value: number | undefined, unit: string | undefined): string | undefined {
  if (!value || !unit) return undefined;
  return unit === 'hour' ? `PT${value}H` : `P${value}${durationUnit[unit]}`;
}

function provider(site: Site, locale: string) {
  return {
    '@type': 'GovernmentOrganization',
    name: pick(site.authority, locale),
    address: pick(site.office.address, locale),
    ...(site.office.hotline && { telephone: site.office.hotline }),
  };
}

export function governmentServiceLd(
  p: Procedure,
  field: Field | undefined,
  site: Site,
  locale: string,
  url: string,
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: pick(p.name, locale),
    identifier: p.code,
    url,
    inLanguage: locale,
    ...(field && { serviceType: pick(field.name, locale) }),
    ...(p.summary && { description: pick(p.summary, locale) }),
    provider: provider(site, locale),
    serviceOperator: provider(site, locale),
    areaServed: { '@type': 'AdministrativeArea', name: pick(site.name, locale) },
    audience: p.subjects.map((s) => ({ '@type': 'Audience', audienceType: pick(s, locale) })),
    availableChannel: p.methods.map((m) => ({
      '@type': 'ServiceChannel',
      name: m.channel,
      ...(m.channel === 'online' && p.online.url && { serviceUrl: p.online.url }),
      ...(m.channel !== 'online' && {
        serviceLocation: {
          '@type': 'Place',
          name: pick(site.office.name, locale),
          address: pick(site.office.address, locale),
        },
      }),
      ...(isoDuration(m.time.value, m.time.unit) && {
        processingTime: isoDuration(m.time.value, m.time.unit),
      }),
    })),
  };
}

export function productLd(p: Product, locale: string, url: string, imageUrls: string[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: pick(p.name, locale),
    ...(p.summary && { description: pick(p.summary, locale) }),
    url,
    image: imageUrls,
    sku: p.shortCode,
    ...(p.gtin && { gtin: p.gtin }),
    brand: { '@type': 'Brand', name: pick(p.producer.name, locale) },
    manufacturer: {
      '@type': 'Organization',
      name: pick(p.producer.name, locale),
      address: pick(p.producer.address, locale),
    },
    award: `OCOP ${p.stars}★`,
  };
}
