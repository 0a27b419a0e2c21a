'use client';

import { useSyncExternalStore } from 'react';
import { formatDate } from '@/lib/format';

const subscribe = () => () => {};

/** True once the page runs in the browser with JavaScript (false in the server HTML). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A button that opens the browser's print dialog. Without JavaScript (and in the server HTML)
 * it is a line telling the reader to use the browser's own Print command instead.
 */
export function PrintButton({ label, fallback }: { label: string; fallback: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return <span className="pc-print-fallback">{fallback}</span>;
  return (
    <button type="button" className="button pc-print-button" onClick={() => window.print()}>
      {label}
    </button>
  );
}

function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The date a sheet is printed: today on the reader's computer, or the date the page was built
 * (YYYY-MM-DD) in the server HTML and without JavaScript.
 */
export function PrintDate({ locale, built }: { locale: string; built: string }) {
  const date = useSyncExternalStore(
    subscribe,
    () => localIsoDate(new Date()),
    () => built,
  );
  return <time dateTime={date}>{formatDate(date, locale)}</time>;
}
