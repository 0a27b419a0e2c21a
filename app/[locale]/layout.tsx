import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { fontClassName } from '@/app/fonts';
import '@/app/globals.css';
import { isLocale, routing } from '@/i18n/routing';
import { siteMetadata } from '@/lib/metadata';

// Server mode (PORTAL_MODE=server): pages regenerate in the background at most every 5 minutes,
// picking up content changes (the static export ignores this).
export const revalidate = 300;

// Only the site's languages. In server mode a request for any other first segment (/nope/) never
// reaches this layout: scripts/portal-server.ts sends it to the root not-found page
// (lib/server/item-step.ts). `dynamicParams = false` here would refuse new procedures and products
// too (Next applies it to every page below).
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return siteMetadata(locale);
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} className={fontClassName}>
      <body>{children}</body>
    </html>
  );
}
