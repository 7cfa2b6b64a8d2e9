/**
 * Roles scoped to one authority or network, managed from another module's administration pages (the
 * network secretariat from /{lang}/networks/admin): list the holders, grant by e-mail, revoke. The
 * same checks (roles.assign; users.read to list) and audit events as the user administration pages.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, ValidationError } from '../../platform/http/errors.js';
import { assertAllowed, type Actor, type RoleName } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { deleteScopedGrant, selectRoleHolders } from './repository/people.js';
import { findUserByEmail, insertGrant } from './repository/users.js';
import { normaliseEmail } from './validation.js';

export interface RoleHolder {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
}

export async function roleHolders(db: Kysely<DB>, actor: Actor, role: RoleName, authorityId: string): Promise<RoleHolder[]> {
  assertAllowed(actor, 'users.read');
  return (await selectRoleHolders(db, authorityId, role)).map((r) => ({ id: r.id, name: r.display_name, email: r.email, disabled: r.disabled_at !== null }));
}

/** Grant the role for the authority to the account with this e-mail: 400 naming `email` when there is none, 409 when held. */
export async function grantScopedRole(db: Kysely<DB>, ctx: AuditContext, role: RoleName, authorityId: string, email: unknown): Promise<void> {
  assertAllowed(ctx.actor, 'roles.assign');
  if (typeof email !== 'string' || !email.trim() || email.length > 254) throw new ValidationError([{ field: 'email', message: 'is required (the e-mail of an account)' }]);
  await inTransaction(db, async (trx) => {
    const user = await findUserByEmail(trx, normaliseEmail(email.trim()));
    if (!user) throw new ValidationError([{ field: 'email', message: 'is not the e-mail of an account' }]);
    const row = await insertGrant(trx, { user_id: user.id, role, country: null, authority_id: authorityId, granted_by: ctx.actor.userId });
    if (!row) throw new ConflictError('The user already has this role', [{ field: 'email', message: 'already holds this role' }]);
    await recordAudit(trx, ctx, { action: 'roles.assign', targetType: 'user', targetId: user.id, changes: { role, authority_id: authorityId } });
  });
}

export async function revokeScopedRole(db: Kysely<DB>, ctx: AuditContext, role: RoleName, authorityId: string, userId: unknown): Promise<void> {
  assertAllowed(ctx.actor, 'roles.assign');
  if (typeof userId !== 'string' || !/^[0-9a-f-]{36}$/i.test(userId)) throw new ValidationError([{ field: 'user_id', message: 'must be a user id (UUID)' }]);
  await inTransaction(db, async (trx) => {
    const removed = await deleteScopedGrant(trx, userId, role, authorityId);
    if (!removed) throw new ValidationError([{ field: 'user_id', message: 'does not hold this role' }]);
    await recordAudit(trx, ctx, { action: 'roles.revoke', targetType: 'user', targetId: userId, changes: { role, authority_id: authorityId } });
  });
}
