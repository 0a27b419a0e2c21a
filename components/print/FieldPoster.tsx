import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Content } from '@/lib/content/load';
import { fieldProcedures } from '@/lib/content/fields';
import { buildDate } from '@/lib/content/lifecycle';
import type { Field } from '@/lib/content/schema';
import { fieldShortPath, qrUrl } from '@/lib/links';
import { pick } from '@/lib/text';
import { POSTER_QR_MM } from '@/lib/print/geometry';
import { PrintDate } from './PrintButton';
import { PrintQr } from './PrintQr';
import { Sheet, SheetFoot } from './PrintShell';
import { UrlText } from './UrlText';

/**
 * One field on one portrait A4 page: its name and one big code for its short link (/L/{FIELD}/),
 * to post above the counter that handles the field, as one-stop counters post one code a field.
 */
export async function FieldPoster({
  content,
  field,
  locale,
}: {
  content: Content;
  field: Field;
  locale: Locale;
}) {
  const t = await getTranslations('print');
  const tf = await getTranslations('field');
  const { site } = content;
  const url = qrUrl(site, fieldShortPath(field.id));
  const count = fieldProcedures(content, field.id).length;
  return (
    <Sheet className="pc-poster pc-field-poster" index={1}>
      <header className="pc-poster-head">
        <p className="pc-authority">{pick(site.authority, locale)}</p>
        <p className="pc-office">{pick(site.office.name, locale)}</p>
      </header>
      <p className="pc-poster-meta">{t('field')}</p>
      <h1 className="pc-poster-name">{pick(field.name, locale)}</h1>
      <p className="pc-poster-meta">{tf('posterCount', { count })}</p>
      <PrintQr
        url={url}
        purpose="poster"
        widthMm={POSTER_QR_MM}
        className="pc-poster-qr"
        caption={<UrlText url={url} className="pc-poster-url" />}
      />
      <p className="pc-poster-scan">{tf('posterScan')}</p>
      <SheetFoot>
        <span>
          {t('printedOn')} <PrintDate locale={locale} built={buildDate()} />
        </span>
        {site.demo && <span className="pc-demo">{t('demo')}</span>}
      </SheetFoot>
    </Sheet>
  );
}
