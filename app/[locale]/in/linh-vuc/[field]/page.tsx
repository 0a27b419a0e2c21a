import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FieldSheet } from '@/components/print/FieldSheet';
import { printMetadata } from '@/components/print/metadata';
import { ALL_FIELDS, fieldSheetPath } from '@/lib/links';
import { PrintShell } from '@/components/print/PrintShell';
import { isLocale, otherLocale, routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { pick } from '@/lib/text';
import { getField } from '@/lib/content/lookup';

type Props = { params: Promise<{ locale: string; field: string }> };

export function generateStaticParams() {
  const ids = [...loadContent().fields.map((f) => f.id), ALL_FIELDS];
  return routing.locales.flatMap((locale) => ids.map((field) => ({ locale, field })));
}

/** The field of a sheet: null for the sheet of every procedure. */
function find(id: string) {
  const content = loadContent();
  if (id === ALL_FIELDS) return { content, field: null };
  const field = getField(content, id);
  if (!field) notFound();
  return { content, field };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, field: id } = await params;
  if (!isLocale(locale)) return {};
  const { field } = find(id);
  const t = await getTranslations({ locale, namespace: 'print' });
  const name = field ? pick(field.name, locale) : t('allProcedures');
  return printMetadata(locale, `${t('sheetTitle')}: ${name}`, (l) => fieldSheetPath(l, id));
}

export default async function FieldSheetPage({ params }: Props) {
  const { locale, field: id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { content, field } = find(id);
  return (
    <PrintShell locale={locale} alternateHref={fieldSheetPath(otherLocale(locale), id)}>
      <FieldSheet content={content} field={field} locale={locale} />
    </PrintShell>
  );
}
