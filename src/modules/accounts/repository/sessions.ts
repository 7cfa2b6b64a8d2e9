/** SQL for sessions, e-mail tokens, recovery codes and the sign-in throttle. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { SessionStage, TokenPurpose } from '../tables.js';

export async function insertSession(db: Kysely<DB>, s: { id_hash: string; user_id: string; stage: SessionStage; csrf_token: string; ip: string | null; user_agent: string | null; expires_at: Date }) {
  await db.insertInto('sessions').values(s).execute();
}

/** The session with its user, if neither expired (absolute) nor idle too long. */
export async function selectLiveSession(db: Kysely<DB>, idHash: string, idleSince: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash', 'sessions.user_id', 'sessions.stage', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.created_at', 'sessions.expires_at',
      'users.email', 'users.display_name', 'users.lang', 'users.totp_enabled_at', 'users.disabled_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', idleSince)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<DB>, idHash: string) {
  return db.deleteFrom('sessions').where('id_hash', '=', idHash).returning(['user_id', 'stage']).executeTakeFirst();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: string, exceptIdHash?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function selectUserSessions(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id_hash', 'stage', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, idleSince: Date): Promise<void> {
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('last_seen_at', '<=', idleSince)])).execute();
}

export async function insertUserToken(db: Kysely<DB>, t: { token_hash: string; user_id: string; purpose: TokenPurpose; expires_at: Date }) {
  await db.insertInto('user_tokens').values(t).execute();
}

/** Use a token once: marks it used and returns its user, or nothing if unknown, used, expired or of another purpose. */
export async function consumeUserToken(db: Kysely<DB>, tokenHash: string, purpose: TokenPurpose) {
  return db
    .updateTable('user_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['user_id'])
    .executeTakeFirst();
}

export async function peekUserToken(db: Kysely<DB>, tokenHash: string, purpose: TokenPurpose) {
  return db
    .selectFrom('user_tokens')
    .select(['user_id'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Invalidate the other unused tokens of a user for a purpose (a new link replaces the old ones). */
export async function expireUserTokens(db: Kysely<DB>, userId: string, purpose: TokenPurpose): Promise<void> {
  await db.updateTable('user_tokens').set({ used_at: sql`now()` }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

export async function replaceRecoveryCodes(db: Kysely<DB>, userId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length) await db.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
}

export async function consumeRecoveryCode(db: Kysely<DB>, userId: string, hash: string): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Locked-until of the first locked key, if any. */
export async function selectLock(db: Kysely<DB>, keys: string[]): Promise<Date | null> {
  const r = await db
    .selectFrom('auth_throttle')
    .select(sql<Date | null>`max(locked_until)`.as('until'))
    .where('key', 'in', keys)
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return r?.until ? new Date(r.until) : null;
}

/**
 * Count one failure (or attempt) for a key within a sliding window; lock the key for lockMinutes when
 * the count reaches max. Past the window the count starts again; a key that keeps failing after a
 * lock is locked again at the next failure.
 */
export async function recordThrottle(db: Kysely<DB>, key: string, max: number, windowMinutes: number, lockMinutes: number): Promise<void> {
  await sql`
    INSERT INTO auth_throttle AS t (key, failures, window_start, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${max}::int THEN now() + make_interval(mins => ${lockMinutes}::int) END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < now() - make_interval(mins => ${windowMinutes}::int) THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < now() - make_interval(mins => ${windowMinutes}::int) THEN now() ELSE t.window_start END,
      locked_until = CASE
        WHEN (CASE WHEN t.window_start < now() - make_interval(mins => ${windowMinutes}::int) THEN 1 ELSE t.failures + 1 END) >= ${max}::int
        THEN now() + make_interval(mins => ${lockMinutes}::int)
        ELSE t.locked_until END`.execute(db);
}

export async function clearThrottle(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
