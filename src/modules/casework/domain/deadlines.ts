/**
 * Deadlines of a case and of its executing authorities' tracks (pure): how a due date is computed
 * (partner's date, statutory period, service level in calendar or working days), the status shown to
 * the reader, and which reminders, overdue notices and chase prompts the periodic scan owes.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { DEADLINE_KINDS, type DeadlineKind, type ExecutionState } from './vocabulary.js';
import { addDays, addWorkingDays, daysBetween, isIsoDate, type WorkingCalendar } from './working-days.js';

export type DeadlineStatus = 'met' | 'overdue' | 'due_soon' | 'open';

export interface ServiceLevel {
  days: number;
  workingDays: boolean;
}

/** Due date of a service level counted from the day the case entered the state. */
export function serviceLevelDue(enteredOn: string, level: ServiceLevel, cal: WorkingCalendar): string {
  return level.workingDays ? addWorkingDays(enteredOn, level.days, cal) : addDays(enteredOn, level.days);
}

/** Due date of a statutory period (calendar days, e.g. provisional arrest) from the day it starts. */
export function statutoryDue(startOn: string, days: number): string {
  return addDays(startOn, days);
}

export function deadlineStatus(d: { dueOn: string; metOn: string | null }, today: string, remindDaysBefore: number): DeadlineStatus {
  if (d.metOn) return 'met';
  const left = daysBetween(today, d.dueOn);
  if (left < 0) return 'overdue';
  return left <= remindDaysBefore ? 'due_soon' : 'open';
}

export interface OpenDeadline {
  id: string;
  dueOn: string;
  remindedAt: Date | null;
  overdueNotifiedAt: Date | null;
}

/** What the scan owes for an open deadline today: a reminder before it, or an overdue notice after. */
export function deadlineNotice(d: OpenDeadline, today: string, remindDaysBefore: number): 'remind' | 'overdue' | null {
  const left = daysBetween(today, d.dueOn);
  if (left < 0) return d.overdueNotifiedAt ? null : 'overdue';
  if (left <= remindDaysBefore && !d.remindedAt) return 'remind';
  return null;
}

/** Track states in which an executing authority is still at work (chases make sense). */
export const ACTIVE_TRACK_STATES: readonly ExecutionState[] = ['forwarded', 'acknowledged', 'in_execution', 'partly_executed'];

/**
 * Is a chase due for a track? Counted from the latest of: forwarded, last news, last chase. Returns the
 * date counted from (it names the prompt, so a new prompt comes only after new news or a new chase).
 */
export function chaseDue(t: { state: ExecutionState; forwardedOn: string; lastNewsOn: string | null; chasedOn: string | null }, today: string, chaseAfterDays: number): string | null {
  if (!ACTIVE_TRACK_STATES.includes(t.state)) return null;
  const since = [t.forwardedOn, t.lastNewsOn, t.chasedOn].filter((d): d is string => !!d).sort().at(-1)!;
  return daysBetween(since, today) >= chaseAfterDays ? since : null;
}

export interface DeadlineInput {
  kind: DeadlineKind;
  label: string;
  dueOn: string | null;
  executionId: string | null;
}

const LABEL_MAX = 300;

/** Parse the body of "set a deadline": kind, label, optional due date (computed for partner/statutory/service_level when absent), optional track. */
export function parseDeadlineInput(body: unknown): { ok: true; value: DeadlineInput } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const kind = b.kind;
  if (typeof kind !== 'string' || !(DEADLINE_KINDS as readonly string[]).includes(kind)) issues.push({ field: 'kind', message: `must be one of ${DEADLINE_KINDS.join(', ')}` });
  const label = typeof b.label === 'string' ? b.label.trim() : '';
  if (!label || label.length > LABEL_MAX || /\u0000/.test(label)) issues.push({ field: 'label', message: `required, 1 to ${LABEL_MAX} characters` });
  let dueOn: string | null = null;
  if (b.dueOn !== undefined && b.dueOn !== null && b.dueOn !== '') {
    if (!isIsoDate(b.dueOn)) issues.push({ field: 'dueOn', message: 'must be a date YYYY-MM-DD' });
    else dueOn = b.dueOn;
  } else if (kind === 'custom') issues.push({ field: 'dueOn', message: 'required for a custom deadline' });
  let executionId: string | null = null;
  if (b.executionId !== undefined && b.executionId !== null && b.executionId !== '') {
    if (typeof b.executionId !== 'string' || !UUID.test(b.executionId)) issues.push({ field: 'executionId', message: 'must be the id of a track of this case' });
    else executionId = b.executionId;
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { kind: kind as DeadlineKind, label, dueOn, executionId } };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
