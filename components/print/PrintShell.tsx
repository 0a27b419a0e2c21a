import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { otherLocale, type Locale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { pick } from '@/lib/text';
import { PrintButton } from './PrintButton';
import { printGeometryCssPath, printIndexPath } from '@/lib/links';
import './print.css';

/**
 * The light layout of a printable page: on screen a toolbar (the ward, the way back to the print
 * index, the other language, the print button) above a preview of the A4 sheets; in print only
 * the sheets. No site header, navigation or banner: a sheet carries its own small
 * demonstration-data mark.
 */
export async function PrintShell({
  locale,
  alternateHref,
  children,
  after,
}: {
  locale: Locale;
  /** The same print page in the other language. */
  alternateHref: string;
  /** The sheets (each a `<Sheet>`). */
  children: ReactNode;
  /** Screen-only matter under the sheets (links to related sheets). */
  after?: ReactNode;
}) {
  const { site } = loadContent();
  const t = await getTranslations('print');
  const tc = await getTranslations('common');
  const other = otherLocale(locale);
  return (
    <div className="pc-doc">
      <link rel="stylesheet" href={printGeometryCssPath()} precedence="default" />
      <a className="skip-link pc-screen-only" href="#main">
        {tc('skipToContent')}
      </a>
      <header className="pc-toolbar pc-screen-only">
        <div className="pc-toolbar-row">
          <a className="pc-back" href={printIndexPath(locale)}>
            <span aria-hidden="true">← </span>
            {t('back')}
          </a>
          <span className="pc-toolbar-site">{pick(site.name, locale)}</span>
          <a href={alternateHref} hrefLang={other} lang={other}>
            {tc('otherLanguage')}
          </a>
        </div>
        <div className="pc-toolbar-row">
          <PrintButton label={t('printButton')} fallback={t('printFallback')} />
          <span className="pc-hint">{t('printHint')}</span>
          {site.demo && <span className="demo-mark">{t('demo')}</span>}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="pc-sheets" aria-label={t('preview')}>
        {children}
        {after && <div className="pc-after pc-screen-only">{after}</div>}
      </main>
    </div>
  );
}

/** One A4 page. Sheets follow each other on separate pages, never more than one page each. */
export function Sheet({
  className,
  index,
  children,
}: {
  className: string;
  /** 1-based page number in the document (data-sheet, for the tests and the page footer). */
  index: number;
  children: ReactNode;
}) {
  return (
    <section className={`pc-sheet ${className}`} data-sheet={index}>
      {children}
    </section>
  );
}

/** The small line at the foot of a sheet: page number, date printed, demonstration mark. */
export function SheetFoot({ children }: { children: ReactNode }) {
  return <footer className="pc-foot">{children}</footer>;
}
