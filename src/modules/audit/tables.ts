import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/types.js';

export type AuditVia = 'web' | 'api' | 'cli' | 'system';

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_label: string | null;
  actor_ip: string | null;
  via: AuditVia;
  action: string;
  outcome: 'success' | 'failure' | 'refused';
  target_type: string | null;
  target_id: string | null;
  changes: Json<Record<string, unknown>> | null;
  request_id: string | null;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
}
