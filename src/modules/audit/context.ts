import type { FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../access/index.js';
import type { AuditContext } from './service.js';

/** The audit context of an HTTP request: its actor (set by the accounts hooks), client address and request id. */
export function auditContext(request: FastifyRequest): AuditContext {
  return { actor: request.actor ?? ANONYMOUS, ip: request.ip ?? null, requestId: String(request.id) };
}
