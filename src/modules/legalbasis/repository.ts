/** SQL of the legalbasis module: the depositary status sources (table treaty_status_sources). */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { TreatyStatusSourcesTable } from './tables.js';

export type StatusSourceRow = Selectable<TreatyStatusSourcesTable>;

export async function selectStatusSources(db: Kysely<DB>): Promise<StatusSourceRow[]> {
  return db.selectFrom('treaty_status_sources').selectAll().orderBy('treaty_id').execute();
}

export async function upsertStatusSource(db: Kysely<DB>, row: Omit<StatusSourceRow, 'imported_at'>, now: Date): Promise<void> {
  const values = { ...row, imported_at: now };
  await db
    .insertInto('treaty_status_sources')
    .values(values)
    .onConflict((oc) =>
      oc.column('treaty_id').doUpdateSet({
        depositary_number: row.depositary_number,
        source: row.source,
        as_of: row.as_of,
        file_name: row.file_name,
        file_sha256: row.file_sha256,
        parties: row.parties,
        skipped: row.skipped,
        imported_at: now,
      }),
    )
    .execute();
}
