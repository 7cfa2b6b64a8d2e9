/** All SQL of the audit log. There is deliberately no update or delete here (the database refuses them too). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import type { AuditVia } from './tables.js';

export interface AuditRow {
  actor_user_id: string | null;
  actor_label: string | null;
  actor_ip: string | null;
  via: AuditVia;
  action: string;
  outcome: 'success' | 'failure' | 'refused';
  target_type: string | null;
  target_id: string | null;
  changes: Record<string, unknown> | null;
  request_id: string | null;
}

export async function insertAuditEvents(db: Kysely<DB>, rows: AuditRow[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('audit_events')
    .values(rows.map((r) => ({ ...r, changes: r.changes === null ? null : json(r.changes) })))
    .execute();
}

export interface AuditFilter {
  actorUserId?: string;
  /** Matched case-insensitively against the actor label (name, e-mail). */
  actorText?: string;
  /** Exact action, or a prefix ending with "." (e.g. "auth."). */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  /** Keyset cursor: events with a smaller id. */
  beforeId?: string;
  limit: number;
}

export async function selectAuditEvents(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('audit_events').selectAll();
  if (f.actorUserId) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.actorText) q = q.where(sql<boolean>`lower(actor_label) LIKE ${`%${escapeLike(f.actorText.toLowerCase())}%`}`);
  if (f.action) q = f.action.endsWith('.') ? q.where('action', 'like', `${escapeLike(f.action)}%`) : q.where('action', '=', f.action);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
