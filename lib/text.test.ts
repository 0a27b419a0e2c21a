import { describe, expect, it } from 'vitest';
import { formatDate } from './format';
import { hasUntranslated, isDemoValue, localize } from './text';

describe('localize', () => {
  it('uses English when present and falls back to Vietnamese with a flag', () => {
    expect(localize({ vi: 'Hộ tịch', en: 'Civil status' }, 'en')).toEqual({
      value: 'Civil status',
      lang: 'en',
      fallback: false,
    });
    expect(localize({ vi: 'Hộ tịch' }, 'en')).toEqual({
      value: 'Hộ tịch',
      lang: 'vi',
      fallback: true,
    });
    expect(localize({ vi: 'Hộ tịch', en: 'Civil status' }, 'vi').fallback).toBe(false);
  });
});

describe('isDemoValue', () => {
  it('matches a path and what lies under it', () => {
    expect(isDemoValue(['office.hours'], 'office.hours')).toBe(true);
    expect(isDemoValue(['office'], 'office.hotline')).toBe(true);
    expect(isDemoValue(['office.hours'], 'office.hotline')).toBe(false);
  });
});

describe('format', () => {
  it('writes dates the local way', () => {
    expect(formatDate('2026-03-05', 'vi')).toBe('05/03/2026');
    expect(formatDate('2026-03-05', 'en')).toBe('5 March 2026');
  });
});

describe('hasUntranslated', () => {
  it('finds a text without English anywhere in a content value', () => {
    expect(hasUntranslated({ name: { vi: 'Hộ tịch', en: 'Civil status' }, code: '1' })).toBe(false);
    expect(
      hasUntranslated({ steps: [{ text: { vi: 'a', en: 'a' } }, { text: { vi: 'b' } }] }),
    ).toBe(true);
    expect(hasUntranslated(['x', 3, null])).toBe(false);
  });
});
