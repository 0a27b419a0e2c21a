/**
 * Every save from the editor becomes one git commit in the repository that holds the content
 * directory, authored by the logged-in user, so that each edit can be reviewed and reverted
 * (`git log -- content/`, `git revert`).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The top of the git work tree holding `dir`, or an error saying the editor needs one. */
export function contentRepository(dir: string): string {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new Error(
      `The editor commits every save, but the content directory ${dir} is not in a git repository ` +
        `(run \`git init\` there, or point CONTENT_DIR at a checkout).`,
    );
  }
}

/** Commits the changed paths (relative to `dir`) with the user as author; returns the commit id. */
export function commitSave(
  dir: string,
  files: string[],
  author: { name: string; email: string },
  message: string,
): string | null {
  const top = contentRepository(dir);
  const paths = files.map((f) => path.relative(top, path.join(dir, f)));
  git(top, ['add', '--all', '--', ...paths]);
  if (!git(top, ['diff', '--cached', '--name-only', '--', ...paths]).trim()) return null;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  execFileSync('git', ['commit', '--quiet', '-m', message, '--', ...paths], {
    cwd: top,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return git(top, ['rev-parse', 'HEAD']).trim();
}
