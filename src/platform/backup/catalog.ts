/** What a backup holds, read from the database's catalogue (no module's tables are named here). */
import type pg from 'pg';

/** Type parsers that keep every value as PostgreSQL's text output. */
export const rawText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

export interface TableColumns {
  name: string;
  /** Stored columns in order (generated columns are computed again on restore). */
  columns: string[];
}

/**
 * The tables of the public schema whose rows a backup holds. Left out: unlogged tables (rate-limit
 * counters: lost after a crash anyway) and tables with a transaction-id column (xid, xid8: the
 * search change log, meaningful only in the database whose transactions they name; a restored
 * database starts them empty and every node reads its search indexes whole).
 */
export async function backupTables(client: pg.ClientBase): Promise<{ tables: TableColumns[]; skipped: string[] }> {
  const r = await client.query<{ name: string; skip: boolean; columns: string[] }>(`
    SELECT c.relname AS name,
           (c.relpersistence <> 'p' OR EXISTS (
              SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid AND x.attnum > 0 AND NOT x.attisdropped
                 AND x.atttypid IN ('xid'::regtype, 'xid8'::regtype))) AS skip,
           ARRAY(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ORDER BY a.attnum) AS columns
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r'
     ORDER BY c.relname`);
  return {
    tables: r.rows.filter((t) => !t.skip).map((t) => ({ name: t.name, columns: t.columns })),
    skipped: r.rows.filter((t) => t.skip).map((t) => t.name),
  };
}

export async function sequenceNames(client: pg.ClientBase): Promise<string[]> {
  const r = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`);
  return r.rows.map((x) => x.name);
}

/** Relations in the public schema (tables, views, sequences): 0 for an empty database. */
export async function publicRelationCount(client: pg.ClientBase): Promise<number> {
  const r = await client.query<{ n: string }>(`
    SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'v', 'm', 'S')`);
  return Number(r.rows[0]!.n);
}

/** Every table of the public schema (restore empties them before loading). */
export async function allPublicTables(client: pg.ClientBase): Promise<string[]> {
  const r = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`);
  return r.rows.map((x) => x.name);
}
