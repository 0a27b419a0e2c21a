import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Content } from '@/lib/content/load';
import type { Product } from '@/lib/content/schema';
import { productQrPath, qrUrl } from '@/lib/links';
import { localize, pick } from '@/lib/text';
import { Stars } from '@/components/Stars';
import {
  PRODUCT_CARD_QR_MM,
  labelsPerSheet,
  sizeStep,
  type LabelLayout,
} from '@/lib/print/geometry';
import { PrintQr } from './PrintQr';
import { Sheet } from './PrintShell';
import { showsStars } from '@/lib/print/select';
import { UrlText } from './UrlText';

async function Rating({ product: p }: { product: Product }) {
  if (!showsStars(p)) return null;
  const t = await getTranslations('print');
  const tp = await getTranslations('product');
  return (
    <p className="pc-rating">
      <span className="pc-rating-ocop">{t('ocop')}</span>{' '}
      <Stars count={p.stars} label={tp('starsLabel', { count: p.stars })} />
    </p>
  );
}

/**
 * A sheet of identical labels of one product on one A4 label stock: the grid is placed at the
 * stock's margins and pitch in millimetres, every label holding the QR code, the product name,
 * the star rating and the short URL. Label outlines show on screen only.
 */
export async function LabelSheet({
  product: p,
  layout,
  content,
  locale,
}: {
  product: Product;
  layout: LabelLayout;
  content: Content;
  locale: Locale;
}) {
  const t = await getTranslations('print');
  const { site } = content;
  const url = qrUrl(site, productQrPath(p));
  const name = localize(p.name, locale);
  const count = labelsPerSheet(layout);
  const step = sizeStep(name.value, [28, 56]);
  return (
    <Sheet className={`pc-labels pc-labels-${layout.id}`} index={1}>
      <h1 className="pc-visually-hidden">
        {t('labelsTitle', { layout: `${layout.columns}×${layout.rows}`, name: name.value })}
      </h1>
      <ul className="pc-label-grid">
        {Array.from({ length: count }, (_, i) => (
          <li key={i} className="pc-label" aria-hidden={i > 0 || undefined}>
            <PrintQr
              url={url}
              purpose="label"
              widthMm={layout.qr}
              className="pc-label-qr"
              decorative={i > 0}
              shareId={`qr-${p.shortCode}`}
            />
            <div className="pc-label-text">
              <Rating product={p} />
              <p
                className={`pc-label-name pc-step-${step}`}
                lang={name.fallback ? 'vi' : undefined}
              >
                {name.value}
              </p>
              <p className="pc-label-url">
                <UrlText url={url} className="pc-url" />
              </p>
              {site.demo && <p className="pc-demo">{t('demo')}</p>}
            </div>
          </li>
        ))}
      </ul>
    </Sheet>
  );
}

/** One larger product card (A6, with cutting marks) for a shop counter or a display stand. */
export async function ProductCardSheet({
  product: p,
  content,
  locale,
}: {
  product: Product;
  content: Content;
  locale: Locale;
}) {
  const t = await getTranslations('print');
  const { site } = content;
  const url = qrUrl(site, productQrPath(p));
  const name = localize(p.name, locale);
  const producer = localize(p.producer.name, locale);
  return (
    <Sheet className="pc-productcard" index={1}>
      <div className="pc-a6">
        <p className="pc-authority">{pick(site.name, locale)}</p>
        <Rating product={p} />
        <h1
          className={`pc-a6-name pc-step-${sizeStep(name.value, [40, 80])}`}
          lang={name.fallback ? 'vi' : undefined}
        >
          {name.value}
        </h1>
        <p className="pc-a6-producer" lang={producer.fallback ? 'vi' : undefined}>
          {t('producer')}: {producer.value}
        </p>
        <PrintQr
          url={url}
          purpose="label"
          widthMm={PRODUCT_CARD_QR_MM}
          className="pc-a6-qr"
          caption={<UrlText url={url} className="pc-a6-url" />}
        />
        <p className="pc-a6-scan">{t('scanProduct')}</p>
        {site.demo && <p className="pc-demo">{t('demo')}</p>}
      </div>
    </Sheet>
  );
}
