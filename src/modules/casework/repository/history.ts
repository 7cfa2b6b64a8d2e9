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

const EVENT_COLUMNS = ['id', 'case_id', 'seq', 'at', 'actor_id', 'actor_name', 'acting_authority_id', 'type', 'data', 'prev_hash', 'hash'] as const;

type EventRow = { id: number; case_id: string; seq: number; at: Date | string; actor_id: string | null; acting_authority_id: string | null; type: StoredEvent['type']; data: Record<string, unknown>; prev_hash: string; hash: string };

function toStoredEvent(r: EventRow): StoredEvent {
  return {
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
  };
}

/** The events of a case in chain order, with the actor's name at the time (not part of the hashed content). */
export async function listEvents(trx: Transaction<DB>, caseId: string): Promise<(StoredEvent & { actorName: string | null })[]> {
  const rows = await trx.selectFrom('case_events').select(EVENT_COLUMNS).where('case_id', '=', caseId).orderBy('seq').execute();
  return rows.map((r) => Object.assign(toStoredEvent(r), { actorName: r.actor_name }));
}

/** A case with one of its events (NULL columns for a case without events), as the chain cursor yields them. */
export interface ChainRow extends Omit<EventRow, 'id' | 'case_id' | 'seq' | 'type'> {
  head_id: string;
  reference: string | null;
  authority_id: string;
  history_seq: number;
  history_head: string;
  id: number | null;
  case_id: string | null;
  seq: number | null;
  type: StoredEvent['type'] | null;
}

/**
 * Open the cursor `casework_chains` over every visible case (by id) joined to its events (by seq):
 * the whole verification is one ordered merge of the primary key and the (case_id, seq) index,
 * read in FETCH batches within the caller's scoped transaction (the row-level security check on
 * events is one index probe per row; a keyset page per query would rebuild it each time). JIT is
 * off: compiling this plan costs seconds and saves nothing on a streamed read.
 */
export async function openChainCursor(trx: Transaction<DB>): Promise<void> {
  await sql`SET LOCAL jit = off`.execute(trx);
  await sql`DECLARE casework_chains NO SCROLL CURSOR FOR
    SELECT c.id AS head_id, c.reference, c.authority_id, c.history_seq, c.history_head,
           e.id, e.case_id, e.seq, e.at, e.actor_id, e.acting_authority_id, e.type, e.data, e.prev_hash, e.hash
    FROM casework_cases c LEFT JOIN case_events e ON e.case_id = c.id
    ORDER BY c.id, e.seq`.execute(trx);
}

/** The next `rows` rows of the chain cursor (fewer at the end). */
export async function fetchChainRows(trx: Transaction<DB>, rows: number): Promise<ChainRow[]> {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`fetchChainRows: not a row count: ${rows}`);
  return (await sql<ChainRow>`FETCH ${sql.raw(String(rows))} FROM casework_chains`.execute(trx)).rows;
}

/** The hashed content of the event a chain row carries (its case has events). */
export function chainRowEvent(r: ChainRow): StoredEvent {
  if (r.id === null) throw new Error(`chainRowEvent: case ${r.head_id} has no event in this row`);
  return toStoredEvent(r as EventRow);
}
