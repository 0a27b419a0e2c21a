import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { FieldPage, fieldMetadata } from '@/components/FieldPage';
import { isLocale, routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';

type Props = { params: Promise<{ locale: string; field: string }> };

export function generateStaticParams() {
  return routing.locales.flatMap((locale) =>
    loadContent().fields.map((f) => ({ locale, field: f.id })),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, field } = await params;
  return isLocale(locale) ? fieldMetadata(locale, field) : {};
}

export default async function Page({ params }: Props) {
  const { locale, field } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <FieldPage locale={locale} fieldId={field} />;
}
