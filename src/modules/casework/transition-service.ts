/**
 * Applying a lifecycle transition to a case: permission, state (409 listing the transitions the actor
 * may apply), four eyes, required fields (400 naming them), effects (reference at registration,
 * outcome, dates), one event in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../platform/http/errors.js';
import { allow, type Actor } from '../access/index.js';
import { availableTransitions, canTransition, transitionChanges, transitionFieldIssues, transitionsOf, type TransitionInput } from './domain/transitions.js';
import { chainEvent, insertChainedEvent } from './repository/history.js';
import { updateCase, type CaseRow } from './repository/cases.js';
import { withCaseScope } from './repository/scope.js';
import { actorName, assertVersion, authoritiesFor, caseOr404, today } from './service-context.js';
import { giveReference } from './service.js';

/** A 409 for a transition not possible now; `allowed` lists those the actor may apply. */
export class IllegalTransitionError extends ConflictError {
  constructor(
    message: string,
    readonly allowed: string[],
  ) {
    super(`${message}. Allowed now: ${allowed.length ? allowed.join(', ') : 'none'}`, [{ field: 'transition', message: `allowed now: ${allowed.join(', ') || 'none'}` }]);
  }
}

export interface TransitionRequest extends TransitionInput {
  transition: string;
  /** The version the actor saw (409 when the case changed since). */
  version?: number;
}

function input(body: unknown): TransitionRequest {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : b[k] === undefined || b[k] === null ? undefined : String(b[k]));
  const issues: { field: string; message: string }[] = [];
  const transition = str('transition');
  if (!transition) issues.push({ field: 'transition', message: 'is required' });
  let grounds: string[] | undefined;
  if (b.grounds !== undefined) {
    if (Array.isArray(b.grounds) && b.grounds.every((g) => typeof g === 'string')) grounds = b.grounds as string[];
    else if (typeof b.grounds === 'string') grounds = [b.grounds];
    else issues.push({ field: 'grounds', message: 'must be a list of grounds' });
  }
  let version: number | undefined;
  if (b.version !== undefined && b.version !== '' && b.version !== null) {
    version = Number(b.version);
    if (!Number.isInteger(version) || version < 1) issues.push({ field: 'version', message: 'must be a positive integer' });
  }
  for (const k of ['comment', 'date', 'channel', 'until', 'outcome']) {
    const v = str(k);
    if (v !== undefined && (v.length > 5000 || v.includes('\u0000'))) issues.push({ field: k, message: 'must be at most 5000 characters of text' });
  }
  if (issues.length) throw new ValidationError(issues);
  return { transition: transition!, comment: str('comment'), grounds, date: str('date'), channel: str('channel'), until: str('until'), outcome: str('outcome'), version };
}

/** Apply a transition; returns the case after it. */
export async function applyTransition(db: Kysely<DB>, actor: Actor, id: string, body: unknown): Promise<CaseRow> {
  const authorities = authoritiesFor(actor, 'casework.read');
  const req = input(body);
  return withCaseScope(db, authorities, async (trx) => {
    const row = await caseOr404(trx, id, true);
    if (!allow(actor, 'casework.read', { authorityId: row.authority_id })) throw new ForbiddenError('Only the authority the case belongs to changes its state');
    const allowed = (a: Parameters<typeof allow>[1]) => allow(actor, a, { authorityId: row.authority_id, authorId: row.author_id });
    const subject = { direction: row.direction, state: row.state, authorId: row.author_id };
    const possible = availableTransitions(actor.userId, subject, allowed).map((t) => t.name);
    const check = canTransition(actor.userId, subject, req.transition, allowed);
    if (!check.ok) {
      switch (check.reason) {
        case 'unknown':
          throw new ValidationError([{ field: 'transition', message: `unknown; the ${row.direction} lifecycle has: ${transitionsOf(row.direction).map((t) => t.name).join(', ')}` }]);
        case 'permission':
          throw new ForbiddenError(`You are not allowed to do this (${check.transition!.action})`);
        case 'four_eyes':
          throw new ForbiddenError('Four eyes: a request is approved by a supervisor who is not its author');
        case 'elsewhere':
          throw new IllegalTransitionError('A request is forwarded to executing authorities through forwarding (the forwarding form or API), which creates each executing authority\'s track and moves the case to forwarded', possible);
        case 'state':
          throw new IllegalTransitionError(`"${req.transition}" is not possible from the state ${row.state}`, possible);
      }
    }
    const transition = check.transition;
    const { issues, values } = transitionFieldIssues(transition, req);
    if (issues.length) throw new ValidationError(issues);
    assertVersion(row, req.version);
    const changes: Record<string, unknown> = transitionChanges(transition, values, actor.userId, today());
    if (transition.effects.includes('give_reference') && !row.reference) changes.reference = await giveReference(trx, row.authority_id, row.direction);
    const data: Record<string, unknown> = { transition: transition.name, from: row.state, to: transition.to };
    for (const [k, v] of Object.entries(values)) if (v !== null && !(Array.isArray(v) && !v.length)) data[k] = v;
    if (changes.reference) data.reference = changes.reference;
    // The case row is locked (caseOr404 FOR UPDATE): the event is chained to its head, and the new state
    // and the new head are written in one update of the row.
    const at = new Date();
    const chained = chainEvent(row, { caseId: row.id, type: 'transition', data, actorId: actor.userId, actorName: actorName(actor), actingAuthorityId: row.authority_id, at });
    const updated = await updateCase(trx, row.id, row.version, { ...changes, state: transition.to, state_since: at, updated_at: at, ...chained.caseChanges });
    if (!updated) throw new AppError(409, 'conflict', 'The case was changed by someone else meanwhile; reload it');
    await insertChainedEvent(trx, chained);
    return updated;
  });
}
