/** SQL of exchanged messages (outbox and inbox) and their evidence. */
import { sql, type Kysely, type Insertable, type Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { ExchangeEvidenceTable, ExchangeMessagesTable } from '../tables.js';

export type MessageRow = Selectable<ExchangeMessagesTable>;
export type EvidenceRow = Selectable<ExchangeEvidenceTable>;

export async function insertMessage(db: Kysely<DB>, m: Insertable<ExchangeMessagesTable>): Promise<void> {
  await db.insertInto('exchange_messages').values(m).execute();
}

export function findMessage(db: Kysely<DB>, id: string, forUpdate = false): Promise<MessageRow | undefined> {
  const q = db.selectFrom('exchange_messages').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** A message of this case to this partner still queued or delivered (one request per case and partner). */
export function activeRequest(db: Kysely<DB>, caseId: string, partnerId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('exchange_messages').select('id').where('case_id', '=', caseId).where('partner_id', '=', partnerId).where('direction', '=', 'out').where('kind', '=', 'request').where('state', 'in', ['queued', 'delivered']).executeTakeFirst();
}

/** The request messages of a case (received: one; sent: one per partner). */
export function requestsOfCase(db: Kysely<DB>, caseId: string): Promise<MessageRow[]> {
  return db.selectFrom('exchange_messages').selectAll().where('case_id', '=', caseId).where('kind', '=', 'request').orderBy('created_at').execute();
}

/** The latest message of a kind received from a partner about a case (the one an answer refers to). */
export function latestReceived(db: Kysely<DB>, caseId: string, partnerId: string, kind: string): Promise<MessageRow | undefined> {
  return db.selectFrom('exchange_messages').selectAll().where('case_id', '=', caseId).where('partner_id', '=', partnerId).where('direction', '=', 'in').where('kind', '=', kind).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function recordAttempt(db: Kysely<DB>, id: string, error: string | null): Promise<void> {
  await db.updateTable('exchange_messages').set({ attempts: sql<number>`attempts + 1`, last_error: error?.slice(0, 1000) ?? null }).where('id', '=', id).execute();
}

export async function markDelivered(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('exchange_messages').set({ state: 'delivered', body: null, delivered_at: sql<Date>`now()`, last_error: null }).where('id', '=', id).execute();
}

export async function markFailed(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('exchange_messages').set({ state: 'failed' }).where('id', '=', id).where('state', '=', 'queued').execute();
}

export function messagesOfCase(db: Kysely<DB>, caseId: string, authorities: readonly string[]): Promise<MessageRow[]> {
  if (!authorities.length) return Promise.resolve([]);
  return db.selectFrom('exchange_messages').selectAll().where('case_id', '=', caseId).where('authority_id', 'in', authorities).orderBy('created_at').orderBy('id').execute();
}

/** Insert evidence unless the same event by the same signer is already held; returns the stored row. */
export async function insertEvidence(db: Kysely<DB>, e: Insertable<ExchangeEvidenceTable>): Promise<EvidenceRow> {
  await db.insertInto('exchange_evidence').values(e).onConflict((oc) => oc.columns(['message_id', 'event', 'signer']).doNothing()).execute();
  return db.selectFrom('exchange_evidence').selectAll().where('message_id', '=', e.message_id).where('event', '=', e.event).where('signer', '=', e.signer).executeTakeFirstOrThrow();
}

export function evidenceOf(db: Kysely<DB>, messageIds: readonly string[]): Promise<EvidenceRow[]> {
  if (!messageIds.length) return Promise.resolve([]);
  return db.selectFrom('exchange_evidence').selectAll().where('message_id', 'in', messageIds).orderBy('at').orderBy('id').execute();
}

export function evidenceById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('exchange_evidence as e')
    .innerJoin('exchange_messages as m', 'm.id', 'e.message_id')
    .select(['e.id', 'e.message_id', 'e.event', 'e.signer', 'e.at', 'e.jws', 'm.authority_id'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/** Outgoing messages still waiting for delivery. */
export async function queuedOutgoing(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('exchange_messages').select('id').where('direction', '=', 'out').where('state', '=', 'queued').orderBy('created_at').execute()).map((r) => r.id);
}

/** Messages received about a case, of these authorities, for which this node has not yet signed Retrieval evidence. */
export function unretrievedIncoming(db: Kysely<DB>, caseId: string, authorities: readonly string[], self: string): Promise<MessageRow[]> {
  if (!authorities.length) return Promise.resolve([]);
  return db
    .selectFrom('exchange_messages as m')
    .selectAll('m')
    .where('m.case_id', '=', caseId)
    .where('m.direction', '=', 'in')
    .where('m.authority_id', 'in', authorities)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('exchange_evidence as e').select('e.id').whereRef('e.message_id', '=', 'm.id').where('e.event', '=', 'Retrieval').where('e.signer', '=', self))))
    .orderBy('m.created_at')
    .execute();
}

/** Messages received before `before` for which this node signed neither Retrieval nor NonRetrieval evidence. */
export function unretrievedSince(db: Kysely<DB>, before: Date, self: string): Promise<MessageRow[]> {
  return db
    .selectFrom('exchange_messages as m')
    .selectAll('m')
    .where('m.direction', '=', 'in')
    .where('m.created_at', '<', before)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('exchange_evidence as e').select('e.id').whereRef('e.message_id', '=', 'm.id').where('e.event', 'in', ['Retrieval', 'NonRetrieval']).where('e.signer', '=', self))))
    .orderBy('m.created_at')
    .limit(500)
    .execute();
}
