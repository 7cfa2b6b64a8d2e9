/**
 * National e-evidence provisions of a State, for the hub and the country page: its legislation tagged
 * with the cross-cutting issue "electronic evidence" (knowledge, through its public entry) and its
 * authorities' e-evidence requirements and 24/7 contact points (directory, as the reader may see them).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../access/index.js';
import { authoritiesOfCountry, type AuthorityView } from '../directory/index.js';
import { entryBlock, type EntrySummary } from '../knowledge/index.js';

export const E_EVIDENCE_TERM = { taxonomy: 'issue', code: 'electronic-evidence' } as const;
const LIST_SIZE = 10;

export interface NationalProvisionsModel {
  iso3: string;
  legislation: { total: number; items: EntrySummary[] };
  /** Authorities with e-evidence requirements the reader may see, or designated as 24/7 contact point. */
  authorities: AuthorityView[];
}

export async function nationalProvisions(db: Kysely<DB>, actor: Actor, iso3: string): Promise<NationalProvisionsModel> {
  const [legislation, authorities] = await Promise.all([
    entryBlock(db, { type: 'legislation', country: iso3, term: E_EVIDENCE_TERM }, LIST_SIZE, 'position'),
    authoritiesOfCountry(db, actor, iso3),
  ]);
  return { iso3, legislation, authorities: authorities.filter((a) => a.doc.e_evidence || a.doc.functions.some((f) => f.code === 'cyber-24-7')) };
}
