import { loadContent } from '@/lib/content/load';
import { productLinkset } from '@/lib/gs1/linkset';
import { LINKSET_TYPE } from '@/lib/gs1/resolver';
import { getProductByGtin } from '@/lib/content/lookup';

// The product's GS1 linkset as a file of the static export (/01/{gtin14}/linkset.json), for a
// static host to serve at /01/{gtin14}?linkType=linkset (README "Triển khai"). The server mode
// answers that request in its resolver and never reaches this route.
export const dynamic = 'force-static';

export function generateStaticParams() {
  return loadContent().products.flatMap((p) => (p.gtin ? [{ gtin: p.gtin }] : []));
}

export async function GET(_req: Request, { params }: { params: Promise<{ gtin: string }> }) {
  const { gtin } = await params;
  const content = loadContent();
  const product = getProductByGtin(content, gtin);
  if (!product) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(productLinkset(content.site, product), null, 2), {
    headers: { 'Content-Type': LINKSET_TYPE },
  });
}
