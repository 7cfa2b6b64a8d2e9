import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/types.js';

/** The depositary status import that wrote an instrument's parties (migration 0067). */
export interface TreatyStatusSourcesTable {
  treaty_id: string;
  depositary_number: string;
  source: string;
  as_of: string;
  file_name: string;
  file_sha256: string;
  parties: number;
  skipped: Generated<string[]>;
  imported_at: Timestamp;
}

export interface LegalBasisTables {
  treaty_status_sources: TreatyStatusSourcesTable;
}
