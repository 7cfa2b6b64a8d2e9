/**
 * The codes of reference data that knowledge records refer to (countries, taxonomy terms). The
 * reference module owns them and depends on knowledge (it loads the shipped instruments through
 * saveRecords), so knowledge cannot import it: the reference module supplies them instead, when the
 * modules are wired (its `subscribe` hook, run by openRuntime before anything is read or written).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export interface ReferenceCodes {
  /** ISO 3166-1 alpha-3 codes. */
  countries: ReadonlySet<string>;
  /** Codes of States (what can be a party to a treaty); every country when absent. */
  states?: ReadonlySet<string>;
  /** Codes of States and areas with their own regime (what can cooperate in a case); every country when absent. */
  partners?: ReadonlySet<string>;
  /** "taxonomy:code", e.g. "crime:corruption". */
  terms: ReadonlySet<string>;
}

export type ReferenceCodesProvider = (db: Kysely<DB>) => Promise<ReferenceCodes>;

let provider: ReferenceCodesProvider | undefined;

/** Supply the reference codes (the reference module does, at start-up). Supplying again replaces the provider. */
export function provideReferenceCodes(p: ReferenceCodesProvider): void {
  provider = p;
}

/** The reference codes now, read through the provider in the caller's transaction (if any). */
export function referenceCodes(db: Kysely<DB>): Promise<ReferenceCodes> {
  if (!provider) throw new Error('No provider of reference codes: the reference module supplies them when openRuntime wires the modules');
  return provider(db);
}
