import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ProcedurePage, procedureMetadata } from '@/components/ProcedurePage';
import { isLocale, routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';

type Props = { params: Promise<{ locale: string; code: string }> };

export function generateStaticParams() {
  return routing.locales.flatMap((locale) =>
    loadContent().procedures.map((p) => ({ locale, code: p.code })),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  return isLocale(locale) ? procedureMetadata(locale, code) : {};
}

export default async function Page({ params }: Props) {
  const { locale, code } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <ProcedurePage locale={locale} code={code} />;
}
