/**
 * Lifecycle of published items, decided against the build date so that tests can fix it
 * (BUILD_DATE=YYYY-MM-DD). A printed QR code must keep answering whatever the state.
 */
import type { Procedure, Product } from './schema';

/** The date the site is built for: BUILD_DATE when set, else today (UTC). */
export function buildDate(): string {
  const fixed = process.env.BUILD_DATE;
  if (fixed) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`BUILD_DATE must be YYYY-MM-DD, got "${fixed}"`);
    return fixed;
  }
  return new Date().toISOString().slice(0, 10);
}

export type ProcedureStatus = 'in-force' | 'upcoming' | 'repealed';

export function procedureStatus(p: Procedure, on: string = buildDate()): ProcedureStatus {
  if (p.repealedOn && p.repealedOn <= on) return 'repealed';
  if (p.effectiveFrom && p.effectiveFrom > on) return 'upcoming';
  return 'in-force';
}

/** Procedures shown in lists and search: in force on the date. Others keep their pages only. */
export function isListed(p: Procedure, on: string = buildDate()): boolean {
  return procedureStatus(p, on) === 'in-force';
}

export type ProductStatus = 'certified' | 'expired' | 'withdrawn';

export function productStatus(p: Product, on: string = buildDate()): ProductStatus {
  if (p.withdrawn && p.withdrawn.on <= on) return 'withdrawn';
  if (p.certificate.expires && p.certificate.expires < on) return 'expired';
  return 'certified';
}
