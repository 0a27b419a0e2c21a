/**
 * Words of the share images and of the share control, from the "share" namespace of
 * messages/{locale}.json. A plain translator (no request context), so that route handlers,
 * server components and unit tests all read them the same way.
 */
import { createTranslator } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';

const messages = { vi, en } as const;

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale] });
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
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'share' });
  return {
    heading: t('heading'),
    share: t('share'),
    facebook: t('facebook'),
    copy: t('copy'),
    copied: t('copied'),
    copyFailed: t('copyFailed', { url }),
  };
}
