/** What the static export holds, as the host configurations need it. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The short link folders of an export (`/T/1.001193/`, `/P/DP01/`, `/L/…/`), sorted. */
export function shortLinkFolders(outDir: string): string[] {
  const folders: string[] = [];
  for (const prefix of ['T', 'P', 'L']) {
    const dir = path.join(outDir, prefix);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(path.join(dir, entry.name, 'index.html')))
        folders.push(`/${prefix}/${entry.name}/`);
    }
  }
  return folders.sort();
}

/** Every file of an export as a URL path (`/vi/index.html`), sorted. */
export function exportPaths(outDir: string): string[] {
  const paths: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${url}${entry.name}/`);
      else if (entry.isFile()) paths.push(url + entry.name);
    }
  };
  walk(outDir, '/');
  return paths.sort();
}
