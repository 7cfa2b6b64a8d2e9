/** SQL of the case history: append an event to the chain (in the caller's scoped transaction), read a chain. */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import { eventHash, type StoredEvent } from '../domain/history.js';
import type { EventType } from '../domain/vocabulary.js';

export interface NewEvent {
  caseId: string;
  type: EventType;
  data: Record<string, unknown>;
  actorId: string | null;
  actorName: string | null;
  actingAuthorityId: string | null;
  /** Defaults to now; an import gives the original time of the event. */
  at?: Date;
}

/** An event linked to the head of its case's chain, not yet written (chainEvent, then insertChainedEvent). */
export interface ChainedEvent {
  event: NewEvent;
  stored: Omit<StoredEvent, 'id'>;
  /** The case's new head, to be written on the case row in the same transaction. */
  caseChanges: { history_seq: number; history_head: string };
}

/** Link an event to the case's current head (the caller holds the case row's lock). */
export function chainEvent(head: { history_seq: number; history_head: string }, event: NewEvent): ChainedEvent {
  const seq = head.history_seq + 1;
  const at = (event.at ?? new Date()).toISOString();
  const content = { caseId: event.caseId, seq, at, actorId: event.actorId, actingAuthorityId: event.actingAuthorityId, type: event.type, data: event.data };
  const hash = eventHash(head.history_head, content);
  return { event, stored: { ...content, prevHash: head.history_head, hash }, caseChanges: { history_seq: seq, history_head: hash } };
}

/** Write a chained event (its case row takes caseChanges in the same transaction). */
export async function insertChainedEvent(trx: Transaction<DB>, chained: ChainedEvent): Promise<StoredEvent> {
  const { event, stored } = chained;
  const row = await trx
    .insertInto('case_events')
    .values({ case_id: event.caseId, seq: stored.seq, at: stored.at, actor_id: event.actorId, actor_name: event.actorName, acting_authority_id: event.actingAuthorityId, type: event.type, data: json(event.data), prev_hash: stored.prevHash, hash: stored.hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...stored, id: row.id };
}

/**
 * Append an event to the case's chain, in the transaction of the change, and mark the case as changed
 * (updated_at). Locks the case row, so concurrent changes to one case are chained one after the other.
 * A change that updates the case row itself (a transition) chains the event first and writes the new
 * head with its own update instead (chainEvent, insertChainedEvent): one update of the row, not two.
 */
export async function appendEvent(trx: Transaction<DB>, event: NewEvent): Promise<StoredEvent> {
  const head = await trx.selectFrom('casework_cases').select(['history_seq', 'history_head']).where('id', '=', event.caseId).forUpdate().executeTakeFirstOrThrow();
  const chained = chainEvent(head, event);
  const stored = await insertChainedEvent(trx, chained);
  // Every event is activity on the case: the worklist's "last activity" (updated_at) follows the history
  // (never moved back by an imported event of an earlier time).
  await trx
    .updateTable('casework_cases')
    .set({ ...chained.caseChanges, updated_at: sql<Date>`greatest(updated_at, ${stored.at}::timestamptz)` })
    .where('id', '=', event.caseId)
    .execute();
  return stored;
}

/** The events of a case in chain order, with the actor's name at the time (not part of the hashed content). */
export async function listEvents(trx: Transaction<DB>, caseId: string): Promise<(StoredEvent & { actorName: string | null })[]> {
  const rows = await trx
    .selectFrom('case_events')
    .select(['id', 'case_id', 'seq', 'at', 'actor_id', 'actor_name', 'acting_authority_id', 'type', 'data', 'prev_hash', 'hash'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actingAuthorityId: r.acting_authority_id,
    type: r.type,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
    actorName: r.actor_name,
  }));
}
