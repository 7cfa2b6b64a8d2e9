/** Reads of users for other modules (casework: who works for an authority, names, a recipient's address). */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { RoleName } from '../../access/index.js';

/** Enabled users holding one of the roles for the authority. */
export async function selectAuthorityUsers(db: Kysely<DB>, authorityId: string, roles: readonly RoleName[]) {
  if (!roles.length) return [];
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.lang', 'user_roles.role'])
    .where('user_roles.authority_id', '=', authorityId)
    .where('user_roles.role', 'in', [...roles])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}

export async function selectMailRecipient(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').select(['id', 'email', 'display_name', 'lang']).where('id', '=', id).where('disabled_at', 'is', null).where('email_verified_at', 'is not', null).executeTakeFirst();
}

/** Who holds a role scoped to one authority (or network), with their e-mail (administration pages). */
export async function selectRoleHolders(db: Kysely<DB>, authorityId: string, role: RoleName) {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.email', 'users.disabled_at'])
    .where('user_roles.authority_id', '=', authorityId)
    .where('user_roles.role', '=', role)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}

export async function deleteScopedGrant(db: Kysely<DB>, userId: string, role: RoleName, authorityId: string) {
  return db.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', role).where('authority_id', '=', authorityId).returning('id').executeTakeFirst();
}
