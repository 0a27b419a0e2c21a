/** Picking the text of a locale, with the Vietnamese fallback the design asks for. */
import type { LocalText } from './content/schema';

export type Localized = { value: string; lang: 'vi' | 'en'; fallback: boolean };

export function localize(text: LocalText, locale: string): Localized {
  if (locale === 'en' && text.en) return { value: text.en, lang: 'en', fallback: false };
  return { value: text.vi, lang: 'vi', fallback: locale !== 'vi' };
}

/** Plain string in the locale (Vietnamese when no translation): for metadata, alt text, search. */
export function pick(text: LocalText, locale: string): string {
  return localize(text, locale).value;
}

/** Whether any text in a content value (a procedure, a name) has no English translation. */
export function hasUntranslated(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasUntranslated);
  if (!value || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  if (typeof o.vi === 'string') return typeof o.en !== 'string';
  return Object.values(o).some(hasUntranslated);
}

/** Whether a field path was marked as a demonstration value in the content file. */
export function isDemoValue(demoValues: readonly string[], path: string): boolean {
  return demoValues.some((p) => p === path || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}
