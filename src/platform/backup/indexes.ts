/**
 * A restore builds the secondary indexes after loading the rows, as pg_restore does: building a
 * GIN or B-tree index once over all rows is many times faster than maintaining it row by row
 * (the search tables' GIN indexes most of all). Indexes that back a constraint (primary keys,
 * unique constraints, the keys foreign keys point at) stay. Runs inside the restore's transaction.
 */
import type pg from 'pg';
import { ident, sqlText } from './format.js';

export interface SecondaryIndex {
  name: string;
  definition: string;
  comment: string | null;
}

/** Drop the public schema's secondary indexes; returns how to build them again. */
export async function dropSecondaryIndexes(client: pg.ClientBase): Promise<SecondaryIndex[]> {
  const r = await client.query<SecondaryIndex>(`
    SELECT ic.relname::text AS name, pg_get_indexdef(i.indexrelid) AS definition, obj_description(i.indexrelid, 'pg_class') AS comment
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = ic.relnamespace
     WHERE n.nspname = 'public' AND NOT i.indisreplident AND NOT i.indisclustered
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = i.indexrelid AND d.deptype = 'i')
     ORDER BY ic.relname`);
  if (r.rows.length) await client.query(`DROP INDEX ${r.rows.map((x) => `public.${ident(x.name)}`).join(', ')}`);
  return r.rows;
}

/** Build the indexes again, with their comments. */
export async function createIndexes(client: pg.ClientBase, indexes: SecondaryIndex[]): Promise<void> {
  for (const x of indexes) {
    await client.query(x.definition);
    if (x.comment !== null) await client.query(`COMMENT ON INDEX public.${ident(x.name)} IS ${sqlText(x.comment)}`);
  }
}
