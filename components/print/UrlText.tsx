import { readableUrl } from '@/lib/links';

/**
 * A short URL as printed for people (no scheme, host in lower case), allowed to wrap after the
 * host rather than in the middle of a word when its box is narrow.
 */
export function UrlText({ url, className }: { url: string; className: string }) {
  const shown = readableUrl(url);
  const slash = shown.indexOf('/');
  return (
    <span className={className}>
      {slash === -1 ? (
        shown
      ) : (
        <>
          {shown.slice(0, slash + 1)}
          <wbr />
          {shown.slice(slash + 1)}
        </>
      )}
    </span>
  );
}
