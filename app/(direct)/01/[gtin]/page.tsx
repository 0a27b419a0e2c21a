import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ProductPage, productMetadata } from '@/components/ProductPage';
import { routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { getProductByGtin } from '@/lib/content/lookup';

// The GS1 Digital Link of a product with a GTIN, /01/{gtin14}, which its QR code encodes: the
// product page itself in the default language, canonical at the locale page, like /P/. The
// static export writes it as 01/{gtin14}/index.html, served for /01/{gtin14} without a redirect;
// in the server mode the GS1 resolver (lib/gs1/resolver.ts) answers /01/… and hands the plain
// GTIN, and URIs with key qualifiers, to this page.
type Props = { params: Promise<{ gtin: string }> };

function find(gtin: string) {
  const product = getProductByGtin(loadContent(), gtin);
  if (!product) notFound();
  return product;
}

export function generateStaticParams() {
  return loadContent().products.flatMap((p) => (p.gtin ? [{ gtin: p.gtin }] : []));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return productMetadata(routing.defaultLocale, find((await params).gtin));
}

export default async function DigitalLinkProductPage({ params }: Props) {
  setRequestLocale(routing.defaultLocale);
  return <ProductPage locale={routing.defaultLocale} product={find((await params).gtin)} />;
}
