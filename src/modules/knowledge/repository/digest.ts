/** The cases of the digest (digest module): visible cases that applied UNTOC as a legal basis. */
import { sql, type Kysely } from 'kysely';
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

/**
 * A cheap fingerprint of what the digest is made of: the number, latest change and a sum of content
 * hashes of the cases marked as applying UNTOC (whatever their visibility: publishing or withdrawing
 * a language version changes the content hash) and of the treaties (their titles name the related
 * instruments). Read at every digest request (partial index on cases, no counter row to contend on).
 */
export async function selectCaseLawFingerprint(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ n: string; latest: Date | null; total: string }>`
    SELECT count(*)::text AS n, max(updated_at) AS latest,
           coalesce(sum(('x' || substr(content_hash, 1, 12))::bit(48)::bigint), 0)::text AS total
    FROM (
      SELECT e.updated_at, e.content_hash FROM cases c JOIN entries e ON e.id = c.entry_id WHERE c.untoc_legal_basis
      UNION ALL
      SELECT e.updated_at, e.content_hash FROM entries e WHERE e.type = 'treaty'
    ) s`.execute(db);
  const r = rows[0]!;
  return `${r.n}.${r.latest ? new Date(r.latest).getTime() : 0}.${r.total}`;
}
