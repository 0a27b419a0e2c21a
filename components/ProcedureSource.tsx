import { getTranslations } from 'next-intl/server';
import type { Procedure } from '@/lib/content/schema';
import { formatDate } from '@/lib/format';
import { pick } from '@/lib/text';

/** Where the procedure's text comes from: the publishing decision if named, else the portal. */
export async function ProcedureSource({
  procedure: p,
  locale,
}: {
  procedure: Procedure;
  locale: string;
}) {
  const t = await getTranslations({ locale, namespace: 'procedure' });
  const verified = formatDate(p.source.verifiedOn, locale);
  const d = p.source.decision;
  return (
    <p className="muted">
      {t('source')}:{' '}
      {d
        ? t('sourceText', {
            decision: d.number,
            date: formatDate(d.date, locale),
            issuer: pick(d.issuer, locale),
            verified,
          })
        : t('sourcePortal', {
            issuer: p.source.promulgatedBy ? pick(p.source.promulgatedBy, locale) : '—',
            verified,
          })}{' '}
      {p.source.url && <a href={p.source.url}>{t('sourcePortalPage')}</a>}
    </p>
  );
}
