import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { otherLocale, type Locale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { homePath, printIndexPath, proceduresPath, productsPath } from '@/lib/links';
import { pick } from '@/lib/text';

export type Crumb = { href?: string; label: string };

type Props = {
  locale: Locale;
  /** The same page in the other language; the language link keeps the reader on the same item. */
  alternateHref: string;
  crumbs?: Crumb[];
  children: ReactNode;
};

/** Header, demonstration banner, breadcrumb and footer around every page's main content. */
export async function SiteShell({ locale, alternateHref, crumbs, children }: Props) {
  const { site } = loadContent();
  const t = await getTranslations('common');
  const other = otherLocale(locale);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      {site.demo && (
        <div className="demo-banner" role="note">
          <div className="wrap">
            <span className="demo-long">{t('demoBanner')}</span>
            {/* The same warning in one line on a phone, where the first screen is short. */}
            <span className="demo-short">{t('demoBannerShort')}</span>
          </div>
        </div>
      )}
      <header className="site-header">
        <div className="wrap">
          <a className="site-title" href={homePath(locale)}>
            {pick(site.authority, locale)}
            <small>{pick(site.province, locale)}</small>
          </a>
          <nav className="site-nav" aria-label={t('home')}>
            <ul>
              <li>
                <a href={proceduresPath(locale)}>{t('procedures')}</a>
              </li>
              <li>
                <a href={productsPath(locale)}>{t('ocop')}</a>
              </li>
              <li>
                <a href={printIndexPath(locale)}>{t('print')}</a>
              </li>
              <li>
                <a href={alternateHref} hrefLang={other} lang={other}>
                  {t('otherLanguage')}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <div className="wrap">
        {crumbs && crumbs.length > 0 && (
          <nav className="breadcrumb" aria-label={t('breadcrumb')}>
            <ol>
              <li>
                <a href={homePath(locale)}>{t('home')}</a>
              </li>
              {crumbs.map((c, i) => (
                <li key={i}>
                  {c.href ? (
                    <a href={c.href}>{c.label}</a>
                  ) : (
                    <span aria-current="page">{c.label}</span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="site-footer">
        <div className="wrap">
          <p>
            <strong>{pick(site.authority, locale)}</strong>, {pick(site.province, locale)}
          </p>
          <p>{t('footerNote')}</p>
          <p>
            <a href={site.nationalPortalUrl}>{t('nationalPortal')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
