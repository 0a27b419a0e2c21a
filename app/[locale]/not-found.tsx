import { getLocale, getTranslations } from 'next-intl/server';
import { SiteShell } from '@/components/SiteShell';
import { isLocale, otherLocale, routing } from '@/i18n/routing';
import { homePath, proceduresPath } from '@/lib/links';

// Shown in server mode when a page under a locale calls notFound() (an unknown procedure code).
export default async function LocaleNotFound() {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const t = await getTranslations('notFound');
  const tp = await getTranslations('procedures');
  return (
    <SiteShell locale={locale} alternateHref={homePath(otherLocale(locale))}>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <a href={homePath(locale)}>{t('home')}</a> ·{' '}
        <a href={proceduresPath(locale)}>{tp('title')}</a>
      </p>
    </SiteShell>
  );
}
