/**
 * Sessions: a random 256-bit id in an httpOnly cookie, only its SHA-256 in the database; a new id at
 * every sign-in step (no fixation); idle and absolute expiry; a synchronizer CSRF token per session.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { userActor, type Actor } from '../access/index.js';
import { revokeTokensAtSecurityEvent } from './api-tokens.js';
import { randomToken, sha256Hex } from './domain/crypto.js';
import type { AccountsEnv } from './env.js';
import { deleteExpiredSessions, deleteSession, deleteUserSessions, insertSession, selectLiveSession, selectUserSessions, touchSession } from './repository/sessions.js';
import { findUserById, selectGrants } from './repository/users.js';
import type { SessionStage } from './tables.js';

/** A second-factor step must be completed within this time. */
export const SECOND_FACTOR_MINUTES = 10;
/** last_seen_at is written at most this often (seconds), not at every request. */
const TOUCH_EVERY_S = 60;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  /** The raw id, for the cookie only. */
  id: string;
  csrfToken: string;
  stage: SessionStage;
  expiresAt: Date;
}

export async function createSession(db: Kysely<DB>, env: AccountsEnv, userId: string, stage: SessionStage, client: ClientInfo): Promise<NewSession> {
  const id = randomToken(32);
  const csrfToken = randomToken(32);
  const ms = stage === 'active' ? env.config.sessionMaxHours * 3_600_000 : SECOND_FACTOR_MINUTES * 60_000;
  const expiresAt = new Date(env.now().getTime() + ms);
  await insertSession(db, {
    id_hash: sha256Hex(id),
    user_id: userId,
    stage,
    csrf_token: csrfToken,
    ip: client.ip?.slice(0, 64) ?? null,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
    expires_at: expiresAt,
  });
  return { id, csrfToken, stage, expiresAt };
}

export interface ResolvedSession {
  idHash: string;
  userId: string;
  stage: SessionStage;
  csrfToken: string;
  lang: string;
  /** Active sessions only: the user's actor. Second-factor sessions have no rights. */
  actor: Actor | null;
  /** The user holds roles that wait for a second factor. */
  needsSecondFactor: boolean;
}

function idleSince(env: AccountsEnv): Date {
  return new Date(env.now().getTime() - env.config.sessionIdleMinutes * 60_000);
}

/** The live session for a cookie value, with the actor; null when unknown, expired, idle or the user is disabled. */
export async function resolveSession(db: Kysely<DB>, env: AccountsEnv, rawId: string): Promise<ResolvedSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(rawId)) return null;
  const idHash = sha256Hex(rawId);
  const row = await selectLiveSession(db, idHash, idleSince(env));
  if (!row) return null;
  if (env.now().getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_S * 1000) await touchSession(db, idHash);
  let actor: Actor | null = null;
  let needsSecondFactor = false;
  if (row.stage === 'active') {
    const grants = (await selectGrants(db, [row.user_id])).get(row.user_id) ?? [];
    actor = userActor({ userId: row.user_id, name: row.display_name, email: row.email, grants, totpEnabled: row.totp_enabled_at !== null });
    needsSecondFactor = actor.suspendedGrants.length > 0;
  }
  return { idHash, userId: row.user_id, stage: row.stage, csrfToken: row.csrf_token, lang: row.lang, actor, needsSecondFactor };
}

export async function endSession(db: Kysely<DB>, idHash: string) {
  return deleteSession(db, idHash);
}

export async function endOtherSessions(db: Kysely<DB>, userId: string, keepIdHash?: string): Promise<number> {
  return deleteUserSessions(db, userId, keepIdHash);
}

export interface SessionView {
  /** First 12 hex characters of the hash: identifies the session in forms without revealing it. */
  ref: string;
  current: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

export async function listSessions(db: Kysely<DB>, userId: string, currentIdHash: string | null): Promise<SessionView[]> {
  const rows = await selectUserSessions(db, userId);
  return rows
    .filter((r) => r.stage === 'active')
    .map((r) => ({
      ref: r.id_hash.slice(0, 16),
      current: r.id_hash === currentIdHash,
      ip: r.ip,
      userAgent: r.user_agent,
      createdAt: new Date(r.created_at),
      lastSeenAt: new Date(r.last_seen_at),
    }));
}

/** Remove expired and idle sessions (called now and then, e.g. at sign-in). */
export async function purgeSessions(db: Kysely<DB>, env: AccountsEnv): Promise<void> {
  await deleteExpiredSessions(db, idleSince(env));
}

/** End one of the user's sessions, named by its reference in the session list; audited. */
export async function endSessionByRef(db: Kysely<DB>, ctx: AuditContext, userId: string, ref: string, currentIdHash: string): Promise<{ ended: boolean; current: boolean }> {
  if (!/^[0-9a-f]{16}$/.test(ref)) return { ended: false, current: false };
  return inTransaction(db, async (trx) => {
    const hash = (await selectUserSessions(trx, userId)).find((s) => s.id_hash.startsWith(ref))?.id_hash;
    if (!hash) return { ended: false, current: false };
    await deleteSession(trx, hash);
    await recordAudit(trx, ctx, { action: 'auth.session_end', targetType: 'user', targetId: userId });
    return { ended: true, current: hash === currentIdHash };
  });
}

/** "Sign out everywhere": end every session of the user, this one included, and revoke the API tokens; audited. */
export async function endAllSessions(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, userId: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const n = await deleteUserSessions(trx, userId);
    await recordAudit(trx, ctx, { action: 'auth.sign_out_everywhere', targetType: 'user', targetId: userId, changes: { sessions: n } });
    const owner = await findUserById(trx, userId);
    if (owner) await revokeTokensAtSecurityEvent(trx, env, ctx, owner, 'sign_out_everywhere');
    return n;
  });
}
