import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { homePath, ogPagePath } from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { pick } from '@/lib/text';

// Language choice that works without JavaScript: a meta refresh to the default language and
// plain links to both.
const locale = routing.defaultLocale;

export async function generateMetadata(): Promise<Metadata> {
  const { site } = loadContent();
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    title: t('root.title'),
    description: t('home.title', { ward: pick(site.name, locale) }),
    path: homePath,
    image: ogPagePath(locale, 'home'),
  });
}

export default async function RootPage() {
  setRequestLocale(locale);
  const { site } = loadContent();
  const t = await getTranslations('root');
  return (
    <>
      <meta httpEquiv="refresh" content={`0; url=${homePath(locale)}`} />
      <main id="main" className="wrap">
        <h1>
          {site.authority.vi}
          {site.authority.en && (
            <>
              <br />
              <span lang="en">{site.authority.en}</span>
            </>
          )}
        </h1>
        <p>{t('title')}</p>
        <ul className="lang-choice">
          <li>
            <a className="button" href={homePath('vi')} hrefLang="vi" lang="vi">
              {t('vi')}
            </a>
          </li>
          <li>
            <a className="button" href={homePath('en')} hrefLang="en" lang="en">
              {t('en')}
            </a>
          </li>
        </ul>
      </main>
    </>
  );
}
