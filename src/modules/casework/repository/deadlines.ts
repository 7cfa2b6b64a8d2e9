/** SQL of deadlines, casework settings (calendar, chase period), service levels and deputies. Run inside withCaseScope. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import type { CaseKind, CaseState, DeadlineKind } from '../domain/vocabulary.js';

type Trx = Transaction<DB>;

const DEADLINE_COLUMNS = ['id', 'case_id', 'execution_id', 'kind', 'label', 'due_on', 'met_on', 'reminded_at', 'overdue_notified_at', 'created_at'] as const;

export async function insertDeadline(trx: Trx, d: { caseId: string; executionId: string | null; kind: DeadlineKind; label: string; dueOn: string }) {
  return trx.insertInto('case_deadlines').values({ case_id: d.caseId, execution_id: d.executionId, kind: d.kind, label: d.label, due_on: d.dueOn }).returning([...DEADLINE_COLUMNS]).executeTakeFirstOrThrow();
}

export async function selectDeadline(trx: Trx, id: string) {
  return trx.selectFrom('case_deadlines').select([...DEADLINE_COLUMNS]).where('id', '=', id).forUpdate().executeTakeFirst();
}
export type DeadlineRow = NonNullable<Awaited<ReturnType<typeof selectDeadline>>>;

export async function selectDeadlinesOfCase(trx: Trx, caseId: string): Promise<DeadlineRow[]> {
  return trx.selectFrom('case_deadlines').select([...DEADLINE_COLUMNS]).where('case_id', '=', caseId).orderBy('due_on').orderBy('id').execute();
}

export async function updateDeadline(trx: Trx, id: string, f: { label: string; dueOn: string }): Promise<void> {
  // A new date is a new deadline for reminders: they are owed again.
  await trx.updateTable('case_deadlines').set({ label: f.label, due_on: f.dueOn, reminded_at: null, overdue_notified_at: null }).where('id', '=', id).execute();
}

export async function markDeadlineMet(trx: Trx, id: string, on: string): Promise<void> {
  await trx.updateTable('case_deadlines').set({ met_on: on }).where('id', '=', id).execute();
}

/** Mark the open deadlines of a track met (the track ended); returns them. */
export async function meetTrackDeadlines(trx: Trx, executionId: string, on: string) {
  return trx.updateTable('case_deadlines').set({ met_on: on }).where('execution_id', '=', executionId).where('met_on', 'is', null).returning(['id', 'label']).execute();
}

export async function markReminded(trx: Trx, id: string, field: 'reminded_at' | 'overdue_notified_at'): Promise<boolean> {
  const r = await trx.updateTable('case_deadlines').set({ [field]: sql`now()` }).where('id', '=', id).where(field, 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- settings -------------------------------------------------------------------------------

export interface SettingsRow {
  authority_id: string;
  country: string;
  holidays: string[];
  working_days: number[];
  chase_after_days: number;
  remind_days_before: number;
  statutory_days: Record<string, number>;
}

export async function selectSettings(trx: Trx, authorityId: string): Promise<SettingsRow | undefined> {
  return trx
    .selectFrom('casework_settings')
    .select(['authority_id', 'country', sql<string[]>`holidays::text[]`.as('holidays'), 'working_days', 'chase_after_days', 'remind_days_before', 'statutory_days'])
    .where('authority_id', '=', authorityId)
    .executeTakeFirst() as Promise<SettingsRow | undefined>;
}

export async function upsertSettings(trx: Trx, s: SettingsRow): Promise<void> {
  const values = {
    holidays: sql<string[]>`${s.holidays}::date[]`,
    working_days: s.working_days,
    chase_after_days: s.chase_after_days,
    remind_days_before: s.remind_days_before,
    statutory_days: json(s.statutory_days),
    updated_at: sql<Date>`now()`,
  };
  await trx
    .insertInto('casework_settings')
    .values({ authority_id: s.authority_id, country: s.country, ...values } as never)
    .onConflict((oc) => oc.column('authority_id').doUpdateSet(values as never))
    .execute();
}

export async function selectServiceLevels(trx: Trx, authorityId: string) {
  return trx.selectFrom('casework_service_levels').select(['kind', 'state', 'days', 'working_days', 'updated_at']).where('authority_id', '=', authorityId).orderBy('kind').orderBy('state').execute();
}

export async function selectServiceLevel(trx: Trx, authorityId: string, kind: CaseKind, state: CaseState) {
  return trx.selectFrom('casework_service_levels').select(['days', 'working_days']).where('authority_id', '=', authorityId).where('kind', '=', kind).where('state', '=', state).executeTakeFirst();
}

export async function upsertServiceLevel(trx: Trx, l: { authorityId: string; kind: CaseKind; state: CaseState; days: number; workingDays: boolean }): Promise<void> {
  await trx
    .insertInto('casework_service_levels')
    .values({ authority_id: l.authorityId, kind: l.kind, state: l.state, days: l.days, working_days: l.workingDays })
    .onConflict((oc) => oc.columns(['authority_id', 'kind', 'state']).doUpdateSet({ days: l.days, working_days: l.workingDays, updated_at: sql<Date>`now()` }))
    .execute();
}

export async function deleteServiceLevel(trx: Trx, authorityId: string, kind: CaseKind, state: CaseState): Promise<boolean> {
  const r = await trx.deleteFrom('casework_service_levels').where('authority_id', '=', authorityId).where('kind', '=', kind).where('state', '=', state).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---- deputies -------------------------------------------------------------------------------

const DEPUTY_COLUMNS = ['id', 'authority_id', 'user_id', 'deputy_id', 'from_date', 'until_date', 'created_by', 'created_at'] as const;

export async function insertDeputy(trx: Trx, d: { authorityId: string; userId: string; deputyId: string; from: string; until: string; createdBy: string | null }) {
  return trx
    .insertInto('casework_deputies')
    .values({ authority_id: d.authorityId, user_id: d.userId, deputy_id: d.deputyId, from_date: d.from, until_date: d.until, created_by: d.createdBy })
    .returning([...DEPUTY_COLUMNS])
    .executeTakeFirstOrThrow();
}

export async function selectDeputies(trx: Trx, authorityId: string, fromDate: string) {
  return trx.selectFrom('casework_deputies').select([...DEPUTY_COLUMNS]).where('authority_id', '=', authorityId).where('until_date', '>=', fromDate).orderBy('from_date').orderBy('id').execute();
}

export async function deleteDeputy(trx: Trx, authorityId: string, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('casework_deputies').where('authority_id', '=', authorityId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The users the deputy covers on the date. */
export async function selectCovered(trx: Trx, authorityId: string, deputyId: string, on: string): Promise<string[]> {
  const rows = await trx.selectFrom('casework_deputies').select('user_id').distinct().where('authority_id', '=', authorityId).where('deputy_id', '=', deputyId).where('from_date', '<=', on).where('until_date', '>=', on).execute();
  return rows.map((r) => r.user_id).sort();
}

/** The officers the deputy covers on the date, in any of the authorities: (authority, officer) pairs. */
export async function selectCoveredIn(trx: Trx, authorityIds: readonly string[], deputyId: string, on: string): Promise<{ authorityId: string; userId: string }[]> {
  if (!authorityIds.length) return [];
  const rows = await trx.selectFrom('casework_deputies').select(['authority_id', 'user_id']).distinct().where('authority_id', 'in', [...authorityIds]).where('deputy_id', '=', deputyId).where('from_date', '<=', on).where('until_date', '>=', on).execute();
  return rows.map((r) => ({ authorityId: r.authority_id, userId: r.user_id }));
}

/** The deputies covering the user on the date. */
export async function selectDeputiesOf(trx: Trx, authorityId: string, userId: string, on: string): Promise<string[]> {
  const rows = await trx.selectFrom('casework_deputies').select('deputy_id').distinct().where('authority_id', '=', authorityId).where('user_id', '=', userId).where('from_date', '<=', on).where('until_date', '>=', on).execute();
  return rows.map((r) => r.deputy_id).sort();
}

// ---- the periodic scan ----------------------------------------------------------------------

/**
 * The one unscoped read of the scan (run by the system for every authority): the ids of the
 * authorities that own open deadlines or active tracks. No case data; each authority's cases are
 * then read inside its own scope.
 */
export async function selectScanAuthorities(db: Kysely<DB>): Promise<string[]> {
  const rows = await sql<{ authority_id: string }>`
    SELECT DISTINCT c.authority_id FROM case_deadlines d JOIN casework_cases c ON c.id = d.case_id WHERE d.met_on IS NULL
    UNION
    SELECT DISTINCT c.authority_id FROM case_executions e JOIN casework_cases c ON c.id = e.case_id
     WHERE e.state IN ('forwarded', 'acknowledged', 'in_execution', 'partly_executed')
    ORDER BY 1`.execute(db);
  return rows.rows.map((r) => r.authority_id);
}

/** Open deadlines of the authority's cases due on or before the date (reminders and overdue notices). */
export async function selectOpenDeadlinesDueBy(trx: Trx, authorityId: string, by: string) {
  return trx
    .selectFrom('case_deadlines as d')
    .innerJoin('casework_cases as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'd.execution_id', 'd.label', 'd.due_on', 'd.reminded_at', 'd.overdue_notified_at', 'c.assigned_to', 'c.reference', 'c.title'])
    .where('c.authority_id', '=', authorityId)
    .where('d.met_on', 'is', null)
    .where('d.due_on', '<=', by)
    .orderBy('d.due_on')
    .orderBy('d.id')
    .execute();
}

/** Active tracks of the authority's cases. */
export async function selectActiveTracksOfOwner(trx: Trx, authorityId: string) {
  return trx
    .selectFrom('case_executions as e')
    .innerJoin('casework_cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.case_id', 'e.executing_name', 'e.state', 'e.forwarded_on', 'e.last_news_on', 'e.chased_on', 'c.assigned_to', 'c.reference', 'c.title'])
    .where('c.authority_id', '=', authorityId)
    .where('e.state', 'in', ['forwarded', 'acknowledged', 'in_execution', 'partly_executed'])
    .orderBy('e.id')
    .execute();
}
