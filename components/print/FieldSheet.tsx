import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Content } from '@/lib/content/load';
import { buildDate } from '@/lib/content/lifecycle';
import type { Field, Procedure } from '@/lib/content/schema';
import { ALL_FIELDS, procedureShortPath, qrUrl } from '@/lib/links';
import { localize, pick } from '@/lib/text';
import { CARD_QR_MM, sizeStep } from '@/lib/print/geometry';
import { PrintDate } from './PrintButton';
import { PrintQr } from './PrintQr';
import { Sheet, SheetFoot } from './PrintShell';
import { sheetPages } from '@/lib/print/select';
import { UrlText } from './UrlText';
import { getField } from '@/lib/content/lookup';

/**
 * A field's procedures as a grid of cards (QR, name, code, short URL), paginated on the server:
 * a fixed number of cards per A4 sheet, so no card is ever split between pages, and each sheet
 * says "page n of m".
 */
export async function FieldSheet({
  content,
  field,
  locale,
}: {
  content: Content;
  /** The field, or null for the sheet of every procedure. */
  field: Field | null;
  locale: Locale;
}) {
  const t = await getTranslations('print');
  const { site } = content;
  const pages = sheetPages(content, field?.id ?? ALL_FIELDS);
  const fieldName = field ? pick(field.name, locale) : t('allProcedures');
  const fieldOf = (p: Procedure) => getField(content, p.field);
  const built = buildDate();

  return (
    <>
      {pages.map((cards, i) => {
        const Title = i === 0 ? 'h1' : 'p';
        return (
          <Sheet key={i} className="pc-fieldsheet" index={i + 1}>
            <header className="pc-sheet-head">
              <p className="pc-authority">
                {pick(site.authority, locale)} · {pick(site.office.name, locale)}
              </p>
              <Title className="pc-sheet-title" aria-hidden={i > 0 || undefined}>
                {t('sheetTitle')}: <span className="pc-sheet-field">{fieldName}</span>
              </Title>
              <p className="pc-sheet-scan">{t('scan')}</p>
            </header>
            {cards.length === 0 ? (
              <p className="pc-empty">{t('emptyField')}</p>
            ) : (
              <ul className="pc-cards">
                {cards.map((p) => {
                  const url = qrUrl(site, procedureShortPath(p.code));
                  const name = localize(p.name, locale);
                  const f = fieldOf(p);
                  return (
                    <li key={p.code} className="pc-card" data-code={p.code}>
                      <PrintQr
                        url={url}
                        purpose="poster"
                        widthMm={CARD_QR_MM}
                        className="pc-card-qr"
                      />
                      <div className="pc-card-text">
                        <p
                          className={`pc-card-name pc-step-${sizeStep(name.value, [60, 100, 160, 260])}`}
                          lang={name.fallback ? 'vi' : undefined}
                        >
                          {name.value}
                        </p>
                        <p className="pc-card-code">
                          {t('code')}: <strong>{p.code}</strong>
                        </p>
                        {!field && f && <p className="pc-card-field">{pick(f.name, locale)}</p>}
                      </div>
                      <p className="pc-card-foot">
                        <UrlText url={url} className="pc-card-url" />
                      </p>
                    </li>
                  );
                })}
              </ul>
            )}
            <SheetFoot>
              <span className="pc-page-number">
                {t('page', { page: i + 1, pages: pages.length })}
              </span>
              <span>
                {t('printedOn')} <PrintDate locale={locale} built={built} />
              </span>
              {site.demo && <span className="pc-demo">{t('demo')}</span>}
            </SheetFoot>
          </Sheet>
        );
      })}
    </>
  );
}
