import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { proceduresPath, searchIndexPath } from '@/lib/links';
import { SearchBox } from './SearchBox';

/** The search box with its labels from the server, so no message catalogue goes to the browser. */
export async function Search({ locale }: { locale: Locale }) {
  const t = await getTranslations('search');
  return (
    <SearchBox
      locale={locale}
      action={proceduresPath(locale)}
      indexUrl={searchIndexPath(locale)}
      labels={{
        label: t('label'),
        placeholder: t('placeholder'),
        submit: t('submit'),
        // The box counts in the browser: it gets the ICU message's two forms, the other one
        // with `{count}` where the number goes.
        results: t('results', { count: 2 }).replace('2', '{count}'),
        resultsOne: t('results', { count: 1 }),
        none: t('none'),
        procedure: t('procedure'),
        product: t('product'),
        clear: t('clear'),
      }}
    />
  );
}
