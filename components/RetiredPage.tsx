import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import type { Retired } from '@/lib/content/schema';
import { formatDate } from '@/lib/format';
import { proceduresPath, productsPath } from '@/lib/links';
import { pick } from '@/lib/text';
import { SiteShell } from './SiteShell';
import { Txt } from './Txt';

/** The retired item a short link names, if retired.yaml lists it. */
export function findRetired(path: string): Retired | undefined {
  return loadContent().retired.find((r) => r.path === path);
}

export async function retiredMetadata(locale: Locale, path: string): Promise<Metadata> {
  const r = findRetired(path);
  if (!r) notFound();
  const t = await getTranslations({ locale, namespace: 'retired' });
  return {
    title: `${pick(r.title, locale)}: ${t('heading')}`,
    robots: { index: false, follow: true },
  };
}

/**
 * What a published short link of a removed item answers: that it is no longer published, why,
 * and where the current list is. Printed QR codes keep pointing here.
 */
export async function RetiredPage({ locale, path }: { locale: Locale; path: string }) {
  const r = findRetired(path);
  if (!r) notFound();
  const t = await getTranslations({ locale, namespace: 'retired' });
  const list = r.kind === 'procedure' ? proceduresPath(locale) : productsPath(locale);
  const other: Locale = locale === 'vi' ? 'en' : 'vi';
  return (
    <SiteShell
      locale={locale}
      alternateHref={r.kind === 'procedure' ? proceduresPath(other) : productsPath(other)}
    >
      <article className="retired" data-retired={r.path}>
        <h1>{t('heading')}</h1>
        <p>
          <strong>
            <Txt text={r.title} locale={locale} />
          </strong>{' '}
          {t(r.kind === 'procedure' ? 'procedureGone' : 'productGone', {
            date: formatDate(r.date, locale),
          })}
        </p>
        {r.demonstration && <p>{t('demonstration')}</p>}
        <p>
          {t('reason')}: <Txt text={r.reason} locale={locale} />
        </p>
        <p>
          <a href={list}>{t(r.kind === 'procedure' ? 'procedureList' : 'productList')}</a>
        </p>
      </article>
    </SiteShell>
  );
}
