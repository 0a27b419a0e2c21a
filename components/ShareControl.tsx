'use client';

/**
 * "Share this page" on procedure and product pages, a small client leaf with no library.
 *
 * What it shares: the page's CANONICAL URL in the reader's language (/{locale}/thu-tuc/{code}/,
 * /{locale}/ocop/{slug}/), not the short link. The short link (/T/…, /P/…) is made for print and
 * QR codes (upper case, always the default language); a link forwarded in a chat should open the
 * page in the language it was read in, and the canonical URL is the one search engines and social
 * previews (og:url, og:image) know the page by.
 *
 * - Where the browser has the Web Share API (phones), one button opens the system share sheet:
 *   Zalo, Messenger, SMS… whatever the phone has.
 * - Facebook: a plain link to its sharer, which works without JavaScript.
 * - Copy link: copies the URL and says so in a visible status line (announced to screen readers).
 * - Zalo has no documented share link for a page without its SDK and an Official Account id
 *   (the links seen in the wild, zalo.me/share and sp.zalo.me/share_inline, take different
 *   parameters and are not a public API), so Zalo is reached through the share sheet, or by
 *   pasting the copied link.
 *
 * Without JavaScript only the Facebook link shows: the buttons that need scripts appear once the
 * page is hydrated. Labels come from the server as props (no messages are sent to the client).
 */
import { useId, useState, useSyncExternalStore } from 'react';
import type { ShareLabels } from '@/lib/og/labels';

type Props = {
  /** The absolute canonical URL of the page. */
  url: string;
  /** The page's title, for the share sheet. */
  title: string;
  labels: ShareLabels;
};

const noSubscription = () => () => {};

/** True once running in the browser (false in the server HTML and during hydration). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function useCanShare(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === 'function',
    () => false,
  );
}

/** Copying without the Clipboard API (older browsers, pages not in a secure context). */
function copyWithSelection(text: string): boolean {
  const focused = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  focused?.focus(); // the keyboard stays where it was
  return ok;
}

function facebookShareUrl(url: string): string {
  return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`;
}

export function ShareControl({ url, title, labels }: Props) {
  const hydrated = useHydrated();
  const canShare = useCanShare();
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const headingId = useId();

  async function copy() {
    setStatus(null); // a second copy is announced again
    try {
      if (!navigator.clipboard) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      setStatus(copyWithSelection(url) ? 'copied' : 'failed');
    }
  }

  async function share() {
    try {
      await navigator.share({ title, url });
    } catch (e) {
      // Closing the share sheet is not a failure; anything else falls back to copying.
      if (!(e instanceof DOMException && e.name === 'AbortError')) await copy();
    }
  }

  return (
    <section className="share no-print" aria-labelledby={headingId} data-share-url={url}>
      <h2 id={headingId} className="share-heading">
        {labels.heading}
      </h2>
      <ul className="share-actions">
        {canShare && (
          <li>
            <button type="button" className="share-button" onClick={share}>
              {labels.share}
            </button>
          </li>
        )}
        <li>
          <a className="share-button" href={facebookShareUrl(url)}>
            {labels.facebook}
          </a>
        </li>
        {hydrated && (
          <li>
            <button type="button" className="share-button" onClick={copy}>
              {labels.copy}
            </button>
          </li>
        )}
      </ul>
      <p role="status" className={status === 'failed' ? 'share-failed' : 'share-status'}>
        {status === 'copied' ? labels.copied : status === 'failed' ? labels.copyFailed : ''}
      </p>
    </section>
  );
}
