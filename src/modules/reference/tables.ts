import type { DateString, Json, NullableTimestamp, Timestamp } from '../../platform/db/types.js';
import type { ColumnType } from 'kysely';
import type { LocalizedText } from '../../platform/i18n/languages.js';
import type { PlaceKind } from './definitions/un-names.js';

export interface RegionsTable {
  code: string;
  level: 'world' | 'region' | 'subregion' | 'intermediate';
  parent_code: string | null;
  names: Json<LocalizedText>;
  updated_at: Timestamp;
}

export interface CountriesTable {
  iso3: string;
  iso2: string;
  m49: string;
  region_code: string | null;
  subregion_code: string | null;
  intermediate_region_code: string | null;
  /** See definitions/un-names.ts (PLACE_KINDS); migration 0070. */
  kind: ColumnType<PlaceKind, PlaceKind | undefined, PlaceKind>;
  names: Json<LocalizedText>;
  formal_names: Json<LocalizedText> | null;
  updated_at: Timestamp;
}

export type Taxonomy = 'crime' | 'cooperation' | 'issue' | 'measure';

export interface TaxonomyTermsTable {
  taxonomy: Taxonomy;
  code: string;
  position: number;
  labels: Json<LocalizedText>;
  descriptions: Json<Partial<LocalizedText>> | null;
  reference: string | null;
  updated_at: Timestamp;
  /** Set when curators publish new labels; a reference reload then keeps labels and descriptions. */
  edited_at: NullableTimestamp;
}

/** An authentic language version of a shipped instrument imported by a curator (migration 0074). */
export interface InstrumentTextsTable {
  treaty_id: string;
  lang: string;
  title: string | null;
  articles: Json<{ number: string; title?: string; text: string }[]>;
  source: string;
  sha256: string;
  imported_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReferenceTables {
  instrument_texts: InstrumentTextsTable;
  regions: RegionsTable;
  countries: CountriesTable;
  taxonomy_terms: TaxonomyTermsTable;
}

export type { DateString };
