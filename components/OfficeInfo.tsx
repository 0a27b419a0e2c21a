import { getTranslations } from 'next-intl/server';
import type { Site } from '@/lib/content/schema';
import { mapUrl, telHref } from '@/lib/links';
import { isDemoValue } from '@/lib/text';
import { DemoMark, Txt } from './Txt';

/** The one-stop office: where to go, when, and whom to call. */
export async function OfficeInfo({
  site,
  locale,
  headingLevel = 2,
}: {
  site: Site;
  locale: string;
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations('office');
  const { office } = site;
  const demo = (path: string) => <DemoMark show={isDemoValue(site.demoValues, path)} />;
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="office card" aria-labelledby="office-heading">
      <Heading id="office-heading">{t('heading')}</Heading>
      <p>
        <strong>
          <Txt text={office.name} locale={locale} />
        </strong>
      </p>
      <dl>
        <dt>{t('address')}</dt>
        <dd>
          <Txt text={office.address} locale={locale} />
          {demo('office.address')}
          {office.map && (
            <>
              {' '}
              (<a href={mapUrl(office.map)}>{t('map')}</a>)
            </>
          )}
        </dd>
        <dt>{t('hours')}</dt>
        <dd>
          {office.hours.map((h, i) => (
            <div key={i}>
              <Txt text={h.days} locale={locale} />: {h.time}
            </div>
          ))}
          {demo('office.hours')}
        </dd>
        {office.hotline && (
          <>
            <dt>{t('hotline')}</dt>
            <dd>
              <a href={telHref(office.hotline)}>{office.hotline}</a>
              {demo('office.hotline')}
            </dd>
          </>
        )}
        {office.phone && (
          <>
            <dt>{t('phone')}</dt>
            <dd>
              <a href={telHref(office.phone)}>{office.phone}</a>
              {demo('office.phone')}
            </dd>
          </>
        )}
        {office.email && (
          <>
            <dt>{t('email')}</dt>
            <dd>
              <a href={`mailto:${office.email}`}>{office.email}</a>
              {demo('office.email')}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
