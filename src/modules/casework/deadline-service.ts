/**
 * Deadlines of a case and of its tracks (issue 10 §4): the partner's date, statutory periods, service
 * levels (calendar or working days on the authority's calendar), custom ones; set, moved, met. Each
 * change appends 'deadline_set' or 'deadline_met' to the case history.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { allow, assertAllowed, assertAllowedSomewhere, type Actor } from '../access/index.js';
import { deadlineStatus, parseDeadlineInput, serviceLevelDue, statutoryDue, UUID, type DeadlineStatus } from './domain/deadlines.js';
import type { DeadlineKind } from './domain/vocabulary.js';
import { isIsoDate, todayIso, type WorkingCalendar } from './domain/working-days.js';
import { authoritiesFor, eventActor } from './execution-service.js';
import { insertDeadline, markDeadlineMet, selectDeadline, selectDeadlinesOfCase, selectServiceLevel, selectSettings, updateDeadline, type DeadlineRow, type SettingsRow } from './repository/deadlines.js';
import { lockCase, selectCase, selectExecution, selectExecutionsOfCase, type CaseRow } from './repository/executions.js';
import { appendEvent } from './repository/history.js';
import { withCaseScope } from './repository/scope.js';

/** Settings of an authority that has saved none. */
export const DEFAULT_SETTINGS: Omit<SettingsRow, 'authority_id' | 'country'> = {
  holidays: [],
  working_days: [1, 2, 3, 4, 5],
  chase_after_days: 30,
  remind_days_before: 3,
  statutory_days: { provisional_arrest: 60 },
};

export async function settingsOf(trx: Transaction<DB>, authorityId: string): Promise<Omit<SettingsRow, 'country'> & { country: string | null }> {
  return (await selectSettings(trx, authorityId)) ?? { authority_id: authorityId, country: null, ...DEFAULT_SETTINGS };
}

export const calendarOf = (s: { holidays: string[]; working_days: number[] }): WorkingCalendar => ({ workingDays: s.working_days, holidays: new Set(s.holidays) });

export interface DeadlineView {
  id: string;
  caseId: string;
  executionId: string | null;
  kind: DeadlineKind;
  label: string;
  dueOn: string;
  metOn: string | null;
  status: DeadlineStatus;
}

const viewOf = (d: DeadlineRow, today: string, remind: number): DeadlineView => ({
  id: d.id,
  caseId: d.case_id,
  executionId: d.execution_id,
  kind: d.kind,
  label: d.label,
  dueOn: d.due_on,
  metOn: d.met_on,
  status: deadlineStatus({ dueOn: d.due_on, metOn: d.met_on }, today, remind),
});

function ownerCase(actor: Actor, c: CaseRow | undefined): CaseRow {
  if (!c || !allow(actor, 'casework.read', { authorityId: c.authority_id, country: c.country })) throw new NotFoundError('No such case');
  assertAllowed(actor, 'casework.edit', { authorityId: c.authority_id, country: c.country });
  return c;
}

function editScope(actor: Actor): string[] {
  const a = authoritiesFor(actor, ['casework.edit']);
  if (!a.length) assertAllowedSomewhere(actor, 'casework.edit');
  return a;
}

/** Set a deadline; for partner, statutory and service-level deadlines the date is computed when not given. */
export async function setDeadline(db: Kysely<DB>, actor: Actor, caseId: string, body: unknown): Promise<DeadlineView> {
  const authorities = editScope(actor);
  if (!UUID.test(caseId)) throw new NotFoundError('No such case');
  const parsed = parseDeadlineInput(body);
  if (!parsed.ok) throw new ValidationError(parsed.issues);
  const input = parsed.value;
  const b = (body ?? {}) as Record<string, unknown>;
  const today = todayIso();
  return withCaseScope(db, authorities, async (trx) => {
    const c = ownerCase(actor, await lockCase(trx, caseId));
    let trackAuthority: string | null = null;
    if (input.executionId) {
      const e = await selectExecution(trx, input.executionId);
      if (!e || e.case_id !== caseId) throw new ValidationError([{ field: 'executionId', message: 'must be the id of a track of this case' }]);
      trackAuthority = e.executing_authority_id;
    }
    const settings = await settingsOf(trx, c.authority_id);
    let due = input.dueOn;
    if (!due && input.kind === 'partner') {
      if (!c.partner_deadline) throw new ValidationError([{ field: 'dueOn', message: 'the case has no partner deadline: give the date' }]);
      due = c.partner_deadline;
    }
    if (!due && input.kind === 'statutory') {
      const days = settings.statutory_days[c.kind];
      if (!days) throw new ValidationError([{ field: 'dueOn', message: `no statutory period is set for ${c.kind}: give the date` }]);
      const start = b.startOn === undefined || b.startOn === '' ? today : b.startOn;
      if (!isIsoDate(start)) throw new ValidationError([{ field: 'startOn', message: 'must be a date YYYY-MM-DD' }]);
      due = statutoryDue(start, days);
    }
    if (!due && input.kind === 'service_level') {
      const level = await selectServiceLevel(trx, c.authority_id, c.kind, c.state);
      if (!level) throw new ValidationError([{ field: 'dueOn', message: `no service level is set for ${c.kind} in state ${c.state}: give the date` }]);
      due = serviceLevelDue(new Date(c.state_since).toISOString().slice(0, 10), { days: level.days, workingDays: level.working_days }, calendarOf(settings));
    }
    const d = await insertDeadline(trx, { caseId, executionId: input.executionId, kind: input.kind, label: input.label, dueOn: due! });
    await appendEvent(trx, { caseId, type: 'deadline_set', data: { deadlineId: d.id, executionId: d.execution_id, ...(d.execution_id ? { executing_authority_id: trackAuthority } : {}), kind: d.kind, label: d.label, dueOn: d.due_on }, ...eventActor(actor, c.authority_id) });
    return viewOf(d, today, settings.remind_days_before);
  });
}

async function withDeadline<T>(db: Kysely<DB>, actor: Actor, deadlineId: string, fn: (trx: Transaction<DB>, d: DeadlineRow, c: CaseRow) => Promise<T>): Promise<T> {
  const authorities = editScope(actor);
  if (!UUID.test(deadlineId)) throw new NotFoundError('No such deadline');
  return withCaseScope(db, authorities, async (trx) => {
    const d = await selectDeadline(trx, deadlineId);
    if (!d) throw new NotFoundError('No such deadline');
    const c = await selectCase(trx, d.case_id);
    if (!c || !allow(actor, 'casework.read', { authorityId: c.authority_id, country: c.country })) throw new NotFoundError('No such deadline');
    assertAllowed(actor, 'casework.edit', { authorityId: c.authority_id, country: c.country });
    return fn(trx, d, c);
  });
}

/** For an event about a track's deadline: the track and its executing authority (whose officers see the event). */
async function trackOf(trx: Transaction<DB>, executionId: string | null): Promise<Record<string, unknown>> {
  if (!executionId) return {};
  return { executionId, executing_authority_id: (await selectExecution(trx, executionId))?.executing_authority_id ?? null };
}

/** Move a deadline or change its label (reminders are owed again for the new date). */
export async function changeDeadline(db: Kysely<DB>, actor: Actor, deadlineId: string, body: unknown): Promise<DeadlineView> {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues = [];
  if (!isIsoDate(b.dueOn)) issues.push({ field: 'dueOn', message: 'must be a date YYYY-MM-DD' });
  const label = b.label === undefined ? undefined : typeof b.label === 'string' ? b.label.trim() : '';
  if (label !== undefined && (!label || label.length > 300 || label.includes('\u0000'))) issues.push({ field: 'label', message: 'required, 1 to 300 characters' });
  if (issues.length) throw new ValidationError(issues);
  return withDeadline(db, actor, deadlineId, async (trx, d, c) => {
    if (d.met_on) throw new ValidationError([{ field: 'dueOn', message: 'the deadline was met: set a new one' }]);
    const next = { label: label ?? d.label, dueOn: b.dueOn as string };
    await updateDeadline(trx, d.id, next);
    await appendEvent(trx, { caseId: c.id, type: 'deadline_set', data: { deadlineId: d.id, ...(await trackOf(trx, d.execution_id)), label: next.label, dueOn: next.dueOn, previous: { label: d.label, dueOn: d.due_on } }, ...eventActor(actor, c.authority_id) });
    const s = await settingsOf(trx, c.authority_id);
    return viewOf({ ...d, label: next.label, due_on: next.dueOn }, todayIso(), s.remind_days_before);
  });
}

/** Record that a deadline was met. */
export async function meetDeadline(db: Kysely<DB>, actor: Actor, deadlineId: string, body: unknown): Promise<DeadlineView> {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const on = b.metOn === undefined || b.metOn === '' ? todayIso() : b.metOn;
  if (!isIsoDate(on) || on > todayIso()) throw new ValidationError([{ field: 'metOn', message: 'must be a date YYYY-MM-DD, not in the future' }]);
  return withDeadline(db, actor, deadlineId, async (trx, d, c) => {
    if (d.met_on) return viewOf(d, todayIso(), 0);
    await markDeadlineMet(trx, d.id, on);
    await appendEvent(trx, { caseId: c.id, type: 'deadline_met', data: { deadlineId: d.id, ...(await trackOf(trx, d.execution_id)), metOn: on }, ...eventActor(actor, c.authority_id) });
    return viewOf({ ...d, met_on: on }, todayIso(), 0);
  });
}

/** Deadlines of a case: all for the owner's officers; an executing authority sees those of its own tracks. */
export async function listDeadlines(db: Kysely<DB>, actor: Actor, caseId: string): Promise<DeadlineView[]> {
  const authorities = authoritiesFor(actor, ['casework.read', 'casework.execute']);
  if (!authorities.length) assertAllowedSomewhere(actor, 'casework.read');
  if (!UUID.test(caseId)) throw new NotFoundError('No such case');
  const today = todayIso();
  return withCaseScope(db, authorities, async (trx) => {
    const c = await selectCase(trx, caseId);
    if (!c) throw new NotFoundError('No such case');
    const owner = allow(actor, 'casework.read', { authorityId: c.authority_id, country: c.country });
    const rows = await selectDeadlinesOfCase(trx, caseId);
    let visible = rows;
    if (!owner) {
      const mine = new Set((await selectExecutionsOfCase(trx, caseId)).filter((e) => e.executing_authority_id && allow(actor, 'casework.execute', { authorityId: e.executing_authority_id })).map((e) => e.id));
      if (!mine.size) throw new NotFoundError('No such case');
      visible = rows.filter((d) => d.execution_id && mine.has(d.execution_id));
    }
    const s = owner ? await settingsOf(trx, c.authority_id) : DEFAULT_SETTINGS;
    return visible.map((d) => viewOf(d, today, s.remind_days_before));
  });
}
