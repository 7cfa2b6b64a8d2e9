/**
 * The seam for the legal basis finder (issue 12 section 1, built elsewhere): the basis step shows
 * its suggestions when a finder is provided. After the merge, the finder's module provides it when
 * the modules are wired, e.g. in its `subscribe` hook:
 *   provideLegalBasisFinder((db, q) => findLegalBasis(db, q).then(toSuggestions))
 * Without a finder the step shows no suggestion and the drafter chooses the basis alone.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { WriterKind } from './domain/kinds.js';

export interface LegalBasisQuery {
  /** Requesting State (ISO alpha-3). */
  from: string;
  /** Requested State. */
  to: string;
  kind: WriterKind;
}

export interface BasisSuggestion {
  /** casework's legal basis vocabulary: untoc, untoc_protocol, uncac, treaty, reciprocity, domestic_law, other. */
  basis: string;
  instrumentId?: string | null;
  article?: string | null;
  /** Why (in the reader's language when the finder gives one). */
  note?: string;
}

export type LegalBasisFinder = (db: Kysely<DB>, q: LegalBasisQuery) => Promise<BasisSuggestion[]>;

let finder: LegalBasisFinder | null = null;

export function provideLegalBasisFinder(f: LegalBasisFinder | null): void {
  finder = f;
}

/** Suggestions for the basis step (none when no finder is provided or it fails: the step still works). */
export async function suggestLegalBases(db: Kysely<DB>, q: LegalBasisQuery): Promise<BasisSuggestion[]> {
  if (!finder) return [];
  try {
    return await finder(db, q);
  } catch {
    return [];
  }
}
