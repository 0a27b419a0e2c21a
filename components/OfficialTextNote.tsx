import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';

/**
 * Said once per page, not beside every paragraph: the official text (imported from the national
 * data, which has no English) is shown in Vietnamese inside the page's English interface.
 */
export async function OfficialTextNote({
  locale,
  show,
  what,
}: {
  locale: Locale;
  show: boolean;
  what: 'procedure' | 'list' | 'product';
}) {
  if (!show || locale === 'vi') return null;
  const t = await getTranslations('common');
  return (
    <p className="notice info official-text-note" data-official-text-note>
      {t(
        what === 'procedure'
          ? 'officialTextProcedure'
          : what === 'list'
            ? 'officialTextList'
            : 'officialTextProduct',
      )}
    </p>
  );
}
