/** SQL for API tokens, practitioner requests and the outbox. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { OutboxStatus, RequestStatus, TokenRevocationReason } from '../tables.js';

export async function insertApiToken(db: Kysely<DB>, t: { user_id: string; name: string; token_hash: string; prefix: string; scopes: string[]; expires_at: Date }) {
  return db.insertInto('api_tokens').values(t).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

export async function selectApiTokens(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'scopes', 'expires_at', 'last_used_at', 'revoked_at', 'revoked_reason', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export async function revokeApiToken(db: Kysely<DB>, userId: string, id: string) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()`, revoked_reason: 'owner' })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
}

/** Revoke every live (unrevoked, unexpired) token of a user at once, giving the reason. */
export async function revokeLiveApiTokens(db: Kysely<DB>, userId: string, reason: TokenRevocationReason) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()`, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['id', 'name'])
    .execute();
}

/**
 * The latest revocation of a user's tokens by a security event (not by hand) in the last `days`,
 * unless the user has created a token since: what the security page tells the owner.
 */
export async function selectLatestForcedRevocation(db: Kysely<DB>, userId: string, days: number) {
  return db
    .selectFrom('api_tokens as t')
    .select(['t.revoked_at', 't.revoked_reason', sql<number>`count(*)::int`.as('count')])
    .where('t.user_id', '=', userId)
    .where('t.revoked_reason', '<>', 'owner')
    .where('t.revoked_at', '>', sql<Date>`now() - make_interval(days => ${days})`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('api_tokens as n').select('n.id').where('n.user_id', '=', userId).whereRef('n.created_at', '>', 't.revoked_at'))))
    .groupBy(['t.revoked_at', 't.revoked_reason'])
    .orderBy('t.revoked_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A live token with its owner (not revoked, not expired, owner not disabled). */
export async function selectLiveApiToken(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.scopes', 'api_tokens.last_used_at', 'users.email', 'users.display_name', 'users.totp_enabled_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', sql<Date>`now()`)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: sql`now()` }).where('id', '=', id).execute();
}

export async function insertPractitionerRequest(db: Kysely<DB>, r: { user_id: string; authority_name: string; function: string; country: string }) {
  return db.insertInto('practitioner_requests').values(r).onConflict((oc) => oc.doNothing()).returning(['id']).executeTakeFirst();
}

export async function selectPractitionerRequests(db: Kysely<DB>, f: { userId?: string; status?: RequestStatus; countries?: string[]; limit: number; beforeCreated?: Date }) {
  let q = db
    .selectFrom('practitioner_requests as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .select([
      'r.id', 'r.user_id', 'r.authority_name', 'r.function', 'r.country', 'r.authority_id', 'r.status', 'r.reason', 'r.decided_at', 'r.created_at',
      'u.display_name as user_name', 'u.email as user_email', 'd.display_name as decided_by_name',
    ]);
  if (f.userId) q = q.where('r.user_id', '=', f.userId);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.countries) q = q.where('r.country', 'in', f.countries.length ? f.countries : ['']);
  if (f.beforeCreated) q = q.where('r.created_at', '<', f.beforeCreated);
  return q.orderBy('r.created_at', 'desc').limit(f.limit).execute();
}

export async function selectPractitionerRequest(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('practitioner_requests as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'r.country', 'r.status', 'r.authority_name', 'r.function', 'u.email', 'u.display_name', 'u.lang'])
    .where('r.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function decidePractitionerRequest(db: Kysely<DB>, id: string, d: { status: 'approved' | 'refused'; reason: string | null; decided_by: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('practitioner_requests')
    .set({ ...d, decided_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertOutbox(db: Kysely<DB>, m: { to_address: string; lang: string; purpose: string; subject: string; body: string; status: OutboxStatus }) {
  return db.insertInto('outbox').values(m).returning(['id']).executeTakeFirstOrThrow();
}

export async function selectOutbox(db: Kysely<DB>, f: { beforeId?: string; limit: number; to?: string }) {
  let q = db.selectFrom('outbox').selectAll();
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  if (f.to) q = q.where(sql<boolean>`lower(to_address) = ${f.to.toLowerCase()}`);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function selectPendingMail(db: Kysely<DB>, limit: number) {
  return db.selectFrom('outbox').select(['id']).where('status', '=', 'pending').orderBy('id').limit(limit).execute();
}

export async function findOutboxMail(db: Kysely<DB>, id: string) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Keep a mail for the administrator (no SMTP server any more). */
export async function markMailStored(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('outbox').set({ status: 'stored' }).where('id', '=', id).where('status', 'in', ['pending', 'failed']).execute();
}

export async function markMailSent(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('outbox').set({ status: 'sent', sent_at: sql`now()`, body: null, attempts: sql`attempts + 1`, last_error: null }).where('id', '=', id).execute();
}

export async function markMailFailed(db: Kysely<DB>, id: string, error: string, giveUp: boolean): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: giveUp ? 'failed' : 'pending', attempts: sql`attempts + 1`, last_error: error.slice(0, 1000) })
    .where('id', '=', id)
    .execute();
}
