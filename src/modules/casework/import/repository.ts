/**
 * SQL of bulk case writes (import, demo, bench), run inside withCaseScope: multi-row inserts of the
 * case rows and, for generated histories, of the events with their hash chain computed in JS (the
 * same eventHash as appendEvent, so verifyChain accepts them).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { chunks } from '../../../platform/db/batch.js';
import { insertJsonRows } from '../../../platform/db/bulk.js';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import { eventHash, GENESIS_HASH } from '../domain/history.js';
import type { CaseRows } from '../domain/record-rows.js';
import type { Direction, EventType } from '../domain/vocabulary.js';

export interface PlannedEvent {
  type: EventType;
  data: Record<string, unknown>;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actingAuthorityId: string | null;
}

type EventRow = DB['case_events'] extends infer _ ? { case_id: string; seq: number; at: string; actor_id: string | null; actor_name: string | null; acting_authority_id: string | null; type: EventType; data: string; prev_hash: string; hash: string } : never;

/** Chain a case's events in JS: the rows to insert and the head to keep on the case row. */
export function chainEvents(caseId: string, events: readonly PlannedEvent[]): { rows: EventRow[]; seq: number; head: string } {
  let prev = GENESIS_HASH;
  const rows: EventRow[] = events.map((e, i) => {
    const at = e.at.toISOString();
    const hash = eventHash(prev, { caseId, seq: i + 1, at, actorId: e.actorId, actingAuthorityId: e.actingAuthorityId, type: e.type, data: e.data });
    const row = { case_id: caseId, seq: i + 1, at, actor_id: e.actorId, actor_name: e.actorName, acting_authority_id: e.actingAuthorityId, type: e.type, data: json(e.data), prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  return { rows, seq: rows.length, head: prev };
}

/** Insert the rows of many cases with multi-row statements (the case rows may carry history_seq/head). */
export async function insertCaseRows(trx: Transaction<DB>, cases: readonly CaseRows[], events: readonly EventRow[] = []): Promise<void> {
  for (const part of chunks(cases.map((c) => c.case), 400)) await trx.insertInto('casework_cases').values(part).execute();
  for (const part of chunks(cases.flatMap((c) => c.executions), 1000)) await trx.insertInto('case_executions').values(part).execute();
  for (const part of chunks(cases.flatMap((c) => c.persons), 1000)) await trx.insertInto('case_persons').values(part).execute();
  for (const part of chunks(cases.flatMap((c) => c.legalBases), 2000)) await trx.insertInto('case_legal_bases').values(part).execute();
  for (const part of chunks(cases.flatMap((c) => c.deadlines), 2000)) await trx.insertInto('case_deadlines').values(part).execute();
  for (const part of chunks(events, 2000)) await trx.insertInto('case_events').values(part).execute();
}

/**
 * Load many generated cases with their chained histories at once (the bench's 1,000,000 requests, a
 * large demo): one statement per table (insertJsonRows), as the tables' owner. The two row triggers
 * that derive data (case_legal_bases_types, case_events_state_stay: one UPDATE of the case per legal
 * basis, one plpgsql call per event) are lifted for this transaction only and their result written
 * set-based instead: legal_basis_types on the case rows, the stays by migration 0064's statement for
 * these cases. The table locks this takes hold until the caller's transaction ends. Not for a
 * transaction running as palermo_casework: the caller is the owner (no row-level security).
 */
export async function bulkInsertCaseRows(trx: Transaction<DB>, cases: readonly CaseRows[], events: readonly EventRow[]): Promise<void> {
  if (!cases.length) return;
  await sql`ALTER TABLE case_legal_bases DISABLE TRIGGER case_legal_bases_types`.execute(trx);
  await sql`ALTER TABLE case_events DISABLE TRIGGER case_events_state_stay`.execute(trx);
  const withTypes = cases.map((c) => ({ ...c.case, legal_basis_types: [...new Set(c.legalBases.map((b) => b.basis))].sort() }));
  await insertJsonRows(trx, 'casework_cases', withTypes);
  await insertJsonRows(trx, 'case_executions', cases.flatMap((c) => c.executions));
  await insertJsonRows(trx, 'case_persons', cases.flatMap((c) => c.persons), ['identity_documents']);
  await insertJsonRows(trx, 'case_legal_bases', cases.flatMap((c) => c.legalBases));
  await insertJsonRows(trx, 'case_deadlines', cases.flatMap((c) => c.deadlines));
  for (const part of chunks(events, 20_000)) await insertJsonRows(trx, 'case_events', part, ['data']);
  const ids = sql`${sql.val(cases.map((c) => c.case.id))}::uuid[]`;
  await sql`
    INSERT INTO case_state_stays (case_id, seq, authority_id, state, entered_at, left_at)
    SELECT s.case_id, s.seq, c.authority_id, s.state, s.previous, s.at
    FROM (
      SELECT e.case_id, e.seq, e.type, e.at, e.data->>'from' AS state, lag(e.at) OVER (PARTITION BY e.case_id ORDER BY e.seq) AS previous
      FROM case_events e WHERE e.case_id = ANY (${ids}) AND e.type IN ('created', 'transition', 'imported')
    ) s JOIN casework_cases c ON c.id = s.case_id
    WHERE s.type = 'transition' AND s.state IS NOT NULL AND s.previous IS NOT NULL
    ON CONFLICT (case_id, seq) DO NOTHING`.execute(trx);
  await sql`ALTER TABLE case_events ENABLE TRIGGER case_events_state_stay`.execute(trx);
  await sql`ALTER TABLE case_legal_bases ENABLE TRIGGER case_legal_bases_types`.execute(trx);
}

/** Which of these references the authority already uses. */
export async function existingReferences(trx: Transaction<DB>, authorityId: string, references: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(references, 5000)) {
    const rows = await trx.selectFrom('casework_cases').select('reference').where('authority_id', '=', authorityId).where('reference', 'in', part).execute();
    for (const r of rows) if (r.reference) found.add(r.reference);
  }
  return found;
}

/** The authority's casework settings (reference patterns and country), if it has any. */
export async function selectSettings(trx: Transaction<DB>, authorityId: string) {
  return trx.selectFrom('casework_settings').select(['country', 'incoming_pattern', 'outgoing_pattern']).where('authority_id', '=', authorityId).executeTakeFirst();
}

/** Move the reference counters past imported numbers (never back). */
export async function raiseCounters(trx: Transaction<DB>, authorityId: string, highest: readonly { direction: Direction; year: number; number: number }[]): Promise<void> {
  if (!highest.length) return;
  await trx
    .insertInto('case_reference_counters')
    .values(highest.map((h) => ({ authority_id: authorityId, direction: h.direction, year: h.year, last_number: h.number })))
    .onConflict((oc) => oc.columns(['authority_id', 'direction', 'year']).doUpdateSet({ last_number: sql`GREATEST(case_reference_counters.last_number, excluded.last_number)` }))
    .execute();
}

/** Delete the demo cases and everything of theirs (the history trigger is lifted for this statement only). */
export async function deleteDemoCases(trx: Kysely<DB>): Promise<number> {
  const ids = sql`(SELECT id FROM casework_cases WHERE demo)`;
  await sql`ALTER TABLE case_events DISABLE TRIGGER case_events_no_change`.execute(trx);
  await sql`ALTER TABLE case_access_log DISABLE TRIGGER case_access_log_no_change`.execute(trx);
  // Every table whose rows hang on a case (migrations 0055, 0061, 0064).
  for (const t of ['case_events', 'case_access_log', 'case_notifications', 'case_state_stays', 'case_deadlines', 'case_persons', 'case_legal_bases', 'case_document_chunks', 'case_documents', 'case_links', 'case_executions'] as const) {
    if (t === 'case_document_chunks') await sql`DELETE FROM case_document_chunks WHERE document_id IN (SELECT id FROM case_documents WHERE case_id IN ${ids})`.execute(trx);
    else if (t === 'case_links') await sql`DELETE FROM case_links WHERE case_id IN ${ids} OR other_case_id IN ${ids}`.execute(trx);
    else await sql`DELETE FROM ${sql.table(t)} WHERE case_id IN ${ids}`.execute(trx);
  }
  const r = await sql`DELETE FROM casework_cases WHERE demo`.execute(trx);
  await sql`ALTER TABLE case_events ENABLE TRIGGER case_events_no_change`.execute(trx);
  await sql`ALTER TABLE case_access_log ENABLE TRIGGER case_access_log_no_change`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}
