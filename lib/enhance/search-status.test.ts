import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import vi from '../../messages/vi.json';
import { resultsStatus } from './search-status';

// The labels as the page sends them: the ICU plural's two forms, {count} left for the browser.
const labels = (m: typeof vi, locale: 'vi' | 'en') => {
  const t = createTranslator({ locale, messages: m, namespace: 'search' });
  return {
    locale,
    results: t('results', { count: 2 }).replace('2', '{count}'),
    resultsOne: t('results', { count: 1 }),
    none: t('none'),
  };
};

describe('resultsStatus', () => {
  it('says nothing before a search', () => {
    expect(resultsStatus(null, labels(vi, 'vi'))).toBe('');
  });

  it('says when nothing was found', () => {
    expect(resultsStatus(0, labels(en, 'en'))).toBe(en.search.none);
  });

  it('counts the results, with the singular where the language has one', () => {
    expect(resultsStatus(1, labels(en, 'en'))).toBe('1 result');
    expect(resultsStatus(8, labels(en, 'en'))).toBe('8 results');
    expect(resultsStatus(8, labels(vi, 'vi'))).toMatch(/^8 kết quả/);
  });
});
