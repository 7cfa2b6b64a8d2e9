import type { GeneratedAlways } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/types.js';
import type { AuthorityDocument } from './domain/schema.js';

export interface AuthoritiesTable {
  id: string;
  country: string;
  state: 'published' | 'archived';
  document: Json<AuthorityDocument>;
  names: Json<Record<string, string>>;
  name_sort: string;
  names_text: string;
  functions: string[];
  instruments: string[];
  languages: string[];
  languages_public: string[];
  electronic: string | null;
  electronic_public: string | null;
  /** tsvector: written with SQL expressions, never read as a value. */
  search_public: unknown;
  search_restricted: unknown;
  /** Generated (migration 0041): search_public || search_restricted, its weight-A part, the facet keys. */
  search_full: GeneratedAlways<unknown>;
  search_names: GeneratedAlways<unknown>;
  facets_public: GeneratedAlways<string[]>;
  facets_full: GeneratedAlways<string[]>;
  demo: boolean;
  origin: 'import' | 'demo' | 'editor';
  content_hash: string;
  verified_on: string | null;
  verified_by: string | null;
  verified_by_user: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: NullableTimestamp;
}

export interface DirectoryTables {
  authorities: AuthoritiesTable;
}
