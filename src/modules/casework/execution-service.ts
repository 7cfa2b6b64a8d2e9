/**
 * Forwarding an incoming request to executing authorities, and each authority's track (issue 10 §3):
 * forward, record progress (the executing authority's officers, or the owner on its behalf), chases,
 * status enquiries from the partner. Permission first (403 before anything is read); a case or track
 * outside the actor's authorities is 404; every change appends to the case history in its transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { allow, assertAllowed, assertAllowedSomewhere, scopeOf, type Action, type Actor } from '../access/index.js';
import { authoritiesOfCountry, authorityNames } from '../directory/index.js';
import { pickLocalized, type Lang } from '../../platform/i18n/languages.js';
import {
  availableTrackTransitions,
  canTransitionTrack,
  FINAL_TRACK_STATES,
  FORWARDABLE_STATES,
  parseForwardInput,
  parseTrackTransitionInput,
  tracksSummary,
  type TrackActor,
  type TrackTransitionName,
  type TracksSummary,
} from './domain/execution.js';
import { UUID } from './domain/deadlines.js';
import { CHANNELS, type Channel, type ExecutingBodyKind, type ExecutionState } from './domain/vocabulary.js';
import { isIsoDate, todayIso } from './domain/working-days.js';
import { insertDeadline, meetTrackDeadlines } from './repository/deadlines.js';
import {
  insertExecution,
  lockCase,
  selectActiveTrackOf,
  selectCase,
  selectExecution,
  selectExecutionsOfCase,
  selectTracksOfAuthorities,
  updateCaseForwarded,
  updateExecutionChased,
  updateExecutionState,
  type AuthorityTrackRow,
  type CaseRow,
  type ExecutionRow,
} from './repository/executions.js';
import { appendEvent } from './repository/history.js';
import { withCaseScope } from './repository/scope.js';
import { notify } from './notification-service.js';
import { usersOfAuthority } from '../accounts/index.js';

/** The authorities the actor acts for with any of these actions. */
export function authoritiesFor(actor: Actor, actions: readonly Action[]): string[] {
  return [...new Set(actions.flatMap((a) => scopeOf(actor, a).authorities))].sort();
}

/** 403 unless the actor may take one of the actions somewhere; the authorities where they may. */
function assertSomewhere(actor: Actor, actions: readonly Action[]): string[] {
  const authorities = authoritiesFor(actor, actions);
  if (!authorities.length) assertAllowedSomewhere(actor, actions[0]!);
  return authorities;
}

export const eventActor = (actor: Actor, authorityId: string) => ({ actorId: actor.userId, actorName: actor.name, actingAuthorityId: authorityId });

/** The case as the owner's officer sees it: 404 when it is not one of the actor's authorities' cases. */
function ownedCase(actor: Actor, c: CaseRow | undefined, action: Action): CaseRow {
  if (!c || !allow(actor, 'casework.read', { authorityId: c.authority_id, country: c.country })) throw new NotFoundError('No such case');
  assertAllowed(actor, action, { authorityId: c.authority_id, country: c.country });
  return c;
}

export interface ExecutionView {
  id: string;
  caseId: string;
  executingAuthorityId: string | null;
  executingName: string;
  bodyKind: ExecutingBodyKind;
  state: ExecutionState;
  stateSince: string;
  theirReference: string | null;
  measures: string[];
  forwardedOn: string;
  dueOn: string | null;
  lastNewsOn: string | null;
  chasedOn: string | null;
  reason: string | null;
  note: string;
  version: number;
  /** Transitions the reader may apply now. */
  actions: TrackTransitionName[];
  /** The reader may record a chase (the owner's officers). */
  mayChase: boolean;
}

function trackAllowed(actor: Actor, c: { authority_id: string; country: string }, e: { executing_authority_id: string | null }) {
  const owner = allow(actor, 'casework.edit', { authorityId: c.authority_id, country: c.country });
  const executing = !!e.executing_authority_id && allow(actor, 'casework.execute', { authorityId: e.executing_authority_id });
  return (by: TrackActor) => owner || (by === 'either' && executing);
}

function view(actor: Actor, c: { authority_id: string; country: string }, e: ExecutionRow | AuthorityTrackRow): ExecutionView {
  return {
    id: e.id,
    caseId: e.case_id,
    executingAuthorityId: e.executing_authority_id,
    executingName: e.executing_name,
    bodyKind: e.body_kind,
    state: e.state,
    stateSince: new Date(e.state_since).toISOString(),
    theirReference: e.their_reference,
    measures: e.measures,
    forwardedOn: e.forwarded_on,
    dueOn: e.due_on,
    lastNewsOn: e.last_news_on,
    chasedOn: e.chased_on,
    reason: e.reason,
    note: e.note,
    version: e.version,
    actions: availableTrackTransitions(e.state, trackAllowed(actor, c, e)),
    mayChase: !FINAL_TRACK_STATES.includes(e.state) && allow(actor, 'casework.edit', { authorityId: c.authority_id, country: c.country }),
  };
}

/**
 * Forward an incoming request to an executing authority (a directory authority, whose officers then
 * see the case and their track, or a body named by the central authority). Several authorities per
 * case. The case moves to 'forwarded' the first time.
 */
export async function forwardRequest(db: Kysely<DB>, actor: Actor, caseId: string, body: unknown): Promise<{ execution: ExecutionView; caseVersion: number }> {
  const authorities = assertSomewhere(actor, ['casework.edit']);
  if (!UUID.test(caseId)) throw new NotFoundError('No such case');
  const parsed = parseForwardInput(body);
  if (!parsed.ok) throw new ValidationError(parsed.issues);
  const input = parsed.value;
  // The directory is read before the scope (the casework role reads no directory table).
  const named = input.executingAuthorityId ? (await authorityNames(db, [input.executingAuthorityId])).get(input.executingAuthorityId) : undefined;
  // So are the executing authority's officers, to be told in the application that a request awaits them.
  const officers = input.executingAuthorityId ? await officersOf(db, input.executingAuthorityId) : [];
  const today = todayIso();
  return withCaseScope(db, authorities, async (trx) => {
    const c = ownedCase(actor, await lockCase(trx, caseId), 'casework.edit');
    if (input.executingAuthorityId) {
      const issues: FieldIssue[] = [];
      if (!named) issues.push({ field: 'executingAuthorityId', message: 'no published authority of the directory has this identifier' });
      else if (named.country !== c.country) issues.push({ field: 'executingAuthorityId', message: 'the executing authority must be of the same State as the case' });
      else if (input.executingAuthorityId === c.authority_id) issues.push({ field: 'executingAuthorityId', message: 'a request is not forwarded to its own authority' });
      if (issues.length) throw new ValidationError(issues);
      if (await selectActiveTrackOf(trx, caseId, input.executingAuthorityId)) throw new ConflictError('The request is already with this executing authority', [{ field: 'executingAuthorityId', message: 'already has an open track on this case' }]);
    }
    if (c.direction !== 'incoming' || !FORWARDABLE_STATES.includes(c.state)) {
      throw new ConflictError(`A request in state ${c.state} cannot be forwarded for execution (allowed from: ${FORWARDABLE_STATES.join(', ')})`, [{ field: 'state', message: `allowed from ${FORWARDABLE_STATES.join(', ')}` }]);
    }
    const executingName = named?.name ?? input.executingName!;
    const row = await insertExecution(trx, { caseId, executingAuthorityId: input.executingAuthorityId, executingName, bodyKind: input.bodyKind, measures: input.measures, forwardedOn: today, dueOn: input.dueOn, note: input.note });
    const ids = input.executingAuthorityId && !c.executing_authority_ids.includes(input.executingAuthorityId) ? [...c.executing_authority_ids, input.executingAuthorityId] : c.executing_authority_ids;
    const stateChanged = c.state !== 'forwarded';
    const caseVersion = await updateCaseForwarded(trx, caseId, { executingAuthorityIds: ids, state: 'forwarded', stateChanged });
    const who = eventActor(actor, c.authority_id);
    if (stateChanged) await appendEvent(trx, { caseId, type: 'transition', data: { transition: 'forward', from: c.state, to: 'forwarded' }, ...who });
    await appendEvent(trx, {
      caseId,
      type: 'execution_forwarded',
      data: { executionId: row.id, executing_authority_id: input.executingAuthorityId, executingAuthorityId: input.executingAuthorityId, executingName, bodyKind: input.bodyKind, measures: input.measures, dueOn: input.dueOn },
      ...who,
    });
    if (input.dueOn) {
      const d = await insertDeadline(trx, { caseId, executionId: row.id, kind: 'custom', label: `Execution: ${executingName}`.slice(0, 300), dueOn: input.dueOn });
      await appendEvent(trx, { caseId, type: 'deadline_set', data: { deadlineId: d.id, executionId: row.id, executing_authority_id: input.executingAuthorityId, kind: 'custom', label: d.label, dueOn: d.due_on }, ...who });
    }
    if (officers.length) {
      await notify(trx, officers.map((userId) => ({ userId, caseId, kind: 'forwarded', data: { executionId: row.id, executingName }, key: `forwarded:${row.id}` })));
    }
    const e = (await selectExecution(trx, row.id))!;
    return { execution: view(actor, c, e), caseVersion };
  });
}

/** Officers and supervisors of an authority (accounts' users). */
async function officersOf(trx: Kysely<DB>, authorityId: string): Promise<string[]> {
  return [...new Set((await usersOfAuthority(trx, authorityId, ['authority_officer', 'authority_supervisor'])).map((u) => u.id))];
}

/** The tracks of a case the reader may see: all for the owner's officers, their own for an executing authority. */
export interface CaseExecutions {
  executions: ExecutionView[];
  summary: TracksSummary;
  /** The reader may forward the request to (another) executing authority now. */
  mayForward: boolean;
  /** The reader may record a status enquiry from the partner (the owner's officers). */
  mayRecordEnquiry: boolean;
  /**
   * When the reader may forward: the directory's published authorities of the case owner's State the
   * request may go to (not the owner, not one with an open track), by name in the reader's language.
   */
  candidates: { id: string; name: string }[];
}

export async function listExecutions(db: Kysely<DB>, actor: Actor, caseId: string, lang: Lang = 'en'): Promise<CaseExecutions> {
  const authorities = assertSomewhere(actor, ['casework.read', 'casework.execute']);
  if (!UUID.test(caseId)) throw new NotFoundError('No such case');
  const found = await withCaseScope(db, authorities, async (trx) => {
    const c = await selectCase(trx, caseId);
    if (!c) throw new NotFoundError('No such case');
    const rows = await selectExecutionsOfCase(trx, caseId);
    const owner = allow(actor, 'casework.read', { authorityId: c.authority_id, country: c.country });
    // Defence in depth besides row-level security: an executing authority sees its own tracks only.
    const visible = owner ? rows : rows.filter((e) => !!e.executing_authority_id && allow(actor, 'casework.execute', { authorityId: e.executing_authority_id }));
    if (!owner && !visible.length) throw new NotFoundError('No such case');
    const executions = visible.map((e) => view(actor, c, e));
    const edit = allow(actor, 'casework.edit', { authorityId: c.authority_id, country: c.country });
    const mayForward = edit && c.direction === 'incoming' && FORWARDABLE_STATES.includes(c.state);
    return { c, result: { executions, summary: tracksSummary(executions), mayForward, mayRecordEnquiry: edit, candidates: [] as { id: string; name: string }[] } };
  });
  const { c, result } = found;
  if (!result.mayForward) return result;
  // The directory is read outside the scope (the casework role reads no directory table).
  const busy = new Set(result.executions.filter((e) => !FINAL_TRACK_STATES.includes(e.state)).map((e) => e.executingAuthorityId));
  const views = await authoritiesOfCountry(db, actor, c.country);
  result.candidates = views
    .filter((v) => v.doc.id !== c.authority_id && !busy.has(v.doc.id))
    .map((v) => ({ id: v.doc.id, name: pickLocalized(v.doc.names, lang)?.text ?? v.doc.id }));
  return result;
}

/** The summary of a case's tracks for the case page (the owner's view). */
export async function caseTracksSummary(db: Kysely<DB>, actor: Actor, caseId: string): Promise<TracksSummary> {
  return (await listExecutions(db, actor, caseId)).summary;
}

/** Apply a transition to a track: acknowledge, start, partly_execute, execute, unable (reason), withdraw (owner, reason). */
export async function transitionExecution(db: Kysely<DB>, actor: Actor, executionId: string, body: unknown): Promise<ExecutionView> {
  const authorities = assertSomewhere(actor, ['casework.execute', 'casework.edit']);
  if (!UUID.test(executionId)) throw new NotFoundError('No such track');
  const parsed = parseTrackTransitionInput(body);
  if (!parsed.ok) throw new ValidationError(parsed.issues);
  const input = parsed.value;
  const today = todayIso();
  return withCaseScope(db, authorities, async (trx) => {
    const e = await selectExecution(trx, executionId, true);
    const c = e ? await selectCase(trx, e.case_id) : undefined;
    if (!e || !c) throw new NotFoundError('No such track');
    const allowed = trackAllowed(actor, c, e);
    if (!allowed('either') && !allow(actor, 'casework.read', { authorityId: c.authority_id, country: c.country })) throw new NotFoundError('No such track');
    const check = canTransitionTrack(e.state, input.transition, allowed, input.reason);
    if (!check.ok) {
      if (check.reason === 'permission') throw new ForbiddenError(`You are not allowed to ${input.transition} this track`);
      if (check.reason === 'reason') throw new ValidationError([{ field: 'reason', message: 'a reason is required' }]);
      const available = availableTrackTransitions(e.state, allowed);
      throw new ConflictError(`Transition ${input.transition} is not possible from ${e.state}; allowed: ${available.join(', ') || 'none'}`, [{ field: 'transition', message: `allowed: ${available.join(', ') || 'none'}` }]);
    }
    if (input.version !== null && input.version !== e.version) throw new ConflictError('The track was changed meanwhile: reload it', [{ field: 'version', message: `the track is at version ${e.version}` }]);
    const to = check.transition.to;
    await updateExecutionState(trx, executionId, { state: to, newsOn: today, reason: check.transition.requiresReason ? input.reason : null, note: input.note, theirReference: input.theirReference });
    const acting = allow(actor, 'casework.edit', { authorityId: c.authority_id, country: c.country }) ? c.authority_id : e.executing_authority_id!;
    const who = eventActor(actor, acting);
    await appendEvent(trx, {
      caseId: c.id,
      type: 'execution_transition',
      data: { executionId, executing_authority_id: e.executing_authority_id, transition: input.transition, from: e.state, to, ...(input.reason && check.transition.requiresReason ? { reason: input.reason } : {}), ...(input.theirReference ? { theirReference: input.theirReference } : {}) },
      ...who,
    });
    if (FINAL_TRACK_STATES.includes(to)) {
      for (const d of await meetTrackDeadlines(trx, executionId, today)) await appendEvent(trx, { caseId: c.id, type: 'deadline_met', data: { deadlineId: d.id, executionId, executing_authority_id: e.executing_authority_id, metOn: today }, ...who });
    }
    if (c.assigned_to && c.assigned_to !== actor.userId) {
      await notify(trx, [{ userId: c.assigned_to, caseId: c.id, kind: 'execution_changed', data: { executionId, executingName: e.executing_name, to }, key: `execution:${executionId}:${to}` }]);
    }
    return view(actor, c, (await selectExecution(trx, executionId))!);
  });
}

/** The tracks forwarded to the actor's executing authorities (their page of work). */
export async function listMyTracks(db: Kysely<DB>, actor: Actor, f: { open?: boolean } = {}): Promise<(ExecutionView & { caseReference: string | null; caseTitle: string; caseKind: string; urgency: string; partnerCountry: string })[]> {
  const authorities = assertSomewhere(actor, ['casework.execute']);
  return withCaseScope(db, authorities, async (trx) => {
    const rows = await selectTracksOfAuthorities(trx, authorities, { open: f.open ?? true, limit: 500 });
    return rows.map((r) => ({
      ...view(actor, { authority_id: r.owner_authority_id, country: '' }, r),
      caseReference: r.reference,
      caseTitle: r.title,
      caseKind: r.kind,
      urgency: r.urgency,
      partnerCountry: r.partner_country,
    }));
  });
}

/** The officer confirms a chase of a silent executing authority ('chased'); the next prompt counts from it. */
export async function recordChase(db: Kysely<DB>, actor: Actor, executionId: string, body: unknown): Promise<void> {
  const authorities = assertSomewhere(actor, ['casework.edit']);
  if (!UUID.test(executionId)) throw new NotFoundError('No such track');
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const on = b.date === undefined || b.date === '' ? todayIso() : b.date;
  if (!isIsoDate(on) || on > todayIso()) issues.push({ field: 'date', message: 'must be a date YYYY-MM-DD, not in the future' });
  const note = b.note === undefined ? '' : b.note;
  if (typeof note !== 'string' || note.length > 2000 || note.includes('\u0000')) issues.push({ field: 'note', message: 'text of at most 2,000 characters' });
  if (issues.length) throw new ValidationError(issues);
  await withCaseScope(db, authorities, async (trx) => {
    const e = await selectExecution(trx, executionId, true);
    const c = e ? ownedCase(actor, await selectCase(trx, e.case_id), 'casework.edit') : undefined;
    if (!e || !c) throw new NotFoundError('No such track');
    if (FINAL_TRACK_STATES.includes(e.state)) throw new ConflictError(`The track is ${e.state}: nothing to chase`);
    await updateExecutionChased(trx, executionId, on as string);
    await appendEvent(trx, { caseId: c.id, type: 'chased', data: { executionId, executing_authority_id: e.executing_authority_id, date: on, note: (note as string).trim() }, ...eventActor(actor, c.authority_id) });
  });
}

/** A status enquiry from the partner (18(24)), recorded in the case history. */
export async function recordStatusEnquiry(db: Kysely<DB>, actor: Actor, caseId: string, body: unknown): Promise<void> {
  const authorities = assertSomewhere(actor, ['casework.edit']);
  if (!UUID.test(caseId)) throw new NotFoundError('No such case');
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  if (!isIsoDate(b.date) || b.date > todayIso()) issues.push({ field: 'date', message: 'must be a date YYYY-MM-DD, not in the future' });
  if (typeof b.channel !== 'string' || !(CHANNELS as readonly string[]).includes(b.channel)) issues.push({ field: 'channel', message: `must be one of ${CHANNELS.join(', ')}` });
  const note = b.note === undefined || b.note === null ? '' : b.note;
  if (typeof note !== 'string' || note.length > 2000 || note.includes('\u0000')) issues.push({ field: 'note', message: 'text of at most 2,000 characters' });
  if (issues.length) throw new ValidationError(issues);
  await withCaseScope(db, authorities, async (trx) => {
    const c = ownedCase(actor, await lockCase(trx, caseId), 'casework.edit');
    await appendEvent(trx, { caseId, type: 'status_enquiry', data: { date: b.date, channel: b.channel as Channel, note: (note as string).trim() }, ...eventActor(actor, c.authority_id) });
  });
}
