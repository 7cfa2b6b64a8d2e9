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

/**
 * Append an event to the case's chain, in the transaction of the change, and mark the case as changed
 * (updated_at). Locks the case row, so concurrent changes to one case are chained one after the other.
 */
export async function appendEvent(trx: Transaction<DB>, event: NewEvent): Promise<StoredEvent> {
  const head = await trx.selectFrom('casework_cases').select(['history_seq', 'history_head']).where('id', '=', event.caseId).forUpdate().executeTakeFirstOrThrow();
  const seq = head.history_seq + 1;
  const at = (event.at ?? new Date()).toISOString();
  const content = { caseId: event.caseId, seq, at, actorId: event.actorId, actingAuthorityId: event.actingAuthorityId, type: event.type, data: event.data };
  const hash = eventHash(head.history_head, content);
  const row = await trx
    .insertInto('case_events')
    .values({ case_id: event.caseId, seq, at, actor_id: event.actorId, actor_name: event.actorName, acting_authority_id: event.actingAuthorityId, type: event.type, data: json(event.data), prev_hash: head.history_head, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Every event is activity on the case: the worklist's "last activity" (updated_at) follows the history
  // (never moved back by an imported event of an earlier time).
  await trx
    .updateTable('casework_cases')
    .set({ history_seq: seq, history_head: hash, updated_at: sql<Date>`greatest(updated_at, ${at}::timestamptz)` })
    .where('id', '=', event.caseId)
    .execute();
  return { ...content, id: row.id, prevHash: head.history_head, hash };
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
