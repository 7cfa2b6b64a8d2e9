/** SQL for users and their roles. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/languages.js';
import type { RoleGrant, RoleName } from '../../access/index.js';

export async function findUserByEmail(db: Kysely<DB>, emailNormalized: string) {
  return db.selectFrom('users').selectAll().where('email_normalized', '=', emailNormalized).executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Kysely<DB>, u: { email: string; email_normalized: string; display_name: string; lang: Lang; password_hash: string; email_verified_at?: Date | null }) {
  return db
    .insertInto('users')
    .values(u)
    .onConflict((oc) => oc.column('email_normalized').doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export type UserPatch = Partial<{
  display_name: string;
  lang: Lang;
  password_hash: string;
  email_verified_at: Date | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  disabled_at: Date | null;
  last_sign_in_at: Date;
}>;

export async function updateUser(db: Kysely<DB>, id: string, patch: UserPatch): Promise<void> {
  await db.updateTable('users').set({ ...patch, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** Accept a TOTP step only if it is after the last accepted one (atomic: two concurrent uses of one code cannot both pass). */
export async function advanceTotpStep(db: Kysely<DB>, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function selectGrants(db: Kysely<DB>, userIds: readonly string[]): Promise<Map<string, (RoleGrant & { id: string; granted_at: Date })[]>> {
  const out = new Map<string, (RoleGrant & { id: string; granted_at: Date })[]>();
  if (!userIds.length) return out;
  const rows = await db
    .selectFrom('user_roles')
    .select(['id', 'user_id', 'role', 'country', 'authority_id', 'granted_at'])
    .where('user_id', 'in', userIds)
    .orderBy('granted_at')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ id: r.id, role: r.role, country: r.country, authorityId: r.authority_id, granted_at: new Date(r.granted_at) });
    out.set(r.user_id, list);
  }
  return out;
}

export async function insertGrant(db: Kysely<DB>, g: { user_id: string; role: RoleName; country: string | null; authority_id: string | null; granted_by: string | null }) {
  return db
    .insertInto('user_roles')
    .values(g)
    .onConflict((oc) => oc.doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export async function deleteGrant(db: Kysely<DB>, userId: string, grantId: string) {
  return db.deleteFrom('user_roles').where('id', '=', grantId).where('user_id', '=', userId).returning(['role', 'country', 'authority_id']).executeTakeFirst();
}

export interface UserListFilter {
  q?: string;
  role?: RoleName;
  /** Keyset cursor: normalised e-mail of the last row of the previous page. */
  after?: string;
  limit: number;
}

export async function selectUsers(db: Kysely<DB>, f: UserListFilter) {
  let q = db.selectFrom('users').select(['id', 'email', 'email_normalized', 'display_name', 'lang', 'email_verified_at', 'totp_enabled_at', 'disabled_at', 'last_sign_in_at', 'created_at']);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('email_normalized', 'like', like), eb(sql`lower(display_name)`, 'like', like)]));
  }
  if (f.role) q = q.where('id', 'in', db.selectFrom('user_roles').select('user_id').where('role', '=', f.role));
  if (f.after) q = q.where('email_normalized', '>', f.after);
  return q.orderBy('email_normalized').limit(f.limit).execute();
}

export async function selectUsersWithRole(db: Kysely<DB>, role: RoleName) {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.totp_enabled_at', 'users.disabled_at', 'users.created_at'])
    .where('user_roles.role', '=', role)
    .orderBy('users.created_at')
    .execute();
}

/** Active administrators' addresses and languages (for alerts such as a failed backup). */
export async function selectAdministratorRecipients(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.email', 'users.display_name', 'users.lang'])
    .distinct()
    .where('user_roles.role', '=', 'administrator')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.email')
    .execute();
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Display names of some users, by id (unknown ids are absent). */
export async function selectDisplayNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Users holding the practitioner role, by the year it was granted (a revoked grant is deleted, so it no longer counts). */
export async function selectPractitionerGrantYears(db: Kysely<DB>): Promise<{ year: number; granted: number }[]> {
  const r = await sql<{ year: number; granted: number }>`
    SELECT extract(year FROM granted_at)::int AS year, count(DISTINCT user_id)::int AS granted
    FROM user_roles WHERE role = 'practitioner' GROUP BY 1 ORDER BY 1`.execute(db);
  return r.rows;
}
