/** SQL of in-app notifications (case_notifications). Run inside withCaseScope: a notification is seen only with its case. */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import type { NotificationKind } from '../tables.js';

type Trx = Transaction<DB>;

export interface NewNotification {
  userId: string;
  caseId: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  key: string;
}

/** Insert those not yet given (one per user and key); returns the ones inserted now. */
export async function insertNotifications(trx: Trx, list: readonly NewNotification[]) {
  if (!list.length) return [];
  return trx
    .insertInto('case_notifications')
    .values(list.map((n) => ({ user_id: n.userId, case_id: n.caseId, kind: n.kind, data: json(n.data), dedupe_key: n.key })))
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning(['id', 'user_id', 'case_id', 'kind', 'data'])
    .execute();
}

export async function selectNotifications(trx: Trx, userId: string, f: { unreadOnly: boolean; limit: number }) {
  let q = trx
    .selectFrom('case_notifications as n')
    .innerJoin('casework_cases as c', 'c.id', 'n.case_id')
    .select(['n.id', 'n.case_id', 'n.kind', 'n.data', 'n.created_at', 'n.read_at', 'c.reference', 'c.title'])
    .where('n.user_id', '=', userId);
  if (f.unreadOnly) q = q.where('n.read_at', 'is', null);
  return q.orderBy('n.created_at', 'desc').orderBy('n.id').limit(f.limit).execute();
}

export async function countUnreadNotifications(trx: Trx, userId: string): Promise<number> {
  const r = await trx.selectFrom('case_notifications').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return r.n;
}

export async function markNotificationsRead(trx: Trx, userId: string, ids: readonly string[] | 'all'): Promise<number> {
  let q = trx.updateTable('case_notifications').set({ read_at: sql`now()` }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (!ids.length) return 0;
    q = q.where('id', 'in', [...ids]);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
