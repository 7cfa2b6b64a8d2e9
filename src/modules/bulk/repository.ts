/** SQL of the bulk module: the import history, and the read-only figures exports need. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import type { EntryType } from '../knowledge/tables.js';
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

/** Entries with at least one published language version, per type (what the public export contains). */
export async function countPublishedEntries(db: Kysely<DB>): Promise<Map<EntryType, { total: number; demo: number }>> {
  const rows = await db
    .selectFrom('entries as e')
    .select(['e.type', sql<number>`count(*)::int`.as('total'), sql<number>`count(*) FILTER (WHERE e.demo)::int`.as('demo')])
    .where((eb) => eb.exists(eb.selectFrom('entry_texts as t').select('t.entry_id').whereRef('t.entry_id', '=', 'e.id').where('t.status', '=', 'published')))
    .groupBy('e.type')
    .execute();
  return new Map(rows.map((r) => [r.type, { total: r.total, demo: r.demo }]));
}

export async function countLaws(db: Kysely<DB>): Promise<{ total: number; demo: number }> {
  const row = await db
    .selectFrom('laws')
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) FILTER (WHERE demo)::int`.as('demo')])
    .executeTakeFirstOrThrow();
  return row;
}

/** Provisions and parties of treaties with a published version (for the CSV datasets). */
export async function countTreatyDetails(db: Kysely<DB>): Promise<{ provisions: number; parties: number }> {
  const published = (column: 'treaty_articles.treaty_id' | 'treaty_parties.treaty_id') =>
    sql<boolean>`EXISTS (SELECT 1 FROM entry_texts t WHERE t.entry_id = ${sql.ref(column)} AND t.status = 'published')`;
  const [p, q] = await Promise.all([
    db.selectFrom('treaty_articles').select(sql<number>`count(*)::int`.as('n')).where(published('treaty_articles.treaty_id')).executeTakeFirstOrThrow(),
    db.selectFrom('treaty_parties').select(sql<number>`count(*)::int`.as('n')).where(published('treaty_parties.treaty_id')).executeTakeFirstOrThrow(),
  ]);
  return { provisions: p.n, parties: q.n };
}

/** Languages of published versions of entries of a type (CSV columns), or of laws, or of treaty provisions. */
export async function selectLanguages(db: Kysely<DB>, of: EntryType | 'law' | 'treaty-provision'): Promise<string[]> {
  if (of === 'law') {
    const rows = await db.selectFrom('law_texts').select('lang').distinct().execute();
    return rows.map((r) => r.lang);
  }
  if (of === 'treaty-provision') {
    const rows = await sql<{ lang: string }>`
      SELECT DISTINCT k AS lang FROM treaty_articles a, LATERAL (SELECT jsonb_object_keys(a.titles) UNION SELECT jsonb_object_keys(a.texts)) AS x(k)`.execute(db);
    return rows.rows.map((r) => r.lang);
  }
  const rows = await db
    .selectFrom('entry_texts as t')
    .innerJoin('entries as e', 'e.id', 't.entry_id')
    .select('t.lang')
    .distinct()
    .where('e.type', '=', of)
    .where('t.status', '=', 'published')
    .execute();
  return rows.map((r) => r.lang);
}

/** Published extracts of the given laws, in their order within each law. */
export async function selectExtractIdsOfLaws(db: Kysely<DB>, lawIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!lawIds.length) return out;
  const rows = await db
    .selectFrom('legislation as l')
    .select(['l.law_id', 'l.entry_id'])
    .where('l.law_id', 'in', [...lawIds])
    .where((eb) => eb.exists(eb.selectFrom('entry_texts as t').select('t.entry_id').whereRef('t.entry_id', '=', 'l.entry_id').where('t.status', '=', 'published')))
    .orderBy('l.law_id')
    .orderBy(sql`l.position NULLS LAST`)
    .orderBy('l.entry_id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.law_id);
    if (list) list.push(r.entry_id);
    else out.set(r.law_id, [r.entry_id]);
  }
  return out;
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
