import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PrintIndex } from '@/components/print/PrintIndex';
import { printIndexPath } from '@/lib/links';
import { SiteShell } from '@/components/SiteShell';
import { isLocale, otherLocale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { pageMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'print' });
  return pageMetadata({ locale, title: t('title'), description: t('intro'), path: printIndexPath });
}

export default async function PrintIndexPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('print');
  return (
    <SiteShell
      locale={locale}
      alternateHref={printIndexPath(otherLocale(locale))}
      crumbs={[{ label: t('title') }]}
    >
      <PrintIndex content={loadContent()} locale={locale} />
    </SiteShell>
  );
}
