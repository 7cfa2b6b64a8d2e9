import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/types.js';
import type { CooperationKind, Outcome } from './domain/vocabulary.js';

/** Judicial cooperation networks and their case logs (migration 0079). */
export interface NetworksTable {
  id: string;
  acronym: string;
  name: string;
  region: string;
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

export interface NetworksTables {
  networks: NetworksTable;
  network_cases: NetworkCasesTable;
}
