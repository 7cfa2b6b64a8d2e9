/**
 * The canonical authority document: one JSON shape for the import and export (JSONL, and CSV through
 * csv.ts), the API, the workflow revisions and the demo seed. Field names are snake_case; multilingual
 * texts are `{ "<BCP 47 tag>": "text" }`. See docs/DIRECTORY.md.
 */
import { Type, type Static } from 'typebox';
import { ArticleRefSchema, CountryCodeSchema, DateSchema, EntryIdSchema, LangTagSchema, TermCodeSchema, UrlSchema } from '../../knowledge/index.js';
import { FUNCTION_CODES } from './functions.js';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
/** Text in several languages: { "fr": "…", "en": "…" }. */
export const Multilingual = (max: number, description = 'Text by BCP 47 language tag') =>
  Type.Record(LangTagSchema, Text(max), { additionalProperties: false, maxProperties: 30, description });

export const PhoneNumberSchema = Type.String({
  pattern: '^\\+?[0-9][0-9 ()./-]{2,39}( ?(ext\\.?|x) ?[0-9]{1,6})?$',
  maxLength: 60,
  description: 'Telephone number, international format preferred: +33 1 44 77 61 15',
});
export const EmailSchema = Type.String({ pattern: '^[^\\s@<>"(),;:]+@[^\\s@<>"(),;:]+\\.[^\\s@<>"(),;:]+$', maxLength: 254, description: 'E-mail address' });
const TimeSchema = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'Local time HH:MM (24:00 = end of the day)' });

export const CHANNELS = ['direct', 'diplomatic', 'interpol', 'electronic'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ELECTRONIC = ['never', 'urgent_only', 'always'] as const;
export type Electronic = (typeof ELECTRONIC)[number];
export const REQUIREMENT_STATUSES = ['applicable', 'not_applicable', 'conditions'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

/** Fields whose visibility the focal point sets; names, country and functions are always public. */
export const VISIBILITY_FIELDS = [
  'address',
  'phones',
  'direct_lines',
  'emails',
  'website',
  'contacts',
  'hours',
  'languages',
  'channels',
  'electronic_requests',
  'urgent_procedure',
  'untoc_extradition_basis',
  'requirements',
  'e_evidence',
  'laws',
  'notes',
] as const;
export type VisibilityField = (typeof VISIBILITY_FIELDS)[number];
export const VISIBILITIES = ['public', 'practitioners'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
/** Contact persons and direct lines are for practitioners unless the focal point opens them. */
export const DEFAULT_RESTRICTED: ReadonlySet<VisibilityField> = new Set(['contacts', 'direct_lines']);

export const DesignationSchema = Type.Object(
  {
    code: Type.Enum([...FUNCTION_CODES], { description: 'The function: mla (central authority, UNTOC art. 18(13)), extradition, transfer-sentenced-persons, confiscation, migrant-smuggling-sea, drug-trafficking-sea, firearms, cultural-property, cyber-24-7, uncac-central, other' }),
    articles: Type.Optional(Type.Array(ArticleRefSchema, { maxItems: 20, uniqueItems: true, description: 'Instrument articles the designation is made under, e.g. untoc:18' })),
    note: Type.Optional(Multilingual(2000, 'Scope of the designation (e.g. which treaties, which regions)')),
  },
  { additionalProperties: false },
);

export const PhoneSchema = Type.Object({ number: PhoneNumberSchema, label: Type.Optional(Text(200)) }, { additionalProperties: false });
export const EmailEntrySchema = Type.Object({ address: EmailSchema, label: Type.Optional(Text(200)) }, { additionalProperties: false });
export const ContactSchema = Type.Object(
  {
    name: Text(200),
    title: Type.Optional(Text(300)),
    phone: Type.Optional(PhoneNumberSchema),
    email: Type.Optional(EmailSchema),
    languages: Type.Optional(Type.Array(LangTagSchema, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const WeeklySlotSchema = Type.Object(
  { day: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' }), open: TimeSchema, close: TimeSchema },
  { additionalProperties: false },
);
export const HoursExceptionSchema = Type.Object(
  {
    date: DateSchema,
    closed: Type.Optional(Type.Boolean()),
    open: Type.Optional(TimeSchema),
    close: Type.Optional(TimeSchema),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export const HoursSchema = Type.Object(
  {
    time_zone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Paris' }),
    always_open: Type.Optional(Type.Boolean({ description: 'Reachable at any hour (24/7 contact points)' })),
    weekly: Type.Array(WeeklySlotSchema, { maxItems: 35, description: 'Opening intervals in local time; an interval whose close is before its open runs past midnight' }),
    exceptions: Type.Optional(Type.Array(HoursExceptionSchema, { maxItems: 200, description: 'Public holidays and other days with other hours' })),
  },
  { additionalProperties: false },
);

export const RequirementSchema = Type.Object(
  {
    measure: { ...TermCodeSchema, description: 'Measure code (taxonomy "measure"): UNTOC art. 18(3) measures and e-evidence measures' },
    status: Type.Enum([...REQUIREMENT_STATUSES], { description: 'applicable, not_applicable, or conditions (then give the conditions)' }),
    conditions: Type.Optional(Multilingual(10_000, 'Legal and procedural requirements for this measure')),
  },
  { additionalProperties: false },
);

const V = () => Type.Optional(Type.Enum([...VISIBILITIES]));
export const VisibilitySchema = Type.Object(
  {
    address: V(),
    phones: V(),
    direct_lines: V(),
    emails: V(),
    website: V(),
    contacts: V(),
    hours: V(),
    languages: V(),
    channels: V(),
    electronic_requests: V(),
    urgent_procedure: V(),
    untoc_extradition_basis: V(),
    requirements: V(),
    e_evidence: V(),
    laws: V(),
    notes: V(),
  },
  { additionalProperties: false, description: 'Per field: public, or practitioners (registered practitioners only). Defaults: contacts and direct_lines practitioners, others public' },
);

export const AuthorityDocumentSchema = Type.Object(
  {
    id: EntryIdSchema,
    country: CountryCodeSchema,
    names: Type.Record(LangTagSchema, Text(500), { minProperties: 1, maxProperties: 30, additionalProperties: false, description: 'Name by BCP 47 language tag: the official languages of the State and, where given, the six UN languages' }),
    functions: Type.Array(DesignationSchema, { minItems: 1, maxItems: 20 }),
    address: Type.Optional(Text(1000, 'Postal address (several lines)')),
    phones: Type.Optional(Type.Array(PhoneSchema, { maxItems: 20, description: 'General telephone lines' })),
    direct_lines: Type.Optional(Type.Array(PhoneSchema, { maxItems: 20, description: 'Direct and duty lines (practitioners only by default)' })),
    emails: Type.Optional(Type.Array(EmailEntrySchema, { maxItems: 20 })),
    website: Type.Optional(UrlSchema),
    contacts: Type.Optional(Type.Array(ContactSchema, { maxItems: 50, description: 'Contact persons (practitioners only by default)' })),
    hours: Type.Optional(HoursSchema),
    languages: Type.Optional(Type.Array(LangTagSchema, { maxItems: 30, uniqueItems: true, description: 'Languages in which requests are accepted (BCP 47)' })),
    channels: Type.Optional(Type.Array(Type.Enum([...CHANNELS]), { uniqueItems: true, description: 'Channels through which requests are accepted' })),
    electronic_requests: Type.Optional(Type.Enum([...ELECTRONIC], { description: 'Whether requests sent electronically are accepted: never, urgent_only, always' })),
    urgent_procedure: Type.Optional(Multilingual(10_000, 'What to do in urgent cases (UNTOC art. 18(14))')),
    untoc_extradition_basis: Type.Optional(
      Type.Object(
        { value: Type.Enum([...YES_NO_UNKNOWN], { description: 'Whether UNTOC is accepted as the legal basis for extradition (art. 16(4)–(5))' }), note: Type.Optional(Multilingual(5000)) },
        { additionalProperties: false },
      ),
    ),
    requirements: Type.Optional(Type.Array(RequirementSchema, { maxItems: 40, description: 'Requirements by type of measure' })),
    e_evidence: Type.Optional(
      Type.Object(
        { preservation: Type.Optional(Multilingual(10_000, 'Requirements for preservation requests')), disclosure: Type.Optional(Multilingual(10_000, 'Requirements for disclosure and production')) },
        { additionalProperties: false },
      ),
    ),
    laws: Type.Optional(Type.Array(EntryIdSchema, { maxItems: 50, uniqueItems: true, description: 'Ids of national laws or legislation extracts in the portal' })),
    notes: Type.Optional(Multilingual(10_000)),
    visibility: Type.Optional(VisibilitySchema),
    verified: Type.Optional(
      Type.Object({ on: DateSchema, by: Type.Optional(Text(300)) }, { additionalProperties: false, description: 'Last verification (read-only except for imports by administrators)' }),
    ),
    demo: Type.Optional(Type.Boolean({ description: 'Synthetic demonstration record' })),
    created_at: Type.Optional(Type.String({ format: 'date-time', description: 'Output only: first publication' })),
    updated_at: Type.Optional(Type.String({ format: 'date-time', description: 'Output only: last published change' })),
  },
  { additionalProperties: false },
);

export type AuthorityDocument = Static<typeof AuthorityDocumentSchema>;
export type Designation = Static<typeof DesignationSchema>;
export type Hours = Static<typeof HoursSchema>;
export type Requirement = Static<typeof RequirementSchema>;
export type MultilingualText = Record<string, string>;
