import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { ogPagePath, type LocalePath } from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';

/** Metadata of a printable page: its title, and kept out of search results (a tool for staff). */
export async function printMetadata(
  locale: Locale,
  title: string,
  path: LocalePath,
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
