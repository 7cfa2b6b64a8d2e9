/** TypeBox schemas of the reference data API (they validate input and document the API). */
import { Type } from 'typebox';
import { LANGS } from '../../platform/i18n/languages.js';
import { PLACE_KINDS, type PlaceKind } from './definitions/un-names.js';

const Nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const LocalizedSchema = Type.Object(
  Object.fromEntries(LANGS.map((l) => [l, Type.String()])) as Record<(typeof LANGS)[number], ReturnType<typeof Type.String>>,
  { description: 'Text in each of the six UN languages: ar, zh, en, fr, es, ru' },
);
const ByLanguage = (description: string) => Type.Record(Type.String(), Type.String(), { description });

export const CountrySchema = Type.Object({
  iso3: Type.String({ description: 'ISO 3166-1 alpha-3 code, the identifier of the country in Palermo' }),
  iso2: Type.String({ description: 'ISO 3166-1 alpha-2 code' }),
  m49: Type.String({ description: 'ISO 3166-1 numeric code = UN M49 country code' }),
  region_code: Nullable(Type.String({ description: 'M49 region (002 Africa, 019 Americas, 142 Asia, 150 Europe, 009 Oceania); null for Antarctica' })),
  subregion_code: Nullable(Type.String({ description: 'M49 sub-region' })),
  intermediate_region_code: Nullable(Type.String({ description: 'M49 intermediate region, where one exists' })),
  kind: Type.Enum([...PLACE_KINDS] as PlaceKind[], {
      description:
        'member_state (UN Member State), observer_state (non-member observer State: Holy See, State of Palestine), non_member_state (other State with treaty-making capacity: Cook Islands, Niue), organization (regional economic integration organization party to an instrument), area_own_regime (area with its own cooperation regime: Hong Kong SAR, Macao SAR), area (any other area, never a State)',
  }),
  names: { ...LocalizedSchema, description: 'Short names in the six UN languages: UNTERM for States, UNSD M49 for areas' },
  formal_names: Nullable({ ...LocalizedSchema, description: 'UNTERM formal names of a State in the six UN languages, without the leading article; null for areas' }),
});

export const RegionSchema = Type.Object({
  code: Type.String({ description: 'UN M49 code' }),
  level: Type.Union([Type.Literal('world'), Type.Literal('region'), Type.Literal('subregion'), Type.Literal('intermediate')]),
  parent_code: Nullable(Type.String({ description: 'Enclosing M49 area' })),
  names: LocalizedSchema,
  country_count: Type.Integer({ description: 'Number of countries and territories in the area' }),
});

export const TAXONOMY_VALUES = ['crime', 'cooperation', 'issue', 'measure'] as const;
export const TaxonomyParam = Type.Enum(TAXONOMY_VALUES, {
  description: 'crime (crime types), cooperation (forms of international cooperation), issue (cross-cutting issues), measure (assistance measures)',
});

export const TermSchema = Type.Object({
  code: Type.String({ description: 'Stable code used in filters and import files' }),
  position: Type.Integer({ description: 'Display order' }),
  labels: LocalizedSchema,
  descriptions: Nullable(ByLanguage('Scope note by language, where one exists')),
  reference: Nullable(Type.String({ description: 'Where the term comes from, e.g. "UNTOC art. 18(3)(a)"' })),
});

export const TaxonomySchema = Type.Object({ taxonomy: TaxonomyParam, terms: Type.Array(TermSchema) });

export const InstrumentSchema = Type.Object({
  id: Type.String({ description: 'Instrument identifier, used in article references such as untoc:18' }),
  kind: Type.Union([Type.Literal('universal'), Type.Literal('regional'), Type.Literal('bilateral')]),
  short_name: Nullable(Type.String()),
  organization: Nullable(Type.String()),
  adopted_on: Nullable(Type.String({ format: 'date' })),
  adopted_at: Nullable(Type.String()),
  entry_into_force_on: Nullable(Type.String({ format: 'date' })),
  depositary: Nullable(Type.String()),
  parent_id: Nullable(Type.String({ description: 'The convention a protocol supplements' })),
  source_url: Nullable(Type.String({ description: 'Official page of the treaty (UN Treaty Collection, Council of Europe Treaty Office)' })),
  demo: Type.Boolean(),
  titles: ByLanguage('Title by language; only languages with an authentic or official title are present'),
  article_count: Type.Integer(),
});

/** `?lang=`: the language of the `heading` fields (Palermo translations marked as such). */
export const HeadingLangQuery = Type.Object({
  lang: Type.Optional(
    Type.Union(
      LANGS.map((l) => Type.Literal(l)),
      { description: `Language of the \`heading\` fields: ${LANGS.join(', ')} (default en)` },
    ),
  ),
});

export const HeadingSchema = Nullable(
  Type.Object(
    {
      text: Type.String(),
      lang: Type.String({ description: 'Language of the text: the requested one, or the language of the authentic heading shown when neither an authentic heading nor a translation is held in it' }),
      translated: Type.Boolean({ description: 'True when the heading is a Palermo translation, not an authentic text of the instrument (pages mark it "Palermo translation")' }),
    },
    { description: 'The heading for a reader of the requested language: the authentic heading in that language if held, else Palermo\'s translation (translated: true), else an authentic heading in another language; null when the article has no heading' },
  ),
);

export const ArticleSummarySchema = Type.Object({
  number: Type.String(),
  position: Type.Integer(),
  titles: ByLanguage('Article heading by language; a missing language means no authentic heading is held (the 1959 Convention has none)'),
  heading: HeadingSchema,
  terms: Type.Array(Type.String(), { description: 'What the article is about, as "taxonomy:code"' }),
});

export const InstrumentDetailSchema = Type.Object({ ...InstrumentSchema.properties, articles: Type.Array(ArticleSummarySchema) });

export const ArticleSchema = Type.Object({
  instrument: Type.Object({ id: Type.String(), short_name: Nullable(Type.String()), titles: ByLanguage('Title of the instrument by language') }),
  number: Type.String(),
  position: Type.Integer(),
  titles: ByLanguage('Article heading by language (missing languages are not held)'),
  heading: HeadingSchema,
  texts: ByLanguage('Article text by language, paragraphs separated by a blank line'),
  languages: Type.Object({
    texts: Type.Array(Type.String(), { description: 'Languages in which the text is held' }),
    titles: Type.Array(Type.String(), { description: 'Languages in which the heading is held' }),
  }),
  terms: Type.Array(Type.String(), { description: 'What the article is about, as "taxonomy:code"' }),
  previous: Nullable(Type.String({ description: 'Number of the previous article' })),
  next: Nullable(Type.String({ description: 'Number of the next article' })),
  page_urls: Type.Record(Type.String(), Type.String(), { description: 'Path of the public article page in each interface language: /{lang}/instruments/{id}/articles/{n}' }),
});

export const ParticipationSchema = Type.Object({
  treaty_id: Type.String(),
  short_name: Nullable(Type.String()),
  kind: Type.String(),
  titles: ByLanguage('Published title of the treaty by language'),
  signed_on: Nullable(Type.String({ format: 'date' })),
  consent_kind: Nullable(Type.String({ description: 'ratification, accession, acceptance, approval, succession or definitive_signature' })),
  consent_on: Nullable(Type.String({ format: 'date' })),
  entry_into_force_on: Nullable(Type.String({ format: 'date' })),
  demo: Type.Boolean({ description: 'Synthetic demonstration data' }),
});

export const CountryProfileSchema = Type.Object({
  ...CountrySchema.properties,
  regions: Type.Array(Type.Omit(RegionSchema, ['country_count']), { description: 'The M49 areas of the country, from region to intermediate region' }),
  entry_counts: Type.Object(
    { legislation: Type.Integer(), case: Type.Integer(), treaty: Type.Integer(), strategy: Type.Integer() },
    { description: 'Published entries of the country by database' },
  ),
  treaties: Type.Array(ParticipationSchema, { description: 'Treaties the country has signed or is bound by' }),
});

export const Iso3Param = Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3 code (case-insensitive)' });
export const InstrumentIdParam = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,127}$', description: 'Instrument identifier, e.g. untoc' });
export const ArticleNumberParam = Type.String({ pattern: '^[0-9]+[a-z]?(bis|ter|quater)?$', maxLength: 20, description: 'Article number, e.g. 18' });
export const RegionQuery = Type.Object(
  {
    region: Type.Optional(
      Type.String({ pattern: '^[0-9]{3}$', description: 'Only countries in this M49 area (region, sub-region or intermediate region), e.g. 150 or 155' }),
    ),
    kind: Type.Optional(
      Type.Enum(['state', ...PLACE_KINDS] as ('state' | PlaceKind)[], {
        description: 'Only places of this kind; "state" for every State (member, observer and non-member States, organizations), no area',
      }),
    ),
  },
  { additionalProperties: false },
);

export { ProblemSchema } from '../../platform/http/problem-schema.js';
