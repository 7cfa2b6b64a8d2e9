/**
 * What an authority's supervisor sets for deadlines and absences (casework.supervise): the working
 * calendar (working weekdays, public holidays), the chase period, reminder lead time, statutory periods,
 * service levels per kind and state, and deputies. Administrative changes: audited, not case history.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { assertAllowed, assertAllowedSomewhere, type Actor } from '../access/index.js';
import { userDisplayNames, usersOfAuthority } from '../accounts/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { authorityNames } from '../directory/index.js';
import { UUID } from './domain/deadlines.js';
import { CASE_KINDS, CASE_STATES, type CaseKind, type CaseState } from './domain/vocabulary.js';
import { isIsoDate, todayIso } from './domain/working-days.js';
import { DEFAULT_SETTINGS, settingsOf } from './deadline-service.js';
import { deleteDeputy, deleteServiceLevel, insertDeputy, selectCovered, selectDeputies, selectDeputiesOf, selectServiceLevels, upsertServiceLevel, upsertSettings, type SettingsRow } from './repository/deadlines.js';
import { withCaseScope } from './repository/scope.js';

const AUTHORITY_ID = /^[A-Za-z0-9._:-]{1,120}$/;

/** 403 unless the actor supervises somewhere; 404 for an authority they do not supervise. */
function supervised(actor: Actor, authorityId: string): void {
  assertAllowedSomewhere(actor, 'casework.supervise');
  if (!AUTHORITY_ID.test(authorityId)) throw new NotFoundError('No such authority');
  assertAllowed(actor, 'casework.supervise', { authorityId });
}

export interface CaseworkSettingsView {
  authorityId: string;
  holidays: string[];
  workingDays: number[];
  chaseAfterDays: number;
  remindDaysBefore: number;
  statutoryDays: Record<string, number>;
  serviceLevels: { kind: CaseKind; state: CaseState; days: number; workingDays: boolean }[];
  deputies: { id: string; userId: string; userName: string; deputyId: string; deputyName: string; from: string; until: string }[];
  /** Officers and supervisors of the authority (choices for deputies). */
  staff: { id: string; name: string }[];
}

export async function getCaseworkSettings(db: Kysely<DB>, actor: Actor, authorityId: string): Promise<CaseworkSettingsView> {
  supervised(actor, authorityId);
  const staff = dedupe(await usersOfAuthority(db, authorityId, ['authority_officer', 'authority_supervisor']));
  const data = await withCaseScope(db, [authorityId], async (trx) => ({
    s: await settingsOf(trx, authorityId),
    levels: await selectServiceLevels(trx, authorityId),
    deputies: await selectDeputies(trx, authorityId, todayIso()),
  }));
  const names = await userDisplayNames(db, data.deputies.flatMap((d) => [d.user_id, d.deputy_id]));
  return {
    authorityId,
    holidays: data.s.holidays,
    workingDays: data.s.working_days,
    chaseAfterDays: data.s.chase_after_days,
    remindDaysBefore: data.s.remind_days_before,
    statutoryDays: data.s.statutory_days,
    serviceLevels: data.levels.map((l) => ({ kind: l.kind, state: l.state, days: l.days, workingDays: l.working_days })),
    deputies: data.deputies.map((d) => ({ id: d.id, userId: d.user_id, userName: names.get(d.user_id) ?? '—', deputyId: d.deputy_id, deputyName: names.get(d.deputy_id) ?? '—', from: d.from_date, until: d.until_date })),
    staff,
  };
}

function dedupe(users: { id: string; name: string }[]): { id: string; name: string }[] {
  return [...new Map(users.map((u) => [u.id, { id: u.id, name: u.name }])).values()];
}

const intIn = (v: unknown, min: number, max: number): number | null => {
  const n = typeof v === 'string' && /^\d{1,6}$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** Parse the settings form or body: holidays (list or text, one date per line), working days, periods. */
export function parseSettingsInput(body: unknown): { ok: true; value: Omit<SettingsRow, 'authority_id' | 'country'> } | { ok: false; issues: FieldIssue[] } {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const rawHolidays = typeof b.holidays === 'string' ? b.holidays.split(/[\s,;]+/).filter(Boolean) : (b.holidays ?? []);
  let holidays: string[] = [];
  if (!Array.isArray(rawHolidays) || rawHolidays.length > 1000) issues.push({ field: 'holidays', message: 'a list of dates YYYY-MM-DD' });
  else {
    const bad = rawHolidays.find((d) => !isIsoDate(d));
    if (bad !== undefined) issues.push({ field: 'holidays', message: `not a date YYYY-MM-DD: ${String(bad).slice(0, 40)}` });
    else holidays = [...new Set(rawHolidays as string[])].sort();
  }
  const rawDays = b.workingDays === undefined ? [] : Array.isArray(b.workingDays) ? b.workingDays : [b.workingDays];
  const days = rawDays.map((d) => intIn(d, 1, 7));
  if (!days.length || days.some((d) => d === null)) issues.push({ field: 'workingDays', message: 'at least one weekday, 1 (Monday) to 7 (Sunday)' });
  const chase = intIn(b.chaseAfterDays, 1, 365);
  if (chase === null) issues.push({ field: 'chaseAfterDays', message: 'a number of days from 1 to 365' });
  const remind = intIn(b.remindDaysBefore, 0, 60);
  if (remind === null) issues.push({ field: 'remindDaysBefore', message: 'a number of days from 0 to 60' });
  const statutory: Record<string, number> = {};
  const rawStat = b.statutoryDays ?? {};
  if (typeof rawStat !== 'object' || rawStat === null || Array.isArray(rawStat)) issues.push({ field: 'statutoryDays', message: 'an object: kind of request -> days' });
  else
    for (const [k, v] of Object.entries(rawStat)) {
      if (v === '' || v === null || v === undefined) continue;
      const n = intIn(v, 1, 3650);
      if (!(CASE_KINDS as readonly string[]).includes(k) || n === null) issues.push({ field: `statutoryDays.${k.slice(0, 40)}`, message: 'a kind of request and a number of days from 1 to 3,650' });
      else statutory[k] = n;
    }
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { holidays, working_days: [...new Set(days as number[])].sort(), chase_after_days: chase!, remind_days_before: remind!, statutory_days: statutory } };
}

export async function saveCaseworkSettings(db: Kysely<DB>, ctx: AuditContext, authorityId: string, body: unknown): Promise<void> {
  supervised(ctx.actor, authorityId);
  const parsed = parseSettingsInput(body);
  if (!parsed.ok) throw new ValidationError(parsed.issues);
  const country = (await authorityNames(db, [authorityId])).get(authorityId)?.country;
  await db.transaction().execute(async (trx) => {
    const before = await withCaseScope(trx, [authorityId], async (s) => {
      const old = await settingsOf(s, authorityId);
      const c = old.country ?? country;
      if (!c) throw new ValidationError([{ field: 'authority', message: 'the authority is not in the directory' }]);
      await upsertSettings(s, { authority_id: authorityId, country: c, ...parsed.value });
      return old;
    });
    await recordAudit(trx, ctx, { action: 'casework.settings', targetType: 'authority', targetId: authorityId, changes: { from: pick(before), to: parsed.value } });
  });
}

const pick = (s: Omit<SettingsRow, 'authority_id' | 'country'>) => ({ holidays: s.holidays, working_days: s.working_days, chase_after_days: s.chase_after_days, remind_days_before: s.remind_days_before, statutory_days: s.statutory_days });

export async function setServiceLevel(db: Kysely<DB>, ctx: AuditContext, authorityId: string, body: unknown): Promise<void> {
  supervised(ctx.actor, authorityId);
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  if (typeof b.kind !== 'string' || !(CASE_KINDS as readonly string[]).includes(b.kind)) issues.push({ field: 'kind', message: 'a kind of request' });
  if (typeof b.state !== 'string' || !(CASE_STATES as readonly string[]).includes(b.state) || ['refused', 'withdrawn', 'lapsed', 'closed', 'executed'].includes(b.state)) issues.push({ field: 'state', message: 'a state a case leaves' });
  const days = intIn(b.days, 1, 3650);
  if (days === null) issues.push({ field: 'days', message: 'a number of days from 1 to 3,650' });
  const wd = b.workingDays === undefined || b.workingDays === true || b.workingDays === 'true' || b.workingDays === 'on';
  if (b.workingDays !== undefined && typeof b.workingDays !== 'boolean' && !['true', 'false', 'on'].includes(String(b.workingDays))) issues.push({ field: 'workingDays', message: 'true or false' });
  if (issues.length) throw new ValidationError(issues);
  const level = { authorityId, kind: b.kind as CaseKind, state: b.state as CaseState, days: days!, workingDays: wd };
  await db.transaction().execute(async (trx) => {
    await withCaseScope(trx, [authorityId], (s) => upsertServiceLevel(s, level));
    await recordAudit(trx, ctx, { action: 'casework.service_level', targetType: 'authority', targetId: authorityId, changes: { set: level } });
  });
}

export async function removeServiceLevel(db: Kysely<DB>, ctx: AuditContext, authorityId: string, kind: string, state: string): Promise<void> {
  supervised(ctx.actor, authorityId);
  await db.transaction().execute(async (trx) => {
    const gone = await withCaseScope(trx, [authorityId], (s) => deleteServiceLevel(s, authorityId, kind as CaseKind, state as CaseState));
    if (!gone) throw new NotFoundError('No such service level');
    await recordAudit(trx, ctx, { action: 'casework.service_level', targetType: 'authority', targetId: authorityId, changes: { removed: { kind, state } } });
  });
}

/** The supervisor names a deputy for an officer's absence; both must work for the authority. */
export async function addDeputy(db: Kysely<DB>, ctx: AuditContext, authorityId: string, body: unknown): Promise<{ id: string }> {
  supervised(ctx.actor, authorityId);
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const staff = new Set((await usersOfAuthority(db, authorityId, ['authority_officer', 'authority_supervisor'])).map((u) => u.id));
  if (typeof b.userId !== 'string' || !staff.has(b.userId)) issues.push({ field: 'userId', message: 'an officer of the authority' });
  if (typeof b.deputyId !== 'string' || !staff.has(b.deputyId)) issues.push({ field: 'deputyId', message: 'an officer of the authority' });
  else if (b.deputyId === b.userId) issues.push({ field: 'deputyId', message: 'someone other than the absent officer' });
  if (!isIsoDate(b.from)) issues.push({ field: 'from', message: 'a date YYYY-MM-DD' });
  if (!isIsoDate(b.until)) issues.push({ field: 'until', message: 'a date YYYY-MM-DD' });
  else if (isIsoDate(b.from) && b.until < b.from) issues.push({ field: 'until', message: 'on or after the first day' });
  if (issues.length) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const row = await withCaseScope(trx, [authorityId], (s) => insertDeputy(s, { authorityId, userId: b.userId as string, deputyId: b.deputyId as string, from: b.from as string, until: b.until as string, createdBy: ctx.actor.userId }));
    await recordAudit(trx, ctx, { action: 'casework.deputy', targetType: 'authority', targetId: authorityId, changes: { added: { id: row.id, user: row.user_id, deputy: row.deputy_id, from: row.from_date, until: row.until_date } } });
    return { id: row.id };
  });
}

export async function removeDeputy(db: Kysely<DB>, ctx: AuditContext, authorityId: string, id: string): Promise<void> {
  supervised(ctx.actor, authorityId);
  if (!UUID.test(id)) throw new NotFoundError('No such deputy');
  await db.transaction().execute(async (trx) => {
    const gone = await withCaseScope(trx, [authorityId], (s) => deleteDeputy(s, authorityId, id));
    if (!gone) throw new NotFoundError('No such deputy');
    await recordAudit(trx, ctx, { action: 'casework.deputy', targetType: 'authority', targetId: authorityId, changes: { removed: id } });
  });
}

/**
 * The users whose cases this user covers on the date (as a deputy during their absence), for "mine"
 * in the worklist and for reminders. Not a permission: the deputy sees only what their own grants allow.
 */
export async function actingFor(db: Kysely<DB>, authorityId: string, userId: string, date: string = todayIso()): Promise<string[]> {
  if (!AUTHORITY_ID.test(authorityId) || !UUID.test(userId) || !isIsoDate(date)) return [];
  return withCaseScope(db, [authorityId], (trx) => selectCovered(trx, authorityId, userId, date));
}

/** The deputies covering the user on the date (they receive the user's reminders). */
export async function deputiesOf(db: Kysely<DB>, authorityId: string, userId: string, date: string): Promise<string[]> {
  return withCaseScope(db, [authorityId], (trx) => selectDeputiesOf(trx, authorityId, userId, date));
}

export { DEFAULT_SETTINGS };
