import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Search } from '@/components/Search';
import { SiteShell } from '@/components/SiteShell';
import { isLocale, otherLocale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { isListed } from '@/lib/content/lifecycle';
import { ogPagePath, procedurePath, proceduresPath } from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { pick } from '@/lib/text';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'procedures' });
  return pageMetadata({
    locale,
    title: t('title'),
    description: t('intro', { ward: pick(loadContent().site.name, locale) }),
    path: proceduresPath,
    image: ogPagePath(locale, 'thu-tuc'),
  });
}

export default async function ProceduresPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('procedures');
  const { site, fields, procedures } = loadContent();
  const listed = procedures.filter((p) => isListed(p));

  return (
    <SiteShell
      locale={locale}
      alternateHref={proceduresPath(otherLocale(locale))}
      crumbs={[{ label: t('title') }]}
    >
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { ward: pick(site.name, locale) })}</p>
      <Search locale={locale} />
      {fields.map((f) => {
        const items = listed.filter((p) => p.field === f.id);
        if (!items.length) return null;
        return (
          <section key={f.id} aria-labelledby={f.id}>
            <h2 id={f.id}>
              {pick(f.name, locale)}{' '}
              <span className="muted">({t('count', { count: items.length })})</span>
            </h2>
            <ul className="procedure-list">
              {items.map((p) => (
                <li key={p.code}>
                  <a href={procedurePath(locale, p.code)}>{pick(p.name, locale)}</a>{' '}
                  <span className="muted">
                    ({t('code')} {p.code})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </SiteShell>
  );
}
