import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { otherLocale, type Locale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { isListed } from '@/lib/content/lifecycle';
import {
  absoluteUrl,
  fieldPath,
  ogProcedurePath,
  procedurePath,
  procedureShortPath,
  proceduresPath,
  qrUrl,
  qrDownloadBase,
} from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { shareLabels } from '@/lib/og/labels';
import { governmentServiceLd } from '@/lib/structured-data';
import { pick } from '@/lib/text';
import { JsonLd } from './JsonLd';
import { ProcedureView } from './ProcedureView';
import { QrBlock } from './QrBlock';
import { ShareControl } from './ShareControl';
import { SiteShell } from './SiteShell';
import { getField, getProcedure } from '@/lib/content/lookup';

function find(code: string) {
  const content = loadContent();
  const procedure = getProcedure(content, code);
  if (!procedure) notFound();
  return { content, procedure };
}

export async function procedureMetadata(locale: Locale, code: string): Promise<Metadata> {
  const { procedure: p } = find(code);
  const meta = pageMetadata({
    locale,
    title: `${pick(p.name, locale)} (${p.code})`,
    description: p.summary ? pick(p.summary, locale) : pick(p.name, locale),
    path: (l) => procedurePath(l, p.code),
    image: ogProcedurePath(locale, p.code),
  });
  // Repealed and upcoming procedures keep their pages for printed codes but stay out of search.
  return isListed(p) ? meta : { ...meta, robots: { index: false, follow: true } };
}

/** A procedure page, shared by /{locale}/thu-tuc/{code}/ and the short link /T/{code}/. */
export async function ProcedurePage({ locale, code }: { locale: Locale; code: string }) {
  const { content, procedure: p } = find(code);
  const t = await getTranslations('procedures');
  const field = getField(content, p.field);
  const url = absoluteUrl(content.site, procedurePath(locale, p.code));
  return (
    <SiteShell
      locale={locale}
      alternateHref={procedurePath(otherLocale(locale), p.code)}
      crumbs={[
        { href: proceduresPath(locale), label: t('title') },
        ...(field ? [{ href: fieldPath(locale, field.id), label: pick(field.name, locale) }] : []),
        { label: p.code },
      ]}
    >
      <JsonLd data={governmentServiceLd(p, field, content.site, locale, url)} />
      <ProcedureView
        procedure={p}
        content={content}
        locale={locale}
        qr={
          <>
            <QrBlock
              url={qrUrl(content.site, procedureShortPath(p.code))}
              downloadBase={qrDownloadBase('T', p.code)}
            />
            <ShareControl
              url={url}
              title={pick(p.name, locale)}
              labels={shareLabels(locale, url)}
            />
          </>
        }
      />
    </SiteShell>
  );
}
