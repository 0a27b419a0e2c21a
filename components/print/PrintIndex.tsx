import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Content } from '@/lib/content/load';
import { procedureStatus, productStatus } from '@/lib/content/lifecycle';
import { formatDate } from '@/lib/format';
import { pick } from '@/lib/text';
import { Stars } from '@/components/Stars';
import { LabelLayoutSize } from './LabelLayoutSize';
import { sheetPages, sheetProcedures } from '@/lib/print/select';
import { CARDS_PER_SHEET, LABEL_LAYOUTS } from '@/lib/print/geometry';
import {
  ALL_FIELDS,
  fieldPosterPath,
  fieldSheetPath,
  labelSheetPath,
  posterPath,
  productCardPath,
} from '@/lib/links';

/** The print index: everything printable, grouped (posters, field sheets, product labels). */
export async function PrintIndex({ content, locale }: { content: Content; locale: Locale }) {
  const t = await getTranslations('print');
  const tp = await getTranslations('product');
  const { fields, procedures, products } = content;
  // Posters: procedures in force and those coming into force (marked); repealed ones are not
  // posted any more.
  const posted = procedures.filter((p) => procedureStatus(p) !== 'repealed');
  const sheetFields = fields.filter((f) => sheetProcedures(content, f.id).length > 0);
  const allCount = sheetProcedures(content, ALL_FIELDS).length;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <section aria-labelledby="pc-how">
        <h2 id="pc-how">{t('howToHeading')}</h2>
        <ol>
          <li>{t('howTo1')}</li>
          <li>{t('howTo2')}</li>
          <li>{t('howTo3')}</li>
        </ol>
      </section>

      <section aria-labelledby="pc-posters" data-group="posters">
        <h2 id="pc-posters">{t('postersHeading')}</h2>
        <p>{t('postersIntro')}</p>
        {posted.length === 0 && <p>{t('none')}</p>}
        {fields.map((f) => {
          const items = posted.filter((p) => p.field === f.id);
          if (!items.length) return null;
          return (
            <section key={f.id} aria-labelledby={`pc-posters-${f.id}`}>
              <h3 id={`pc-posters-${f.id}`}>{pick(f.name, locale)}</h3>
              <ul>
                {items.map((p) => (
                  <li key={p.code}>
                    <a href={posterPath(locale, p.code)}>{pick(p.name, locale)}</a>{' '}
                    <span className="muted">({p.code})</span>
                    {procedureStatus(p) === 'upcoming' && (
                      <span className="muted">
                        {' '}
                        · {t('upcomingTag', { date: formatDate(p.effectiveFrom!, locale) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="pc-field-posters" data-group="field-posters">
        <h2 id="pc-field-posters">{t('fieldPostersHeading')}</h2>
        <p>{t('fieldPostersIntro')}</p>
        <ul>
          {fields.map((f) => (
            <li key={f.id}>
              <a href={fieldPosterPath(locale, f.id)}>{pick(f.name, locale)}</a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pc-sheets" data-group="sheets">
        <h2 id="pc-sheets">{t('sheetsHeading')}</h2>
        <p>{t('sheetsIntro', { count: CARDS_PER_SHEET })}</p>
        <ul>
          {sheetFields.map((f) => (
            <li key={f.id}>
              <a href={fieldSheetPath(locale, f.id)}>{pick(f.name, locale)}</a>{' '}
              <span className="muted">
                (
                {t('sheetSize', {
                  procedures: sheetProcedures(content, f.id).length,
                  pages: sheetPages(content, f.id).length,
                })}
                )
              </span>
            </li>
          ))}
          <li>
            <a href={fieldSheetPath(locale, ALL_FIELDS)}>
              <strong>{t('allProcedures')}</strong>
            </a>{' '}
            <span className="muted">
              (
              {t('sheetSize', {
                procedures: allCount,
                pages: sheetPages(content, ALL_FIELDS).length,
              })}
              )
            </span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="pc-labels" data-group="labels">
        <h2 id="pc-labels">{t('labelsHeading')}</h2>
        <p>{t('labelsIntro')}</p>
        <h3>{t('layoutsHeading')}</h3>
        <ul>
          {LABEL_LAYOUTS.map((l) => (
            <li key={l.id}>
              <strong>{t('layout', { columns: l.columns, rows: l.rows })}</strong>:{' '}
              <LabelLayoutSize layout={l} locale={locale} />
            </li>
          ))}
        </ul>
        {products.length === 0 && <p>{t('none')}</p>}
        {products.map((p) => (
          <section key={p.slug} aria-labelledby={`pc-product-${p.slug}`}>
            <h3 id={`pc-product-${p.slug}`}>
              {pick(p.name, locale)}{' '}
              <Stars count={p.stars} label={tp('starsLabel', { count: p.stars })} />
              {productStatus(p) !== 'certified' && (
                <span className="muted"> · {t('notCertifiedTag')}</span>
              )}
            </h3>
            <ul className="inline-list">
              <li>
                <a href={productCardPath(locale, p.slug)}>{t('productCard')}</a>
              </li>
              {LABEL_LAYOUTS.map((l) => (
                <li key={l.id}>
                  <a href={labelSheetPath(locale, l.id, p.slug)}>
                    {t('layout', { columns: l.columns, rows: l.rows })}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}
