/**
 * Words of the share images and of the share control, from the "share" namespace of
 * messages/{locale}.json. The image route handlers run outside a page request, where next-intl's
 * getTranslations has no locale to read, so they use createTranslator (next-intl's API for that
 * case) through this one helper, typed by the same catalogue as the pages (global.d.ts).
 */
import { createTranslator, type Messages } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';

const messages = { vi, en } as const;

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale] as Messages });
}

/** What the share control says (passed to the client component as props, never as messages). */
export type ShareLabels = {
  heading: string;
  share: string;
  facebook: string;
  copy: string;
  copied: string;
  copyFailed: string;
};

export function shareLabels(locale: Locale, url: string): ShareLabels {
  const t = translator(locale);
  return {
    heading: t('share.heading'),
    share: t('share.share'),
    facebook: t('share.facebook'),
    copy: t('share.copy'),
    copied: t('share.copied'),
    copyFailed: t('share.copyFailed', { url }),
  };
}
