import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ProductPage, productMetadata } from '@/components/ProductPage';
import { RetiredPage, retiredMetadata } from '@/components/RetiredPage';
import { routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { productShortPath, retiredCodes } from '@/lib/links';
import { getProductByShortCode } from '@/lib/content/lookup';

// The permanent short link printed in a product's QR code: the product page itself, in the
// default language, canonical at the locale page. A product taken off the site (retired.yaml)
// answers with a page saying so.
type Props = { params: Promise<{ shortCode: string }> };

function find(shortCode: string) {
  const product = getProductByShortCode(loadContent(), shortCode);
  if (!product) notFound();
  return product;
}

// The loader makes sure a retired link's item is not also published.
function isRetired(shortCode: string) {
  return retiredCodes(loadContent(), 'product').includes(shortCode);
}

export function generateStaticParams() {
  const content = loadContent();
  return [...content.products.map((p) => p.shortCode), ...retiredCodes(content, 'product')].map(
    (shortCode) => ({ shortCode }),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { shortCode } = await params;
  return isRetired(shortCode)
    ? retiredMetadata(routing.defaultLocale, productShortPath(shortCode))
    : productMetadata(routing.defaultLocale, find(shortCode));
}

export default async function ShortProductPage({ params }: Props) {
  setRequestLocale(routing.defaultLocale);
  const { shortCode } = await params;
  return isRetired(shortCode) ? (
    <RetiredPage locale={routing.defaultLocale} path={productShortPath(shortCode)} />
  ) : (
    <ProductPage locale={routing.defaultLocale} product={find(shortCode)} />
  );
}
