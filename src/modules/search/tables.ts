/** Tables of the search module (declared by migrations/0005_search.sql, 0045_search_facet_index.sql, 0047_search_match.sql, 0073_search_thesaurus.sql and 0090_search_sources.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { DateString, Json, Timestamp } from '../../platform/db/types.js';
import type { SearchType } from './domain/document.js';

/** A tsvector column; written only through SQL built by the search repository. */
export type TsVector = ColumnType<string, never, never>;

export interface SearchContext {
  /** Article reference of an extract, court and case number of a case, short name of a treaty. */
  ref?: string;
  /** Title of the law of a legislation extract, by language. */
  titles?: Record<string, string>;
}

export interface SearchDocumentsTable {
  /** The knowledge entry, or null for a provider (migration 0090). */
  entry_id: string | null;
  provider_id: string | null;
  /** The entry id, or "provider:" and the provider id (generated). */
  doc_key: ColumnType<string, never, never>;
  type: SearchType;
  country: string | null;
  date: DateString | null;
  demo: boolean;
  titles: Json<Record<string, string>>;
  mt_langs: string[];
  context: Json<SearchContext>;
  facet_keys: string[];
  doc_no: Generated<number>;
  facet_ids: number[];
  indexed_at: Timestamp;
}

/** The full-text vectors of a search document, in a narrow table of their own (migration 0047). */
export interface SearchMatchTable {
  doc_no: number;
  rank_vector: TsVector;
  document: TsVector;
}

export interface SearchInstrumentSignaturesTable {
  treaty_id: string;
  signature: string;
  updated_at: Timestamp;
}

export interface SearchQueriesTable {
  id: Generated<number>;
  query: string;
  hl: string;
  filters: Json<Record<string, string[]>>;
  sort: 'relevance' | 'date';
  page: number;
  total: number;
  duration_ms: number;
  source: 'api' | 'page';
  created_at: Timestamp;
}

export interface SearchFacetValuesTable {
  id: Generated<number>;
  key: string;
}

/** A group of equivalent terms of one language (migration 0073). */
export interface SearchThesaurusTable {
  id: Generated<number>;
  lang: string;
  terms: string[];
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Words of the indexed texts (exact analysis), for spelling suggestions. */
export interface SearchVocabularyTable {
  word: string;
}

export interface SearchTables {
  search_thesaurus: SearchThesaurusTable;
  search_vocabulary: SearchVocabularyTable;
  search_documents: SearchDocumentsTable;
  search_facet_values: SearchFacetValuesTable;
  search_match: SearchMatchTable;
  search_instrument_signatures: SearchInstrumentSignaturesTable;
  search_queries: SearchQueriesTable;
}
