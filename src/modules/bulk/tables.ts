import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/types.js';

export type ImportFormat = 'jsonl' | 'csv' | 'akn';
export type ImportOutcome = 'running' | 'succeeded' | 'invalid' | 'failed' | 'interrupted';

export interface ImportRunsTable {
  id: Generated<number>;
  file_name: string;
  format: ImportFormat;
  record_type: string | null;
  sha256: string | null;
  byte_size: number | null;
  dry_run: Generated<boolean>;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  outcome: Generated<ImportOutcome>;
  records: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  error_count: Generated<number>;
  errors: Json<{ line?: number; field: string; message: string }[]>;
  message: string | null;
  owner_host: string | null;
  owner_pid: number | null;
  heartbeat_at: NullableTimestamp;
}

export interface BulkTables {
  import_runs: ImportRunsTable;
}
