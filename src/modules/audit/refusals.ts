/**
 * Refused privileged actions (an edit for another State, publishing or reviewing one's own change,
 * approving one's own request…) are recorded in the audit log with the outcome "refused". The refused
 * request writes nothing, so its transaction is rolled back: the record is written afterwards, in a
 * transaction of its own (db must not be a transaction).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ForbiddenError } from '../../platform/http/errors.js';
import { recordAudit, type AuditContext } from './service.js';

export interface RefusalEvent {
  /** Dotted action refused: directory.edit, directory.publish, practitioner.approve… */
  action: string;
  /** What the action was applied to (authority, practitioner_request…). */
  targetType: string;
  targetId?: string;
  /** Details: the revision, the transition, the country asked for. */
  details?: Record<string, unknown>;
}

/** Record a refusal now, in its own transaction (signed-in actors and the CLI only: anonymous requests are not privileged attempts). */
export async function auditRefusal(db: Kysely<DB>, ctx: AuditContext, event: RefusalEvent, reason: string): Promise<void> {
  if (!ctx.actor.userId && ctx.actor.via !== 'cli') return;
  await recordAudit(db, ctx, { action: event.action, outcome: 'refused', targetType: event.targetType, ...(event.targetId ? { targetId: event.targetId.slice(0, 200) } : {}), changes: { ...event.details, reason } });
}

/**
 * Run a privileged action; if the policy refuses it (403), record the refusal and rethrow. Called
 * inside a transaction (a step of a larger action), it records nothing: the outermost call does,
 * once the transaction is rolled back.
 */
export async function refusalsAudited<T>(db: Kysely<DB>, ctx: AuditContext, event: RefusalEvent, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ForbiddenError && !db.isTransaction) await auditRefusal(db, ctx, event, err.message);
    throw err;
  }
}
