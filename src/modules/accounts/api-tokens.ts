/** Personal API tokens: scoped to actions, expiring, revocable, shown once, stored as SHA-256. */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { userActor, type Actor, isAction, type Action, assertAllowed, grantableScopes } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { randomToken, sha256Hex } from './domain/crypto.js';
import type { AccountsEnv } from './env.js';
import { insertApiToken, revokeApiToken, selectApiTokens, selectLiveApiToken, touchApiToken } from './repository/tokens.js';
import { selectGrants } from './repository/users.js';
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
