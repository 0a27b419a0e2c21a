/**
 * Lifecycle of published items, decided against the build date so that tests can fix it
 * (BUILD_DATE=YYYY-MM-DD). A printed QR code must keep answering whatever the state.
 */
import { buildDate } from '../dates';
import type { Procedure, Product } from './schema';

export { buildDate };

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
