/** Users with roles, created through the real tables, and their actors, for service tests. */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { userActor, type Actor } from '../../src/modules/access/actor.js';
import type { RoleGrant, RoleName } from '../../src/modules/access/roles.js';
import type { AuditContext } from '../../src/modules/audit/service.js';

export interface TestUser {
  id: string;
  email: string;
  actor: Actor;
  /** Audit context of a web request by this user. */
  ctx: AuditContext;
}

/** A verified user with the given roles; elevated roles are in effect (second factor enrolled). */
export async function aUser(db: Kysely<DB>, roles: { role: RoleName; country?: string; authority_id?: string }[] = [], name = 'Test User'): Promise<TestUser> {
  const email = `u-${crypto.randomBytes(6).toString('hex')}@example.org`;
  const row = await db
    .insertInto('users')
    .values({
      email,
      email_normalized: email,
      display_name: name,
      lang: 'en',
      // Not a usable hash: these users never sign in through the forms.
      password_hash: '$argon2id$v=19$m=19456,t=2,p=1$unusable$unusable',
      email_verified_at: new Date(),
      totp_enabled_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const r of roles) {
    await db.insertInto('user_roles').values({ user_id: row.id, role: r.role, country: r.country ?? null, authority_id: r.authority_id ?? null, granted_by: null }).execute();
  }
  const grants: RoleGrant[] = roles.map((r) => ({ role: r.role, ...(r.country ? { country: r.country } : {}), ...(r.authority_id ? { authorityId: r.authority_id } : {}) }) as RoleGrant);
  const actor = userActor({ userId: row.id, name, email, grants, totpEnabled: true });
  return { id: row.id, email, actor, ctx: { actor, ip: '127.0.0.1', requestId: `test-${row.id.slice(0, 8)}` } };
}
