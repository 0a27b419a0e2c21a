import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import vi from '../../messages/vi.json';
import { resultsStatus } from './search-status';

// The labels as the page sends them: the messages with {count} left for the browser to fill.
const labels = (m: typeof vi, locale: string) => ({
  locale,
  results: m.search.results.replace(/\{count[^}]*\}/, '{count}'),
  resultsOne: m.search.resultsOne,
  none: m.search.none,
});

describe('resultsStatus', () => {
  it('says nothing before a search', () => {
    expect(resultsStatus(null, labels(vi, 'vi'))).toBe('');
  });

  it('says when nothing was found', () => {
    expect(resultsStatus(0, labels(en, 'en'))).toBe(en.search.none);
  });

  it('counts the results, with the singular where the language has one', () => {
    expect(resultsStatus(1, labels(en, 'en'))).toBe(en.search.resultsOne);
    expect(resultsStatus(8, labels(en, 'en'))).toMatch(/\b8\b/);
    expect(resultsStatus(8, labels(vi, 'vi'))).toMatch(/^8 kết quả/);
  });
});
