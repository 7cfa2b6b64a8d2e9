/** The cases of the digest (digest module): visible cases that applied UNTOC as a legal basis. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { entryIsVisible } from './visibility.js';

/** Ids of the visible cases whose `untoc_legal_basis` is true, in id order. */
export async function selectUntocCaseIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('entries as e', 'e.id', 'c.entry_id')
    .select('c.entry_id')
    .where('c.untoc_legal_basis', '=', true)
    .where(entryIsVisible('e.id'))
    .orderBy('c.entry_id')
    .execute();
  return rows.map((r) => r.entry_id);
}
