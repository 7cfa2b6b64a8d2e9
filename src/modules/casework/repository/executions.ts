/** SQL of executing authorities' tracks (case_executions) and of the case fields forwarding changes. Run inside withCaseScope. */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CaseState, ExecutingBodyKind, ExecutionState } from '../domain/vocabulary.js';

type Trx = Transaction<DB>;

const CASE_COLUMNS = ['id', 'authority_id', 'country', 'direction', 'kind', 'state', 'state_since', 'reference', 'title', 'assigned_to', 'executing_authority_ids', 'partner_deadline', 'partner_country', 'urgency', 'version'] as const;

/** The case with a row lock (forwarding changes it), as far as the scope sees it. */
export async function lockCase(trx: Trx, caseId: string) {
  return trx.selectFrom('casework_cases').select([...CASE_COLUMNS]).where('id', '=', caseId).forUpdate().executeTakeFirst();
}

export async function selectCase(trx: Trx, caseId: string) {
  return trx.selectFrom('casework_cases').select([...CASE_COLUMNS]).where('id', '=', caseId).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof selectCase>>>;

export async function updateCaseForwarded(trx: Trx, caseId: string, f: { executingAuthorityIds: string[]; state: CaseState; stateChanged: boolean }): Promise<number> {
  const row = await trx
    .updateTable('casework_cases')
    .set((eb) => ({
      executing_authority_ids: f.executingAuthorityIds,
      state: f.state,
      ...(f.stateChanged ? { state_since: sql<Date>`now()` } : {}),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', caseId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function insertExecution(
  trx: Trx,
  e: { caseId: string; executingAuthorityId: string | null; executingName: string; bodyKind: ExecutingBodyKind; measures: string[]; forwardedOn: string; dueOn: string | null; note: string },
) {
  return trx
    .insertInto('case_executions')
    .values({ case_id: e.caseId, executing_authority_id: e.executingAuthorityId, executing_name: e.executingName, body_kind: e.bodyKind, measures: e.measures, forwarded_on: e.forwardedOn, due_on: e.dueOn, note: e.note })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

const EXEC_COLUMNS = ['id', 'case_id', 'executing_authority_id', 'executing_name', 'body_kind', 'state', 'state_since', 'their_reference', 'measures', 'forwarded_on', 'due_on', 'last_news_on', 'chased_on', 'reason', 'note', 'version', 'updated_at'] as const;

export async function selectExecution(trx: Trx, id: string, lock = false) {
  const q = trx.selectFrom('case_executions').select([...EXEC_COLUMNS]).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}
export type ExecutionRow = NonNullable<Awaited<ReturnType<typeof selectExecution>>>;

/** The tracks of a case the scope sees (an executing authority sees only its own). */
export async function selectExecutionsOfCase(trx: Trx, caseId: string): Promise<ExecutionRow[]> {
  return trx.selectFrom('case_executions').select([...EXEC_COLUMNS]).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

/** An active track of this authority on the case (forwarding twice to one authority is refused). */
export async function selectActiveTrackOf(trx: Trx, caseId: string, executingAuthorityId: string) {
  return trx
    .selectFrom('case_executions')
    .select('id')
    .where('case_id', '=', caseId)
    .where('executing_authority_id', '=', executingAuthorityId)
    .where('state', 'not in', ['executed', 'unable_to_execute', 'withdrawn'])
    .executeTakeFirst();
}

export async function updateExecutionState(trx: Trx, id: string, f: { state: ExecutionState; newsOn: string; reason: string | null; note: string | null; theirReference: string | null }): Promise<number> {
  const row = await trx
    .updateTable('case_executions')
    .set((eb) => ({
      state: f.state,
      state_since: sql<Date>`now()`,
      last_news_on: f.newsOn,
      ...(f.reason !== null ? { reason: f.reason } : {}),
      ...(f.note !== null ? { note: f.note } : {}),
      ...(f.theirReference !== null ? { their_reference: f.theirReference } : {}),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function updateExecutionChased(trx: Trx, id: string, on: string): Promise<void> {
  await trx
    .updateTable('case_executions')
    .set((eb) => ({ chased_on: on, version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', id)
    .execute();
}

/** Tracks of the given executing authorities, with what their officers need of the case. */
export async function selectTracksOfAuthorities(trx: Trx, authorityIds: readonly string[], f: { open: boolean; limit: number }) {
  if (!authorityIds.length) return [];
  let q = trx
    .selectFrom('case_executions as e')
    .innerJoin('casework_cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.case_id', 'e.executing_authority_id', 'e.executing_name', 'e.body_kind', 'e.state', 'e.state_since', 'e.their_reference', 'e.measures', 'e.forwarded_on', 'e.due_on', 'e.last_news_on', 'e.chased_on', 'e.reason', 'e.note', 'e.version', 'e.updated_at'])
    .select(['c.reference', 'c.title', 'c.kind', 'c.urgency', 'c.partner_country', 'c.authority_id as owner_authority_id'])
    .where('e.executing_authority_id', 'in', [...authorityIds]);
  if (f.open) q = q.where('e.state', 'not in', ['executed', 'unable_to_execute', 'withdrawn']);
  return q.orderBy(sql`e.due_on NULLS LAST`).orderBy('e.forwarded_on').orderBy('e.id').limit(f.limit).execute();
}
export type AuthorityTrackRow = Awaited<ReturnType<typeof selectTracksOfAuthorities>>[number];
