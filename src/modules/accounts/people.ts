/**
 * What other modules may know about users, without naming the accounts tables: display names
 * (authors and actors of revisions and cases), practitioner grants per year (directory figures),
 * the officers and supervisors of an authority (casework reminders and deputies), a mail to one user.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { enqueue } from '../../platform/jobs/index.js';
import type { RoleName } from '../access/index.js';
import { DELIVER_MAIL } from './mail.js';
import { insertOutbox } from './repository/tokens.js';
import { selectAuthorityUsers, selectMailRecipient } from './repository/people.js';
import { selectDisplayNames, selectPractitionerGrantYears } from './repository/users.js';

/** Display names by user id, in one query for the whole batch (unknown ids are absent). */
export function userDisplayNames(db: Kysely<DB>, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  return selectDisplayNames(db, ids.filter((id): id is string => !!id));
}

/** Practitioners by the year their status was granted, oldest year first. */
export function practitionerGrantYears(db: Kysely<DB>): Promise<{ year: number; granted: number }[]> {
  return selectPractitionerGrantYears(db);
}

export interface AuthorityUser {
  id: string;
  name: string;
  lang: Lang;
  role: RoleName;
}

/** Enabled users holding one of these roles for the authority (a user with two roles appears twice). */
export async function usersOfAuthority(db: Kysely<DB>, authorityId: string, roles: readonly RoleName[]): Promise<AuthorityUser[]> {
  return (await selectAuthorityUsers(db, authorityId, roles)).map((r) => ({ id: r.id, name: r.display_name, lang: r.lang, role: r.role }));
}

/**
 * Put a mail to one user in the outbox, composed in the user's language by the caller, and with SMTP
 * queue its delivery (the accounts delivery job sends it), in the caller's transaction. Returns the
 * outbox id, or null for a disabled or unverified user (no mail).
 */
export async function queueMailToUser(trx: Kysely<DB>, config: Config, userId: string, purpose: string, compose: (lang: Lang, name: string) => { subject: string; body: string }): Promise<string | null> {
  const user = await selectMailRecipient(trx, userId);
  if (!user) return null;
  const { subject, body } = compose(user.lang, user.display_name);
  const row = await insertOutbox(trx, { to_address: user.email, lang: user.lang, purpose, subject, body, status: config.smtpUrl ? 'pending' : 'stored' });
  const id = String(row.id);
  if (config.smtpUrl) await enqueue(trx, DELIVER_MAIL, { outboxId: id }, { key: id });
  return id;
}

/**
 * Mail to the officers and supervisors of the member authorities of a shared space (forum spaces,
 * JIT workspaces): every such user once, except the author and those the caller's module says turned
 * that mail off, each composed in the user's language, in the caller's transaction. Returns how many
 * mails were queued.
 */
export async function queueMailToMembers(
  trx: Kysely<DB>,
  config: Config,
  m: {
    authorities: readonly string[];
    authorId: string | null;
    optedOut: (userIds: string[]) => Promise<ReadonlySet<string>>;
    purpose: string;
    compose: (lang: Lang, name: string) => { subject: string; body: string };
  },
): Promise<number> {
  const users = new Set<string>();
  for (const authority of m.authorities) for (const u of await usersOfAuthority(trx, authority, ['authority_officer', 'authority_supervisor'])) users.add(u.id);
  if (m.authorId) users.delete(m.authorId);
  const off = await m.optedOut([...users]);
  let queued = 0;
  for (const userId of users) {
    if (off.has(userId)) continue;
    if (await queueMailToUser(trx, config, userId, m.purpose, m.compose)) queued++;
  }
  return queued;
}
