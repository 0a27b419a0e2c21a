import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { fontClassName } from '@/app/fonts';
import '@/app/globals.css';
import { routing } from '@/i18n/routing';
import { siteMetadata } from '@/lib/metadata';

// Server mode (PORTAL_MODE=server): pages regenerate in the background at most every 5 minutes,
// picking up content changes (the static export ignores this).
export const revalidate = 300;

export function generateMetadata(): Metadata {
  return siteMetadata(routing.defaultLocale);
}

// The root language choice and the permanent short links render in the default language.
export default function DirectLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={routing.defaultLocale} className={fontClassName}>
      <body>{children}</body>
    </html>
  );
}
