/** SQL of the bulk module: the import history, stored files of exports, planner statistics. Knowledge figures come from ../knowledge/index.js. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import type { ImportFormat, ImportOutcome } from './tables.js';

export async function insertImportRun(
  db: Kysely<DB>,
  run: { file_name: string; format: ImportFormat; record_type: string | null; sha256: string; byte_size: number; dry_run: boolean; owner_host: string; owner_pid: number },
): Promise<number> {
  const row = await db
    .insertInto('import_runs')
    .values({ ...run, errors: json([]), heartbeat_at: sql`now()` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The importing process is alive: refresh the run's heartbeat. */
export async function touchImportRun(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('import_runs').set({ heartbeat_at: sql`now()` }).where('id', '=', id).where('outcome', '=', 'running').execute();
}

/** Runs still marked running, with their owner and the age of their last sign of life. */
export async function selectRunningImportRuns(db: Kysely<DB>) {
  return db
    .selectFrom('import_runs')
    .select(['id', 'owner_host', 'owner_pid', sql<number>`extract(epoch FROM now() - coalesce(heartbeat_at, started_at))::float8`.as('silent_s')])
    .where('outcome', '=', 'running')
    .orderBy('id')
    .execute();
}

/** Mark runs interrupted (their process is gone); a run that finished meanwhile is left alone. */
export async function markImportRunsInterrupted(db: Kysely<DB>, ids: readonly number[], message: string): Promise<number> {
  if (!ids.length) return 0;
  const r = await db
    .updateTable('import_runs')
    .set({ outcome: 'interrupted', finished_at: sql`now()`, message })
    .where('id', 'in', [...ids])
    .where('outcome', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function finishImportRun(
  db: Kysely<DB>,
  id: number,
  result: {
    outcome: Exclude<ImportOutcome, 'running'>;
    records: number;
    created: number;
    updated: number;
    unchanged: number;
    error_count: number;
    errors: { line?: number; field: string; message: string }[];
    message: string;
  },
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ ...result, errors: json(result.errors), finished_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function selectImportRuns(db: Kysely<DB>, limit: number) {
  return db.selectFrom('import_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** The bytes of stored files (law attachments), for a full-fidelity export. */
export async function selectFileContents(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, Buffer>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('files').select(['id', 'content']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.content]));
}

/**
 * Refresh the planner's statistics after a bulk load. PGlite has no autovacuum: without this, tables
 * filled by an import keep "empty table" estimates and queries such as the keyset pages of an export
 * pick nested loops (seconds per page instead of milliseconds).
 */
export async function analyzeTables(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
