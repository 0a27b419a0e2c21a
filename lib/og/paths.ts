/**
 * Where the share images (Open Graph, 1200×630 PNG) live. Static paths ending in .png, written
 * by route handlers under app/og/, so that a static host serves them with the right type:
 *   /og/{locale}/home.png, /og/{locale}/thu-tuc.png, /og/{locale}/ocop.png (home and list pages)
 *   /og/{locale}/thu-tuc/{code}.png (a procedure), /og/{locale}/ocop/{slug}.png (a product)
 * No Node-only imports here: pages import these to fill in their metadata.
 */
/** The home and list pages that have an image, by the name of their file. */
export const OG_PAGES = ['home', 'thu-tuc', 'ocop'] as const;
export type OgPage = (typeof OG_PAGES)[number];

export function ogPagePath(locale: string, page: OgPage): string {
  return `/og/${locale}/${page}.png`;
}

export function ogProcedurePath(locale: string, code: string): string {
  return `/og/${locale}/thu-tuc/${code}.png`;
}

export function ogProductPath(locale: string, slug: string): string {
  return `/og/${locale}/ocop/${slug}.png`;
}

/** The name before .png of a route's [file] parameter, or null when it does not end in .png. */
export function pngStem(file: string): string | null {
  const m = /^(.+)\.png$/.exec(file);
  return m ? m[1] : null;
}
