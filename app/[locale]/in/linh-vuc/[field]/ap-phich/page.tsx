import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findField } from '@/components/FieldPage';
import { FieldPoster } from '@/components/print/FieldPoster';
import { printMetadata } from '@/components/print/metadata';
import { PrintShell } from '@/components/print/PrintShell';
import { isLocale, otherLocale, routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { fieldPosterPath } from '@/lib/links';
import { pick } from '@/lib/text';

type Props = { params: Promise<{ locale: string; field: string }> };

export function generateStaticParams() {
  return routing.locales.flatMap((locale) =>
    loadContent().fields.map((f) => ({ locale, field: f.id })),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, field: id } = await params;
  if (!isLocale(locale)) return {};
  const { field } = findField(id);
  const t = await getTranslations({ locale, namespace: 'field' });
  return printMetadata(locale, t('posterTitle', { field: pick(field.name, locale) }), (l) =>
    fieldPosterPath(l, id),
  );
}

export default async function FieldPosterPage({ params }: Props) {
  const { locale, field: id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { content, field } = findField(id);
  return (
    <PrintShell locale={locale} alternateHref={fieldPosterPath(otherLocale(locale), id)}>
      <FieldPoster content={content} field={field} locale={locale} />
    </PrintShell>
  );
}
