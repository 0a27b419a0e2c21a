import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { proceduresPath, searchIndexPath } from '@/lib/links';
import { SearchBox } from './SearchBox';

/** The search box with its labels from the server, so no message catalogue goes to the browser. */
export async function Search({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'search' });
  return (
    <SearchBox
      locale={locale}
      action={proceduresPath(locale)}
      indexUrl={searchIndexPath(locale)}
      labels={{
        label: t('label'),
        placeholder: t('placeholder'),
        submit: t('submit'),
        results: t('results', { count: '{count}' }),
        resultsOne: t('resultsOne'),
        none: t('none'),
        procedure: t('procedure'),
        product: t('product'),
        clear: t('clear'),
      }}
    />
  );
}
