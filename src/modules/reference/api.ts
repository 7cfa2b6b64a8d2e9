/**
 * Reference data API: countries and M49 regions, taxonomies, instruments and their articles (the
 * instruments are knowledge treaties, read through knowledge's public entry).
 * Read-only and the same for everyone, so responses may be cached for five minutes.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { LANGS, type Lang } from '../../platform/i18n/languages.js';
import { articleTitleFor } from './instrument-labels.js';
import {
  ArticleNumberParam,
  ArticleSchema,
  CountryProfileSchema,
  CountrySchema,
  HeadingLangQuery,
  InstrumentDetailSchema,
  InstrumentIdParam,
  InstrumentSchema,
  Iso3Param,
  ProblemSchema,
  RegionQuery,
  RegionSchema,
  TAXONOMY_VALUES,
  TaxonomyParam,
  TaxonomySchema,
} from './api-schemas.js';
import { getArticleInContext, getInstrument, listInstruments } from '../knowledge/index.js';
import {
  getCountryProfile,
  isState,
  listCountries,
  listCountriesInRegion,
  listRegionsWithCounts,
  listTerms,
  type Term,
} from './service.js';

const tags = ['reference'];
const problems = { 400: ProblemSchema, 404: ProblemSchema };

function termsOut(terms: readonly Term[]) {
  return terms.map((t) => ({ code: t.code, position: t.position, labels: t.labels, descriptions: t.descriptions, reference: t.reference }));
}

export async function referenceApi(app: App): Promise<void> {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode < 400) reply.header('cache-control', 'public, max-age=300');
    return payload;
  });

  app.get(
    '/api/v1/countries',
    {
      schema: {
        tags,
        summary: 'List countries and territories',
        description:
          'Every ISO 3166-1 country or territory with its alpha-2, alpha-3 and numeric (UN M49) codes, its M49 region, sub-region and intermediate region, its kind (State or area) and its UN names in the six UN languages (UNTERM short and formal names for States, UNSD M49 names for areas). Filter by an M49 area with `region`, by kind with `kind` (`state` for States only).',
        querystring: RegionQuery,
        response: { 200: Type.Object({ countries: Type.Array(CountrySchema) }), 400: ProblemSchema },
      },
    },
    async (request) => {
      const { region, kind } = request.query;
      const countries = region === undefined ? await listCountries(app.db) : await listCountriesInRegion(app.db, region);
      if (!countries) throw new ValidationError([{ field: 'region', message: `unknown M49 region code "${region}" (see /api/v1/regions)` }]);
      if (kind === undefined) return { countries };
      return { countries: countries.filter((c) => (kind === 'state' ? isState(c) : c.kind === kind)) };
    },
  );

  app.get(
    '/api/v1/countries/:iso3',
    {
      schema: {
        tags,
        summary: 'One country: regions, content counts, treaties',
        description:
          'A country or territory by its ISO 3166-1 alpha-3 code (case-insensitive): codes, names, its M49 regions, the number of its published entries in each database and the treaties it has signed or is bound by.',
        params: Type.Object({ iso3: Iso3Param }),
        response: { 200: CountryProfileSchema, ...problems },
      },
    },
    async (request) => {
      const profile = await getCountryProfile(app.db, request.params.iso3);
      if (!profile) throw new NotFoundError(`No country with ISO 3166-1 alpha-3 code "${request.params.iso3.toUpperCase()}"`);
      return { ...profile.country, regions: profile.regions, entry_counts: profile.entry_counts, treaties: profile.treaties };
    },
  );

  app.get(
    '/api/v1/regions',
    {
      schema: {
        tags,
        summary: 'List UN M49 regions',
        description: 'The UN M49 hierarchy: the world (001), regions, sub-regions and intermediate regions, with names in the six UN languages and the number of countries in each.',
        response: { 200: Type.Object({ regions: Type.Array(RegionSchema) }) },
      },
    },
    async () => ({ regions: await listRegionsWithCounts(app.db) }),
  );

  app.get(
    '/api/v1/taxonomies',
    {
      schema: {
        tags,
        summary: 'List the taxonomies and their terms',
        description: 'Crime types, forms of international cooperation, cross-cutting issues and assistance measures, with labels in the six UN languages.',
        response: { 200: Type.Object({ taxonomies: Type.Array(TaxonomySchema) }) },
      },
    },
    async () => {
      const terms = await listTerms(app.db);
      return { taxonomies: TAXONOMY_VALUES.map((taxonomy) => ({ taxonomy, terms: termsOut(terms.filter((t) => t.taxonomy === taxonomy)) })) };
    },
  );

  app.get(
    '/api/v1/taxonomies/:taxonomy',
    {
      schema: {
        tags,
        summary: 'One taxonomy and its terms',
        description: 'The terms of one taxonomy in display order, with labels in the six UN languages, scope notes and legal references.',
        params: Type.Object({ taxonomy: TaxonomyParam }),
        response: { 200: TaxonomySchema, 400: ProblemSchema },
      },
    },
    async (request) => {
      const { taxonomy } = request.params;
      return { taxonomy, terms: termsOut(await listTerms(app.db, taxonomy)) };
    },
  );

  app.get(
    '/api/v1/instruments',
    {
      schema: {
        tags,
        summary: 'List international instruments',
        description: 'The instruments whose articles index Palermo content (UNTOC and its Protocols, UNCAC, Council of Europe conventions...), with their titles and article counts.',
        response: { 200: Type.Object({ instruments: Type.Array(InstrumentSchema) }) },
      },
    },
    async () => ({ instruments: await listInstruments(app.db) }),
  );

  app.get(
    '/api/v1/instruments/:id',
    {
      schema: {
        tags,
        summary: 'One instrument and its articles',
        description:
          'An instrument with the list of its articles: number, authentic headings by language (titles), the heading for a reader of `lang` (heading: a Palermo translation is marked translated: true) and the taxonomy terms each article is about.',
        params: Type.Object({ id: InstrumentIdParam }),
        querystring: HeadingLangQuery,
        response: { 200: InstrumentDetailSchema, ...problems },
      },
    },
    async (request) => {
      const instrument = await getInstrument(app.db, request.params.id);
      if (!instrument) throw new NotFoundError(`No instrument "${request.params.id}"`);
      const lang: Lang = request.query.lang ?? 'en';
      return { ...instrument, articles: instrument.articles.map(({ number, position, titles, terms }) => ({ number, position, titles, heading: articleTitleFor(instrument.id, titles, lang) ?? null, terms })) };
    },
  );

  app.get(
    '/api/v1/instruments/:id/articles/:n',
    {
      schema: {
        tags,
        summary: 'One article of an instrument',
        description:
          'The text of an article in each language held (languages.texts), its authentic headings (titles, languages.titles; headings in other languages are not invented there), the heading for a reader of `lang` (heading: the authentic one, else a Palermo translation marked translated: true), its terms, the neighbouring articles and the path of its public page.',
        params: Type.Object({ id: InstrumentIdParam, n: ArticleNumberParam }),
        querystring: HeadingLangQuery,
        response: { 200: ArticleSchema, ...problems },
      },
    },
    async (request) => {
      const { id, n } = request.params;
      const { instrument, article } = await getArticleInContext(app.db, id, n);
      if (!instrument) throw new NotFoundError(`No instrument "${id}"`);
      if (!article) throw new NotFoundError(`${instrument.short_name ?? id} has no article ${n}`);
      return {
        instrument: { id, short_name: instrument.short_name, titles: instrument.titles },
        number: article.number,
        position: article.position,
        titles: article.titles,
        heading: articleTitleFor(id, article.titles, request.query.lang ?? 'en') ?? null,
        texts: article.texts,
        languages: { texts: Object.keys(article.texts).sort(), titles: Object.keys(article.titles).sort() },
        terms: article.terms,
        previous: article.previous,
        next: article.next,
        page_urls: Object.fromEntries(LANGS.map((lang) => [lang, `/${lang}/instruments/${encodeURIComponent(id)}/articles/${encodeURIComponent(n)}`])),
      };
    },
  );
}
