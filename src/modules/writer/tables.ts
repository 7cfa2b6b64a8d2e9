import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/types.js';
import type { Answers } from './domain/model.js';
import type { WriterKind } from './domain/kinds.js';

/** Migration 0068. */
export interface WriterDraftsTable {
  case_id: string;
  authority_id: string;
  kind: WriterKind;
  requested_country: string;
  answers: Json<Answers>;
  saved_steps: Generated<string[]>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WriterTables {
  writer_drafts: WriterDraftsTable;
}
