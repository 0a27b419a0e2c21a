import { getTranslations } from 'next-intl/server';
import type { Procedure } from '@/lib/content/schema';
import { Txt } from './Txt';

/** Authorised, delegated and coordinating agencies, where the national data names them. */
export async function ProcedureAgencies({
  procedure: p,
  locale,
}: {
  procedure: Procedure;
  locale: string;
}) {
  const rows = (
    [
      ['authorizedAgency', p.authorizedAgency],
      ['delegatedAgency', p.delegatedAgency],
      ['coordinatingAgency', p.coordinatingAgency],
    ] as const
  ).filter(([, text]) => text !== undefined);
  if (!rows.length) return null;
  const t = await getTranslations({ locale, namespace: 'procedure' });
  return (
    <section aria-labelledby="agencies">
      <h2 id="agencies">{t('otherAgencies')}</h2>
      <dl className="kv">
        {rows.map(([key, text]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>
              <Txt text={text!} locale={locale} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
