import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { readableUrl } from '@/lib/links';
import { qrWidthClass } from '@/lib/print/geometry-css';
import { encodeQr, renderQr, renderQrUse, type QrPurpose } from '@/lib/qr';

/**
 * A QR code for print at a fixed printed width, in an element whose data-qr is exactly the
 * encoded URL (as on the detail pages). The SVG carries its 4-module quiet zone, so `widthMm` is
 * the whole white square; a caption (the short URL) may follow under it.
 */
export async function PrintQr({
  url,
  purpose,
  widthMm,
  className,
  caption,
  decorative = false,
  shareId,
}: {
  url: string;
  purpose: QrPurpose;
  widthMm: number;
  className?: string;
  caption?: ReactNode;
  /** A repeat of a code already named on the page (labels 2…n of a sheet): hidden from readers. */
  decorative?: boolean;
  /**
   * Codes repeated on one sheet share a path with this id: the first copy draws it, decorative
   * copies reuse it, so a sheet of 24 labels carries the code once.
   */
  shareId?: string;
}) {
  const t = await getTranslations('qr');
  const { modules } = encodeQr(url, purpose);
  const svg =
    decorative && shareId
      ? renderQrUse(shareId, modules)
      : renderQr(url, purpose, { label: t('alt', { url: readableUrl(url) }), id: shareId }).svg;
  return (
    <figure
      data-qr={url}
      data-modules={modules}
      className={['pc-qr', qrWidthClass(widthMm), className].filter(Boolean).join(' ')}
      aria-hidden={decorative || undefined}
    >
      <div className="pc-qr-code" dangerouslySetInnerHTML={{ __html: svg }} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
