import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Server mode only (next.config.ts pageExtensions); scripts/portal-server.ts lets only
// logged-in users reach it (lib/editor/step.ts).
export const metadata: Metadata = { title: 'Sửa nội dung', robots: { index: false } };

export default function EditorLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}
