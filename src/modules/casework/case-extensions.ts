/**
 * An extension point of the case page: modules that keep their own pages about a case (the exchange
 * between installations) register a supplier of links at wiring time (their `subscribe` hook), so
 * casework shows them without importing those modules (no cycle: they depend on casework, not the reverse).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/languages.js';
import type { Actor } from '../access/index.js';

export interface CaseLink {
  href: string;
  label: string;
}

/** A supplier may read its own tables (`db`), e.g. the JIT workspaces a case is linked to. */
export type CaseLinkSupplier = (input: { lang: Lang; actor: Actor; caseId: string; direction: string; db: Kysely<DB> }) => CaseLink[] | Promise<CaseLink[]>;

const suppliers: CaseLinkSupplier[] = [];

/** Register a supplier of links for the case page (idempotent). */
export function provideCaseLinks(supplier: CaseLinkSupplier): void {
  if (!suppliers.includes(supplier)) suppliers.push(supplier);
}

export async function caseLinks(input: Parameters<CaseLinkSupplier>[0]): Promise<CaseLink[]> {
  return (await Promise.all(suppliers.map((s) => s(input)))).flat();
}
