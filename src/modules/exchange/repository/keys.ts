/** SQL of this node's keys and of partners' keys. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import type { ExchangeNodeKeysTable, ExchangePartnerKeysTable, KeyUse, PublicJwk } from '../tables.js';

export type NodeKeyRow = Selectable<ExchangeNodeKeysTable>;
export type PartnerKeyRow = Selectable<ExchangePartnerKeysTable>;

export async function insertNodeKey(db: Kysely<DB>, kid: string, use: KeyUse, publicJwk: PublicJwk, sealed: string): Promise<void> {
  await db.insertInto('exchange_node_keys').values({ kid, use, public_jwk: json(publicJwk), private_sealed: sealed }).execute();
}

/** Keys not revoked, newest first. */
export function listNodeKeys(db: Kysely<DB>): Promise<NodeKeyRow[]> {
  return db.selectFrom('exchange_node_keys').selectAll().where('revoked_at', 'is', null).orderBy('created_at', 'desc').orderBy('kid').execute();
}

export function listAllNodeKeys(db: Kysely<DB>): Promise<NodeKeyRow[]> {
  return db.selectFrom('exchange_node_keys').selectAll().orderBy('created_at', 'desc').orderBy('kid').execute();
}

export function nodeKey(db: Kysely<DB>, kid: string): Promise<NodeKeyRow | undefined> {
  return db.selectFrom('exchange_node_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
}

/** Retire the active keys of a use (rotation), except the new one. */
export async function retireNodeKeys(db: Kysely<DB>, use: KeyUse, except: string): Promise<void> {
  await db.updateTable('exchange_node_keys').set({ retired_at: sql<Date>`now()` }).where('use', '=', use).where('kid', '!=', except).where('retired_at', 'is', null).execute();
}

export async function revokeNodeKey(db: Kysely<DB>, kid: string): Promise<boolean> {
  const r = await db.updateTable('exchange_node_keys').set({ revoked_at: sql<Date>`now()`, retired_at: sql<Date>`coalesce(retired_at, now())` }).where('kid', '=', kid).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function partnerKeys(db: Kysely<DB>, partnerId: string): Promise<PartnerKeyRow[]> {
  return db.selectFrom('exchange_partner_keys').selectAll().where('partner_id', '=', partnerId).orderBy('use').orderBy('kid').execute();
}

/** A partner's key by kid, with the partner's node id and state (the inbox finds the sender by the key). */
export function partnerKeyByKid(db: Kysely<DB>, kid: string) {
  return db
    .selectFrom('exchange_partner_keys as k')
    .innerJoin('exchange_partners as p', 'p.id', 'k.partner_id')
    .select(['k.partner_id', 'k.kid', 'k.use', 'k.jwk', 'k.confirmed_at', 'k.revoked_at', 'p.node_id', 'p.state'])
    .where('k.kid', '=', kid)
    .execute();
}

export async function upsertPartnerKey(db: Kysely<DB>, partnerId: string, kid: string, use: KeyUse, jwk: PublicJwk, retired: boolean): Promise<void> {
  await db
    .insertInto('exchange_partner_keys')
    .values({ partner_id: partnerId, kid, use, jwk: json(jwk), retired })
    .onConflict((oc) => oc.columns(['partner_id', 'kid']).doUpdateSet({ retired }))
    .execute();
}

export async function confirmPartnerKeys(db: Kysely<DB>, partnerId: string, kids: readonly string[]): Promise<number> {
  if (!kids.length) return 0;
  const r = await db.updateTable('exchange_partner_keys').set({ confirmed_at: sql<Date>`now()` }).where('partner_id', '=', partnerId).where('kid', 'in', kids).where('confirmed_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function revokePartnerKey(db: Kysely<DB>, partnerId: string, kid: string): Promise<boolean> {
  const r = await db.updateTable('exchange_partner_keys').set({ revoked_at: sql<Date>`now()` }).where('partner_id', '=', partnerId).where('kid', '=', kid).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
