import type { MetadataRoute } from 'next';
import { routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { isListed, productStatus } from '@/lib/content/lifecycle';
import { absoluteUrl } from '@/lib/links';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  const { site, procedures, products } = loadContent();
  const paths = [
    '',
    'thu-tuc/',
    'ocop/',
    ...procedures.filter((p) => isListed(p)).map((p) => `thu-tuc/${p.code}/`),
    ...products.filter((p) => productStatus(p) !== 'withdrawn').map((p) => `ocop/${p.slug}/`),
  ];
  return paths.flatMap((path) =>
    routing.locales.map((locale) => ({
      url: absoluteUrl(site, `/${locale}/${path}`),
      alternates: {
        languages: Object.fromEntries(
          routing.locales.map((l) => [l, absoluteUrl(site, `/${l}/${path}`)]),
        ),
      },
    })),
  );
}
