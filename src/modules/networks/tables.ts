import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/types.js';
import type { CooperationKind, Outcome } from './domain/vocabulary.js';

/** Judicial cooperation networks and their case logs (migration 0079). */
export interface NetworksTable {
  id: string;
  acronym: string;
  name: string;
  region: string;
  names: Json<Record<string, string>>;
  secretariat_authority_id: string | null;
}

export interface NetworkMembersTable {
  network_id: string;
  country: string;
}

export interface NetworkCasesTable {
  id: Generated<string>;
  network_id: string;
  requesting_country: string;
  requested_country: string;
  kind: CooperationKind;
  offence: string;
  facilitated_on: string;
  concluded_on: string | null;
  outcome: Generated<Outcome>;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

/** Corrections of log entries, append-only and hash-chained per entry (migration 0094). */
export interface NetworkCaseCorrectionsTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  changes: Json<Record<string, { from: string | null; to: string | null }>>;
  reason: string;
  corrected_by: string | null;
  corrected_by_name: string | null;
  corrected_at: Timestamp;
  prev_hash: string;
  hash: string;
}

export interface NetworksTables {
  networks: NetworksTable;
  network_cases: NetworkCasesTable;
  network_case_corrections: NetworkCaseCorrectionsTable;
  network_members: NetworkMembersTable;
}
