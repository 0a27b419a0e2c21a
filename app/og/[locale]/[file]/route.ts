// Share images of the home and list pages: /og/{locale}/home.png, thu-tuc.png, ocop.png.
import { loadContent } from '@/lib/content/load';
import { ogPageParams, ogResponse } from '@/lib/og/cards';

export const dynamic = 'force-static';
// Server mode: redrawn with the pages when content changes (cached by content, so cheap).
export const revalidate = 300;

export function generateStaticParams() {
  return ogPageParams();
}

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ locale: string; file: string }> },
) {
  const { locale, file } = await params;
  return ogResponse(loadContent(), 'page', locale, file);
}
