/** The pg-boss pieces shared by enqueue, the repository and the queue: schema, executor, statement builder. */
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';

/** PostgreSQL schema holding pg-boss's tables (created by migration 0050, filled by pg-boss). */
export const JOBS_SCHEMA = 'pgboss';

/** pg-boss's "db" interface over a Kysely connection or transaction (so its statements join it). */
export function kyselyExecutor(db: Kysely<any>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as any[] };
    },
  };
}

const unconnected: PgBoss.Db = {
  executeSql() {
    throw new Error('the job statement builder has no connection of its own: pass the caller’s transaction');
  },
};

/** A pg-boss instance that is never started: it only builds statements, run on a connection given each time. */
export const statements = new PgBoss({ db: unconnected, schema: JOBS_SCHEMA, supervise: false, schedule: false, migrate: false });
