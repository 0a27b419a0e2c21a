import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { fontClassName } from '@/app/fonts';
import { routing } from '@/i18n/routing';
import { siteMetadata } from '@/lib/metadata';

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
