/**
 * An executing authority's track of a request forwarded to it, as a declarative transition table (the
 * style of workflow/domain/transitions.ts). Pure: the caller answers the permission questions.
 *
 * Who may do what: the executing authority's officers record their own progress (casework.execute,
 * resource = the executing authority); the owner's officers may record any step on behalf of a body
 * that does not use Palermo (casework.edit on the owner). Withdrawing a track is the central
 * authority's decision alone.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { EXECUTING_BODY_KINDS, type CaseState, type ExecutingBodyKind, type ExecutionState } from './vocabulary.js';
import { isIsoDate } from './working-days.js';

export const TRACK_TRANSITIONS_NAMES = ['acknowledge', 'start', 'partly_execute', 'execute', 'unable', 'withdraw'] as const;
export type TrackTransitionName = (typeof TRACK_TRANSITIONS_NAMES)[number];

/** 'either': the executing authority or the owner on its behalf; 'owner': the owner's officers only. */
export type TrackActor = 'either' | 'owner';

export interface TrackTransition {
  name: TrackTransitionName;
  from: readonly ExecutionState[];
  to: ExecutionState;
  by: TrackActor;
  requiresReason: boolean;
}

export const TRACK_TRANSITIONS: readonly TrackTransition[] = [
  { name: 'acknowledge', from: ['forwarded'], to: 'acknowledged', by: 'either', requiresReason: false },
  { name: 'start', from: ['forwarded', 'acknowledged'], to: 'in_execution', by: 'either', requiresReason: false },
  { name: 'partly_execute', from: ['acknowledged', 'in_execution'], to: 'partly_executed', by: 'either', requiresReason: false },
  { name: 'execute', from: ['forwarded', 'acknowledged', 'in_execution', 'partly_executed'], to: 'executed', by: 'either', requiresReason: false },
  { name: 'unable', from: ['forwarded', 'acknowledged', 'in_execution', 'partly_executed'], to: 'unable_to_execute', by: 'either', requiresReason: true },
  { name: 'withdraw', from: ['forwarded', 'acknowledged', 'in_execution', 'partly_executed'], to: 'withdrawn', by: 'owner', requiresReason: true },
];

/** Track states that end the track. */
export const FINAL_TRACK_STATES: readonly ExecutionState[] = ['executed', 'unable_to_execute', 'withdrawn'];

export type TrackCheck = { ok: true; transition: TrackTransition } | { ok: false; reason: 'unknown' | 'permission' | 'state' | 'reason' };

/**
 * May this actor apply the transition to a track in this state? `allowed(by)` answers: is the actor an
 * officer of the executing authority or of the owner ('either'), of the owner ('owner')? Permission is
 * checked before the state, so someone who may not act learns nothing of the track's state.
 */
export function canTransitionTrack(state: ExecutionState, name: string, allowed: (by: TrackActor) => boolean, reason?: string | null): TrackCheck {
  const transition = TRACK_TRANSITIONS.find((t) => t.name === name);
  if (!transition) return { ok: false, reason: 'unknown' };
  if (!allowed(transition.by)) return { ok: false, reason: 'permission' };
  if (!transition.from.includes(state)) return { ok: false, reason: 'state' };
  if (transition.requiresReason && reason !== undefined && !(reason ?? '').trim()) return { ok: false, reason: 'reason' };
  return { ok: true, transition };
}

/** The transitions the actor may apply now (buttons, `actions` in API responses). */
export function availableTrackTransitions(state: ExecutionState, allowed: (by: TrackActor) => boolean): TrackTransitionName[] {
  return TRACK_TRANSITIONS.filter((t) => canTransitionTrack(state, t.name, allowed).ok).map((t) => t.name);
}

/** Case states from which an incoming request may be forwarded (again) for execution. */
export const FORWARDABLE_STATES: readonly CaseState[] = ['registered', 'assessment', 'consultation', 'postponed', 'additional_info_requested', 'forwarded'];

export interface TracksSummary {
  total: number;
  byState: Partial<Record<ExecutionState, number>>;
  /** Tracks still at work. */
  open: number;
  /** Every track has ended and at least one was executed or could not be: the case is ready for results review. */
  readyForResultsReview: boolean;
}

export function tracksSummary(tracks: readonly { state: ExecutionState }[]): TracksSummary {
  const byState: Partial<Record<ExecutionState, number>> = {};
  for (const t of tracks) byState[t.state] = (byState[t.state] ?? 0) + 1;
  const open = tracks.filter((t) => !FINAL_TRACK_STATES.includes(t.state)).length;
  const answered = tracks.some((t) => t.state === 'executed' || t.state === 'unable_to_execute');
  return { total: tracks.length, byState, open, readyForResultsReview: tracks.length > 0 && open === 0 && answered };
}

export interface ForwardInput {
  executingAuthorityId: string | null;
  executingName: string | null;
  bodyKind: ExecutingBodyKind;
  measures: string[];
  dueOn: string | null;
  note: string;
}

const AUTHORITY_ID = /^[A-Za-z0-9._:-]{1,120}$/;
const MEASURE = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
const hasNul = (v: string) => v.includes('\u0000');

/** Parse "forward to an executing authority": a directory authority, or a name the central authority enters. */
export function parseForwardInput(body: unknown): { ok: true; value: ForwardInput } | { ok: false; issues: FieldIssue[] } {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const id = str(b.executingAuthorityId) || null;
  if (b.executingAuthorityId !== undefined && b.executingAuthorityId !== null && typeof b.executingAuthorityId !== 'string') issues.push({ field: 'executingAuthorityId', message: 'must be a directory identifier' });
  else if (id && !AUTHORITY_ID.test(id)) issues.push({ field: 'executingAuthorityId', message: 'must be a directory identifier' });
  const name = str(b.executingName) || null;
  if (b.executingName !== undefined && b.executingName !== null && typeof b.executingName !== 'string') issues.push({ field: 'executingName', message: 'must be text' });
  else if (name && (name.length > 300 || hasNul(name))) issues.push({ field: 'executingName', message: 'at most 300 characters' });
  if (!id && !name) issues.push({ field: 'executingName', message: 'give a directory authority or the name of the executing body' });
  const bodyKind = b.bodyKind === undefined || b.bodyKind === '' ? 'other' : b.bodyKind;
  if (typeof bodyKind !== 'string' || !(EXECUTING_BODY_KINDS as readonly string[]).includes(bodyKind)) issues.push({ field: 'bodyKind', message: `must be one of ${EXECUTING_BODY_KINDS.join(', ')}` });
  let measures: string[] = [];
  const rawMeasures = typeof b.measures === 'string' ? b.measures.split(/[\s,]+/).filter(Boolean) : b.measures ?? [];
  if (!Array.isArray(rawMeasures) || rawMeasures.length > 50 || !rawMeasures.every((m) => typeof m === 'string' && MEASURE.test(m))) issues.push({ field: 'measures', message: 'must be up to 50 measure codes' });
  else measures = [...new Set(rawMeasures as string[])];
  let dueOn: string | null = null;
  if (b.dueOn !== undefined && b.dueOn !== null && b.dueOn !== '') {
    if (!isIsoDate(b.dueOn)) issues.push({ field: 'dueOn', message: 'must be a date YYYY-MM-DD' });
    else dueOn = b.dueOn;
  }
  const note = b.note === undefined || b.note === null ? '' : b.note;
  if (typeof note !== 'string' || note.length > 5000 || hasNul(note)) issues.push({ field: 'note', message: 'text of at most 5,000 characters' });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { executingAuthorityId: id, executingName: name, bodyKind: bodyKind as ExecutingBodyKind, measures, dueOn, note: (note as string).trim() } };
}

export interface TrackTransitionInput {
  transition: TrackTransitionName;
  reason: string | null;
  note: string | null;
  theirReference: string | null;
  version: number | null;
}

/** Parse "apply a transition to a track". */
export function parseTrackTransitionInput(body: unknown): { ok: true; value: TrackTransitionInput } | { ok: false; issues: FieldIssue[] } {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  if (typeof b.transition !== 'string' || !(TRACK_TRANSITIONS_NAMES as readonly string[]).includes(b.transition)) issues.push({ field: 'transition', message: `must be one of ${TRACK_TRANSITIONS_NAMES.join(', ')}` });
  const text = (field: string, max: number): string | null => {
    const v = b[field];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || v.length > max || hasNul(v)) {
      issues.push({ field, message: `text of at most ${max} characters` });
      return null;
    }
    return v.trim() || null;
  };
  const reason = text('reason', 2000);
  const note = text('note', 5000);
  const theirReference = text('theirReference', 120);
  let version: number | null = null;
  if (b.version !== undefined && b.version !== null && b.version !== '') {
    const n = typeof b.version === 'string' && /^\d{1,9}$/.test(b.version) ? Number(b.version) : b.version;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) issues.push({ field: 'version', message: 'must be a positive integer' });
    else version = n;
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { transition: b.transition as TrackTransitionName, reason, note, theirReference, version } };
}
