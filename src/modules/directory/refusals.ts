/**
 * Refused privileged actions on the directory are audited through the audit module's
 * refusalsAudited; directory events default to the target type "authority".
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { auditRefusal as auditAnyRefusal, refusalsAudited as anyRefusalsAudited, type AuditContext, type RefusalEvent as AnyRefusalEvent } from '../audit/index.js';

export type RefusalEvent = Omit<AnyRefusalEvent, 'targetType'> & { targetType?: string };

const withTarget = (event: RefusalEvent): AnyRefusalEvent => ({ ...event, targetType: event.targetType ?? 'authority' });

export function auditRefusal(db: Kysely<DB>, ctx: AuditContext, event: RefusalEvent, reason: string): Promise<void> {
  return auditAnyRefusal(db, ctx, withTarget(event), reason);
}

export function refusalsAudited<T>(db: Kysely<DB>, ctx: AuditContext, event: RefusalEvent, run: () => Promise<T>): Promise<T> {
  return anyRefusalsAudited(db, ctx, withTarget(event), run);
}
