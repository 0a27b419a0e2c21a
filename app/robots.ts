import type { MetadataRoute } from 'next';
import { loadContent } from '@/lib/content/load';
import { absoluteUrl } from '@/lib/links';

export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  const { site } = loadContent();
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: absoluteUrl(site, '/sitemap.xml'),
  };
}
