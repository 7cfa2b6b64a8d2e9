/**
 * The database as Kysely sees it: the union of every module's tables.
 * Each module declares its own tables in src/modules/<module>/tables.ts.
 */
import type { Generated } from 'kysely';
import type { Json } from './types.js';
import type { ReferenceTables } from '../../modules/reference/tables.js';
import type { KnowledgeTables } from '../../modules/knowledge/tables.js';
import type { SearchTables } from '../../modules/search/tables.js';
import type { AccountsTables } from '../../modules/accounts/tables.js';
import type { AuditTables } from '../../modules/audit/tables.js';
import type { WorkflowTables } from '../../modules/workflow/tables.js';
import type { BulkTables } from '../../modules/bulk/tables.js';
import type { DirectoryTables } from '../../modules/directory/tables.js';
import type { CaseworkTables } from '../../modules/casework/tables.js';
import type { WriterTables } from '../../modules/writer/tables.js';
import type { LegalBasisTables } from '../../modules/legalbasis/tables.js';
import type { ProvidersTables } from '../../modules/providers/tables.js';
import type { ForumTables } from '../../modules/forum/tables.js';
import type { JitTables } from '../../modules/jit/tables.js';
import type { NetworksTables } from '../../modules/networks/tables.js';
import type { ExchangeTables } from '../../modules/exchange/tables.js';
import type { DigestTables } from '../../modules/digest/tables.js';

export interface FilesTable {
  id: string;
  filename: string;
  media_type: string;
  byte_size: number;
  content: Buffer;
  created_at: Generated<Date>;
}

export interface PlatformTables {
  files: FilesTable;
  app_settings: { key: string; value: Json<unknown>; updated_at: Generated<Date> };
  schema_migrations: { version: string; name: string; checksum: string; applied_at: Generated<Date> };
  /** Change counters of data cached by app nodes (generations.ts). */
  cache_generations: { name: string; generation: Generated<number>; changed_at: Generated<Date> };
  /** Rate-limit counters shared by the app nodes (http/rate-limit-store.ts). */
  rate_limit_windows: { key: string; hits: number; expires_at: Date };
}

export interface DB extends PlatformTables, ReferenceTables, KnowledgeTables, SearchTables, AccountsTables, AuditTables, WorkflowTables, BulkTables, DirectoryTables, CaseworkTables, WriterTables, LegalBasisTables, ProvidersTables, ExchangeTables, ForumTables, JitTables, NetworksTables, DigestTables {}
