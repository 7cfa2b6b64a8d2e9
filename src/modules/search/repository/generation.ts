/**
 * SQL of generations (domain/generation.ts, migration 0051): the generation of a statement's
 * snapshot, read in the same statement as what it describes, and the documents changed since an
 * older generation. Writers only insert (search_transactions, search_changes under their own
 * transaction id), so reading a generation never waits and never makes a writer wait.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { RECENT_LIMIT, parseGeneration } from '../domain/generation.js';

const XMIN = sql`pg_snapshot_xmin(pg_current_snapshot())`;

/**
 * The generation of this statement's snapshot: the greatest writer below xmin, then the writers at
 * or above xmin it sees (at most RECENT_LIMIT listed; ":*" beyond). Two index probes.
 */
export const GENERATION = sql<string>`(
  SELECT coalesce((SELECT t.xid::text FROM search_transactions t WHERE t.xid < ${XMIN} ORDER BY t.xid DESC LIMIT 1), '0')
      || coalesce((SELECT CASE WHEN count(*) > ${sql.lit(RECENT_LIMIT)} THEN ':*' ELSE ':' || string_agg(r.xid::text, ',' ORDER BY r.xid) END
                     FROM (SELECT t.xid FROM search_transactions t WHERE t.xid >= ${XMIN} ORDER BY t.xid LIMIT ${sql.lit(RECENT_LIMIT + 1)}) r
                   HAVING count(*) > 0), ''))`;

/** The generation the search documents are at, for this snapshot. */
export async function readGeneration(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ g: string }>`SELECT ${GENERATION} AS g`.execute(db);
  return r.rows[0]!.g;
}

/**
 * The documents (doc_no, -1 for a truncation) changed by the writers this statement sees and a
 * snapshot at `since` did not: recorded above its `below`, not in its `recent` list. Only the
 * writers seen are visited (a running import's rows are not read). `since` must be listed.
 */
export function changedSince(since: string): RawBuilder<{ doc_no: number }> {
  const g = parseGeneration(since);
  return sql`SELECT DISTINCT ch.doc_no FROM search_transactions t JOIN search_changes ch ON ch.xid = t.xid
             WHERE t.xid > ${String(g.below)}::xid8 AND NOT (t.xid = ANY (${(g.recent ?? []).map(String)}::text[]::xid8[]))`;
}

/** Whether the log was pruned past `since` (changes since it may be missing: read everything again). */
export function prunedSince(since: string): RawBuilder<boolean> {
  return sql`EXISTS (SELECT 1 FROM search_prunes p WHERE p.horizon > ${String(parseGeneration(since).below)}::xid8)`;
}
