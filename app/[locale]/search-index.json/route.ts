import { isLocale, routing } from '@/i18n/routing';
import { searchIndexJson } from '@/lib/search';

// The search index of a locale, fetched only when someone starts typing in a search box.
export const dynamic = 'force-static';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  return new Response(searchIndexJson(locale), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
