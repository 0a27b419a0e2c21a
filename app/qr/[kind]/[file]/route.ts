import { loadContent } from '@/lib/content/load';
import { qrDownloadParams, renderQrDownload } from '@/lib/qr-downloads';

export const dynamic = 'force-static';

export function generateStaticParams() {
  return qrDownloadParams(loadContent());
}

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ kind: string; file: string }> },
) {
  const { kind, file } = await params;
  const download = await renderQrDownload(loadContent(), kind, file);
  if (!download) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(download.body), {
    headers: { 'Content-Type': download.contentType, 'Cache-Control': 'public, max-age=86400' },
  });
}
