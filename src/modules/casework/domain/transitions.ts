/**
 * The lifecycle of a case as a declarative transition table (the style of workflow/domain/transitions.ts).
 * Each transition names its direction, the states it leaves, the state it enters, the policy action it
 * needs, whether four eyes apply (the actor is not the case's author), the fields the actor must give
 * and the effects on the case. Pure: permissions come through the `allowed` callback of the caller.
 */
import type { CaseState, Channel, Direction, Outcome, RefusalGround } from './vocabulary.js';
import { CHANNELS, REFUSAL_GROUNDS } from './vocabulary.js';

/** Policy actions a transition may need (casework.*). */
export type TransitionAction = 'casework.edit' | 'casework.approve' | 'casework.send' | 'casework.decide';

/** Fields a transition may require from the actor. */
export type TransitionField = 'comment' | 'grounds' | 'date' | 'channel' | 'until' | 'outcome';

/** What applying a transition changes on the case besides its state. */
export type TransitionEffect =
  | 'give_reference' // our reference, from the authority's counter (registration)
  | 'set_outcome' // outcome = the transition's outcome, or the `outcome` field
  | 'clear_outcome' // outcome, closed_on, executed_on back to null (reopening, resubmission)
  | 'set_refusal_grounds'
  | 'set_postponed_until'
  | 'clear_postponed_until'
  | 'set_approved_by'
  | 'clear_approved_by'
  | 'set_sent_on' // sent_on = date, channel = channel
  | 'set_executed_on' // executed_on = date
  | 'set_closed_on'; // closed_on = today

export interface CaseTransition {
  name: string;
  direction: Direction;
  from: readonly CaseState[];
  to: CaseState;
  action: TransitionAction;
  /** The actor must not be the case's author (approval of an outgoing request). */
  fourEyes: boolean;
  requires: readonly TransitionField[];
  /** Fields accepted but not required. */
  optional?: readonly TransitionField[];
  effects: readonly TransitionEffect[];
  /** The outcome set by set_outcome when it is not given as a field. */
  outcome?: Outcome;
  /** Applied by another service (e.g. forwarding to executing authorities), never directly. */
  appliedBy?: 'forwarding';
}

const OPEN_INCOMING: readonly CaseState[] = ['received', 'formal_check', 'registered', 'assessment', 'consultation', 'additional_info_requested', 'postponed', 'forwarded', 'results_review'];
const OPEN_OUTGOING: readonly CaseState[] = ['draft', 'awaiting_approval', 'approved', 'sent', 'acknowledged', 'additional_info_requested', 'in_execution', 'partly_executed'];

const t = (direction: Direction, name: string, from: readonly CaseState[], to: CaseState, action: TransitionAction, rest: Partial<CaseTransition> = {}): CaseTransition => ({
  name,
  direction,
  from,
  to,
  action,
  fourEyes: false,
  requires: [],
  effects: [],
  ...rest,
});

export const TRANSITIONS: readonly CaseTransition[] = [
  // Incoming: a partner asked us.
  t('incoming', 'start_check', ['received'], 'formal_check', 'casework.edit'),
  t('incoming', 'return_for_completion', ['formal_check'], 'returned_for_completion', 'casework.edit', { requires: ['comment'], effects: ['set_outcome'], outcome: 'returned' }),
  t('incoming', 'resubmit', ['returned_for_completion'], 'formal_check', 'casework.edit', { effects: ['clear_outcome'] }),
  t('incoming', 'register', ['formal_check'], 'registered', 'casework.edit', { effects: ['give_reference'] }),
  t('incoming', 'start_assessment', ['registered'], 'assessment', 'casework.edit'),
  // 18(26): consult the requesting State before refusing or postponing.
  t('incoming', 'consult', ['assessment', 'postponed'], 'consultation', 'casework.edit', { requires: ['comment'] }),
  // 18(16): additional information needed.
  t('incoming', 'request_information', ['registered', 'assessment', 'consultation', 'forwarded'], 'additional_info_requested', 'casework.edit', { requires: ['comment'] }),
  t('incoming', 'information_received', ['additional_info_requested'], 'assessment', 'casework.edit'),
  // 18(25): postponement, with its reason and until when.
  t('incoming', 'postpone', ['assessment', 'consultation'], 'postponed', 'casework.decide', { requires: ['comment', 'until'], effects: ['set_postponed_until'] }),
  t('incoming', 'resume', ['postponed'], 'assessment', 'casework.decide', { effects: ['clear_postponed_until'] }),
  t('incoming', 'forward', ['registered', 'assessment'], 'forwarded', 'casework.edit', { appliedBy: 'forwarding' }),
  t('incoming', 'review_results', ['forwarded'], 'results_review', 'casework.edit'),
  t('incoming', 'send_results', ['results_review'], 'results_sent', 'casework.send', { requires: ['date', 'outcome'], effects: ['set_executed_on', 'set_outcome'] }),
  // 18(21), 18(23): grounds from the list, reasons given.
  t('incoming', 'refuse', ['assessment', 'consultation', 'postponed', 'additional_info_requested'], 'refused', 'casework.decide', {
    requires: ['grounds', 'comment'],
    effects: ['set_refusal_grounds', 'set_outcome'],
    outcome: 'refused',
  }),
  t('incoming', 'withdraw', OPEN_INCOMING, 'withdrawn', 'casework.decide', { requires: ['comment'], effects: ['set_outcome'], outcome: 'withdrawn' }),
  t('incoming', 'lapse', ['returned_for_completion', 'additional_info_requested', 'postponed'], 'lapsed', 'casework.decide', { requires: ['comment'], effects: ['set_outcome'], outcome: 'lapsed' }),
  t('incoming', 'close', ['results_sent', 'refused', 'withdrawn', 'lapsed', 'returned_for_completion'], 'closed', 'casework.edit', { effects: ['set_closed_on'] }),
  t('incoming', 'reopen', ['closed', 'refused', 'withdrawn', 'lapsed'], 'assessment', 'casework.decide', { requires: ['comment'], effects: ['clear_outcome'] }),

  // Outgoing: we ask a partner.
  t('outgoing', 'submit', ['draft'], 'awaiting_approval', 'casework.edit'),
  t('outgoing', 'return_to_draft', ['awaiting_approval'], 'draft', 'casework.approve', { fourEyes: true, requires: ['comment'], effects: ['clear_approved_by'] }),
  t('outgoing', 'approve', ['awaiting_approval'], 'approved', 'casework.approve', { fourEyes: true, effects: ['set_approved_by'] }),
  t('outgoing', 'send', ['approved'], 'sent', 'casework.send', { requires: ['date', 'channel'], effects: ['set_sent_on'] }),
  t('outgoing', 'acknowledge', ['sent'], 'acknowledged', 'casework.send'),
  t('outgoing', 'information_requested', ['sent', 'acknowledged', 'in_execution'], 'additional_info_requested', 'casework.send', { requires: ['comment'] }),
  t('outgoing', 'information_provided', ['additional_info_requested'], 'in_execution', 'casework.send'),
  t('outgoing', 'start_execution', ['sent', 'acknowledged'], 'in_execution', 'casework.send'),
  t('outgoing', 'partly_executed', ['acknowledged', 'in_execution'], 'partly_executed', 'casework.send', { requires: ['date'], effects: ['set_executed_on', 'set_outcome'], outcome: 'partly_executed' }),
  t('outgoing', 'executed', ['acknowledged', 'in_execution', 'partly_executed'], 'executed', 'casework.send', { requires: ['date'], effects: ['set_executed_on', 'set_outcome'], outcome: 'executed' }),
  t('outgoing', 'refused', ['sent', 'acknowledged', 'additional_info_requested', 'in_execution'], 'refused', 'casework.send', {
    requires: ['comment'],
    optional: ['grounds'],
    effects: ['set_refusal_grounds', 'set_outcome'],
    outcome: 'refused',
  }),
  t('outgoing', 'withdraw', OPEN_OUTGOING, 'withdrawn', 'casework.decide', { requires: ['comment'], effects: ['set_outcome'], outcome: 'withdrawn' }),
  t('outgoing', 'lapse', ['sent', 'acknowledged', 'additional_info_requested', 'in_execution'], 'lapsed', 'casework.decide', { requires: ['comment'], effects: ['set_outcome'], outcome: 'lapsed' }),
  t('outgoing', 'close', ['executed', 'partly_executed', 'refused', 'withdrawn', 'lapsed'], 'closed', 'casework.edit', { effects: ['set_closed_on'] }),
  t('outgoing', 'reopen', ['closed'], 'in_execution', 'casework.decide', { requires: ['comment'], effects: ['clear_outcome'] }),
];

/** The first state of each direction. */
export const INITIAL_STATE: Record<Direction, CaseState> = { incoming: 'received', outgoing: 'draft' };

export function transitionsOf(direction: Direction): readonly CaseTransition[] {
  return TRANSITIONS.filter((x) => x.direction === direction);
}

export function findTransition(direction: Direction, name: string): CaseTransition | undefined {
  return TRANSITIONS.find((x) => x.direction === direction && x.name === name);
}

/** What the actor gives with a transition (form or API body); validated by transitionFieldIssues. */
export interface TransitionInput {
  comment?: string;
  grounds?: readonly string[];
  date?: string;
  channel?: string;
  until?: string;
  outcome?: string;
}

/** The validated values, as the effects use them. */
export interface TransitionValues {
  comment: string | null;
  grounds: RefusalGround[];
  date: string | null;
  channel: Channel | null;
  until: string | null;
  outcome: Outcome | null;
}

export interface TransitionSubject {
  direction: Direction;
  state: CaseState;
  authorId: string | null;
}

export type TransitionCheck =
  | { ok: true; transition: CaseTransition }
  | { ok: false; reason: 'unknown' | 'permission' | 'state' | 'four_eyes' | 'elsewhere'; transition?: CaseTransition };

/**
 * May this actor apply this transition now? `allowed(action)` answers the policy question for the case
 * (e.g. allow(actor, action, { authorityId, authorId })). Permission is checked before the state.
 */
export function canTransition(actorId: string | null, subject: TransitionSubject, name: string, allowed: (action: TransitionAction) => boolean): TransitionCheck {
  const transition = findTransition(subject.direction, name);
  if (!transition) return { ok: false, reason: 'unknown' };
  if (!actorId || !allowed(transition.action)) return { ok: false, reason: 'permission', transition };
  if (!transition.from.includes(subject.state)) return { ok: false, reason: 'state', transition };
  if (transition.fourEyes && (!subject.authorId || subject.authorId === actorId)) return { ok: false, reason: 'four_eyes', transition };
  if (transition.appliedBy) return { ok: false, reason: 'elsewhere', transition };
  return { ok: true, transition };
}

/** The transitions this actor may apply now (buttons on the case page, `transitions` in the API). */
export function availableTransitions(actorId: string | null, subject: TransitionSubject, allowed: (action: TransitionAction) => boolean): CaseTransition[] {
  return transitionsOf(subject.direction).filter((x) => canTransition(actorId, subject, x.name, allowed).ok);
}

/** Transitions that leave the state at all (ignoring permissions), for messages listing what is possible. */
export function transitionsFrom(direction: Direction, state: CaseState): CaseTransition[] {
  return transitionsOf(direction).filter((x) => x.from.includes(state));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const OUTCOMES_AT_RESULTS: readonly Outcome[] = ['executed', 'partly_executed'];

/** Check the fields of a transition: the issues (field named) or the values the effects use. */
export function transitionFieldIssues(transition: CaseTransition, input: TransitionInput): { issues: { field: string; message: string }[]; values: TransitionValues } {
  const issues: { field: string; message: string }[] = [];
  const wanted = new Set([...transition.requires, ...(transition.optional ?? [])]);
  const required = new Set(transition.requires);
  const values: TransitionValues = { comment: null, grounds: [], date: null, channel: null, until: null, outcome: null };
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  if (wanted.has('comment')) {
    const c = text(input.comment);
    if (!c && required.has('comment')) issues.push({ field: 'comment', message: 'is required (the reason for this step)' });
    else if (c.length > 5000) issues.push({ field: 'comment', message: 'must be at most 5000 characters' });
    else values.comment = c || null;
  } else if (text(input.comment)) {
    values.comment = text(input.comment).slice(0, 5000);
  }
  if (wanted.has('grounds')) {
    const g = [...new Set(input.grounds ?? [])];
    const unknown = g.filter((x) => !(REFUSAL_GROUNDS as readonly string[]).includes(x));
    if (unknown.length) issues.push({ field: 'grounds', message: `unknown ground(s): ${unknown.join(', ')}; one of: ${REFUSAL_GROUNDS.join(', ')}` });
    else if (g.includes('bank_secrecy_not_a_ground')) issues.push({ field: 'grounds', message: 'bank secrecy is not a ground for refusal (UNTOC art. 18(8))' });
    else if (!g.length && required.has('grounds')) issues.push({ field: 'grounds', message: 'at least one ground for refusal is required (UNTOC art. 18(21))' });
    else values.grounds = g as RefusalGround[];
  }
  for (const f of ['date', 'until'] as const) {
    if (!wanted.has(f)) continue;
    const d = text(input[f]);
    if (!d) {
      if (required.has(f)) issues.push({ field: f, message: 'is required (YYYY-MM-DD)' });
    } else if (!isIsoDate(d)) issues.push({ field: f, message: 'must be a date YYYY-MM-DD' });
    else values[f] = d;
  }
  if (wanted.has('channel')) {
    const c = text(input.channel);
    if (!c) {
      if (required.has('channel')) issues.push({ field: 'channel', message: `is required (one of: ${CHANNELS.join(', ')})` });
    } else if (!(CHANNELS as readonly string[]).includes(c)) issues.push({ field: 'channel', message: `must be one of: ${CHANNELS.join(', ')}` });
    else values.channel = c as Channel;
  }
  if (wanted.has('outcome')) {
    const o = text(input.outcome);
    if (!(OUTCOMES_AT_RESULTS as readonly string[]).includes(o)) issues.push({ field: 'outcome', message: `must be one of: ${OUTCOMES_AT_RESULTS.join(', ')}` });
    else values.outcome = o as Outcome;
  }
  return { issues, values };
}

/** The fields of the case a transition changes (besides state and reference), from its effects. */
export function transitionChanges(transition: CaseTransition, values: TransitionValues, actorId: string | null, today: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of transition.effects) {
    switch (e) {
      case 'set_outcome':
        out.outcome = values.outcome ?? transition.outcome ?? null;
        break;
      case 'clear_outcome':
        out.outcome = null;
        out.closed_on = null;
        out.executed_on = null;
        break;
      case 'set_refusal_grounds':
        out.refusal_grounds = values.grounds;
        break;
      case 'set_postponed_until':
        out.postponed_until = values.until;
        break;
      case 'clear_postponed_until':
        out.postponed_until = null;
        break;
      case 'set_approved_by':
        out.approved_by = actorId;
        break;
      case 'clear_approved_by':
        out.approved_by = null;
        break;
      case 'set_sent_on':
        out.sent_on = values.date;
        out.channel = values.channel;
        break;
      case 'set_executed_on':
        out.executed_on = values.date;
        break;
      case 'set_closed_on':
        out.closed_on = today;
        break;
      case 'give_reference':
        break; // the service takes the number from the counter in the same transaction
    }
  }
  return out;
}
