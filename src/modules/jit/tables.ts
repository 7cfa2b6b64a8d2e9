import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/types.js';
import type { AgreementKind, EvidenceAction, TaskStatus } from './domain/vocabulary.js';

/** A date column: ISO "YYYY-MM-DD" strings both ways. */
type DateCol = string;

/** Joint investigation teams (migration 0077). */
export interface JitTeamsTable {
  id: Generated<string>;
  title: string;
  purpose: Generated<string>;
  lead_authority_id: string;
  starts_on: DateCol;
  ends_on: DateCol;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JitMembersTable {
  team_id: string;
  authority_id: string;
  country: string;
  name: string;
  added_by: string | null;
  added_at: Timestamp;
}

export interface JitDocumentsTable {
  id: Generated<string>;
  team_id: string;
  title: string;
  filename: string;
  byte_size: number | string;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  authority_id: string;
  uploaded_at: Timestamp;
  version: Generated<number>;
  previous_id: string | null;
  media_type: string | null;
}

export interface JitMailOptOutsTable {
  user_id: string;
  created_at: Timestamp;
}

export interface JitAgreementsTable {
  id: Generated<string>;
  team_id: string;
  kind: AgreementKind;
  title: string;
  signed_on: DateCol;
  ends_on: DateCol;
  document_id: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface JitTasksTable {
  id: Generated<string>;
  team_id: string;
  title: string;
  assignee_authority_id: string;
  due_on: DateCol | null;
  status: Generated<TaskStatus>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JitEvidenceLogTable {
  id: Generated<string>;
  team_id: string;
  document_id: string;
  action: EvidenceAction;
  sha256: string;
  user_id: string | null;
  user_name: string | null;
  authority_id: string | null;
  at: Timestamp;
}

/** Casework cases linked to a team by the member authority owning them (migration 0094). */
export interface JitCaseLinksTable {
  id: Generated<string>;
  team_id: string;
  case_id: string;
  authority_id: string;
  note: Generated<string>;
  linked_by: string | null;
  linked_by_name: string | null;
  linked_at: Timestamp;
}

export interface JitTables {
  jit_teams: JitTeamsTable;
  jit_members: JitMembersTable;
  jit_documents: JitDocumentsTable;
  jit_agreements: JitAgreementsTable;
  jit_tasks: JitTasksTable;
  jit_evidence_log: JitEvidenceLogTable;
  jit_mail_opt_outs: JitMailOptOutsTable;
  jit_case_links: JitCaseLinksTable;
}
