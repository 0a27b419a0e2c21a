import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { proceduresPath } from '@/lib/links';

/**
 * Search for procedures and OCOP products. As sent, a GET form to the list page (?q=), which lists
 * everything: that is the whole box without JavaScript. lib/enhance/search.ts (loaded only on
 * pages with this box, see lib/html/strip-runtime.ts) adds results as the user types, reading
 * its labels from the data attributes, so no message catalogue goes to the browser.
 */
export async function Search({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'search' });
  const id = 'search-q';
  return (
    // role repeats the element's own for browsers that predate <search> (Safari before 17).
    <search
      role="search"
      className="search"
      data-enhance="search"
      data-locale={locale}
      data-index={`/${locale}/search-index.json`}
      data-label-results={t('results', { count: '{count}' })}
      data-label-results-one={t('resultsOne')}
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
