// Share image of a field page: /og/{locale}/linh-vuc/{fieldId}.png.
import { loadContent } from '@/lib/content/load';
import { ogFieldParams, ogResponse } from '@/lib/og/cards';

export const dynamic = 'force-static';
// Server mode: redrawn with the pages when content changes (cached by content, so cheap).
export const revalidate = 300;

export function generateStaticParams() {
  return ogFieldParams(loadContent());
}

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ locale: string; file: string }> },
) {
  const { locale, file } = await params;
  return ogResponse(loadContent(), 'field', locale, file);
}
