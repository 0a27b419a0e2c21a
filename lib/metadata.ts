/** Page metadata (canonical, hreflang alternates, Open Graph, Twitter) built one way for all pages. */
import type { Metadata } from 'next';
import { routing, type Locale } from '@/i18n/routing';
import { loadContent } from './content/load';
import { siteUrl, type LocalePath } from './links';
import { pick } from './text';

const ogLocale: Record<string, string> = { vi: 'vi_VN', en: 'en_GB' };

export function siteMetadata(locale: string): Metadata {
  const { site } = loadContent();
  const name = pick(site.authority, locale);
  return {
    metadataBase: new URL(`${siteUrl(site)}/`),
    title: { default: name, template: `%s | ${pick(site.name, locale)}` },
    applicationName: name,
    formatDetection: { telephone: false },
  };
}

type PageMeta = {
  locale: Locale;
  title: string;
  description: string;
  /** The page in every language, from lib/links.ts, e.g. `(l) => procedurePath(l, code)`. */
  path: LocalePath;
  /** Absolute path of the 1200×630 preview image, when the page has one. */
  image?: string;
};

export function pageMetadata({ locale, title, description, path, image }: PageMeta): Metadata {
  const { site } = loadContent();
  const languages = Object.fromEntries(routing.locales.map((l) => [l, path(l)]));
  return {
    title,
    description,
    alternates: {
      canonical: path(locale),
      languages: { ...languages, 'x-default': path(routing.defaultLocale) },
    },
    openGraph: {
      type: 'website',
      siteName: pick(site.authority, locale),
      title,
      description,
      url: path(locale),
      locale: ogLocale[locale],
      alternateLocale: routing.locales.filter((l) => l !== locale).map((l) => ogLocale[l]),
      ...(image && { images: [{ url: image, width: 1200, height: 630, alt: title }] }),
    },
    twitter: {
      card: 'summary_large_image',
      title,
      description,
      ...(image && { images: [image] }),
    },
  };
}
