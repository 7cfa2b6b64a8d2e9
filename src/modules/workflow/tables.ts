import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/types.js';
import type { RevisionState } from './domain/transitions.js';

export type SubjectType = 'entry' | 'law' | 'taxonomy_term' | 'authority' | 'provider';
export type RevisionEvent = 'create' | 'edit' | 'submit' | 'withdraw' | 'return' | 'publish' | 'archive' | 'restore' | 'discard' | 'supersede';

export interface RevisionsTable {
  id: Generated<number>;
  subject_type: SubjectType;
  subject_id: string;
  part: string;
  number: number;
  state: RevisionState;
  document: Json<unknown>;
  base_number: number | null;
  author_id: string | null;
  editor_ids: string[];
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  decision_comment: string | null;
}

export interface RevisionEventsTable {
  id: Generated<number>;
  revision_id: number;
  event: RevisionEvent;
  from_state: RevisionState | null;
  to_state: RevisionState;
  actor_id: string | null;
  comment: string | null;
  at: Timestamp;
}

export interface WorkflowTables {
  revisions: RevisionsTable;
  revision_events: RevisionEventsTable;
}
