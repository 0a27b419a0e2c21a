import { revalidatePath } from 'next/cache';
import { revalidateToken } from '@/lib/editor/revalidate-token';

// Server mode only (next.config.ts pageExtensions): called by the editor step after a save, in
// the same process, so that every page regenerates with the new content on its next request.
export async function POST(request: Request) {
  const token = revalidateToken();
  if (!token || request.headers.get('x-revalidate-token') !== token)
    return new Response('Forbidden', { status: 403 });
  revalidatePath('/', 'layout');
  return new Response('revalidated');
}
