/**
 * The public entry of the audit module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/audit/ is internal.
 */
export { auditContext } from './context.js';
export { diffChanges, recordAudit, searchAudit } from './service.js';
export type { AuditContext, AuditEventView, AuditQuery } from './service.js';
export { auditRefusal, refusalsAudited } from './refusals.js';
export type { RefusalEvent } from './refusals.js';
