/**
 * An extension point of the case page: modules that keep their own pages about a case (the exchange
 * between installations) register a supplier of links at wiring time (their `subscribe` hook), so
 * casework shows them without importing those modules (no cycle: they depend on casework, not the reverse).
 */
import type { Lang } from '../../platform/i18n/languages.js';
import type { Actor } from '../access/index.js';

export interface CaseLink {
  href: string;
  label: string;
}

export type CaseLinkSupplier = (input: { lang: Lang; actor: Actor; caseId: string; direction: string }) => CaseLink[];

const suppliers: CaseLinkSupplier[] = [];

/** Register a supplier of links for the case page (idempotent). */
export function provideCaseLinks(supplier: CaseLinkSupplier): void {
  if (!suppliers.includes(supplier)) suppliers.push(supplier);
}

export function caseLinks(input: Parameters<CaseLinkSupplier>[0]): CaseLink[] {
  return suppliers.flatMap((s) => s(input));
}
