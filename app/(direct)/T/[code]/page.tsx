import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { ProcedurePage, procedureMetadata } from '@/components/ProcedurePage';
import { routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';

// The permanent short link printed in a procedure's QR code: it renders the page itself in the
// default language (one request from scan to content), with its canonical at the locale page.
type Props = { params: Promise<{ code: string }> };

export function generateStaticParams() {
  return loadContent().procedures.map((p) => ({ code: p.code }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return procedureMetadata(routing.defaultLocale, (await params).code);
}

export default async function ShortProcedurePage({ params }: Props) {
  setRequestLocale(routing.defaultLocale);
  return <ProcedurePage locale={routing.defaultLocale} code={(await params).code} />;
}
