/**
 * Treaty participation of several States at once (the legal basis finder: the requesting and the
 * requested State), every field of the status row, for public treaties only.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { ConsentKind } from '../tables.js';
import { entryIsVisible } from './visibility.js';

export interface StatePartyRow {
  treaty_id: string;
  country: string;
  signed_on: string | null;
  consent_kind: ConsentKind | null;
  consent_on: string | null;
  entry_into_force_on: string | null;
  reservations: string | null;
  declarations: string | null;
  demo: boolean;
}

export async function selectPartiesOfStates(db: Kysely<DB>, countries: readonly string[]): Promise<StatePartyRow[]> {
  if (!countries.length) return [];
  return (await db
    .selectFrom('treaty_parties')
    .select(['treaty_id', 'country', 'signed_on', 'consent_kind', 'consent_on', 'entry_into_force_on', 'reservations', 'declarations', 'demo'])
    .where('country', 'in', [...new Set(countries)])
    .where(entryIsVisible('treaty_parties.treaty_id'))
    .orderBy('treaty_id')
    .orderBy('country')
    .execute()) as StatePartyRow[];
}
