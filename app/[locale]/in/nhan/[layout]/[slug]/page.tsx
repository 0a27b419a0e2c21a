import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LABEL_LAYOUTS, labelLayout } from '@/lib/print/geometry';
import { printMetadata } from '@/components/print/metadata';
import { labelSheetPath, productCardPath } from '@/lib/links';
import { PrintShell } from '@/components/print/PrintShell';
import { LabelSheet } from '@/components/print/ProductPrint';
import { showsStars } from '@/lib/print/select';
import { isLocale, otherLocale, routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { pick } from '@/lib/text';
import { getProduct } from '@/lib/content/lookup';

type Props = { params: Promise<{ locale: string; layout: string; slug: string }> };

export function generateStaticParams() {
  return routing.locales.flatMap((locale) =>
    LABEL_LAYOUTS.flatMap((l) =>
      loadContent().products.map((p) => ({ locale, layout: l.id, slug: p.slug })),
    ),
  );
}

function find(layoutId: string, slug: string) {
  const content = loadContent();
  const product = getProduct(content, slug);
  const layout = labelLayout(layoutId);
  if (!product || !layout) notFound();
  return { content, product, layout };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, layout: id, slug } = await params;
  if (!isLocale(locale)) return {};
  const { product, layout } = find(id, slug);
  const t = await getTranslations({ locale, namespace: 'print' });
  const title = t('labelsTitle', {
    layout: `${layout.columns}×${layout.rows}`,
    name: pick(product.name, locale),
  });
  return printMetadata(locale, title, (l) => labelSheetPath(l, id, slug));
}

export default async function LabelSheetPage({ params }: Props) {
  const { locale, layout: id, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { content, product, layout } = find(id, slug);
  const t = await getTranslations('print');
  return (
    <PrintShell
      locale={locale}
      alternateHref={labelSheetPath(otherLocale(locale), id, slug)}
      after={
        <nav aria-labelledby="pc-other-sheets">
          <h2 id="pc-other-sheets">{t('labelSheets')}</h2>
          {!showsStars(product) && <p>{t('notCertified')}</p>}
          <ul>
            <li>
              <a href={productCardPath(locale, slug)}>{t('productCard')}</a>
            </li>
            {LABEL_LAYOUTS.filter((l) => l.id !== id).map((l) => (
              <li key={l.id}>
                <a href={labelSheetPath(locale, l.id, slug)}>
                  {t('layout', { columns: l.columns, rows: l.rows })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      }
    >
      <LabelSheet product={product} layout={layout} content={content} locale={locale} />
    </PrintShell>
  );
}
