/**
 * The database side of casework isolation. Every casework statement runs inside withCaseScope:
 * the transaction switches to the role palermo_casework (subject to the row-level security policies
 * of migration 0055) and names the authorities it acts for in palermo.casework_authorities. A
 * statement that forgot its permission check still sees only those authorities' cases and what was
 * forwarded to them. Other modules' writes in the same transaction (audit, jobs) run after the scope
 * ends (RESET ROLE), as the application's own role.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';

const AUTHORITY_ID = /^[A-Za-z0-9._:-]{1,120}$/;

/** Run fn as the casework role, seeing only the given authorities' cases. Not to be nested. */
export async function withCaseScope<T>(db: Kysely<DB>, authorityIds: readonly string[], fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (const id of authorityIds) if (!AUTHORITY_ID.test(id)) throw new Error(`Not an authority identifier: ${JSON.stringify(id)}`);
  const run = async (trx: Transaction<DB>) => {
    // One statement each way (SET LOCAL ROLE and RESET ROLE as set_config of "role"): every round
    // trip counts in a worklist's or case page's time, and these run on every casework request.
    await sql`SELECT set_config('palermo.casework_authorities', ${authorityIds.join(',')}, true), set_config('role', 'palermo_casework', true)`.execute(trx);
    const result = await fn(trx);
    await sql`SELECT set_config('role', 'none', true), set_config('palermo.casework_authorities', '', true)`.execute(trx);
    return result;
  };
  if (db.isTransaction) return run(db as Transaction<DB>);
  return db.transaction().execute(run);
}
