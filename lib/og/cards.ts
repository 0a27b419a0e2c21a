/**
 * What each page's share image shows, from the content, and the files the /og/ routes write.
 * The routes under app/og/ stay thin: they call ogParams* for generateStaticParams and
 * renderOgFile for the body.
 */
import path from 'node:path';
import { isLocale, routing, type Locale } from '@/i18n/routing';
import type { Content } from '../content/load';
import { fieldProcedures } from '../content/fields';
import { productStatus } from '../content/lifecycle';
import type { Field, Procedure, Product } from '../content/schema';
import {
  fieldShortPath,
  homePath,
  OG_PAGES,
  pngStem,
  type OgPage,
  procedureShortPath,
  productQrPath,
  proceduresPath,
  productsPath,
  qrUrl,
  readableUrl,
} from '../links';
import { pick } from '../text';
import { translator } from './labels';
import { renderOgImage, type OgCard } from './render';
import { getField, getProcedure, getProduct } from '../content/lookup';

function frame(content: Content, locale: Locale, url: string) {
  const { site } = content;
  const t = translator(locale);
  return {
    authority: pick(site.authority, locale),
    province: pick(site.province, locale),
    qr: { url, caption: readableUrl(url), hint: t('share.imageScan') },
    ...(site.demo && { demo: t('share.imageDemo') }),
  };
}

export function pageCard(content: Content, locale: Locale, page: OgPage): OgCard {
  const t = translator(locale);
  const ward = pick(content.site.name, locale);
  const kicker = t('share.imagePortal');
  switch (page) {
    case 'home':
      return {
        ...frame(content, locale, qrUrl(content.site, homePath(locale))),
        kicker,
        title: t('home.title', { ward }),
        details: [t('home.intro')],
      };
    case 'thu-tuc':
      return {
        ...frame(content, locale, qrUrl(content.site, proceduresPath(locale))),
        kicker,
        title: t('procedures.title'),
        details: [t('procedures.intro', { ward })],
      };
    case 'ocop':
      return {
        ...frame(content, locale, qrUrl(content.site, productsPath(locale))),
        kicker,
        title: t('ocopList.title'),
        details: [t('ocopList.intro', { ward })],
      };
  }
}

export function procedureCard(content: Content, locale: Locale, p: Procedure): OgCard {
  const t = translator(locale);
  const field = getField(content, p.field);
  return {
    ...frame(content, locale, qrUrl(content.site, procedureShortPath(p.code))),
    kicker: t('share.imageProcedure'),
    title: pick(p.name, locale),
    details: [
      t('share.imageCode', { code: p.code }),
      t('share.imageField', { field: field ? pick(field.name, locale) : p.field }),
    ],
  };
}

export function fieldCard(content: Content, locale: Locale, f: Field): OgCard {
  const t = translator(locale);
  const count = fieldProcedures(content, f.id).length;
  return {
    ...frame(content, locale, qrUrl(content.site, fieldShortPath(f.id))),
    kicker: t('share.imageFieldKicker'),
    title: pick(f.name, locale),
    details: [t('field.posterCount', { count })],
  };
}

export function productCard(content: Content, locale: Locale, p: Product): OgCard {
  const t = translator(locale);
  const certified = productStatus(p) === 'certified';
  return {
    ...frame(content, locale, qrUrl(content.site, productQrPath(p))),
    kicker: p.group
      ? `${t('share.imageProduct')} · ${t(`groups.${p.group}`)}`
      : t('share.imageProduct'),
    title: pick(p.name, locale),
    // A lapsed or withdrawn certificate no longer carries its stars (as on the printed labels).
    ...(certified && {
      stars: { count: p.stars, label: t('share.imageStars', { count: p.stars }) },
    }),
    details: [t('share.imageProducer', { producer: pick(p.producer.name, locale) })],
    photo: path.join(p.dir, p.images[0].file),
  };
}

// ---------------------------------------------------------------------------------------------
// Routes

export function ogPageParams() {
  return routing.locales.flatMap((locale) =>
    OG_PAGES.map((page) => ({ locale, file: `${page}.png` })),
  );
}

export function ogProcedureParams(content: Content) {
  return routing.locales.flatMap((locale) =>
    content.procedures.map((p) => ({ locale, file: `${p.code}.png` })),
  );
}

export function ogFieldParams(content: Content) {
  return routing.locales.flatMap((locale) =>
    content.fields.map((f) => ({ locale, file: `${f.id}.png` })),
  );
}

export function ogProductParams(content: Content) {
  return routing.locales.flatMap((locale) =>
    content.products.map((p) => ({ locale, file: `${p.slug}.png` })),
  );
}

export type OgRoute = 'page' | 'procedure' | 'field' | 'product';

/** The card a route's parameters name, or null when they name nothing. */
export function ogCardFor(
  content: Content,
  route: OgRoute,
  locale: string,
  file: string,
): OgCard | null {
  const id = pngStem(file);
  if (!id || !isLocale(locale)) return null;
  if (route === 'page') {
    const page = OG_PAGES.find((x) => x === id);
    return page ? pageCard(content, locale, page) : null;
  }
  if (route === 'procedure') {
    const p = getProcedure(content, id);
    return p ? procedureCard(content, locale, p) : null;
  }
  if (route === 'field') {
    const f = getField(content, id);
    return f ? fieldCard(content, locale, f) : null;
  }
  const p = getProduct(content, id);
  return p ? productCard(content, locale, p) : null;
}

/** The PNG a route answers with, or null (404). */
export async function renderOgFile(
  content: Content,
  route: OgRoute,
  locale: string,
  file: string,
): Promise<Buffer | null> {
  const card = ogCardFor(content, route, locale, file);
  return card ? renderOgImage(card) : null;
}

/** The response of an /og/ route. */
export async function ogResponse(
  content: Content,
  route: OgRoute,
  locale: string,
  file: string,
): Promise<Response> {
  const png = await renderOgFile(content, route, locale, file);
  if (!png) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
  });
}
