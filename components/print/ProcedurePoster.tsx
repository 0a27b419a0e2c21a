import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Content } from '@/lib/content/load';
import { buildDate, procedureStatus } from '@/lib/content/lifecycle';
import type { LocalText, Procedure } from '@/lib/content/schema';
import { formatDate } from '@/lib/format';
import { procedureShortPath, qrUrl } from '@/lib/links';
import { localize, pick } from '@/lib/text';
import { POSTER_QR_MM, sizeStep, summarize } from '@/lib/print/geometry';
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

type Line = { channel?: string; text: string; lang?: string };

/**
 * The time limit and fees of a procedure in a few lines for a poster: once when every channel
 * has the same, else per channel; each text shortened to its first sentence. `cut` is true when
 * anything was left out, so the poster sends the reader to the QR code for the full wording.
 */
export function posterFacts(p: Procedure, locale: string, notStated: string) {
  let cut = false;
  const said: LocalText = { vi: notStated, en: notStated };
  const timeOf = (m: Procedure['methods'][number]) => m.time.text ?? said;
  const line = (text: LocalText, channel?: string, max?: number): Line => {
    const l = localize(text, locale);
    // 120 characters a line keeps the longest real texts (1.013239) on one A4 page.
    const s = summarize(l.value, max ?? 120);
    cut ||= s.cut;
    return { channel, text: s.text, lang: l.fallback ? 'vi' : undefined };
  };
  const sameTime = new Set(p.methods.map((m) => pick(timeOf(m), locale))).size === 1;
  const time = sameTime
    ? [line(timeOf(p.methods[0]))]
    : p.methods.map((m) => line(timeOf(m), m.channel, 110));
  const sameFees =
    new Set(p.methods.map((m) => JSON.stringify(m.fees.map((f) => pick(f.text, locale))))).size ===
    1;
  const feeMethods = sameFees ? p.methods.slice(0, 1) : p.methods;
  const fees = feeMethods.flatMap((m) => {
    const texts = m.fees.length ? m.fees.map((f) => f.text) : [said];
    const each = texts.slice(0, 3).map((f) => line(f, sameFees ? undefined : m.channel));
    if (m.fees.length > 3) cut = true;
    return each;
  });
  // At most five fee lines on a poster; the rest is one scan away.
  // Two lines at most: the real catalogue's longest fee texts (1.004194) overflow A4 with three.
  if (fees.length > 2) cut = true;
  return { time, fees: fees.slice(0, 2), cut };
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
  const facts = posterFacts(p, locale, tp('notStatedShort'));
  const status = procedureStatus(p);
  const name = pick(p.name, locale);
  const channel = (c: string) => tp(`channel_${c}` as 'channel_direct');
  const lines = (items: Line[]) =>
    items.map((l, i) => (
      <p key={i}>
        {l.channel && <strong>{channel(l.channel)}: </strong>}
        <span lang={l.lang}>{l.text}</span>
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
          {lines(facts.time)}
        </section>
        {facts.fees.length > 0 && (
          <section aria-labelledby="pc-fee">
            <h2 id="pc-fee">{t('fee')}</h2>
            {lines(facts.fees)}
          </section>
        )}
        {facts.cut && <p className="pc-poster-more">{t('more')}</p>}
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
