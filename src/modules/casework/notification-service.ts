/**
 * In-app notifications of casework (case_notifications) and the e-mail that goes with a reminder:
 * written by the services and the periodic scan, read by their recipient while the case is visible
 * to them. One notification per user and key, so a scan run twice (or on two nodes) notifies once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { ValidationError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import { assertAllowedSomewhere, scopeOf, type Actor } from '../access/index.js';
import { queueMailToUser } from '../accounts/index.js';
import { caseworkExecutionMessages } from './casework-execution.messages.js';
import { UUID } from './domain/deadlines.js';
import { countUnreadNotifications, insertNotifications, markNotificationsRead, selectNotifications, type NewNotification } from './repository/notifications.js';
import { withCaseScope } from './repository/scope.js';
import type { NotificationKind } from './tables.js';

export type { NewNotification };

export interface InsertedNotification {
  id: string;
  user_id: string;
  case_id: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
}

/** Notify users (inside the case scope); returns those notified now (not already notified for the key). */
export async function notify(trx: Transaction<DB>, list: readonly NewNotification[]): Promise<InsertedNotification[]> {
  const seen = new Set<string>();
  const unique = list.filter((n) => {
    const k = `${n.userId}\u0000${n.key}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return (await insertNotifications(trx, unique)) as InsertedNotification[];
}

const MAILED: ReadonlySet<NotificationKind> = new Set(['deadline_soon', 'deadline_overdue', 'chase_due']);

/** The text of a notification in a language (page list and e-mail). */
export function notificationText(lang: Lang, n: { kind: NotificationKind; data: Record<string, unknown>; reference: string | null; title: string }): string {
  const t = translator(caseworkExecutionMessages, lang);
  const values = {
    case: n.reference ?? n.title,
    label: String(n.data.label ?? ''),
    due: String(n.data.dueOn ?? ''),
    name: String(n.data.executingName ?? ''),
    days: Number(n.data.days ?? 0),
    state: String(n.data.to ?? ''),
  };
  switch (n.kind) {
    case 'deadline_soon':
      return t('notif_deadline_soon', values);
    case 'deadline_overdue':
      return t('notif_deadline_overdue', values);
    case 'chase_due':
      return t('notif_chase_due', values);
    case 'forwarded':
      return t('notif_forwarded', values);
    case 'execution_changed':
      return t('notif_execution_changed', values);
  }
}

/**
 * Queue an e-mail for each reminder just notified (after the case scope, in the same transaction): the
 * accounts outbox, sent by its delivery job. Case titles stay out of the mail (confidential requests):
 * the reference and a link to the notifications page only.
 */
export async function mailNotifications(trx: Kysely<DB>, config: Config, list: readonly (InsertedNotification & { reference: string | null })[]): Promise<number> {
  let queued = 0;
  for (const n of list) {
    if (!MAILED.has(n.kind)) continue;
    const id = await queueMailToUser(trx, config, n.user_id, `casework.${n.kind}`, (lang, name) => {
      const t = translator(caseworkExecutionMessages, lang);
      const text = notificationText(lang, { kind: n.kind, data: n.data, reference: n.reference ?? '—', title: '—' });
      const link = `${config.publicUrl.replace(/\/$/, '')}/${lang}/casework/notifications`;
      return { subject: t('mail_subject', { case: n.reference ?? '—' }), body: `${t('mail_body', { name, text, link })}\n\n${t('mail_signature')}\n` };
    });
    if (id) queued++;
  }
  return queued;
}

function readScope(actor: Actor): string[] {
  assertAllowedSomewhere(actor, 'casework.read');
  return [...new Set([...scopeOf(actor, 'casework.read').authorities, ...scopeOf(actor, 'casework.execute').authorities])];
}

export interface NotificationView {
  id: string;
  caseId: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  createdAt: string;
  read: boolean;
  caseReference: string | null;
  caseTitle: string;
  text: string;
}

export async function listNotifications(db: Kysely<DB>, actor: Actor, lang: Lang, f: { unreadOnly?: boolean } = {}): Promise<{ items: NotificationView[]; unread: number }> {
  const authorities = readScope(actor);
  return withCaseScope(db, authorities, async (trx) => {
    const rows = await selectNotifications(trx, actor.userId!, { unreadOnly: f.unreadOnly ?? false, limit: 200 });
    const unread = await countUnreadNotifications(trx, actor.userId!);
    return {
      unread,
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        kind: r.kind,
        data: r.data,
        createdAt: new Date(r.created_at).toISOString(),
        read: r.read_at !== null,
        caseReference: r.reference,
        caseTitle: r.title,
        text: notificationText(lang, { kind: r.kind, data: r.data, reference: r.reference, title: r.title }),
      })),
    };
  });
}

/** Unread notifications of the actor (0 for someone without casework rights: the count is shown in menus). */
export async function unreadCount(db: Kysely<DB>, actor: Actor): Promise<number> {
  if (!actor.userId || !scopeOf(actor, 'casework.read').some) return 0;
  return withCaseScope(db, readScope(actor), (trx) => countUnreadNotifications(trx, actor.userId!));
}

export async function markRead(db: Kysely<DB>, actor: Actor, ids: unknown): Promise<number> {
  const authorities = readScope(actor);
  let list: string[] | 'all';
  if (ids === 'all') list = 'all';
  else if (Array.isArray(ids) && ids.length <= 500 && ids.every((i) => typeof i === 'string' && UUID.test(i))) list = ids as string[];
  else throw new ValidationError([{ field: 'ids', message: 'a list of notification ids, or "all"' }]);
  return withCaseScope(db, authorities, (trx) => markNotificationsRead(trx, actor.userId!, list));
}
