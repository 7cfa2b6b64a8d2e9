/** SQL of the bulk module: the import history, stored files of exports, planner statistics. Knowledge figures come from ../knowledge/index.js. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import type { ImportFormat, ImportOutcome } from './tables.js';

export async function insertImportRun(
  db: Kysely<DB>,
  run: { file_name: string; format: ImportFormat; record_type: string | null; sha256: string; byte_size: number; dry_run: boolean },
): Promise<number> {
  const row = await db.insertInto('import_runs').values({ ...run, errors: json([]) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
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
