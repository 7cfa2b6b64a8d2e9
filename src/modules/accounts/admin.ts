/** Administration of accounts: user list, roles, the first administrator (command line), the outbox. */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { type Actor, assertAllowed, isRoleName, roleScope, type RoleName } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { revokeTokensAtSecurityEvent } from './api-tokens.js';
import { hashPassword } from './domain/passwords.js';
import type { AccountsEnv } from './env.js';
import { replaceRecoveryCodes } from './repository/sessions.js';
import { selectOutbox } from './repository/tokens.js';
import { deleteGrant, findUserById, insertGrant, insertUser, selectGrants, selectUsers, selectUsersWithRole, updateUser } from './repository/users.js';
import { endOtherSessions } from './sessions.js';
import { AccountValidationError, Fields, issue, normaliseEmail, type Input } from './validation.js';

export const USERS_PAGE = 50;

export async function listUsers(db: Kysely<DB>, actor: Actor, q: { q?: string; role?: string; after?: string }) {
  assertAllowed(actor, 'users.read');
  const f = new Fields(q);
  const text = f.text('q', 200, { required: false });
  const after = f.text('after', 254, { required: false });
  if (q.role && !isRoleName(q.role)) f.add('role', 'invalid');
  f.check();
  const rows = await selectUsers(db, { q: text, role: q.role as RoleName | undefined, after, limit: USERS_PAGE + 1 });
  const page = rows.slice(0, USERS_PAGE);
  const grants = await selectGrants(db, page.map((r) => r.id));
  return {
    users: page.map((u) => ({ ...u, grants: grants.get(u.id) ?? [] })),
    next: rows.length > USERS_PAGE ? page[page.length - 1]!.email_normalized : null,
  };
}

export async function getUserDetail(db: Kysely<DB>, actor: Actor, userId: string) {
  assertAllowed(actor, 'users.read');
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new NotFoundError('No such user');
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError('No such user');
  const grants = (await selectGrants(db, [userId])).get(userId) ?? [];
  return {
    id: user.id,
    email: user.email,
    display_name: user.display_name,
    lang: user.lang,
    email_verified_at: user.email_verified_at,
    totp_enabled_at: user.totp_enabled_at,
    disabled_at: user.disabled_at,
    last_sign_in_at: user.last_sign_in_at,
    created_at: user.created_at,
    grants,
  };
}

/** Grant a role (administrators only). Focal points need a country, authority roles an authority id. */
export async function assignRole(db: Kysely<DB>, ctx: AuditContext, userId: string, input: Input, knownCountries: ReadonlySet<string>): Promise<void> {
  assertAllowed(ctx.actor, 'roles.assign');
  const f = new Fields(input);
  const role = input.role;
  if (!isRoleName(role)) f.add('role', 'invalid');
  const scope = isRoleName(role) ? roleScope(role) : null;
  const country = scope === 'country' ? f.text('country', 3) : undefined;
  if (country && !knownCountries.has(country)) f.add('country', 'invalid');
  const authorityId = scope === 'authority' ? f.text('authority_id', 128) : undefined;
  if (authorityId && !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(authorityId)) f.add('authority_id', 'invalid');
  f.check();
  await inTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new NotFoundError('No such user');
    const row = await insertGrant(trx, { user_id: userId, role: role as RoleName, country: country ?? null, authority_id: authorityId ?? null, granted_by: ctx.actor.userId });
    if (!row) throw new ConflictError('The user already has this role', [{ field: 'role', message: 'already granted' }]);
    await recordAudit(trx, ctx, { action: 'roles.assign', targetType: 'user', targetId: userId, changes: { role, ...(country ? { country } : {}), ...(authorityId ? { authority_id: authorityId } : {}) } });
  });
}

export async function revokeRole(db: Kysely<DB>, ctx: AuditContext, userId: string, grantId: string): Promise<void> {
  assertAllowed(ctx.actor, 'roles.assign');
  if (!/^[0-9a-f-]{36}$/i.test(grantId)) throw new AccountValidationError([issue('grant', 'invalid')]);
  await inTransaction(db, async (trx) => {
    const removed = await deleteGrant(trx, userId, grantId);
    if (!removed) throw new NotFoundError('No such role grant');
    if (removed.role === 'administrator' && (await selectUsersWithRole(trx, 'administrator')).length === 0) {
      throw new ConflictError('The last administrator cannot lose the role', [{ field: 'grant', message: 'last administrator' }]);
    }
    await recordAudit(trx, ctx, { action: 'roles.revoke', targetType: 'user', targetId: userId, changes: { role: removed.role, ...(removed.country ? { country: removed.country } : {}), ...(removed.authority_id ? { authority_id: removed.authority_id } : {}) } });
  });
}

/** Disable or re-enable an account; disabling ends its sessions. */
export async function setUserDisabled(db: Kysely<DB>, ctx: AuditContext, userId: string, disabled: boolean): Promise<void> {
  assertAllowed(ctx.actor, 'users.manage');
  if (userId === ctx.actor.userId) throw new ConflictError('You cannot disable your own account');
  await inTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new NotFoundError('No such user');
    await updateUser(trx, userId, { disabled_at: disabled ? new Date() : null });
    if (disabled) await endOtherSessions(trx, userId);
    await recordAudit(trx, ctx, { action: disabled ? 'users.disable' : 'users.enable', targetType: 'user', targetId: userId });
  });
}

/**
 * Reset a user's second factor (lost phone and recovery codes): the secret and the codes are erased,
 * every session ends and the API tokens are revoked (the user is told by mail); the user enrols again
 * at the next sign-in. Administrators only; audited.
 */
export async function resetSecondFactor(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, userId: string): Promise<void> {
  assertAllowed(ctx.actor, 'users.manage');
  if (userId === ctx.actor.userId) throw new ConflictError('Use your own security page to change your second factor');
  await inTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new NotFoundError('No such user');
    if (!user.totp_enabled_at) return;
    await updateUser(trx, userId, { totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null });
    await replaceRecoveryCodes(trx, userId, []);
    await endOtherSessions(trx, userId);
    await recordAudit(trx, ctx, { action: 'auth.totp_reset', targetType: 'user', targetId: userId });
    await revokeTokensAtSecurityEvent(trx, env, ctx, user, 'second_factor_reset');
  });
}

/**
 * Create an administrator from the command line. The address counts as verified (the operator vouches
 * for it); the second factor is enrolled at the first sign-in, before the role takes effect.
 */
export async function createAdministrator(db: Kysely<DB>, ctx: AuditContext, input: { email: string; name: string; password: string; lang?: Lang }): Promise<string> {
  assertAllowed(ctx.actor, 'roles.assign');
  const { email, name, password } = checkAdministratorInput(input);
  const hash = await hashPassword(password!);
  return inTransaction(db, async (trx) => {
    const created = await insertUser(trx, { email, email_normalized: normaliseEmail(email), display_name: name, lang: input.lang ?? 'en', password_hash: hash, email_verified_at: new Date() });
    if (!created) throw new AccountValidationError([{ ...issue('email', 'invalid'), message: 'already has an account' }]);
    await insertGrant(trx, { user_id: created.id, role: 'administrator', country: null, authority_id: null, granted_by: null });
    await recordAudit(trx, ctx, { action: 'auth.register', targetType: 'user', targetId: created.id, changes: { email, display_name: name } }, { action: 'roles.assign', targetType: 'user', targetId: created.id, changes: { role: 'administrator' } });
    return created.id;
  });
}

/** Validate the fields of a new administrator (also before the command line opens the database). */
export function checkAdministratorInput(input: { email: string; name: string; password: string }): { email: string; name: string; password: string } {
  const f = new Fields(input as unknown as Input);
  const email = f.email('email');
  const name = f.text('name', 120);
  const password = f.newPassword('password', { email, name });
  f.check();
  return { email: email!, name: name!, password: password! };
}

export async function listAdministrators(db: Kysely<DB>) {
  return selectUsersWithRole(db, 'administrator');
}

export const OUTBOX_PAGE = 50;

export async function readOutbox(db: Kysely<DB>, actor: Actor, q: { before?: string; to?: string }) {
  assertAllowed(actor, 'outbox.read');
  const f = new Fields(q);
  const before = f.text('before', 20, { required: false });
  if (before && !/^\d+$/.test(before)) f.add('before', 'invalid');
  const to = f.text('to', 254, { required: false });
  f.check();
  const rows = await selectOutbox(db, { beforeId: before, to, limit: OUTBOX_PAGE + 1 });
  const page = rows.slice(0, OUTBOX_PAGE);
  return { mails: page, next: rows.length > OUTBOX_PAGE ? String(page[page.length - 1]!.id) : null };
}
