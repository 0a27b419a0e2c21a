import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { ProcedurePage, procedureMetadata } from '@/components/ProcedurePage';
import { RetiredPage, retiredMetadata } from '@/components/RetiredPage';
import { routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { procedureShortPath, retiredCodes } from '@/lib/links';

// The permanent short link printed in a procedure's QR code: it renders the page itself in the
// default language (one request from scan to content), with its canonical at the locale page.
// A procedure taken off the site (retired.yaml) answers with a page saying so.
type Props = { params: Promise<{ code: string }> };

// The loader makes sure a retired link's item is not also published.
function isRetired(code: string) {
  return retiredCodes(loadContent(), 'procedure').includes(code);
}

export function generateStaticParams() {
  const content = loadContent();
  return [...content.procedures.map((p) => p.code), ...retiredCodes(content, 'procedure')].map(
    (code) => ({ code }),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return isRetired(code)
    ? retiredMetadata(routing.defaultLocale, procedureShortPath(code))
    : procedureMetadata(routing.defaultLocale, code);
}

export default async function ShortProcedurePage({ params }: Props) {
  setRequestLocale(routing.defaultLocale);
  const { code } = await params;
  return isRetired(code) ? (
    <RetiredPage locale={routing.defaultLocale} path={procedureShortPath(code)} />
  ) : (
    <ProcedurePage locale={routing.defaultLocale} code={code} />
  );
}
