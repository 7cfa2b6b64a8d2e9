import type { Kysely, Transaction } from 'kysely';

/** Split rows so that one multi-row statement stays well under PostgreSQL's 65,535 parameters. */
export function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Run fn in a transaction, or in the caller's transaction if db already is one. */
export async function inTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Transaction<DB> | Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
