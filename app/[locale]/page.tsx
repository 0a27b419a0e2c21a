import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { OfficeInfo } from '@/components/OfficeInfo';
import { ProductCard } from '@/components/ProductCard';
import { Search } from '@/components/Search';
import { SiteShell } from '@/components/SiteShell';
import { Txt } from '@/components/Txt';
import { isLocale, otherLocale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { homeFields } from '@/lib/content/fields';
import { fieldPath, homePath, ogPagePath, proceduresPath, productsPath } from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { pick } from '@/lib/text';
import { notFound } from 'next/navigation';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'home' });
  const { site } = loadContent();
  return pageMetadata({
    locale,
    title: t('title', { ward: pick(site.name, locale) }),
    description: t('intro'),
    path: homePath,
    image: ogPagePath(locale, 'home'),
  });
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const content = loadContent();
  const { site } = content;
  const featured = content.products.filter((p) => p.featured);

  return (
    <SiteShell locale={locale} alternateHref={homePath(otherLocale(locale))}>
      <h1>{t('title', { ward: pick(site.name, locale) })}</h1>
      <p className="lead">{t('intro')}</p>
      {site.about && <Txt as="p" text={site.about} locale={locale} />}
      <Search locale={locale} />

      <section aria-labelledby="fields">
        <h2 id="fields">{t('fields')}</h2>
        <ul className="card-grid">
          {homeFields(content).map(({ field: f, count }) => (
            <li key={f.id} className="card">
              <a href={fieldPath(locale, f.id)}>
                <strong>{pick(f.name, locale)}</strong>
              </a>
              <div className="muted">{t('procedureCount', { count })}</div>
            </li>
          ))}
        </ul>
        <p>
          <a href={proceduresPath(locale)}>{t('allProcedures')}</a>
        </p>
      </section>

      {featured.length > 0 && (
        <section aria-labelledby="featured">
          <h2 id="featured">{t('featured')}</h2>
          <ul className="card-grid">
            {featured.map((p) => (
              <ProductCard key={p.slug} product={p} locale={locale} />
            ))}
          </ul>
          <p>
            <a href={productsPath(locale)}>{t('allProducts')}</a>
          </p>
        </section>
      )}

      <OfficeInfo site={site} locale={locale} />
    </SiteShell>
  );
}
