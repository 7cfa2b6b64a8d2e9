/** GET /api/v1/search: the open search API (thin: validate, run the search service, shape the JSON). */
import { Type, type TSchema } from 'typebox';
import type { RoutePlugin } from '../../platform/http/app.js';
import { ValidationError } from '../../platform/http/errors.js';
import { LANGS } from '../../platform/i18n/languages.js';
import { SEARCH_TYPES } from './domain/document.js';
import { FACETS, MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_VALUES_PER_FACET, parseSearchParams } from './domain/params.js';
import { runSearch } from './service.js';

const many = (item: TSchema, description: string) =>
  Type.Optional(Type.Array(item, { maxItems: MAX_VALUES_PER_FACET, description: `${description} Repeat the parameter for several values (OR).` }));

const Querystring = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: MAX_QUERY_LENGTH,
        description:
          'Query in web-search syntax: words (all must match), "exact phrase", OR between alternatives, -word to exclude. Each word matches its stem in the hl language or its exact form; Chinese is matched as character bigrams. Empty: every entry.',
      }),
    ),
    type: many(Type.Enum([...SEARCH_TYPES]), 'Database: legislation, case, treaty, strategy, or provider (service providers of the electronic evidence hub).'),
    country: many(Type.String({ pattern: '^[A-Za-z]{3}$' }), 'ISO 3166-1 alpha-3 country code (the entry\u2019s State, cooperating States of a case, parties of a bilateral treaty).'),
    region: many(Type.String({ pattern: '^[0-9]{3}$' }), 'UN M49 region or sub-region code, e.g. 150 (Europe) or 039 (Southern Europe).'),
    instrument: many(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,127}$' }), 'Instrument whose articles the entry is tagged with, e.g. untoc.'),
    article: many(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,127}:[0-9]+[a-z]?(bis|ter|quater)?$' }), 'Instrument article, e.g. untoc:18.'),
    crime: many(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }), 'Crime type code.'),
    cooperation: many(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }), 'Cooperation type code, e.g. mla.'),
    issue: many(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }), 'Cross-cutting issue code.'),
    measure: many(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }), 'Measure code.'),
    year: many(Type.String({ pattern: '^[0-9]{4}$' }), 'Year of the entry\u2019s primary date.'),
    lang: many(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), 'Language of a published version (BCP 47), e.g. fr.'),
    hl: Type.Optional(Type.Enum([...LANGS], { description: 'Interface language: analysis of q, titles, snippets, facet labels and result URLs. Default en.' })),
    sort: Type.Optional(Type.Enum(['relevance', 'date'], { description: 'relevance (default with q) or date (newest first; default without q).' })),
    page: Type.Optional(Type.Integer({ minimum: 1, description: 'Page number, from 1.' })),
    per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PER_PAGE, description: `Results per page, at most ${MAX_PER_PAGE}; default 20.` })),
    verbatim: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true')], { description: 'Search q as typed: no automatic spelling correction when it finds nothing.' })),
  },
  { additionalProperties: false },
);

const FacetValue = Type.Object({
  value: Type.String(),
  label: Type.String({ description: 'Label in the hl language' }),
  count: Type.Integer({ description: 'Matching entries with this value, counting every filter except this facet\u2019s own' }),
});

const Result = Type.Object({
  type: Type.Enum([...SEARCH_TYPES]),
  id: Type.String(),
  title: Type.String({ description: 'Title in the hl language when published, else a fallback language (see lang)' }),
  snippet: Type.String({ description: 'Extract of the displayed version around the matches, plain text' }),
  snippet_html: Type.String({ description: 'The same extract, HTML-escaped, with matches in <mark>' }),
  country: Type.Union([Type.String(), Type.Null()]),
  date: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  url: Type.String({ description: 'Path of the entry page in the hl language' }),
  lang: Type.String({ description: 'Language of the displayed title and snippet' }),
  demo: Type.Boolean({ description: 'Synthetic demonstration entry' }),
  machine_translated: Type.Boolean({ description: 'The displayed version is an unreviewed machine translation' }),
  context: Type.Union([Type.String(), Type.Null()], { description: 'Article reference and law, court and case number, or treaty short name' }),
});

const Response = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  per_page: Type.Integer(),
  results: Type.Array(Result),
  facets: Type.Object(Object.fromEntries(FACETS.map((f) => [f, Type.Array(FacetValue)]))),
  q: Type.String({ description: 'The query the results are for: q as given, or its spelling correction when q found nothing (see corrected_from)' }),
  corrected_from: Type.Optional(Type.String({ description: 'Present when q found nothing and the results are those of its spelling correction: the q given' })),
  suggestion: Type.Optional(
    Type.Object(
      { q: Type.String({ description: 'The query with misspelt words replaced by similar indexed words' }), words: Type.Array(Type.String(), { description: 'The replacing words' }), confident: Type.Boolean({ description: 'Close enough that a query finding nothing shows the suggestion\u2019s results (corrected_from)' }) },
      { description: '"Did you mean": offered when the query found fewer than 3 results' },
    ),
  ),
  expanded: Type.Array(Type.String(), { description: 'Equivalent terms of the curators’ thesaurus that were searched for too (abbreviations, synonyms)' }),
});

export const searchApi: RoutePlugin = async (app) => {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search legislation, case law, treaties and strategies',
        description:
          'Full-text search across the four databases of the knowledge portal with facets. Values within one facet are combined with OR, facets with AND; each facet\u2019s counts apply all filters except its own. Sorted by relevance when q is given, else by date. Every search is recorded anonymously (query, filters, total, duration) for statistics.',
        querystring: Querystring,
        response: { 200: Response },
      },
    },
    async (request) => {
      const parsed = parseSearchParams(request.query as Record<string, unknown>);
      if (!parsed.ok) throw new ValidationError(parsed.issues);
      const outcome = await runSearch(app.db, parsed.value, { source: 'api', log: request.log });
      return {
        total: outcome.total,
        page: outcome.page,
        per_page: outcome.per_page,
        results: outcome.results,
        facets: outcome.facets,
        q: outcome.q,
        expanded: outcome.expanded,
        ...(outcome.corrected_from !== undefined ? { corrected_from: outcome.corrected_from } : {}),
        ...(outcome.suggestion ? { suggestion: outcome.suggestion } : {}),
      };
    },
  );
};
