/**
 * SQL of searching: analysing query terms, facet counts, the page of results, snippets, labels,
 * and the search log. User input only ever reaches the database as bound parameters; column
 * names come from the constant FACET_COLUMNS.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import { SIMPLE_CONFIG } from '../domain/text.js';
import { FACETS, type FacetName, type Filters } from '../domain/params.js';
import { TOTAL_KEY, facetKey, type SearchType } from '../domain/document.js';
import type { SearchContext } from '../tables.js';
import { rankLimits } from '../domain/ranked.js';
import { titleRankSql, wholeRankSql } from './rank-sql.js';

/**
 * Analyse each term with the query language's configuration and with palermo_simple: a quoted
 * phrase with phraseto_tsquery (word order, checked against positions), a plain term with
 * plainto_tsquery (its parts ANDed: "e-mail", CJK bigrams), which the GIN index answers exactly.
 */
export async function analyseTerms(
  db: Kysely<DB>,
  config: string,
  terms: readonly { stem: string; exact: string; phrase: boolean }[],
): Promise<{ stem: string; exact: string }[]> {
  if (!terms.length) return [];
  const r = await sql<{ stem: string; exact: string }>`
    SELECT CASE WHEN t.p THEN phraseto_tsquery(${config}::regconfig, t.s) ELSE plainto_tsquery(${config}::regconfig, t.s) END::text AS stem,
           CASE WHEN t.p THEN phraseto_tsquery(${SIMPLE_CONFIG}::regconfig, t.e) ELSE plainto_tsquery(${SIMPLE_CONFIG}::regconfig, t.e) END::text AS exact
    FROM unnest(${terms.map((t) => t.stem)}::text[], ${terms.map((t) => t.exact)}::text[], ${terms.map((t) => t.phrase)}::boolean[]) WITH ORDINALITY AS t(s, e, p, ord)
    ORDER BY t.ord`.execute(db);
  return r.rows;
}

/**
 * A filter: the type column (so the (type, date) index serves database pages), every other facet
 * through facet_keys (GIN-indexed). Values of one facet are alternatives (OR).
 */
function facetCondition(facet: FacetName, values: readonly string[]): RawBuilder<boolean> {
  if (facet === 'type') return sql<boolean>`d.type = ANY(${[...values]}::text[])`;
  return sql<boolean>`d.facet_keys && ${values.map((v) => facetKey(facet, v))}::text[]`;
}

function textCondition(tsquery: string | undefined): RawBuilder<boolean> {
  return tsquery === undefined ? sql<boolean>`true` : sql<boolean>`m.document @@ ${tsquery}::tsquery`;
}

/** The documents (d), with their full-text vectors (m, search_match) when there is query text. */
function documents(tsquery: string | undefined): RawBuilder<unknown> {
  return tsquery === undefined ? sql`search_documents d` : sql`search_documents d JOIN search_match m ON m.doc_no = d.doc_no`;
}

const and = (conds: RawBuilder<boolean>[]) => (conds.length ? sql<boolean>`${sql.join(conds, sql` AND `)}` : sql<boolean>`true`);

export interface FacetCount {
  /** '' for the total (all filters applied). */
  facet: FacetName | '';
  value: string;
  count: number;
}

/**
 * Facet counts in one pass over the matching documents: each facet is counted with every filter
 * except its own, and the total with all of them. A document failing exactly one filter counts
 * only in that filter's facet; one failing two counts nowhere and is left out early.
 */
export async function facetCounts(db: Kysely<DB>, tsquery: string | undefined, filters: Filters): Promise<FacetCount[]> {
  const rows = (await facetCountsQuery(tsquery, filters).execute(db)).rows;
  return rows.map((r) => {
    if (r.key === TOTAL_KEY) return { facet: '', value: '', count: r.count };
    const i = r.key.indexOf(':');
    return { facet: r.key.slice(0, i) as FacetName, value: r.key.slice(i + 1), count: r.count };
  });
}

export function facetCountsQuery(tsquery: string | undefined, filters: Filters): RawBuilder<{ key: string; count: number }> {
  const active = FACETS.filter((f) => filters[f].length).map((f) => ({ facet: f, cond: facetCondition(f, filters[f]) }));
  if (!active.length) {
    return sql`
      SELECT s.k AS key, count(*)::int AS count
      FROM (SELECT unnest(d.facet_keys) AS k FROM ${documents(tsquery)} WHERE ${textCondition(tsquery)}) s
      GROUP BY s.k`;
  }
  const failed = sql`CASE ${sql.join(active.map((a) => sql`WHEN NOT (${a.cond}) THEN ${`${a.facet}:`}::text`), sql` `)} END`;
  const prefilter =
    active.length >= 2 ? sql<boolean>`(${sql.join(active.map((a) => sql`(${a.cond})::int`), sql` + `)}) >= ${active.length - 1}` : sql<boolean>`true`;
  return sql`
    SELECT s.k AS key, count(*)::int AS count
    FROM (
      SELECT unnest(x.facet_keys) AS k, x.failed
      -- OFFSET 0 keeps this subquery apart, so "failed" is computed once per document, not once per key.
      FROM (SELECT d.facet_keys, ${failed} AS failed FROM ${documents(tsquery)} WHERE ${textCondition(tsquery)} AND ${prefilter} OFFSET 0) x
    ) s
    WHERE s.failed IS NULL OR starts_with(s.k, s.failed)
    GROUP BY s.k`;
}

/**
 * Within a transaction: let text queries use the GIN index even when they match most documents.
 * The planner prices @@ as cheap, but on a sequential scan it decompresses every tsvector, which
 * costs far more than a bitmap scan of the index (exact for non-phrase queries, no recheck).
 */
export async function preferIndexScans(trx: Kysely<DB>): Promise<void> {
  await sql`SET LOCAL enable_seqscan = off`.execute(trx);
}

export interface ResultRow {
  /** documentKey of the document. */
  doc_key: string;
  entry_id: string | null;
  provider_id: string | null;
  type: SearchType;
  country: string | null;
  date: string | null;
  demo: boolean;
  titles: Record<string, string>;
  mt_langs: string[];
  context: SearchContext;
}

/** One page of matching documents, by relevance (whole-entry and title ranks, then date; title-rank.ts) or by date (newest first). */
export async function resultPage(
  db: Kysely<DB>,
  tsquery: string | undefined,
  filters: Filters,
  options: { byRelevance: boolean; limit: number; offset: number },
): Promise<ResultRow[]> {
  return (await resultPageQuery(tsquery, filters, options).execute(db)).rows;
}

export function resultPageQuery(tsquery: string | undefined, filters: Filters, options: { byRelevance: boolean; limit: number; offset: number }): RawBuilder<ResultRow> {
  const conds = FACETS.filter((f) => filters[f].length).map((f) => facetCondition(f, filters[f]));
  const rank = options.byRelevance && tsquery !== undefined;
  if (rank) {
    // The order of the in-memory path (title-rank.ts): at most rankLimits.whole matches all by
    // whole-entry rank; more by title rank, with the first rankLimits.head by whole-entry rank.
    const q = sql`${tsquery}::tsquery`;
    const whole = wholeRankSql(sql`h.document`, sql`h.rank_vector`, q);
    return sql<ResultRow>`
      SELECT h.doc_key, h.entry_id, h.provider_id, h.type, h.country, h.date, h.demo, h.titles, h.mt_langs, h.context
      FROM (SELECT d.doc_key, d.entry_id, d.provider_id, d.type, d.country, d.date, d.demo, d.titles, d.mt_langs, d.context, m.document, m.rank_vector,
                   row_number() OVER (ORDER BY ${titleRankSql(sql`m.rank_vector`, q)} DESC, d.date DESC NULLS LAST, d.doc_key) AS pos,
                   count(*) OVER () AS n
            FROM ${documents(tsquery)}
            WHERE ${textCondition(tsquery)} AND ${and(conds)}) h
      CROSS JOIN LATERAL (SELECT h.n <= ${rankLimits.whole} OR h.pos <= ${rankLimits.head} AS yes) head
      ORDER BY head.yes DESC, CASE WHEN head.yes THEN ${whole} END DESC,
               CASE WHEN head.yes THEN h.date END DESC NULLS LAST, CASE WHEN head.yes THEN h.doc_key END, h.pos
      LIMIT ${options.limit} OFFSET ${options.offset}`;
  }
  const order = sql`d.date DESC NULLS LAST, d.doc_key`;
  return sql<ResultRow>`
    SELECT d.doc_key, d.entry_id, d.provider_id, d.type, d.country, d.date, d.demo, d.titles, d.mt_langs, d.context
    FROM ${documents(tsquery)}
    WHERE ${textCondition(tsquery)} AND ${and(conds)}
    ORDER BY ${order}
    LIMIT ${options.limit} OFFSET ${options.offset}`;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a query built here, as text lines (for benchmarks and diagnosis). */
export async function explain(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<string[]> {
  const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${query}`.execute(db);
  return r.rows.map((row) => row['QUERY PLAN']);
}

export interface SnippetRequest {
  entryId: string;
  /** The beginning of the language version's text (knowledge's textExcerpts). */
  text: string;
  config: string;
  /** Return the text itself (CJK, or no query): the application cuts and highlights it. */
  raw: boolean;
}

/** Selection markers of ts_headline, removed from the text first so they only ever mark matches. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Characters of the text returned as it is (raw, or nothing to highlight). */
export const RAW_SNIPPET_CHARS = 2000;

/**
 * Snippets of the displayed language versions: ts_headline with the positive query terms analysed
 * in the language of each version, or the beginning of the text when `raw`.
 */
export async function snippets(db: Kysely<DB>, requests: readonly SnippetRequest[], terms: readonly string[]): Promise<Map<string, { text: string; headline: boolean }>> {
  if (!requests.length) return new Map();
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const r = await sql<{ entry_id: string; snippet: string | null; headline: boolean }>`
    SELECT r.entry_id,
           CASE WHEN r.raw OR hq.q IS NULL THEN left(r.txt, ${RAW_SNIPPET_CHARS}) ELSE ts_headline(r.cfg::regconfig, r.txt, hq.q, ${options}) END AS snippet,
           (NOT r.raw AND hq.q IS NOT NULL) AS headline
    FROM unnest(${requests.map((q) => q.entryId)}::text[], ${requests.map((q) => q.text)}::text[], ${requests.map((q) => q.config)}::text[], ${requests.map((q) => q.raw)}::boolean[])
      AS r(entry_id, txt, cfg, raw)
    LEFT JOIN LATERAL (
      SELECT string_agg('(' || pq::text || ')', ' | ')::tsquery AS q
      FROM unnest(${[...terms]}::text[]) AS term
      CROSS JOIN LATERAL phraseto_tsquery(r.cfg::regconfig, term) AS pq
      WHERE NOT r.raw AND numnode(pq) > 0
    ) hq ON true`.execute(db);
  return new Map(r.rows.map((row) => [row.entry_id, { text: row.snippet ?? '', headline: row.headline }]));
}

export interface SearchLogRow {
  query: string;
  hl: string;
  filters: Record<string, string[]>;
  sort: 'relevance' | 'date';
  page: number;
  total: number;
  duration_ms: number;
  source: 'api' | 'page';
}

export async function insertSearchLog(db: Kysely<DB>, row: SearchLogRow): Promise<void> {
  await db
    .insertInto('search_queries')
    .values({ ...row, filters: json(row.filters) })
    .execute();
}
