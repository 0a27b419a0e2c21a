/**
 * Downloadable QR files for print shops: /qr/T/{code}, /qr/P/{shortCode} and /qr/L/{FIELD}, each
 * .svg or .png. Each encodes what the item's page shows: its permanent short link, or for a
 * product with a GTIN its GS1 Digital Link.
 */
import type { Content } from './content/load';
import { cached } from './cache';
import {
  fieldShortCode,
  fieldShortPath,
  parseShortPath,
  procedureShortPath,
  productQrPath,
  qrUrl,
} from './links';
import { renderQr, renderQrPng } from './qr';
import { getField, getProcedure, getProductByShortCode } from './content/lookup';

/** Printed size of the downloadable PNG: 60 mm at 300 dpi (709 px), enough for an A4 poster. */
export const DOWNLOAD_PNG_MM = 60;

export function qrDownloadParams(content: Content) {
  const ids = [
    ...content.procedures.map((p) => ({ kind: 'T', id: p.code })),
    ...content.products.map((p) => ({ kind: 'P', id: p.shortCode })),
    ...content.fields.map((f) => ({ kind: 'L', id: fieldShortCode(f.id) })),
  ];
  return ids.flatMap(({ kind, id }) => [
    { kind, file: `${id}.svg` },
    { kind, file: `${id}.png` },
  ]);
}

export async function renderQrDownload(content: Content, kind: string, file: string) {
  const m = /^(.+)\.(svg|png)$/.exec(file);
  if (!m) return null;
  const [, id, ext] = m;
  const product = kind === 'P' ? getProductByShortCode(content, id) : undefined;
  const link = kind === 'L' ? parseShortPath(`/L/${id}/`) : null;
  const field = link?.kind === 'field' ? getField(content, link.fieldId) : undefined;
  const path =
    kind === 'T' && getProcedure(content, id) !== undefined
      ? procedureShortPath(id)
      : product
        ? productQrPath(product)
        : field
          ? fieldShortPath(field.id)
          : null;
  if (!path) return null;
  const url = qrUrl(content.site, path);
  if (ext === 'svg') {
    return { body: Buffer.from(renderQr(url, 'poster').svg), contentType: 'image/svg+xml' };
  }
  const body = await cached(
    `qrpng2:${url}:${DOWNLOAD_PNG_MM}`,
    'png',
    async () => (await renderQrPng(url, 'poster', { sizeMm: DOWNLOAD_PNG_MM })).png,
  );
  return { body, contentType: 'image/png' };
}
