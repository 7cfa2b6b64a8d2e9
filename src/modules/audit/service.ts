/**
 * The audit log: recordAudit(trx, ctx, event) is called by every module in the same transaction as
 * the change it records; searchAudit() serves the administrators' page and API. Nothing edits or deletes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { type Actor, assertAllowed } from '../access/index.js';
import { insertAuditEvents, selectAuditEvents, type AuditFilter } from './repository.js';

/** Who acts and from where: built once per request (see auditContext in accounts/http). */
export interface AuditContext {
  actor: Actor;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditEvent {
  /** Dotted name: auth.sign_in, roles.assign, knowledge.publish... */
  action: string;
  /** failure: e.g. a failed sign-in; refused: a privileged action the policy refused (recorded in its own transaction). */
  outcome?: 'success' | 'failure' | 'refused';
  targetType?: string;
  targetId?: string;
  /** What changed ({field: {from, to}}, see diffChanges) or event details. Never secrets. */
  changes?: Record<string, unknown>;
  /** Overrides the label derived from the actor (e.g. the e-mail typed at a failed sign-in). */
  actorLabel?: string;
  /** Overrides the acting user (e.g. the user who just signed in). */
  actorUserId?: string | null;
}

const ACTION = /^[a-z_]+(\.[a-z_]+)+$/;

function labelOf(actor: Actor): string | null {
  if (actor.userId === null) return actor.via === 'cli' ? 'command line' : null;
  return `${actor.name ?? ''} <${actor.email ?? ''}>`.slice(0, 300);
}

/** Append events to the audit log, in the caller's transaction. */
export async function recordAudit(trx: Kysely<DB>, ctx: AuditContext, ...events: AuditEvent[]): Promise<void> {
  for (const e of events) if (!ACTION.test(e.action)) throw new Error(`invalid audit action name: ${e.action}`);
  await insertAuditEvents(
    trx,
    events.map((e) => ({
      actor_user_id: e.actorUserId !== undefined ? e.actorUserId : ctx.actor.userId,
      actor_label: (e.actorLabel ?? labelOf(ctx.actor))?.slice(0, 300) ?? null,
      actor_ip: ctx.ip?.slice(0, 64) ?? null,
      via: ctx.actor.via,
      action: e.action,
      outcome: e.outcome ?? 'success',
      target_type: e.targetType ?? null,
      target_id: e.targetId ?? null,
      changes: e.changes ?? null,
      request_id: ctx.requestId?.slice(0, 64) ?? null,
    })),
  );
}

/** {field: {from, to}} for the fields that differ between two versions of an object. */
export function diffChanges(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const from = before?.[k] ?? null;
    const to = after?.[k] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out[k] = { from, to };
  }
  return out;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  target_type?: string;
  target_id?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
  /** Cursor from a previous page. */
  before?: string;
  limit?: number;
}

export interface AuditEventView {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_label: string | null;
  actor_ip: string | null;
  via: string;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  changes: Record<string, unknown> | null;
  request_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(field: string, value: string | undefined, issues: FieldIssue[]): Date | undefined {
  if (!value) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    issues.push({ field, message: 'must be a date YYYY-MM-DD' });
    return undefined;
  }
  return d;
}

/** Search the audit log (administrators only), newest first, keyset-paginated. */
export async function searchAudit(db: Kysely<DB>, actor: Actor, q: AuditQuery): Promise<{ events: AuditEventView[]; next: string | null }> {
  assertAllowed(actor, 'audit.read');
  const issues: FieldIssue[] = [];
  const limit = q.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) issues.push({ field: 'limit', message: 'must be an integer from 1 to 200' });
  if (q.before !== undefined && q.before !== '' && !/^\d{1,18}$/.test(q.before)) issues.push({ field: 'before', message: 'must be a cursor from a previous page' });
  for (const [field, v, max] of [['actor', q.actor, 200], ['action', q.action, 100], ['target_type', q.target_type, 60], ['target_id', q.target_id, 200]] as const) {
    if (v && v.length > max) issues.push({ field, message: `must be at most ${max} characters` });
  }
  const from = parseDay('from', q.from, issues);
  const toDay = parseDay('to', q.to, issues);
  if (issues.length) throw new ValidationError(issues);
  const filter: AuditFilter = { limit: limit + 1 };
  const actorText = q.actor?.trim();
  if (actorText) {
    if (UUID.test(actorText)) filter.actorUserId = actorText.toLowerCase();
    else filter.actorText = actorText;
  }
  if (q.action?.trim()) filter.action = q.action.trim();
  if (q.target_type?.trim()) filter.targetType = q.target_type.trim();
  if (q.target_id?.trim()) filter.targetId = q.target_id.trim();
  if (from) filter.from = from;
  if (toDay) filter.to = new Date(toDay.getTime() + 86_400_000);
  if (q.before) filter.beforeId = q.before;
  const rows = await selectAuditEvents(db, filter);
  const page = rows.slice(0, limit);
  return {
    events: page.map((r) => ({
      id: String(r.id),
      occurred_at: new Date(r.occurred_at).toISOString(),
      actor_user_id: r.actor_user_id,
      actor_label: r.actor_label,
      actor_ip: r.actor_ip,
      via: r.via,
      action: r.action,
      outcome: r.outcome,
      target_type: r.target_type,
      target_id: r.target_id,
      changes: r.changes,
      request_id: r.request_id,
    })),
    next: rows.length > limit ? String(page[page.length - 1]!.id) : null,
  };
}
