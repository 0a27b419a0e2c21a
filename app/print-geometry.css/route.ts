import { printGeometryCss } from '@/lib/print/geometry-css';

export const dynamic = 'force-static';

export function GET() {
  return new Response(printGeometryCss(), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
}
