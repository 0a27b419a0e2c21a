import { getTranslations } from 'next-intl/server';
import { formatMm, labelsPerSheet, type LabelLayout } from '@/lib/print/geometry';

/** "24 labels of 70 × 37 mm (Avery 3474)": one label stock, as staff buy it. */
export async function LabelLayoutSize({ layout, locale }: { layout: LabelLayout; locale: string }) {
  const t = await getTranslations('print');
  return t('layoutSize', {
    count: labelsPerSheet(layout),
    width: formatMm(layout.width, locale),
    height: formatMm(layout.height, locale),
    stock: layout.stock,
  });
}
