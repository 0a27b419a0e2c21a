import { loadContent } from '@/lib/content/load';
import { resolverDescription } from '@/lib/gs1/linkset';

// The GS1 resolver description file, /.well-known/gs1resolver (GS1-Conformant Resolver
// standard). A file in the static export; in the server mode the resolver answers it first.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(resolverDescription(loadContent()));
}
