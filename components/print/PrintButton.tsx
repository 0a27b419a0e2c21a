import { formatDate } from '@/lib/format';

/**
 * The print button. As sent (and without JavaScript), a line telling the reader to use the
 * browser's own Print command; lib/enhance/print.ts turns it into a button that opens the print
 * dialog.
 */
export function PrintButton({ label, fallback }: { label: string; fallback: string }) {
  return (
    <span className="pc-print-fallback" data-enhance="print" data-label={label}>
      {fallback}
    </span>
  );
}

/**
 * The date a sheet is printed: the date the page was built (YYYY-MM-DD) as sent and without
 * JavaScript; lib/enhance/print.ts sets today on the reader's computer.
 */
export function PrintDate({ locale, built }: { locale: string; built: string }) {
  return (
    <time dateTime={built} data-enhance="print" data-locale={locale}>
      {formatDate(built, locale)}
    </time>
  );
}
