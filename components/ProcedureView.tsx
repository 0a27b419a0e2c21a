import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/routing';
import type { Content } from '@/lib/content/load';
import { procedureStatus } from '@/lib/content/lifecycle';
import { atAGlance, needsWording, timeWordingAddsToAnswer } from '@/lib/content/glance';
import { groupMethods } from '@/lib/content/methods';
import type { Procedure } from '@/lib/content/schema';
import { formatDate } from '@/lib/format';
import { sizeStep } from '@/lib/print/geometry';
import { procedurePath } from '@/lib/links';
import { hasUntranslated, isDemoValue, pick } from '@/lib/text';
import { answerWords } from './answer-words';
import { FormTemplates } from './FormTemplates';
import { OfficeInfo } from './OfficeInfo';
import { OfficialTextNote } from './OfficialTextNote';
import { ProcedureAgencies } from './ProcedureAgencies';
import { ProcedureSource } from './ProcedureSource';
import { DemoMark, TextRow, Txt } from './Txt';
import { getField, getProcedure } from '@/lib/content/lookup';

type Props = { procedure: Procedure; content: Content; locale: Locale; qr: ReactNode };

/** One procedure, ordered for a citizen at the counter: what to bring, how long, how much, where. */
export async function ProcedureView({ procedure: p, content, locale, qr }: Props) {
  const t = await getTranslations('procedure');
  const field = getField(content, p.field);
  const status = procedureStatus(p);
  const replacement = p.replacedBy && getProcedure(content, p.replacedBy);
  const demo = (path: string) => <DemoMark show={isDemoValue(p.demoValues, path)} />;
  const glance = atAGlance(p);
  // The official wording under each short answer: a time's own words only where the short answer
  // does not already say all of them (a value and unit say "12 ngày làm việc" as it stands).
  const timeWording = groupMethods(
    p.methods.filter(timeWordingAddsToAnswer),
    (m) => m.time.text ?? m.note,
  );
  const feeWording = groupMethods(
    p.methods.filter((m) => m.fees.length > 0),
    (m) => m.fees,
  );
  const channels = (list: string[]) =>
    list.map((c) => t(`channel_${c}` as 'channel_direct')).join(', ');

  return (
    <article>
      <h1 className={`title-step-${sizeStep(pick(p.name, locale), [90, 170])}`}>
        <Txt text={p.name} locale={locale} />
      </h1>

      {status === 'repealed' && (
        <div className="notice" role="region" aria-label={t('status')}>
          <p>{t('repealed', { date: formatDate(p.repealedOn!, locale) })}</p>
          {replacement && (
            <p>
              {t('replacedBy')}{' '}
              <a href={procedurePath(locale, replacement.code)} data-replacement={replacement.code}>
                {pick(replacement.name, locale)} ({replacement.code})
              </a>
            </p>
          )}
          {demo('repealedOn')}
        </div>
      )}
      {status === 'upcoming' && (
        <div className="notice info" role="region" aria-label={t('status')}>
          <p>{t('upcoming', { date: formatDate(p.effectiveFrom!, locale) })}</p>
          {demo('effectiveFrom')}
        </div>
      )}

      <section aria-labelledby="glance">
        <h2 id="glance">{t('atAGlance')}</h2>
        <div className="facts answers">
          <div className="fact" data-glance="time">
            <h3>{t('timeLimit')}</h3>
            {glance.time.map(({ channels: list, answer }) => (
              <p key={list[0]} className="answer">
                {glance.time.length > 1 && (
                  <span className="answer-channel">{channels(list)}: </span>
                )}
                {answerWords(t, answer)}
              </p>
            ))}
          </div>
          <div className="fact" data-glance="fee">
            <h3>{t('fee')}</h3>
            {glance.fee.map(({ channels: list, answer }) => (
              <p key={list[0]} className="answer">
                {glance.fee.length > 1 && (
                  <span className="answer-channel">{channels(list)}: </span>
                )}
                {answerWords(t, answer)}
              </p>
            ))}
          </div>
        </div>
        {/* The official wording right under the answers, both before the rest of the page. */}
        {timeWording.length > 0 && (
          <details
            className="wording"
            data-wording="time"
            open={glance.time.some((l) => needsWording(l.answer))}
          >
            <summary>{t('officialWordingTime')}</summary>
            {timeWording.map(({ channels: list, method: m }) => (
              <div key={list[0]}>
                {timeWording.length > 1 && <strong>{channels(list)}:</strong>}
                <Txt as="p" text={(m.time.text ?? m.note)!} locale={locale} />
              </div>
            ))}
          </details>
        )}
        {feeWording.length > 0 && (
          <details
            className="wording"
            data-wording="fee"
            open={glance.fee.some((l) => needsWording(l.answer))}
          >
            <summary>{t('officialWordingFee')}</summary>
            {feeWording.map(({ channels: list, method: m }) => (
              <div key={list[0]}>
                {feeWording.length > 1 && <strong>{channels(list)}:</strong>}
                {m.fees.map((f, i) => (
                  <Txt key={i} as="p" text={f.text} locale={locale} />
                ))}
              </div>
            ))}
          </details>
        )}
        <div className="facts">
          <div className="fact">
            <h3>{t('whereToSubmit')}</h3>
            <Txt as="p" text={p.receivingAddress ?? content.site.office.name} locale={locale} />
            {!p.receivingAddress && (
              <p>
                <Txt text={content.site.office.address} locale={locale} />
                <DemoMark show={isDemoValue(content.site.demoValues, 'office.address')} />
              </p>
            )}
          </div>
          <div className="fact">
            <h3>{t('online')}</h3>
            <p>
              {p.online.level === 'full'
                ? t('onlineFull')
                : p.online.level === 'partial'
                  ? t('onlinePartial')
                  : t('onlineNone')}
            </p>
            {p.online.level !== 'none' && (
              <p>
                <a href={p.online.url ?? content.site.nationalPortalUrl}>
                  {p.online.url ? t('onlineLink') : t('onlineSearch', { code: p.code })}
                </a>
              </p>
            )}
          </div>
        </div>
      </section>

      <OfficialTextNote locale={locale} show={hasUntranslated(p)} what="procedure" />
      <p className="muted">
        {t('field')}: {field ? pick(field.name, locale) : p.field} · {t('level')}:{' '}
        {t(`level_${p.level}`)} · <span data-code={p.code}>{p.code}</span>
      </p>

      {p.summary && <Txt as="p" text={p.summary} locale={locale} />}

      <section aria-labelledby="documents">
        <h2 id="documents">{t('documents')}</h2>
        <p className="muted">{t('documentsHint')}</p>
        {p.documents.map((group, gi) => (
          <div key={gi}>
            {group.case && (
              <h3>
                <Txt text={group.case} locale={locale} />
              </h3>
            )}
            <ul className="checklist">
              {group.items.map((d, i) => (
                <li key={i}>
                  <label>
                    <input type="checkbox" name={`doc-${gi}-${i}`} />
                    <span>
                      <Txt text={d.name} locale={locale} />
                      {!d.required && <em> ({t('optional')})</em>}
                      <span className="doc-meta">
                        {t('originals', { count: d.originals })}, {t('copies', { count: d.copies })}
                      </span>
                      <FormTemplates forms={d.forms} locale={locale} />
                      {d.note && (
                        <span className="doc-meta">
                          <Txt text={d.note} locale={locale} />
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      {qr}

      <section aria-labelledby="methods">
        <h2 id="methods">{t('methods')}</h2>
        <ul className="methods">
          {p.methods.map((m) => (
            <li key={m.channel}>
              <strong>{channels([m.channel])}</strong>
              {m.note && (
                <>
                  {': '}
                  <Txt text={m.note} locale={locale} />
                </>
              )}
            </li>
          ))}
        </ul>
        <p>
          {glance.same ? t('methodsSame') : t('methodsDiffer')}{' '}
          <a href="#glance">{t('atAGlance')}</a>
        </p>
      </section>

      <section aria-labelledby="steps">
        <h2 id="steps">{t('steps')}</h2>
        <ol className="steps">
          {p.steps.map((s, i) => (
            <li key={i}>
              <Txt text={s.text} locale={locale} />
              {s.items && (
                <ul>
                  {s.items.map((item, j) => (
                    <li key={j}>
                      <Txt text={item} locale={locale} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="details">
        <h2 id="details">{t('subjects')}</h2>
        <ul>
          {p.subjects.map((s, i) => (
            <li key={i}>
              <Txt text={s} locale={locale} />
            </li>
          ))}
        </ul>
        <dl className="kv">
          <dt>{t('agency')}</dt>
          <dd>
            <Txt text={p.agency} locale={locale} />
          </dd>
          <TextRow label={t('authority')} text={p.authority} locale={locale} />
          <dt>{t('results')}</dt>
          <dd>
            {p.results.map((r, i) => (
              <Txt key={i} as="div" text={r} locale={locale} />
            ))}
          </dd>
          <TextRow label={t('kind')} text={p.kind} locale={locale} />
        </dl>
      </section>

      <ProcedureAgencies procedure={p} locale={locale} />

      {p.requirements.length > 0 && (
        <section aria-labelledby="requirements">
          <h2 id="requirements">{t('requirements')}</h2>
          <ul>
            {p.requirements.map((r, i) => (
              <li key={i}>
                <Txt text={r} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="legal">
        <h2 id="legal">{t('legalBasis')}</h2>
        <ul>
          {p.legalBasis.map((l, i) => (
            <li key={i}>
              {l.number && (
                <>
                  <strong>{l.number}</strong>:{' '}
                </>
              )}
              <Txt text={l.title} locale={locale} />
              {l.issuer && l.date && (
                <span className="muted">
                  {' '}
                  (
                  {t('issuedBy', {
                    issuer: pick(l.issuer, locale),
                    date: formatDate(l.date, locale),
                  })}
                  )
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <OfficeInfo site={content.site} locale={locale} />

      <ProcedureSource procedure={p} locale={locale} />
    </article>
  );
}
