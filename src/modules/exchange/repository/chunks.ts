/** SQL of document chunks (migration 0085): outgoing ones until delivered, incoming ones until their message takes them. */
import { sql, type Kysely, type Insertable } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { ExchangeChunksTable } from '../tables.js';

export async function insertChunk(db: Kysely<DB>, c: Insertable<ExchangeChunksTable>): Promise<void> {
  await db.insertInto('exchange_chunks').values(c).execute();
}

/** An incoming chunk, once: returns the SHA-256 of the chunk held at that place (this one, or the one held before). */
export async function stageChunk(db: Kysely<DB>, c: Insertable<ExchangeChunksTable>): Promise<string> {
  await db.insertInto('exchange_chunks').values(c).onConflict((oc) => oc.columns(['direction', 'message_id', 'document', 'seq']).doNothing()).execute();
  const held = await db.selectFrom('exchange_chunks').select('sha256').where('direction', '=', 'in').where('message_id', '=', c.message_id).where('document', '=', c.document).where('seq', '=', c.seq).executeTakeFirstOrThrow();
  return held.sha256;
}

/** Outgoing chunks of a message not yet delivered, in order (without their bodies). */
export function undelivered(db: Kysely<DB>, messageId: string): Promise<{ document: number; seq: number; sha256: string }[]> {
  return db.selectFrom('exchange_chunks').select(['document', 'seq', 'sha256']).where('direction', '=', 'out').where('message_id', '=', messageId).where('delivered_at', 'is', null).orderBy('document').orderBy('seq').execute();
}

export async function outBody(db: Kysely<DB>, messageId: string, document: number, seq: number): Promise<string | null> {
  const r = await db.selectFrom('exchange_chunks').select('body').where('direction', '=', 'out').where('message_id', '=', messageId).where('document', '=', document).where('seq', '=', seq).executeTakeFirst();
  return r?.body ?? null;
}

export async function markChunkDelivered(db: Kysely<DB>, messageId: string, document: number, seq: number): Promise<void> {
  await db.updateTable('exchange_chunks').set({ delivered_at: sql<Date>`now()`, body: null }).where('direction', '=', 'out').where('message_id', '=', messageId).where('document', '=', document).where('seq', '=', seq).execute();
}

/** Incoming chunks held for a message's document from a partner, in order (without their content). */
export function staged(db: Kysely<DB>, messageId: string, partnerId: string, document: number): Promise<{ seq: number; sha256: string; byte_size: number }[]> {
  return db.selectFrom('exchange_chunks').select(['seq', 'sha256', 'byte_size']).where('direction', '=', 'in').where('message_id', '=', messageId).where('partner_id', '=', partnerId).where('document', '=', document).where('data', 'is not', null).orderBy('seq').execute();
}

export async function stagedData(db: Kysely<DB>, messageId: string, document: number, seq: number): Promise<Buffer> {
  const r = await db.selectFrom('exchange_chunks').select('data').where('direction', '=', 'in').where('message_id', '=', messageId).where('document', '=', document).where('seq', '=', seq).executeTakeFirstOrThrow();
  return Buffer.from(r.data!);
}

/** The message took its documents: its incoming chunks are dropped. */
export async function dropStaged(db: Kysely<DB>, messageId: string): Promise<void> {
  await db.deleteFrom('exchange_chunks').where('direction', '=', 'in').where('message_id', '=', messageId).execute();
}

/** Incoming chunks older than `before` whose message never arrived (a delivery abandoned half-way): dropped; returns how many. */
export async function dropAbandoned(db: Kysely<DB>, before: Date): Promise<number> {
  const r = await db
    .deleteFrom('exchange_chunks as c')
    .where('c.direction', '=', 'in')
    .where('c.created_at', '<', before)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('exchange_messages as m').select('m.id').whereRef('m.id', '=', 'c.message_id'))))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
