import type { MetadataRoute } from 'next';
import { routing, type Locale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { isListed, productStatus } from '@/lib/content/lifecycle';
import {
  absoluteUrl,
  fieldPath,
  homePath,
  procedurePath,
  proceduresPath,
  productPath,
  productsPath,
  type LocalePath,
} from '@/lib/links';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  const { site, fields, procedures, products } = loadContent();
  const pages: LocalePath[] = [
    homePath,
    proceduresPath,
    productsPath,
    ...fields.map((f) => (l: Locale) => fieldPath(l, f.id)),
    ...procedures.filter((p) => isListed(p)).map((p) => (l: Locale) => procedurePath(l, p.code)),
    ...products
      .filter((p) => productStatus(p) !== 'withdrawn')
      .map((p) => (l: Locale) => productPath(l, p.slug)),
  ];
  return pages.flatMap((path) =>
    routing.locales.map((locale) => ({
      url: absoluteUrl(site, path(locale)),
      alternates: {
        languages: Object.fromEntries(routing.locales.map((l) => [l, absoluteUrl(site, path(l))])),
      },
    })),
  );
}
