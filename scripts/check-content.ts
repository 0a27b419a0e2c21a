/**
 * Validates the content directory (CONTENT_DIR, else ./content) without building: every problem
 * is listed with its file, field and reason. Exit code 1 when anything is wrong.
 */
import { ContentError, loadContent } from '../lib/content/load';

try {
  const c = loadContent();
  console.log(
    `Content OK (${c.dir}): ${c.procedures.length} procedures in ${c.fields.length} fields, ` +
      `${c.products.length} OCOP products.`,
  );
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  console.error(e.message);
  process.exit(1);
}
