/** `npm run import -- [--dry-run] [--force] [--content DIR] <file>...`: see lib/import/cli.ts. */
import { main } from '../lib/import/cli';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
