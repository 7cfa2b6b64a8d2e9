/** SQL of the legalbasis module: the depositary status sources (table treaty_status_sources). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export interface StatusSourceRow {
  treaty_id: string;
  depositary_number: string;
  source: string;
  as_of: string;
  file_name: string;
  file_sha256: string;
  parties: number;
  skipped: string[];
  imported_at: Date;
}

export async function selectStatusSources(db: Kysely<DB>): Promise<StatusSourceRow[]> {
  return (await db.selectFrom('treaty_status_sources').selectAll().orderBy('treaty_id').execute()) as StatusSourceRow[];
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
