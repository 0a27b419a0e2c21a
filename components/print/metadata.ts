import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { pageMetadata } from '@/lib/metadata';
import { ogPagePath } from '@/lib/og/paths';

/** Metadata of a printable page: its title, and kept out of search results (a tool for staff). */
export async function printMetadata(
  locale: string,
  title: string,
  path: string,
): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'print' });
  return {
    ...pageMetadata({
      locale,
      title,
      description: t('intro'),
      path,
      image: ogPagePath(locale, 'home'),
    }),
    robots: { index: false, follow: true },
  };
}
