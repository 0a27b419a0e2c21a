import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LABEL_LAYOUTS } from '@/lib/print/geometry';
import { LabelLayoutSize } from '@/components/print/LabelLayoutSize';
import { printMetadata } from '@/components/print/metadata';
import { labelSheetPath, productCardPath } from '@/lib/links';
import { PrintShell } from '@/components/print/PrintShell';
import { ProductCardSheet } from '@/components/print/ProductPrint';
import { showsStars } from '@/lib/print/select';
import { isLocale, otherLocale, routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { pick } from '@/lib/text';
import { getProduct } from '@/lib/content/lookup';

type Props = { params: Promise<{ locale: string; slug: string }> };

export function generateStaticParams() {
  return routing.locales.flatMap((locale) =>
    loadContent().products.map((p) => ({ locale, slug: p.slug })),
  );
}

function find(slug: string) {
  const content = loadContent();
  const product = getProduct(content, slug);
  if (!product) notFound();
  return { content, product };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const { product } = find(slug);
  const t = await getTranslations({ locale, namespace: 'print' });
  return printMetadata(locale, t('cardTitle', { name: pick(product.name, locale) }), (l) =>
    productCardPath(l, slug),
  );
}

export default async function ProductCardPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { content, product } = find(slug);
  const t = await getTranslations('print');
  return (
    <PrintShell
      locale={locale}
      alternateHref={productCardPath(otherLocale(locale), slug)}
      after={
        <nav aria-labelledby="pc-label-sheets">
          <h2 id="pc-label-sheets">{t('labelSheets')}</h2>
          {!showsStars(product) && <p>{t('notCertified')}</p>}
          <ul>
            {LABEL_LAYOUTS.map((l) => (
              <li key={l.id}>
                <a href={labelSheetPath(locale, l.id, slug)}>
                  {t('layout', { columns: l.columns, rows: l.rows })}
                </a>
                : <LabelLayoutSize layout={l} locale={locale} />
              </li>
            ))}
          </ul>
        </nav>
      }
    >
      <ProductCardSheet product={product} content={content} locale={locale} />
    </PrintShell>
  );
}
