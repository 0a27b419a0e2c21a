import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['vi', 'en'],
  defaultLocale: 'vi',
  // Every page lives under its locale: printed links and the static export depend on it.
  localePrefix: 'always',
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}

/** The other language (the site has two): the target of every page's language link. */
export function otherLocale(locale: Locale): Locale {
  return routing.locales.find((l) => l !== locale)!;
}
