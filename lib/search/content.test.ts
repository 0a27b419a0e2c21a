/** Search over the real (demonstration) content in content/, as the site builds it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { isListed, productStatus } from '../content/lifecycle';
import { loadContent, type Content } from '../content/load';
import { fold } from './fold';
import {
  buildSearchDocs,
  loadIndex,
  search,
  searchIndexJson,
  serializeIndex,
  type SearchIndex,
} from './index';

let content: Content;
const indexes = {} as Record<'vi' | 'en', SearchIndex>;

beforeAll(() => {
  content = loadContent();
  for (const locale of ['vi', 'en'] as const)
    indexes[locale] = loadIndex(serializeIndex(buildSearchDocs(content, locale)));
});

const top = (locale: 'vi' | 'en', query: string, n = 10) =>
  search(indexes[locale], query, n).map((h) => h.code ?? h.url);

describe.each(['vi', 'en'] as const)('search of the %s site', (locale) => {
  it('"dang ky ket hon" puts 1.000894 (Đăng ký kết hôn) first', () => {
    expect(top(locale, 'dang ky ket hon')[0]).toBe('1.000894');
  });

  it('"1.001193" finds 1.001193 (Đăng ký khai sinh) first', () => {
    expect(top(locale, '1.001193')[0]).toBe('1.001193');
  });

  it('"xoa dang ky" finds both Xóa đăng ký procedures at the top', () => {
    expect(top(locale, 'xoa dang ky').slice(0, 2).sort()).toEqual(['1.003197', '1.010028']);
  });

  it('finds each product by its Vietnamese name typed without diacritics', () => {
    for (const p of content.products.filter((p) => productStatus(p) !== 'withdrawn')) {
      const [hit] = search(indexes[locale], fold(p.name.vi), 5);
      expect(hit, p.name.vi).toMatchObject({ kind: 'product', url: `/${locale}/ocop/${p.slug}/` });
    }
  });

  it('finds the same with diacritics in NFD, and with extra spaces and punctuation', () => {
    expect(top(locale, 'Đăng ký kết hôn'.normalize('NFD'))[0]).toBe('1.000894');
    expect(top(locale, '  ĐĂNG KÝ,  kết-hôn ! ')[0]).toBe('1.000894');
  });
});

describe('search documents', () => {
  it('hold the listed items only: procedures in force, products not withdrawn', () => {
    const docs = buildSearchDocs(content, 'vi');
    expect(docs.filter((d) => d.kind === 'procedure').map((d) => d.code)).toEqual(
      content.procedures.filter((p) => isListed(p)).map((p) => p.code),
    );
    expect(docs.filter((d) => d.kind === 'product').map((d) => d.url)).toEqual(
      content.products
        .filter((p) => productStatus(p) !== 'withdrawn')
        .map((p) => `/vi/ocop/${p.slug}/`),
    );
  });

  it('use English titles on the English site and keep the Vietnamese one searchable', () => {
    const marriage = buildSearchDocs(content, 'en').find((d) => d.code === '1.000894');
    const source = content.procedures.find((p) => p.code === '1.000894')!;
    expect(marriage).toMatchObject({
      title: source.name.en ?? source.name.vi,
      url: '/en/thu-tuc/1.000894/',
    });
    if (source.name.en) expect(marriage?.titleVi).toBe(source.name.vi);
  });

  it('are served by searchIndexJson(locale) as the same index', () => {
    const fromRoute = loadIndex(searchIndexJson('vi'));
    expect(search(fromRoute, 'dang ky ket hon', 5)).toEqual(
      search(indexes.vi, 'dang ky ket hon', 5),
    );
  });
});
