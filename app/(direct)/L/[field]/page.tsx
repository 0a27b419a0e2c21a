import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { FieldPage, fieldMetadata } from '@/components/FieldPage';
import { routing } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { fieldShortCode, parseShortPath } from '@/lib/links';

// The permanent short link on a field's poster (/L/HO-TICH/): the field's page itself in the
// default language, canonical at the locale page, like /T/ for a procedure.
type Props = { params: Promise<{ field: string }> };

function fieldIdOf(code: string): string {
  const link = parseShortPath(`/L/${code}/`);
  if (link?.kind !== 'field') notFound();
  return link.fieldId;
}

export function generateStaticParams() {
  return loadContent().fields.map((f) => ({ field: fieldShortCode(f.id) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return fieldMetadata(routing.defaultLocale, fieldIdOf((await params).field));
}

export default async function ShortFieldPage({ params }: Props) {
  setRequestLocale(routing.defaultLocale);
  return <FieldPage locale={routing.defaultLocale} fieldId={fieldIdOf((await params).field)} />;
}
