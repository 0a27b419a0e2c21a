import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { otherLocale, type Locale } from '@/i18n/routing';
import { atAGlance } from '@/lib/content/glance';
import { fieldProcedures } from '@/lib/content/fields';
import { loadContent } from '@/lib/content/load';
import {
  fieldPath,
  fieldPosterPath,
  fieldShortCode,
  fieldShortPath,
  ogFieldPath,
  procedurePath,
  proceduresPath,
  qrDownloadBase,
  qrUrl,
} from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { hasUntranslated, pick } from '@/lib/text';
import { answerWords } from './answer-words';
import { OfficialTextNote } from './OfficialTextNote';
import { QrBlock } from './QrBlock';
import { SiteShell } from './SiteShell';
import { Txt } from './Txt';
import { getField } from '@/lib/content/lookup';

/** The content and the field of an id, or the 404 page (the field page and its poster). */
export function findField(fieldId: string) {
  const content = loadContent();
  const field = getField(content, fieldId);
  if (!field) notFound();
  return { content, field };
}

export async function fieldMetadata(locale: Locale, fieldId: string): Promise<Metadata> {
  const { content, field } = findField(fieldId);
  const t = await getTranslations({ locale, namespace: 'field' });
  const name = pick(field.name, locale);
  return pageMetadata({
    locale,
    title: name,
    description: t('intro', { field: name, ward: pick(content.site.name, locale) }),
    path: (l) => fieldPath(l, field.id),
    image: ogFieldPath(locale, field.id),
  });
}

/**
 * A field's page, shared by /{locale}/linh-vuc/{field}/ and the short link /L/{FIELD}/ on the
 * field's poster: its procedures with their short answers, and the field's own QR code. A field
 * with no procedure left keeps its page (its poster may still hang at the counter).
 */
export async function FieldPage({ locale, fieldId }: { locale: Locale; fieldId: string }) {
  const { content, field } = findField(fieldId);
  const t = await getTranslations('field');
  const tl = await getTranslations('procedures');
  const tp = await getTranslations('procedure');
  const items = fieldProcedures(content, field.id);
  const name = pick(field.name, locale);
  return (
    <SiteShell
      locale={locale}
      alternateHref={fieldPath(otherLocale(locale), field.id)}
      crumbs={[{ href: proceduresPath(locale), label: tl('title') }, { label: name }]}
    >
      <h1>{name}</h1>
      <p className="lead">
        {t('intro', { field: name, ward: pick(content.site.name, locale) })}{' '}
        {tl('count', { count: items.length })}.
      </p>
      <OfficialTextNote
        locale={locale}
        show={items.some((p) => hasUntranslated(p.name))}
        what="list"
      />
      {items.length ? (
        <ul className="procedure-list field-list">
          {items.map((p) => {
            const glance = atAGlance(p);
            return (
              <li key={p.code}>
                <a href={procedurePath(locale, p.code)}>
                  <Txt text={p.name} locale={locale} />
                </a>{' '}
                <span className="muted">
                  ({tl('code')} {p.code})
                </span>
                {glance.same && (
                  <span className="field-glance">
                    {tp('timeLimit')}: {answerWords(tp, glance.time[0].answer)} · {tp('fee')}:{' '}
                    {answerWords(tp, glance.fee[0].answer)}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="notice info" data-empty-field>
          {t('empty')} <a href={proceduresPath(locale)}>{t('allProcedures')}</a>
        </p>
      )}
      <QrBlock
        url={qrUrl(content.site, fieldShortPath(field.id))}
        downloadBase={qrDownloadBase('L', fieldShortCode(field.id))}
      />
      <p className="no-print">
        <a href={fieldPosterPath(locale, field.id)}>{t('poster')}</a>
      </p>
    </SiteShell>
  );
}
