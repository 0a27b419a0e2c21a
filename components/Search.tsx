import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { proceduresPath, searchIndexPath } from '@/lib/links';

/**
 * Search for procedures and OCOP products. As sent, a GET form to the list page (?q=): without
 * JavaScript the server mode answers it with the matching procedures, while the static export
 * (which cannot read a query) lists every procedure under a note saying so. lib/enhance/search.ts (loaded only on
 * pages with this box, see lib/html/strip-runtime.ts) adds results as the user types, reading
 * its labels from the data attributes, so no message catalogue goes to the browser.
 */
export async function Search({ locale, query }: { locale: Locale; query?: string }) {
  const t = await getTranslations('search');
  const id = 'search-q';
  return (
    // role repeats the element's own for browsers that predate <search> (Safari before 17).
    <search
      role="search"
      className="search"
      data-enhance="search"
      data-locale={locale}
      data-index={searchIndexPath(locale)}
      // The box counts in the browser: it gets the ICU message's two forms, the other one with
      // `{count}` where the number goes.
      data-label-results={t('results', { count: 2 }).replace('2', '{count}')}
      data-label-results-one={t('results', { count: 1 })}
      data-label-none={t('none')}
      data-label-procedure={t('procedure')}
      data-label-product={t('product')}
      data-label-clear={t('clear')}
    >
      <form action={proceduresPath(locale)} method="get" className="search-form">
        <label htmlFor={id} className="search-label">
          {t('label')}
        </label>
        <div className="search-row">
          <input
            id={id}
            type="search"
            name="q"
            defaultValue={query}
            placeholder={t('placeholder')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            enterKeyHint="search"
            aria-controls={`${id}-results`}
            className="search-input"
          />
          <button type="submit" className="search-submit">
            {t('submit')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" aria-atomic="true" className="search-status" />
      <ul id={`${id}-results`} className="search-results" hidden />
    </search>
  );
}
