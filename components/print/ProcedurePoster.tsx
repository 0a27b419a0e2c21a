import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Content } from '@/lib/content/load';
import { buildDate, procedureStatus } from '@/lib/content/lifecycle';
import {
  atAGlance,
  needsWording,
  type FeeAnswer,
  type GlanceLine,
  type TimeAnswer,
} from '@/lib/content/glance';
import type { LocalText, Procedure } from '@/lib/content/schema';
import { formatDate } from '@/lib/format';
import { procedureShortPath, qrUrl } from '@/lib/links';
import { localize, pick } from '@/lib/text';
import { POSTER_QR_MM, sizeStep } from '@/lib/print/geometry';
import { answerWords } from '../answer-words';
import { PrintDate } from './PrintButton';
import { PrintQr } from './PrintQr';
import { Sheet, SheetFoot } from './PrintShell';
import { UrlText } from './UrlText';
import { getField } from '@/lib/content/lookup';

/** Text in the locale, marked as Vietnamese when it falls back (no "untranslated" note on paper). */
function L({ text, locale, className }: { text: LocalText; locale: string; className?: string }) {
  const t = localize(text, locale);
  return (
    <span className={className} lang={t.fallback ? 'vi' : undefined}>
      {t.value}
    </span>
  );
}

/** One procedure on exactly one portrait A4 page, to post at the one-stop counter. */
export async function ProcedurePoster({
  procedure: p,
  content,
  locale,
}: {
  procedure: Procedure;
  content: Content;
  locale: Locale;
}) {
  const t = await getTranslations('print');
  const tp = await getTranslations('procedure');
  const { site } = content;
  const field = getField(content, p.field);
  const url = qrUrl(site, procedureShortPath(p.code));
  const glance = atAGlance(p);
  // The poster says the short answers only; the official wording (exemptions, copies) is one
  // scan away whenever the source has more to say than the answer.
  const more =
    p.methods.some((m) => m.fees.length > 0 || m.note) ||
    [...glance.time, ...glance.fee].some((l) => needsWording(l.answer));
  const status = procedureStatus(p);
  const name = pick(p.name, locale);
  const channel = (c: string) => tp(`channel_${c}` as 'channel_direct');
  const lines = (items: GlanceLine<TimeAnswer | FeeAnswer>[]) =>
    items.map((l) => (
      <p key={l.channels[0]}>
        {items.length > 1 && <strong>{l.channels.map(channel).join(', ')}: </strong>}
        {answerWords(tp, l.answer)}
      </p>
    ));

  return (
    <Sheet className="pc-poster" index={1}>
      <header className="pc-poster-head">
        <p className="pc-authority">
          <L text={site.authority} locale={locale} />
        </p>
        <p className="pc-office">
          <L text={site.office.name} locale={locale} />
        </p>
      </header>
      {status !== 'in-force' && (
        <p className="pc-warning" role="status">
          {status === 'repealed'
            ? t('repealed', { date: formatDate(p.repealedOn!, locale) })
            : t('upcoming', { date: formatDate(p.effectiveFrom!, locale) })}
        </p>
      )}
      <h1 className={`pc-poster-name pc-step-${sizeStep(name, [60, 110, 170])}`}>
        <L text={p.name} locale={locale} />
      </h1>
      <p className="pc-poster-meta">
        {t('code')}: <strong data-code={p.code}>{p.code}</strong>
        {field && (
          <>
            {' · '}
            {t('field')}: <L text={field.name} locale={locale} />
          </>
        )}
      </p>
      <PrintQr
        url={url}
        purpose="poster"
        widthMm={POSTER_QR_MM}
        className="pc-poster-qr"
        caption={<UrlText url={url} className="pc-poster-url" />}
      />
      <p className="pc-poster-scan">{t('scan')}</p>
      <div className="pc-poster-facts">
        <section aria-labelledby="pc-time">
          <h2 id="pc-time">{t('timeLimit')}</h2>
          {lines(glance.time)}
        </section>
        <section aria-labelledby="pc-fee">
          <h2 id="pc-fee">{t('fee')}</h2>
          {lines(glance.fee)}
        </section>
        {more && <p className="pc-poster-more">{t('more')}</p>}
      </div>
      <SheetFoot>
        <span>
          {t('printedOn')} <PrintDate locale={locale} built={buildDate()} />
        </span>
        <span>{t('verifiedOn', { date: formatDate(p.source.verifiedOn, locale) })}</span>
        {site.demo && <span className="pc-demo">{t('demo')}</span>}
      </SheetFoot>
    </Sheet>
  );
}
