import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/types.js';
import type { CaseKind, CaseState, Channel, DeadlineKind, Direction, DocumentKind, EventType, ExecutingBodyKind, ExecutionState, LegalBasisType, LinkKind, Outcome, PersonRole, Urgency } from './domain/vocabulary.js';

/** A date column: ISO "YYYY-MM-DD" strings both ways (the pg type parser is set so). */
type DateCol = string;

export interface CaseworkSettingsTable {
  authority_id: string;
  country: string;
  incoming_pattern: Generated<string>;
  outgoing_pattern: Generated<string>;
  /** date[]: read with to_char or as Date objects by node-postgres's array parser; write ISO strings. */
  holidays: Generated<DateCol[]>;
  working_days: Generated<number[]>;
  publish_statistics: Generated<boolean>;
  chase_after_days: Generated<number>;
  updated_at: Timestamp;
  /** Migration 0061. */
  remind_days_before: Generated<number>;
  statutory_days: Generated<Json<Record<string, number>>>;
}

export interface CaseReferenceCountersTable {
  authority_id: string;
  direction: Direction;
  year: number;
  last_number: number;
}

export interface CasesTable {
  id: Generated<string>;
  authority_id: string;
  country: string;
  direction: Direction;
  kind: CaseKind;
  state: CaseState;
  state_since: Timestamp;
  reference: string | null;
  partner_country: string;
  partner_authority_id: string | null;
  partner_authority_name: string | null;
  partner_reference: string | null;
  title: string;
  summary: Generated<string>;
  measures: Generated<string[]>;
  crime_types: Generated<string[]>;
  offence_text: Generated<string>;
  proceeding_authority: string | null;
  proceeding_number: string | null;
  urgency: Generated<Urgency>;
  urgency_reason: string | null;
  confidential: Generated<boolean>;
  partner_deadline: DateCol | null;
  languages: Generated<string[]>;
  translation_required: Generated<boolean>;
  channel: Channel | null;
  received_on: DateCol | null;
  sent_on: DateCol | null;
  executed_on: DateCol | null;
  closed_on: DateCol | null;
  outcome: Outcome | null;
  refusal_grounds: Generated<string[]>;
  postponed_until: DateCol | null;
  executing_authority_ids: Generated<string[]>;
  assigned_to: string | null;
  author_id: string | null;
  approved_by: string | null;
  version: Generated<number>;
  history_seq: Generated<number>;
  history_head: Generated<string>;
  demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseExecutionsTable {
  id: Generated<string>;
  case_id: string;
  executing_authority_id: string | null;
  executing_name: string;
  body_kind: Generated<ExecutingBodyKind>;
  state: Generated<ExecutionState>;
  state_since: Timestamp;
  their_reference: string | null;
  measures: Generated<string[]>;
  forwarded_on: DateCol;
  due_on: DateCol | null;
  last_news_on: DateCol | null;
  note: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Migration 0061. */
  chased_on: DateCol | null;
  reason: string | null;
}

export interface IdentityDocument {
  type: string;
  number: string;
  country?: string;
}

export interface CasePersonsTable {
  id: Generated<string>;
  case_id: string;
  role: PersonRole;
  family_name: string;
  given_names: Generated<string>;
  birth_date: DateCol | null;
  nationalities: Generated<string[]>;
  identity_documents: Json<IdentityDocument[]>;
  note: Generated<string>;
  created_at: Timestamp;
}

export interface CaseLegalBasesTable {
  case_id: string;
  position: number;
  basis: LegalBasisType;
  instrument_id: string | null;
  article: string | null;
  note: Generated<string>;
}

export interface CaseLinksTable {
  case_id: string;
  other_case_id: string;
  kind: LinkKind;
  created_at: Timestamp;
}

export interface CaseDeadlinesTable {
  id: Generated<string>;
  case_id: string;
  execution_id: string | null;
  kind: DeadlineKind;
  label: string;
  due_on: DateCol;
  met_on: DateCol | null;
  reminded_at: NullableTimestamp;
  overdue_notified_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface CaseDocumentsTable {
  id: Generated<string>;
  case_id: string;
  execution_id: string | null;
  kind: DocumentKind;
  title: string;
  filename: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  language: string | null;
  version: Generated<number>;
  previous_id: string | null;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  complete: Generated<boolean>;
}

export interface CaseDocumentChunksTable {
  document_id: string;
  seq: number;
  data: Buffer;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  seq: number;
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  acting_authority_id: string | null;
  type: EventType;
  data: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface CaseAccessLogTable {
  id: Generated<number>;
  case_id: string;
  user_id: string | null;
  acting_authority_id: string | null;
  action: 'open' | 'download' | 'export';
  document_id: string | null;
  at: Timestamp;
}

/** Published aggregate figures (migration 0064; casework/statistics/publication.ts): no case data. */
export interface CaseworkPublicStatisticsTable {
  authority_id: string;
  country: string;
  year: number;
  figures: Json<unknown>;
  published_at: Timestamp;
}

/** An ended stay of a case in a state (migration 0064, written by a trigger on case_events): time in each state. */
export interface CaseStateStaysTable {
  case_id: string;
  seq: number;
  authority_id: string;
  state: string;
  entered_at: Timestamp;
  left_at: Timestamp;
}

/** Counts per month, direction, kind and one dimension value (migration 0089, kept by triggers on casework_cases): the statistics. */
export interface CaseworkStatMonthsTable {
  authority_id: string;
  country: string;
  month: DateCol;
  direction: Direction;
  kind: CaseKind;
  dim: 'outcome' | 'partner' | 'measure' | 'offence' | 'ground' | 'basis' | 'untoc' | 'days';
  code: string;
  n: number;
}

export interface CaseworkTables {
  casework_settings: CaseworkSettingsTable;
  case_reference_counters: CaseReferenceCountersTable;
  casework_cases: CasesTable;
  case_executions: CaseExecutionsTable;
  case_persons: CasePersonsTable;
  case_legal_bases: CaseLegalBasesTable;
  case_links: CaseLinksTable;
  case_deadlines: CaseDeadlinesTable;
  case_documents: CaseDocumentsTable;
  case_document_chunks: CaseDocumentChunksTable;
  case_events: CaseEventsTable;
  case_access_log: CaseAccessLogTable;
  casework_service_levels: CaseworkServiceLevelsTable;
  casework_deputies: CaseworkDeputiesTable;
  case_notifications: CaseNotificationsTable;
  casework_public_statistics: CaseworkPublicStatisticsTable;
  case_state_stays: CaseStateStaysTable;
  casework_stat_months: CaseworkStatMonthsTable;
}

/** Migration 0061: service levels per kind and state. */
export interface CaseworkServiceLevelsTable {
  authority_id: string;
  kind: CaseKind;
  state: CaseState;
  days: number;
  working_days: Generated<boolean>;
  updated_at: Timestamp;
}

/** Migration 0061: deputies during absences. */
export interface CaseworkDeputiesTable {
  id: Generated<string>;
  authority_id: string;
  user_id: string;
  deputy_id: string;
  from_date: DateCol;
  until_date: DateCol;
  created_by: string | null;
  created_at: Timestamp;
}

export type NotificationKind = 'deadline_soon' | 'deadline_overdue' | 'chase_due' | 'forwarded' | 'execution_changed';

/** Migration 0061: in-app notifications. */
export interface CaseNotificationsTable {
  id: Generated<string>;
  user_id: string;
  case_id: string;
  kind: NotificationKind;
  data: Json<Record<string, unknown>>;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}
