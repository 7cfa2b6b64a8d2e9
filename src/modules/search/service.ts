/**
 * Search across the knowledge portal: parse the query, analyse its terms in the interface
 * language, count facets, fetch one page of results with snippets, label everything in the
 * reader's language; and record each search for curators' statistics.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { pickLocalized } from '../../platform/i18n/languages.js';
import { entryPath, excerptKey, textExcerpts } from '../knowledge/index.js';
import { providerPath } from '../providers/index.js';
import type { SearchType } from './domain/document.js';
import { buildTsQuery, parseQuery, termTexts } from './domain/query.js';
import { activeFilters, effectiveSort, type Filters, type SearchParams, type SortOrder } from './domain/params.js';
import { UN_CONFIGS, cleanText, configFor } from './domain/text.js';
import { frameSnippet, leadSnippet, partsFromHeadline, snippetHtml, snippetText, substringSnippet, type SnippetPart } from './domain/snippet.js';
import { labelFacets, type Facets } from './facets.js';
import { cachedCounts, cachedMatch, cachedTerms, facetIndex, keepCounts, keepMatch } from './facet-cache.js';
import { MARK_END, MARK_START, RAW_SNIPPET_CHARS, analyseTerms, facetCounts, insertSearchLog, preferIndexScans, resultPage, snippets, type FacetCount, type ResultRow } from './repository/search.js';
import { matchDocuments, rowsByNumber, type PackedMatch } from './repository/matches.js';
import { readGeneration } from './repository/generation.js';
import { termIndexAt } from './term-cache.js';
import { RETRY, matchWithTerms } from './term-match.js';
import { rankEligible, rankLimits, rankWhole, rankedWhole } from './title-rank.js';
import { observeSearch } from '../../platform/metrics.js';
import { inSpan } from '../../platform/tracing.js';
import { expandTerms } from './thesaurus.js';
import { SUGGEST_BELOW, suggestQuery, type Suggestion } from './suggest.js';

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  snippet: string;
  snippet_html: string;
  /** The snippet as parts (pages render <mark> from these; nothing is inserted as raw HTML). */
  snippet_parts: SnippetPart[];
  country: string | null;
  date: string | null;
  url: string;
  /** Language of the displayed version (title and snippet). */
  lang: string;
  demo: boolean;
  machine_translated: boolean;
  /** Article reference and law, court and case number, or treaty short name. */
  context: string | null;
}

export interface SearchOutcome {
  total: number;
  page: number;
  per_page: number;
  sort: SortOrder;
  results: SearchHit[];
  facets: Facets;
  /** Thesaurus equivalents the query's terms were expanded with (also searched for). */
  expanded: string[];
  /** "Did you mean": the query with misspelt words replaced, when it found fewer than SUGGEST_BELOW results. */
  suggestion?: Suggestion;
  /** The query as typed, when it found nothing and the results are those of its spelling suggestion (whose text the results are for). */
  corrected_from?: string;
  /** The query text the results are for (the suggestion's when corrected). */
  q: string;
  /** False when the query text had nothing searchable (e.g. only stop words): every entry is listed. */
  query_used: boolean;
  duration_ms: number;
}

/** Characters of a language version read to build its snippet. */
const SNIPPET_SOURCE_CHARS = 20_000;

const CJK_LANGS = new Set(['zh', 'ja', 'ko']);
const isCjkLang = (lang: string) => CJK_LANGS.has(lang.toLowerCase().split('-')[0] ?? '');

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');

/**
 * Snippets of the shown language versions: their texts from knowledge (one query), then ts_headline
 * over them (one more, only when highlighting a non-CJK text); raw texts are cut here.
 */
async function snippetsOf(db: Kysely<DB>, shown: readonly { entryId: string; lang: string }[], highlighting: boolean, terms: readonly string[]): Promise<Map<string, { text: string; headline: boolean; source?: string }>> {
  const requests = shown.map(({ entryId, lang }) => ({ entryId, lang, config: configFor(lang), raw: !highlighting || isCjkLang(lang) }));
  const texts = await textExcerpts(db, requests.map((r) => ({ entryId: r.entryId, lang: r.lang, maxChars: r.raw ? RAW_SNIPPET_CHARS : SNIPPET_SOURCE_CHARS })));
  const held = requests.flatMap((r) => {
    const text = texts.get(excerptKey(r.entryId, r.lang));
    return text === undefined ? [] : [{ entryId: r.entryId, text: text.replace(MARKS, ' '), config: r.config, raw: r.raw }];
  });
  if (held.every((r) => r.raw)) return new Map(held.map((r) => [r.entryId, { text: r.text, headline: false }]));
  // The source text is kept to frame each headline (sentence start, ellipses where cut).
  const sources = new Map(held.map((r) => [r.entryId, r.text]));
  const made = await snippets(db, held, terms);
  return new Map([...made].map(([id, s]) => [id, { ...s, source: sources.get(id) ?? '' }]));
}

/**
 * Run a search (read-only). A query that finds nothing while a spelling suggestion would find
 * something shows the suggestion's results instead (corrected_from names what was typed).
 */
export async function search(db: Kysely<DB>, params: SearchParams): Promise<SearchOutcome> {
  const started = performance.now();
  const outcome = await searchOnce(db, params);
  if (outcome.total > 0 || params.verbatim || !outcome.suggestion?.confident) return outcome;
  const corrected = await searchOnce(db, { ...params, q: outcome.suggestion.q });
  if (!corrected.total) return outcome;
  const { suggestion: _none, ...rest } = corrected;
  return { ...rest, corrected_from: params.q, expanded: [...new Set([...outcome.expanded, ...corrected.expanded])], duration_ms: Math.round(performance.now() - started) };
}

async function searchOnce(db: Kysely<DB>, params: SearchParams): Promise<SearchOutcome> {
  const started = performance.now();
  const { query: parsed, equivalents } = await expandTerms(db, parseQuery(params.q));
  const texts = termTexts(parsed);
  const analysed = await cachedTerms(db, JSON.stringify([UN_CONFIGS[params.hl], texts]), () => analyseTerms(db, UN_CONFIGS[params.hl], texts));
  const built = buildTsQuery(parsed, analysed, equivalents);
  const sort = effectiveSort(params);

  const byRelevance = sort === 'relevance' && built.positive;
  const window = { offset: (params.page - 1) * params.perPage, limit: params.perPage };
  const { counts, total, rows } = (await searchInMemory(db, built.tsquery, params.filters, byRelevance, window)) ?? (await searchInSql(db, built.tsquery, params.filters, byRelevance, window));

  // Display language of each result: the reader's, or a filtered language, then the usual fallbacks.
  const preferred = params.filters.lang.length ? (params.filters.lang.includes(params.hl) ? [params.hl, ...params.filters.lang] : [...params.filters.lang, params.hl]) : [params.hl];
  const shown = rows.map((row) => pickLocalized(row.titles, preferred[0]!, [...preferred.slice(1), 'en', 'fr', 'es']) ?? { text: row.entry_id ?? row.provider_id ?? row.doc_key, lang: params.hl });
  const highlighting = Boolean(built.tsquery && built.positive);
  // Snippets come from the texts of entries; a provider shows its services and legal entity instead.
  const snippetTexts = await snippetsOf(db, rows.flatMap((row, i) => (row.entry_id ? [{ entryId: row.entry_id, lang: shown[i]!.lang }] : [])), highlighting, built.highlight);
  const facets = await labelFacets(db, counts, params.filters, params.hl);

  const results = rows.map((row, i): SearchHit => {
    const { text: title, lang } = shown[i]!;
    const s = row.entry_id ? snippetTexts.get(row.entry_id) : undefined;
    let parts: SnippetPart[] = [];
    if (s) {
      if (s.headline) parts = frameSnippet(partsFromHeadline(s.text, MARK_START, MARK_END), s.source ?? '');
      else if (highlighting) parts = substringSnippet(s.text, [...built.highlightCjk, ...built.highlight]);
      else parts = leadSnippet(s.text);
    }
    const context = row.context.ref ?? null;
    const lawTitle = pickLocalized(row.context.titles, lang)?.text;
    return {
      type: row.type,
      id: row.entry_id ?? row.provider_id ?? row.doc_key,
      title,
      snippet: snippetText(parts),
      snippet_html: snippetHtml(parts),
      snippet_parts: parts,
      country: row.country,
      date: row.date,
      url: `/${params.hl}${row.type === 'provider' || !row.entry_id ? providerPath(row.provider_id ?? '') : entryPath(row.type, row.entry_id)}`,
      lang,
      demo: row.demo,
      machine_translated: row.mt_langs.includes(lang),
      context: [context, lawTitle].filter(Boolean).join(' — ') || null,
    };
  });
  const suggestion = total < SUGGEST_BELOW && built.positive ? await suggestQuery(db, params.q, parsed) : undefined;
  return {
    total,
    page: params.page,
    per_page: params.perPage,
    sort,
    results,
    facets,
    q: params.q,
    expanded: [...new Set(equivalents.flat().map((e) => e.text))],
    ...(suggestion ? { suggestion } : {}),
    query_used: built.tsquery !== undefined || !params.q.trim(),
    duration_ms: Math.round(performance.now() - started),
  };
}

interface Found {
  counts: FacetCount[];
  total: number;
  rows: ResultRow[];
}

/**
 * Match in memory from the term index (or in the database when it cannot), or take the cached
 * match of this query, then count, filter and order in memory with the facet index of the same
 * generation; a page by relevance ranks the matches that passed the filters (title-rank.ts).
 * Undefined while the index is read again after a change, or when the documents kept changing
 * under the search: then SQL answers.
 */
async function searchInMemory(db: Kysely<DB>, tsquery: string | undefined, filters: Filters, byRelevance: boolean, window: { offset: number; limit: number }): Promise<Found | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const generation = await readGeneration(db);
    const index = await facetIndex(db, generation);
    if (!index) return undefined; // being read again after a change
    if (index.generation !== generation) continue;
    let match: PackedMatch | undefined;
    if (tsquery) {
      match = cachedMatch(db, generation, tsquery);
      if (!match) {
        const terms = await termIndexAt(db, generation);
        const inMemory = terms ? await matchWithTerms(db, terms, index, tsquery) : undefined;
        if (inMemory === RETRY) continue;
        match =
          inMemory ??
          (await inTransaction(db, async (trx) => {
            await preferIndexScans(trx);
            return matchDocuments(trx, tsquery);
          }));
        if (match.generation !== generation) continue;
        keepMatch(db, tsquery, match);
      }
    }
    // Counts, filtered matches and their ranks are kept too: the next page of the same search only orders.
    const countsKey = `${tsquery ?? ''}\u0000${JSON.stringify(filters)}`;
    let counted = cachedCounts(db, generation, countsKey);
    if (!counted) {
      const matches = match ? index.indexesOf(match.matches) : index.all();
      if (!matches) continue;
      counted = { generation, ...index.count(matches, filters) };
      keepCounts(db, countsKey, counted);
    }
    const { counts, eligible } = counted;
    const ordering = byRelevance && tsquery && window.offset < eligible.length;
    if (ordering && !counted.ranks) {
      // Few matches: all ranked on the whole entry. Many: title ranks, then the head of that order on the whole entry.
      const whole = rankedWhole(eligible.length);
      const ranks = whole
        ? await rankWhole(db, generation, tsquery, index.docNumbers(eligible))
        : await rankEligible(db, generation, tsquery, index.docNumbers(eligible), await termIndexAt(db, generation));
      if (!ranks) continue;
      const rescored = whole ? undefined : await rankWhole(db, generation, tsquery, index.page(eligible, { offset: 0, limit: rankLimits.head, ranks }));
      if (!whole && !rescored) continue;
      counted = { ...counted, ranks, ...(rescored ? { rescored } : {}) };
      keepCounts(db, countsKey, counted);
    }
    const docNos = window.offset < eligible.length ? index.page(eligible, { ...window, ...(ordering ? { ranks: counted.ranks, rescored: counted.rescored } : {}) }) : [];
    const rows = await rowsByNumber(db, docNos);
    if (rows.length !== docNos.length) continue; // removed meanwhile
    return { counts, total: eligible.length, rows };
  }
  return undefined;
}

/** The same in SQL: one pass over the matches for the facets, one for the page. */
async function searchInSql(db: Kysely<DB>, tsquery: string | undefined, filters: Filters, byRelevance: boolean, window: { offset: number; limit: number }): Promise<Found> {
  return inTransaction(db, async (trx) => {
    if (tsquery) await preferIndexScans(trx);
    const counts = await facetCounts(trx, tsquery, filters);
    const total = counts.find((c) => c.facet === '')?.count ?? 0;
    const rows = window.offset < total ? await resultPage(trx, tsquery, filters, { byRelevance: byRelevance && tsquery !== undefined, ...window }) : [];
    return { counts, total, rows };
  });
}

export interface SearchLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Search, then log it (structured line) and record it in search_queries. A failure to record never fails the search. */
export async function runSearch(db: Kysely<DB>, params: SearchParams, context: { source: 'api' | 'page'; log: SearchLogger }): Promise<SearchOutcome> {
  const started = performance.now();
  // The span and the metric carry the source only: never the query or the filters.
  const outcome = await inSpan('search', { 'palermo.search.source': context.source }, () => search(db, params));
  observeSearch(context.source, (performance.now() - started) / 1000);
  const filters = activeFilters(params.filters);
  context.log.info(
    { search: { source: context.source, q_length: params.q.length, hl: params.hl, filters, sort: outcome.sort, page: params.page, total: outcome.total, ms: outcome.duration_ms } },
    'search',
  );
  try {
    await insertSearchLog(db, {
      query: cleanText(params.q).trim().slice(0, 1000),
      hl: params.hl,
      filters,
      sort: outcome.sort,
      page: params.page,
      total: outcome.total,
      duration_ms: outcome.duration_ms,
      source: context.source,
    });
  } catch (err) {
    context.log.warn({ err }, 'could not record the search');
  }
  return outcome;
}
