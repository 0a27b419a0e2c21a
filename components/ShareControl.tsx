/**
 * "Share this page" on procedure and product pages.
 *
 * What it shares: the page's CANONICAL URL in the reader's language (/{locale}/thu-tuc/{code}/,
 * /{locale}/ocop/{slug}/), not the short link. The short link (/T/…, /P/…) is made for print and
 * QR codes (upper case, always the default language); a link forwarded in a chat should open the
 * page in the language it was read in, and the canonical URL is the one search engines and social
 * previews (og:url, og:image) know the page by.
 *
 * - Facebook: a plain link to its sharer, which works without JavaScript (all that shows then).
 * - lib/enhance/share.ts adds, with JavaScript, a button for the Web Share API where the browser
 *   has it (phones: Zalo, Messenger, SMS… whatever the phone has) and "Copy link", which says so
 *   in the status line (announced to screen readers). Its labels are data attributes here.
 * - Zalo has no documented share link for a page without its SDK and an Official Account id
 *   (the links seen in the wild, zalo.me/share and sp.zalo.me/share_inline, take different
 *   parameters and are not a public API), so Zalo is reached through the share sheet, or by
 *   pasting the copied link.
 */
import type { ShareLabels } from '@/lib/og/labels';

type Props = {
  /** The absolute canonical URL of the page. */
  url: string;
  /** The page's title, for the share sheet. */
  title: string;
  labels: ShareLabels;
};

function facebookShareUrl(url: string): string {
  return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`;
}

export function ShareControl({ url, title, labels }: Props) {
  return (
    <section
      className="share no-print"
      aria-labelledby="share-heading"
      data-enhance="share"
      data-share-url={url}
      data-share-title={title}
      data-label-share={labels.share}
      data-label-copy={labels.copy}
      data-label-copied={labels.copied}
      data-label-copy-failed={labels.copyFailed}
    >
      <h2 id="share-heading" className="share-heading">
        {labels.heading}
      </h2>
      <ul className="share-actions">
        <li>
          <a className="share-button" href={facebookShareUrl(url)}>
            {labels.facebook}
          </a>
        </li>
      </ul>
      <p role="status" className="share-status" />
    </section>
  );
}
