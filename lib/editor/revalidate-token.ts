/**
 * Where the editor step leaves, in the server process, the token the revalidation route
 * (app/api/editor/revalidate) accepts: only a save made through the step republishes pages.
 */
const KEY = '__portalRevalidateToken';
type Holder = { [KEY]?: string };

export function setRevalidateToken(token: string): void {
  (globalThis as Holder)[KEY] = token;
}

export function revalidateToken(): string | undefined {
  return (globalThis as Holder)[KEY];
}
