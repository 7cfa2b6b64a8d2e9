/**
 * SQL of the relevance ranks (docs/SEARCH.md, "Ranking"), one definition for the statements of
 * the in-memory path (postings.ts) and the SQL path (search.ts), so both order alike. Both ranks
 * are float4, as the in-memory path holds them.
 */
import { sql, type RawBuilder } from 'kysely';
import { WHOLE_RANK_WEIGHTS } from '../domain/ranked.js';

/** 1 when the title alone satisfies the whole query (every word, the phrase, or an alternative of the thesaurus), else 0. */
const wholeQueryInTitle = (titleVector: RawBuilder<unknown>, tsquery: RawBuilder<unknown>) => sql`CASE WHEN ${titleVector} @@ ${tsquery} THEN 1 ELSE 0 END`;

/** Title rank: ts_rank over the title vector, plus 1 when the title holds the whole query. */
export function titleRankSql(titleVector: RawBuilder<unknown>, tsquery: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(ts_rank(${titleVector}, ${tsquery}) + ${wholeQueryInTitle(titleVector, tsquery)})::float4`;
}

/**
 * Whole-entry rank: ts_rank with the field weights (how often and where the words occur), plus
 * the cover density with the same weights, bounded below 1 (normalisation 32: the words close
 * together, as a phrase, count more than the same words far apart), plus 1 when the title holds
 * the whole query (a broad query's entries about it come before those using its words in passing).
 */
export function wholeRankSql(document: RawBuilder<unknown>, titleVector: RawBuilder<unknown>, tsquery: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(ts_rank(${WHOLE_RANK_WEIGHTS}::float4[], ${document}, ${tsquery})
                      + ts_rank_cd(${WHOLE_RANK_WEIGHTS}::float4[], ${document}, ${tsquery}, 32)
                      + ${wholeQueryInTitle(titleVector, tsquery)})::float4`;
}
