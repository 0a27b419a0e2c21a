import { loadContent } from '@/lib/content/load';
import { allVariants, imageContentType, renderVariant, type ImageFormat } from '@/lib/images';
import { getProduct } from '@/lib/content/lookup';

export const dynamic = 'force-static';

export async function generateStaticParams() {
  return allVariants(loadContent().products);
}

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ slug: string; file: string }> },
) {
  const { slug, file } = await params;
  const product = getProduct(loadContent(), slug);
  const body = product && (await renderVariant(product, file));
  if (!body) return new Response('Not found', { status: 404 });
  const format = file.split('.').pop() as ImageFormat;
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': imageContentType[format],
      'Cache-Control': 'public, max-age=86400',
    },
  });
}
