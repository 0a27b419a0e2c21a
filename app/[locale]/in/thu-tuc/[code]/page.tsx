import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { posterPath } from '@/lib/links';
import { printMetadata } from '@/components/print/metadata';
import { PrintShell } from '@/components/print/PrintShell';
import { ProcedurePoster } from '@/components/print/ProcedurePoster';
import { isLocale, otherLocale, routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { pick } from '@/lib/text';
import { getProcedure } from '@/lib/content/lookup';

type Props = { params: Promise<{ locale: string; code: string }> };

export function generateStaticParams() {
  return routing.locales.flatMap((locale) =>
    loadContent().procedures.map((p) => ({ locale, code: p.code })),
  );
}

function find(code: string) {
  const content = loadContent();
  const procedure = getProcedure(content, code);
  if (!procedure) notFound();
  return { content, procedure };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  if (!isLocale(locale)) return {};
  const { procedure } = find(code);
  const t = await getTranslations({ locale, namespace: 'print' });
  const title = t('posterTitle', { name: `${pick(procedure.name, locale)} (${code})` });
  return printMetadata(locale, title, (l) => posterPath(l, code));
}

export default async function PosterPage({ params }: Props) {
  const { locale, code } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { content, procedure } = find(code);
  return (
    <PrintShell locale={locale} alternateHref={posterPath(otherLocale(locale), code)}>
      <ProcedurePoster procedure={procedure} content={content} locale={locale} />
    </PrintShell>
  );
}
