import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/types.js';
import type { ProviderDocument } from './domain/schema.js';

export interface ProvidersTable {
  id: string;
  country: string;
  state: 'published' | 'archived';
  document: Json<ProviderDocument>;
  name_sort: string;
  services: string[];
  data_categories: string[];
  data_categories_public: string[];
  search_public: string;
  search_full: string;
  demo: boolean;
  content_hash: string;
  verified_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: NullableTimestamp;
}

export interface ProvidersTables {
  providers: ProvidersTable;
}
