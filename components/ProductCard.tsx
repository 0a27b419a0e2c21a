import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Product } from '@/lib/content/schema';
import { imageSet } from '@/lib/images';
import { productPath } from '@/lib/links';
import { pick } from '@/lib/text';
import { Picture } from './Picture';
import { Stars } from './Stars';

/** A product in a list: photo, name, stars, group and producer. */
export async function ProductCard({ product: p, locale }: { product: Product; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'product' });
  const tg = await getTranslations({ locale, namespace: 'groups' });
  const image = p.images[0];
  return (
    <li className="card">
      <Picture
        set={await imageSet(p, image.file)}
        alt={pick(image.alt, locale)}
        sizes="(max-width: 40rem) 100vw, 20rem"
      />
      <h3>
        <a href={productPath(locale, p.slug)}>{pick(p.name, locale)}</a>
      </h3>
      <Stars count={p.stars} label={t('starsLabel', { count: p.stars })} />
      {p.group && <div className="muted">{tg(p.group)}</div>}
      <div>{pick(p.producer.name, locale)}</div>
    </li>
  );
}
