import type { Timestamp } from '../../platform/db/types.js';

/** The digest's files, generated ahead or on demand (migration 0092). */
export interface DigestDocumentsTable {
  lang: string;
  format: string;
  fingerprint: string;
  content: Buffer;
  generated_at: Timestamp;
}

export interface DigestTables {
  digest_documents: DigestDocumentsTable;
}
