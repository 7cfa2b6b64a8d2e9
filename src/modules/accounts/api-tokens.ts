/** Personal API tokens: scoped to actions, expiring, revocable, shown once, stored as SHA-256. */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { userActor, type Actor, isAction, type Action, assertAllowed, grantableScopes } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { randomToken, sha256Hex } from './domain/crypto.js';
import type { AccountsEnv } from './env.js';
import { queueMail } from './mail.js';
import { insertApiToken, revokeApiToken, revokeLiveApiTokens, selectApiTokens, selectLatestForcedRevocation, selectLiveApiToken, touchApiToken } from './repository/tokens.js';
import { selectGrants } from './repository/users.js';
import type { TokenRevocationReason } from './tables.js';
import { AccountValidationError, Fields, issue, type Input } from './validation.js';

export const TOKEN_PREFIX = 'plm_';
export const MAX_TOKEN_DAYS = 365;

export interface CreatedToken {
  id: string;
  /** The secret: shown once, never stored. */
  token: string;
  expiresAt: Date;
}

/** Create a token for the actor, restricted to scopes the actor may use. */
export async function createApiToken(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, input: Input): Promise<CreatedToken> {
  const actor = ctx.actor;
  assertAllowed(actor, 'tokens.manage', { ownerId: actor.userId });
  const f = new Fields(input);
  const name = f.text('name', 100);
  const daysRaw = input.expires_in_days ?? '90';
  const days = typeof daysRaw === 'number' ? daysRaw : /^\d{1,4}$/.test(String(daysRaw)) ? Number(daysRaw) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) f.add('expires_in_days', 'invalid');
  const raw = input.scopes;
  const scopes = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).map(String);
  const allowed = new Set<Action>(grantableScopes(actor));
  if (!scopes.length) f.add('scopes', 'required');
  else if (scopes.length > 50 || scopes.some((s) => !isAction(s) || !allowed.has(s))) f.add('scopes', 'invalid');
  f.check();
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const expiresAt = new Date(env.now().getTime() + days * 86_400_000);
  const unique = [...new Set(scopes)].sort();
  return inTransaction(db, async (trx) => {
    const row = await insertApiToken(trx, { user_id: actor.userId!, name: name!, token_hash: sha256Hex(token), prefix: token.slice(0, 10), scopes: unique, expires_at: expiresAt });
    await recordAudit(trx, ctx, { action: 'tokens.create', targetType: 'api_token', targetId: row.id, changes: { name: name!, scopes: unique, expires_at: expiresAt.toISOString() } });
    return { id: row.id, token, expiresAt };
  });
}

export async function listApiTokens(db: Kysely<DB>, actor: Actor) {
  assertAllowed(actor, 'tokens.manage', { ownerId: actor.userId });
  return selectApiTokens(db, actor.userId!);
}

export async function revokeToken(db: Kysely<DB>, ctx: AuditContext, tokenId: string): Promise<void> {
  assertAllowed(ctx.actor, 'tokens.manage', { ownerId: ctx.actor.userId });
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) throw new AccountValidationError([issue('id', 'invalid')]);
  await inTransaction(db, async (trx) => {
    const revoked = await revokeApiToken(trx, ctx.actor.userId!, tokenId);
    if (revoked) await recordAudit(trx, ctx, { action: 'tokens.revoke', targetType: 'api_token', targetId: tokenId, changes: { name: revoked.name } });
  });
}

/** How long the security page tells the owner about tokens revoked by a security event. */
export const REVOCATION_NOTICE_DAYS = 30;

/**
 * At a security event of the owner (password changed or reset, "sign out everywhere", second factor
 * reset by an administrator), revoke all the owner's live tokens in the caller's transaction: each is
 * audited, and the owner is told by mail (in their language) when there was any. Revocation, not
 * suspension: a token is a bearer secret that may have leaked with the password or the device, and a
 * new one costs the owner a minute. Returns how many were revoked.
 */
export async function revokeTokensAtSecurityEvent(
  trx: Kysely<DB>,
  env: AccountsEnv,
  ctx: AuditContext,
  owner: { id: string; email: string; display_name: string; lang: Lang },
  reason: Exclude<TokenRevocationReason, 'owner'>,
): Promise<number> {
  const revoked = await revokeLiveApiTokens(trx, owner.id, reason);
  if (!revoked.length) return 0;
  const byOwner = ctx.actor.userId === null ? { actorUserId: owner.id } : {};
  await recordAudit(trx, ctx, ...revoked.map((t) => ({ action: 'tokens.revoke', targetType: 'api_token', targetId: t.id, changes: { name: t.name, reason, owner_id: owner.id }, ...byOwner })));
  await queueMail(trx, env, {
    to: owner.email,
    lang: owner.lang,
    kind: 'tokens_revoked',
    values: {
      name: owner.display_name,
      count: revoked.length,
      tokens: revoked.map((t) => t.name).join(', '),
      reason,
      link: `${env.config.publicUrl}/${owner.lang}/account/tokens`,
      reset: `${env.config.publicUrl}/${owner.lang}/account/forgot`,
    },
  });
  return revoked.length;
}

/** The latest forced revocation of the actor's tokens to tell them about (see REVOCATION_NOTICE_DAYS), or null. */
export async function forcedRevocationNotice(db: Kysely<DB>, who: Actor | string): Promise<{ at: Date; reason: TokenRevocationReason; count: number } | null> {
  const userId = typeof who === 'string' ? who : who.userId;
  if (!userId) return null;
  const row = await selectLatestForcedRevocation(db, userId, REVOCATION_NOTICE_DAYS);
  return row?.revoked_at && row.revoked_reason ? { at: new Date(row.revoked_at), reason: row.revoked_reason, count: row.count } : null;
}

/** The actor of a Bearer token (its owner restricted to the token's scopes), or null when invalid, expired or revoked. */
export async function authenticateToken(db: Kysely<DB>, env: AccountsEnv, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length !== TOKEN_PREFIX.length + 43) return null;
  const row = await selectLiveApiToken(db, sha256Hex(token));
  if (!row) return null;
  if (!row.last_used_at || env.now().getTime() - new Date(row.last_used_at).getTime() > 60_000) await touchApiToken(db, row.id);
  const grants = (await selectGrants(db, [row.user_id])).get(row.user_id) ?? [];
  return userActor({
    userId: row.user_id,
    name: row.display_name,
    email: row.email,
    grants,
    totpEnabled: row.totp_enabled_at !== null,
    scopes: row.scopes.filter(isAction),
    via: 'api',
  });
}
