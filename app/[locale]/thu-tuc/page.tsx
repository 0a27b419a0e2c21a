import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { OfficialTextNote } from '@/components/OfficialTextNote';
import { Search } from '@/components/Search';
import { SiteShell } from '@/components/SiteShell';
import { Txt } from '@/components/Txt';
import { isLocale, otherLocale, type Locale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { isListed } from '@/lib/content/lifecycle';
import type { Procedure } from '@/lib/content/schema';
import { portalMode } from '@/lib/env';
import { fieldInListPath, fieldPath, ogPagePath, procedurePath, proceduresPath } from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { buildSearchDocs, createIndex, search } from '@/lib/search';
import { hasUntranslated, pick } from '@/lib/text';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
};

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

/**
 * The search box's query (?q=) in server mode, which renders per request; the static export has
 * no request to read, so it never looks (reading it would make the page unexportable).
 */
async function queryOf(searchParams: Props['searchParams']): Promise<string> {
  if (portalMode() !== 'server') return '';
  const { q } = await searchParams;
  return (Array.isArray(q) ? q[0] : (q ?? '')).trim();
}

export default async function ProceduresPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('procedures');
  const content = loadContent();
  const { site, fields, procedures } = content;
  const listed = procedures.filter((p) => isListed(p));
  const byField = fields
    .map((f) => ({ field: f, items: listed.filter((p) => p.field === f.id) }))
    .filter((g) => g.items.length > 0);
  const query = await queryOf(searchParams);
  // The same engine and index as the search box, so that a query finds the same procedures with
  // JavaScript and without.
  const matches = query
    ? search(createIndex(buildSearchDocs(content, locale)), query, listed.length).flatMap((h) =>
        h.code ? listed.filter((p) => p.code === h.code) : [],
      )
    : null;

  return (
    <SiteShell
      locale={locale}
      alternateHref={proceduresPath(otherLocale(locale))}
      crumbs={[{ label: t('title') }]}
    >
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { ward: pick(site.name, locale) })}</p>
      <Search locale={locale} query={query} />
      <OfficialTextNote
        locale={locale}
        show={listed.some((p) => hasUntranslated(p.name))}
        what="list"
      />
      {matches ? (
        <section aria-labelledby="search-results" data-results={query}>
          <h2 id="search-results">{t('searchResults', { count: matches.length, q: query })}</h2>
          <ProcedureLinks procedures={matches} locale={locale} codeLabel={t('code')} />
          <p>
            <a href={proceduresPath(locale)}>{t('searchAll')}</a>
          </p>
        </section>
      ) : (
        <>
          {portalMode() === 'static' && (
            <noscript>
              <p className="muted search-static">{t('searchStatic')}</p>
            </noscript>
          )}
          <nav aria-labelledby="field-index" className="field-index">
            <h2 id="field-index">{t('fieldIndex')}</h2>
            <ul>
              {byField.map(({ field: f, items }) => (
                <li key={f.id}>
                  <a href={fieldInListPath(locale, f.id)}>{pick(f.name, locale)}</a>{' '}
                  <span className="muted">({t('count', { count: items.length })})</span>
                </li>
              ))}
            </ul>
          </nav>
          {byField.map(({ field: f, items }) => (
            <section key={f.id} aria-labelledby={f.id}>
              <h2 id={f.id}>
                {pick(f.name, locale)}{' '}
                <span className="muted">({t('count', { count: items.length })})</span>
              </h2>
              <ProcedureLinks procedures={items} locale={locale} codeLabel={t('code')} />
              <p>
                <a href={fieldPath(locale, f.id)}>
                  {t('fieldPage', { field: pick(f.name, locale) })}
                </a>
              </p>
            </section>
          ))}
        </>
      )}
    </SiteShell>
  );
}

/** Procedures as links to their pages, each with its national code. */
function ProcedureLinks({
  procedures,
  locale,
  codeLabel,
}: {
  procedures: Procedure[];
  locale: Locale;
  codeLabel: string;
}) {
  return (
    <ul className="procedure-list">
      {procedures.map((p) => (
        <li key={p.code}>
          <a href={procedurePath(locale, p.code)}>
            <Txt text={p.name} locale={locale} />
          </a>{' '}
          <span className="muted">
            ({codeLabel} {p.code})
          </span>
        </li>
      ))}
    </ul>
  );
}
