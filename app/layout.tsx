import type { ReactNode } from 'react';

// The <html> element is rendered by the locale layout and by the (direct) layout (root language
// choice and the permanent short links), so this root layout only passes children through.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
