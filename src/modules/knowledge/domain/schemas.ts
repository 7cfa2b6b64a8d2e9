/**
 * The canonical JSON shape of knowledge content. One shape serves the JSONL import and export
 * (full fidelity, round-trips), the JSON API and the demo seed. Field names are snake_case.
 */
import { Type, type Static } from 'typebox';

export const EntryIdSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,127}$', description: 'Stable identifier: a-z, 0-9, dot, underscore, hyphen' });
export const CountryCodeSchema = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code' });
export const LangTagSchema = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag' });
export const DateSchema = Type.String({ format: 'date', description: 'ISO 8601 date YYYY-MM-DD' });
export const UrlSchema = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 });
/** "<instrument id>:<article number>", e.g. "untoc:18". */
export const ArticleRefSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,127}:[0-9]+[a-z]?(bis|ter|quater)?$', description: 'Instrument article, e.g. untoc:18' });
export const TermCodeSchema = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const TEXT_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;

/** One language version of an entry. */
export const EntryTextSchema = Type.Object(
  {
    title: Text(2000),
    summary: Type.Optional(Text(100_000)),
    body: Type.Optional(Text(2_000_000)),
    facts: Type.Optional(Text(200_000)),
    decision: Type.Optional(Text(200_000)),
    commentary: Type.Optional(Text(200_000)),
    status: Type.Optional(Type.Enum(TEXT_STATUSES)),
    machine_translated: Type.Optional(Type.Boolean()),
    translated_from: Type.Optional(LangTagSchema),
  },
  { additionalProperties: false },
);

const Texts = <T extends import('typebox').TSchema>(item: T) =>
  Type.Record(LangTagSchema, item, { minProperties: 1, additionalProperties: false, description: 'Language versions keyed by BCP 47 tag' });

const TermList = Type.Array(TermCodeSchema, { maxItems: 100, uniqueItems: true });

/** Fields shared by the four databases. */
const common = {
  id: EntryIdSchema,
  country: Type.Optional(CountryCodeSchema),
  date: Type.Optional(DateSchema),
  original_lang: Type.Optional(LangTagSchema),
  texts: Texts(EntryTextSchema),
  articles: Type.Optional(Type.Array(ArticleRefSchema, { maxItems: 200, uniqueItems: true })),
  crime_types: Type.Optional(TermList),
  cooperation_types: Type.Optional(TermList),
  issues: Type.Optional(TermList),
  measures: Type.Optional(TermList),
  demo: Type.Optional(Type.Boolean()),
  created_at: Type.Optional(Type.String({ format: 'date-time' })),
  updated_at: Type.Optional(Type.String({ format: 'date-time' })),
};

export const LegislationSchema = Type.Object(
  {
    type: Type.Literal('legislation'),
    ...common,
    country: CountryCodeSchema,
    law_id: EntryIdSchema,
    article_ref: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const CaseSourceSchema = Type.Object({ title: Text(1000), url: Type.Optional(UrlSchema) }, { additionalProperties: false });

export const CasePartySchema = Type.Object({ name: Text(1000), role: Type.Optional(Text(200)) }, { additionalProperties: false });

export const CaseSchema = Type.Object(
  {
    type: Type.Literal('case'),
    ...common,
    country: CountryCodeSchema,
    court: Type.Optional(Text(500)),
    case_number: Type.Optional(Text(200)),
    ecli: Type.Optional(Type.String({ pattern: '^ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:[0-9]{4}:[A-Za-z0-9.]{1,25}$' })),
    decision_date: Type.Optional(DateSchema),
    untoc_legal_basis: Type.Optional(Type.Boolean()),
    cooperating_states: Type.Optional(Type.Array(CountryCodeSchema, { maxItems: 250, uniqueItems: true })),
    sources: Type.Optional(Type.Array(CaseSourceSchema, { maxItems: 50 })),
    /** The court's own citation of a judgment, e.g. "[2020] EWCA Civ 611". */
    neutral_citation: Type.Optional(Text(200)),
    parties: Type.Optional(Type.Array(CasePartySchema, { maxItems: 200 })),
    judges: Type.Optional(Type.Array(Text(500), { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const CONSENT_KINDS = ['ratification', 'accession', 'acceptance', 'approval', 'succession', 'definitive_signature'] as const;
export const TREATY_KINDS = ['universal', 'regional', 'bilateral'] as const;

export const TreatyPartySchema = Type.Object(
  {
    country: CountryCodeSchema,
    signed_on: Type.Optional(DateSchema),
    consent_kind: Type.Optional(Type.Enum(CONSENT_KINDS)),
    consent_on: Type.Optional(DateSchema),
    entry_into_force_on: Type.Optional(DateSchema),
    reservations: Type.Optional(Text(200_000)),
    declarations: Type.Optional(Text(200_000)),
    notes: Type.Optional(Text(20_000)),
    demo: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** An article of a treaty (its own text), distinct from the "articles" tags every entry has. */
export const ProvisionSchema = Type.Object(
  {
    number: Type.String({ pattern: '^[0-9]+[a-z]?(bis|ter|quater)?$' }),
    titles: Type.Optional(Type.Record(LangTagSchema, Text(1000), { additionalProperties: false })),
    texts: Type.Optional(Type.Record(LangTagSchema, Text(500_000), { additionalProperties: false })),
    /** What the article is about: "taxonomy:code", e.g. "cooperation:mla". */
    terms: Type.Optional(Type.Array(Type.String({ pattern: '^(crime|cooperation|issue|measure):[a-z0-9]+(-[a-z0-9]+)*$' }), { uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const TreatySchema = Type.Object(
  {
    type: Type.Literal('treaty'),
    ...common,
    kind: Type.Enum(TREATY_KINDS),
    short_name: Type.Optional(Text(100)),
    organization: Type.Optional(Text(200)),
    adopted_on: Type.Optional(DateSchema),
    adopted_at: Type.Optional(Text(200)),
    entry_into_force_on: Type.Optional(DateSchema),
    depositary: Type.Optional(Text(300)),
    parent_id: Type.Optional(EntryIdSchema),
    source_url: Type.Optional(UrlSchema),
    provisions: Type.Optional(Type.Array(ProvisionSchema, { maxItems: 2000 })),
    parties: Type.Optional(Type.Array(TreatyPartySchema, { maxItems: 300 })),
  },
  { additionalProperties: false },
);

export const StrategySchema = Type.Object(
  {
    type: Type.Literal('strategy'),
    ...common,
    country: CountryCodeSchema,
    period_start: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    period_end: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    adopted_by: Type.Optional(Text(500)),
    source_url: Type.Optional(UrlSchema),
  },
  { additionalProperties: false },
);

export const LawTextSchema = Type.Object(
  {
    title: Text(2000),
    full_text: Type.Optional(Text(20_000_000)),
    machine_translated: Type.Optional(Type.Boolean()),
    translated_from: Type.Optional(LangTagSchema),
  },
  { additionalProperties: false },
);

export const AttachmentSchema = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\]+$' }),
    media_type: Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$' }),
    /** Base64 content (import); on export, the file id and size are given instead. */
    content_base64: Type.Optional(Type.String({ maxLength: 70_000_000 })),
    id: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    byte_size: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/** A law: the parent of legislation extracts. Not itself a search result. */
export const LawSchema = Type.Object(
  {
    type: Type.Literal('law'),
    id: EntryIdSchema,
    country: CountryCodeSchema,
    citation: Type.Optional(Text(500)),
    adopted_on: Type.Optional(DateSchema),
    amended_on: Type.Optional(DateSchema),
    source_url: Type.Optional(UrlSchema),
    original_lang: Type.Optional(LangTagSchema),
    texts: Texts(LawTextSchema),
    attachment: Type.Optional(AttachmentSchema),
    demo: Type.Optional(Type.Boolean()),
    created_at: Type.Optional(Type.String({ format: 'date-time' })),
    updated_at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export type EntryText = Static<typeof EntryTextSchema>;
export type LegislationDocument = Static<typeof LegislationSchema>;
export type CaseDocument = Static<typeof CaseSchema>;
export type TreatyDocument = Static<typeof TreatySchema>;
export type StrategyDocument = Static<typeof StrategySchema>;
export type LawDocument = Static<typeof LawSchema>;
export type TreatyParty = Static<typeof TreatyPartySchema>;
export type Provision = Static<typeof ProvisionSchema>;
export type EntryDocument = LegislationDocument | CaseDocument | TreatyDocument | StrategyDocument;
/** Any record of a JSONL file. */
export type KnowledgeRecord = EntryDocument | LawDocument;

export const RECORD_SCHEMAS = {
  law: LawSchema,
  legislation: LegislationSchema,
  case: CaseSchema,
  treaty: TreatySchema,
  strategy: StrategySchema,
} as const;
export type RecordType = keyof typeof RECORD_SCHEMAS;
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];

/** Schemas published as reusable OpenAPI components (identical inline copies become $refs). */
export const OPENAPI_SCHEMAS = {
  EntryText: EntryTextSchema,
  CaseSource: CaseSourceSchema,
  CaseParty: CasePartySchema,
  TreatyParty: TreatyPartySchema,
  Provision: ProvisionSchema,
};
