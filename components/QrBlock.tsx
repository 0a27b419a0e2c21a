import { getTranslations } from 'next-intl/server';
import { readableUrl } from '@/lib/links';
import { renderQr, type QrPurpose } from '@/lib/qr';

/**
 * A QR code inline, in an element whose data-qr is exactly the encoded URL (the tests decode it
 * and compare), with the short URL as text under it.
 */
export async function QrFigure({
  url,
  purpose = 'screen',
  className,
}: {
  url: string;
  purpose?: QrPurpose;
  className?: string;
}) {
  const t = await getTranslations('qr');
  const shown = readableUrl(url);
  const { svg } = renderQr(url, purpose, { label: t('alt', { url: shown }) });
  return (
    <figure data-qr={url} className={className}>
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="qr-url">{shown}</figcaption>
    </figure>
  );
}

/** The QR panel of a detail page: the code, what it is for, and downloads for print. */
export async function QrBlock({
  url,
  downloadBase,
}: {
  url: string;
  /** Path of the downloads without extension, e.g. /qr/T/1.001193 */
  downloadBase: string;
}) {
  const t = await getTranslations('qr');
  const name = downloadBase.split('/').filter(Boolean).join('-');
  return (
    <section className="qr-block" aria-labelledby="qr-heading">
      <QrFigure url={url} />
      <div>
        <h2 id="qr-heading">{t('heading')}</h2>
        <p>{t('hint')}</p>
        <ul className="no-print">
          <li>
            <a href={`${downloadBase}.svg`} download={`${name}.svg`}>
              {t('downloadSvg')}
            </a>
          </li>
          <li>
            <a href={`${downloadBase}.png`} download={`${name}.png`}>
              {t('downloadPng')}
            </a>
          </li>
        </ul>
      </div>
    </section>
  );
}
