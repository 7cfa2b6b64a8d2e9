/** All SQL of the writer: its one table, writer_drafts (migration 0068). */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import type { Answers } from './domain/model.js';
import type { WriterKind } from './domain/kinds.js';
import type { WriterDraftsTable } from './tables.js';

export type DraftRow = Selectable<WriterDraftsTable>;

export async function insertDraft(db: Kysely<DB>, row: { case_id: string; authority_id: string; kind: WriterKind; requested_country: string; answers: Answers; created_by: string | null }): Promise<void> {
  await db
    .insertInto('writer_drafts')
    .values({ ...row, answers: json(row.answers), created_at: new Date(), updated_at: new Date() })
    .execute();
}

export function selectDraft(db: Kysely<DB>, caseId: string): Promise<DraftRow | undefined> {
  return db.selectFrom('writer_drafts').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** Save the answers if the draft is still at `version`; undefined when someone saved meanwhile. */
export function updateAnswers(db: Kysely<DB>, caseId: string, version: number, answers: Answers, step: string): Promise<DraftRow | undefined> {
  return db
    .updateTable('writer_drafts')
    .set({
      answers: json(answers),
      saved_steps: sql<string[]>`(SELECT array_agg(DISTINCT s) FROM unnest(array_append(saved_steps, ${step}::text)) s)`,
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The latest drafts of these authorities. */
export function listDrafts(db: Kysely<DB>, authorityIds: readonly string[], limit = 100): Promise<DraftRow[]> {
  if (!authorityIds.length) return Promise.resolve([]);
  return db.selectFrom('writer_drafts').selectAll().where('authority_id', 'in', [...authorityIds]).orderBy('updated_at', 'desc').limit(limit).execute();
}
