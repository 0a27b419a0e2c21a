/**
 * The sidecar content/.import-state.json: for each procedure, a hash of every part the importer
 * last wrote. A part whose current value no longer matches its hash was edited by hand, and later
 * imports leave it alone unless --force is given.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const STATE_FILE = '.import-state.json';

const stateSchema = z.strictObject({
  version: z.literal(1),
  about: z.string().optional(),
  procedures: z.record(z.string(), z.record(z.string(), z.string())),
});
export type ImportState = z.infer<typeof stateSchema>;

const ABOUT =
  'Written by `npm run import`: a hash of each part of a procedure it wrote, so that a later ' +
  'import can tell its own output from a hand edit. Deleting this file makes every existing ' +
  'part count as edited by hand.';

/** Key order does not matter (YAML maps), array order does. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashValue(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex').slice(0, 16);
}

export function readState(contentDir: string): ImportState | string {
  const file = path.join(contentDir, STATE_FILE);
  if (!existsSync(file)) return { version: 1, procedures: {} };
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Reported below like a shape problem.
  }
  return `${STATE_FILE} is damaged: restore it from version control, or delete it (then every existing part counts as edited by hand)`;
}

export function serializeState(state: ImportState): string {
  const procedures: ImportState['procedures'] = {};
  for (const code of Object.keys(state.procedures).sort()) {
    const units = state.procedures[code];
    if (!Object.keys(units).length) continue;
    procedures[code] = Object.fromEntries(
      Object.keys(units)
        .sort()
        .map((u) => [u, units[u]]),
    );
  }
  return `${JSON.stringify({ version: 1, about: ABOUT, procedures }, null, 2)}\n`;
}
