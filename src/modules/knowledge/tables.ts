import type { DateString, Json, NullableTimestamp, Timestamp } from '../../platform/db/types.js';

export type EntryType = 'legislation' | 'case' | 'treaty' | 'strategy';
export type EntryOrigin = 'reference' | 'import' | 'demo' | 'editor';
export type TextStatus = 'draft' | 'in_review' | 'published' | 'archived';
export type TreatyKind = 'universal' | 'regional' | 'bilateral';
export type ConsentKind = 'ratification' | 'accession' | 'acceptance' | 'approval' | 'succession' | 'definitive_signature';

export interface EntriesTable {
  id: string;
  type: EntryType;
  country: string | null;
  date: DateString | null;
  original_lang: string | null;
  demo: boolean;
  origin: EntryOrigin;
  content_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EntryTextsTable {
  entry_id: string;
  lang: string;
  title: string;
  summary: string | null;
  body: string | null;
  facts: string | null;
  decision: string | null;
  commentary: string | null;
  status: TextStatus;
  machine_translated: boolean;
  translated_from: string | null;
  reviewed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LawsTable {
  id: string;
  country: string;
  citation: string | null;
  adopted_on: DateString | null;
  amended_on: DateString | null;
  source_url: string | null;
  attachment_id: string | null;
  original_lang: string | null;
  demo: boolean;
  origin: EntryOrigin;
  content_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LawTextsTable {
  law_id: string;
  lang: string;
  title: string;
  full_text: string | null;
  machine_translated: boolean;
  translated_from: string | null;
}

export interface LegislationTable {
  entry_id: string;
  law_id: string;
  article_ref: string | null;
  position: number | null;
}

export interface CaseSource {
  title: string;
  url?: string;
}

/** A party to a judgment, as the decision names it. */
export interface CaseParty {
  name: string;
  role?: string;
}

export interface CasesTable {
  entry_id: string;
  court: string | null;
  case_number: string | null;
  ecli: string | null;
  decision_date: DateString | null;
  untoc_legal_basis: boolean | null;
  sources: Json<CaseSource[]>;
  neutral_citation: string | null;
  parties: Json<CaseParty[]>;
  judges: Json<string[]>;
}

export interface TreatiesTable {
  entry_id: string;
  kind: TreatyKind;
  short_name: string | null;
  organization: string | null;
  adopted_on: DateString | null;
  adopted_at: string | null;
  entry_into_force_on: DateString | null;
  depositary: string | null;
  parent_id: string | null;
  source_url: string | null;
}

export interface TreatyArticlesTable {
  treaty_id: string;
  number: string;
  position: number;
  titles: Json<Record<string, string>>;
  texts: Json<Record<string, string>>;
}

export interface TreatyArticleTermsTable {
  treaty_id: string;
  number: string;
  taxonomy: string;
  code: string;
}

export interface TreatyPartiesTable {
  treaty_id: string;
  country: string;
  signed_on: DateString | null;
  consent_kind: ConsentKind | null;
  consent_on: DateString | null;
  entry_into_force_on: DateString | null;
  reservations: string | null;
  declarations: string | null;
  notes: string | null;
  demo: boolean;
  updated_at: Timestamp;
}

export interface StrategiesTable {
  entry_id: string;
  period_start: number | null;
  period_end: number | null;
  adopted_by: string | null;
  source_url: string | null;
}

export interface EntryArticlesTable {
  entry_id: string;
  treaty_id: string;
  number: string;
}

export interface EntryTermsTable {
  entry_id: string;
  taxonomy: string;
  code: string;
}

export interface EntryCountriesTable {
  entry_id: string;
  country: string;
  role: 'cooperating';
}

export interface KnowledgeTables {
  entries: EntriesTable;
  entry_texts: EntryTextsTable;
  laws: LawsTable;
  law_texts: LawTextsTable;
  legislation: LegislationTable;
  cases: CasesTable;
  treaties: TreatiesTable;
  treaty_articles: TreatyArticlesTable;
  treaty_article_terms: TreatyArticleTermsTable;
  treaty_parties: TreatyPartiesTable;
  strategies: StrategiesTable;
  entry_articles: EntryArticlesTable;
  entry_terms: EntryTermsTable;
  entry_countries: EntryCountriesTable;
}
