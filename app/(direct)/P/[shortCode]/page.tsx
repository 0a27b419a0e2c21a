import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ProductPage, productMetadata } from '@/components/ProductPage';
import { routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';

// The permanent short link printed in a product's QR code: the product page itself, in the
// default language, canonical at the locale page.
type Props = { params: Promise<{ shortCode: string }> };

function find(shortCode: string) {
  const product = loadContent().products.find((p) => p.shortCode === shortCode);
  if (!product) notFound();
  return product;
}

export function generateStaticParams() {
  return loadContent().products.map((p) => ({ shortCode: p.shortCode }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return productMetadata(routing.defaultLocale, find((await params).shortCode));
}

export default async function ShortProductPage({ params }: Props) {
  setRequestLocale(routing.defaultLocale);
  return <ProductPage locale={routing.defaultLocale} product={find((await params).shortCode)} />;
}
