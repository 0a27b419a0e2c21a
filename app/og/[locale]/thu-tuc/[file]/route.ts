// Share image of a procedure page: /og/{locale}/thu-tuc/{code}.png.
import { loadContent } from '@/lib/content/load';
import { ogProcedureParams, ogResponse } from '@/lib/og/cards';

export const dynamic = 'force-static';
// Server mode: redrawn with the pages when content changes (cached by content, so cheap).
export const revalidate = 300;

export function generateStaticParams() {
  return ogProcedureParams(loadContent());
}

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ locale: string; file: string }> },
) {
  const { locale, file } = await params;
  return ogResponse(loadContent(), 'procedure', locale, file);
}
