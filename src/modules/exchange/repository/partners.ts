/** SQL of partner nodes. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import type { NodeDescriptor } from '../domain/descriptor.js';
import type { ExchangePartnersTable, PartnerState } from '../tables.js';

export type PartnerRow = Selectable<ExchangePartnersTable>;

/** Add a partner, or refresh its descriptor (name, endpoints) when its node id is known: returns its id. */
export async function upsertPartner(db: Kysely<DB>, d: NodeDescriptor, addedBy: string | null): Promise<{ id: string; created: boolean }> {
  const row = await db
    .insertInto('exchange_partners')
    .values({ node_id: d.id, name: d.name, country: d.country, authority_id: d.authority_id ?? null, inbox_url: d.endpoints.inbox, descriptor: json(d), added_by: addedBy })
    .onConflict((oc) => oc.column('node_id').doUpdateSet({ name: d.name, country: d.country, authority_id: d.authority_id ?? null, inbox_url: d.endpoints.inbox, descriptor: json(d) }))
    .returning(['id', sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirstOrThrow();
  return { id: row.id, created: row.created };
}

export function listPartners(db: Kysely<DB>): Promise<PartnerRow[]> {
  return db.selectFrom('exchange_partners').selectAll().orderBy('name').orderBy('node_id').execute();
}

export function partner(db: Kysely<DB>, id: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('exchange_partners').selectAll().where('id', '=', id).executeTakeFirst();
}

export function partnerByNode(db: Kysely<DB>, nodeId: string): Promise<PartnerRow | undefined> {
  return db.selectFrom('exchange_partners').selectAll().where('node_id', '=', nodeId).executeTakeFirst();
}

export async function setPartnerState(db: Kysely<DB>, id: string, state: PartnerState, by: string | null): Promise<void> {
  await db
    .updateTable('exchange_partners')
    .set(state === 'confirmed' ? { state, confirmed_by: by, confirmed_at: sql<Date>`now()` } : { state })
    .where('id', '=', id)
    .execute();
}
