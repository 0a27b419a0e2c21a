import { getTranslations } from 'next-intl/server';
import { fontClassName } from '@/app/fonts';
import { routing, type Locale } from '@/i18n/routing';
import { homePath, proceduresPath } from '@/lib/links';
import './globals.css';

async function Notice({ locale, heading }: { locale: Locale; heading: 'h1' | 'h2' }) {
  const t = await getTranslations({ locale });
  const Heading = heading;
  return (
    <>
      <Heading>{t('notFound.title')}</Heading>
      <p>{t('notFound.body')}</p>
      <p>
        <a href={homePath(locale)}>{t('notFound.home')}</a> ·{' '}
        <a href={proceduresPath(locale)}>{t('procedures.title')}</a>
      </p>
    </>
  );
}

// The static host serves this page (out/404.html) for every unknown URL, whatever its language,
// so it speaks every language, the default one first.
export default async function NotFound() {
  const [first, ...rest] = [
    routing.defaultLocale,
    ...routing.locales.filter((l) => l !== routing.defaultLocale),
  ];
  const texts = await Promise.all(
    [first, ...rest].map((locale) => getTranslations({ locale, namespace: 'notFound' })),
  );
  // Its own <title> and description: this root page has no metadata of a layout, and Lighthouse
  // found none (accessibility 0.89, SEO 0.45 in `npm run bench`).
  return (
    <html lang={first} className={fontClassName}>
      <head>
        <title>{texts.map((t) => t('title')).join(' · ')}</title>
        <meta name="description" content={texts[0]('body')} />
      </head>
      <body>
        <main id="main" className="wrap">
          <Notice locale={first} heading="h1" />
          {rest.map((l) => (
            <div key={l} lang={l}>
              <Notice locale={l} heading="h2" />
            </div>
          ))}
        </main>
      </body>
    </html>
  );
}
