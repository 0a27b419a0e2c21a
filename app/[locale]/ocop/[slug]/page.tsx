import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ProductPage, findProduct, productMetadata } from '@/components/ProductPage';
import { isLocale, routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';

type Props = { params: Promise<{ locale: string; slug: string }> };

export function generateStaticParams() {
  return routing.locales.flatMap((locale) =>
    loadContent().products.map((p) => ({ locale, slug: p.slug })),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  return isLocale(locale) ? productMetadata(locale, findProduct(slug)) : {};
}

export default async function Page({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <ProductPage locale={locale} product={findProduct(slug)} />;
}
