/**
 * The print centre, enhanced (browser module, bundled by scripts/build-modules.ts):
 * - the line telling the reader to use the browser's Print command (Ctrl+P) becomes a button that
 *   opens the print dialog;
 * - the date printed on a sheet becomes today on the reader's computer (the server HTML, and the
 *   page without JavaScript, show the date the page was built).
 */
import { formatDate } from '../format';

function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

for (const el of document.querySelectorAll<HTMLElement>('[data-enhance="print"]')) {
  if (el instanceof HTMLTimeElement) {
    const today = localIsoDate(new Date());
    el.dateTime = today;
    el.textContent = formatDate(today, el.dataset.locale ?? 'vi');
  } else {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button pc-print-button';
    b.textContent = el.dataset.label!;
    b.addEventListener('click', () => window.print());
    el.replaceWith(b);
  }
}
