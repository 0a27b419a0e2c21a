import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ProductCard } from '@/components/ProductCard';
import { Search } from '@/components/Search';
import { SiteShell } from '@/components/SiteShell';
import { isLocale, type Locale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { ocopGroup } from '@/lib/content/schema';
import { productsPath } from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { ogPagePath } from '@/lib/og/paths';
import { pick } from '@/lib/text';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ocopList' });
  return pageMetadata({
    locale,
    title: t('title'),
    description: t('intro', { ward: pick(loadContent().site.name, locale) }),
    path: 'ocop/',
    image: ogPagePath(locale, 'ocop'),
  });
}

export default async function ProductsPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'ocopList' });
  const tg = await getTranslations({ locale, namespace: 'groups' });
  const { site, products } = loadContent();
  const other: Locale = locale === 'vi' ? 'en' : 'vi';

  return (
    <SiteShell locale={locale} alternateHref={productsPath(other)} crumbs={[{ label: t('title') }]}>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { ward: pick(site.name, locale) })}</p>
      <Search locale={locale} />
      {[...ocopGroup.options, undefined].map((group) => {
        const items = products
          .filter((p) => p.group === group)
          .sort(
            (a, b) =>
              b.stars - a.stars || pick(a.name, locale).localeCompare(pick(b.name, locale), locale),
          );
        if (!items.length) return null;
        return (
          <section key={group ?? 'no-group'} aria-labelledby={group ?? 'no-group'}>
            <h2 id={group ?? 'no-group'}>
              {group ? tg(group) : t('noGroup')}{' '}
              <span className="muted">({t('count', { count: items.length })})</span>
            </h2>
            <ul className="card-grid">
              {items.map((p) => (
                <ProductCard key={p.slug} product={p} locale={locale} />
              ))}
            </ul>
          </section>
        );
      })}
    </SiteShell>
  );
}
