// Types next-intl by this project's locales and the Vietnamese catalogue (the reference one), so
// that a message key that does not exist, or a missing argument, fails the type check.
import type { routing } from '@/i18n/routing';
import type messages from './messages/vi.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
