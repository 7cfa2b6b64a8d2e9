/**
 * SQL of the in-memory term index (term-index.ts): the documents matching each of some lexemes or
 * phrases, the documents changed since a generation with the held ones they now match, title ranks
 * through the title-vector index, and checking phrase candidates. Each read is one statement, so
 * the generation it returns describes exactly what it read.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { quoteLexeme } from '../domain/tsquery.js';
import type { TitleRanks } from './matches.js';
import { GENERATION, changedSince, prunedSince } from './generation.js';
import { titleRankSql, wholeRankSql } from './rank-sql.js';

/**
 * Documents matching each of `queries` (int4 doc_no each), by key, read through the GIN index
 * (call within preferIndexScans). Keys stay here: only the tsquery texts are sent.
 */
export async function postingsOf(db: Kysely<DB>, queries: readonly { key: string; tsquery: string }[]): Promise<{ generation: string; documents: number; postings: Map<string, Buffer> }> {
  const r = await sql<{ generation: string; documents: number; postings: { i: number; d: string | null }[] | null }>`
    SELECT ${GENERATION} AS generation,
           (SELECT count(*)::int FROM search_match) AS documents,
           (SELECT json_agg(json_build_object('i', l.i, 'd', encode(
              (SELECT string_agg(int4send(m.doc_no), ''::bytea) FROM search_match m WHERE m.document @@ l.q::tsquery), 'base64')))
            FROM unnest(${queries.map((q) => q.tsquery)}::text[]) WITH ORDINALITY AS l(q, i)) AS postings`.execute(db);
  const row = r.rows[0]!;
  return {
    generation: row.generation,
    documents: row.documents,
    postings: new Map((row.postings ?? []).map((p) => [queries[p.i - 1]!.key, Buffer.from(p.d ?? '', 'base64')])),
  };
}

/** A lexeme as a postingsOf query, keyed by itself. */
export const lexemeQuery = (lexeme: string) => ({ key: lexeme, tsquery: quoteLexeme(lexeme) });

/** Documents holding each lexeme: postingsOf keyed by lexeme. */
export const lexemePostings = (db: Kysely<DB>, lexemes: readonly string[]) => postingsOf(db, lexemes.map(lexemeQuery));

export interface Changes {
  generation: string;
  /** Distinct documents changed since; undefined when more than the limit (not read). */
  changed: { docNo: number; lexemes: string[]; phrases: string[]; ranks: [tsquery: string, rank: number][] }[] | undefined;
  /** The table was truncated since. */
  truncated: boolean;
  /** The log no longer reaches back to the generation asked about. */
  pruned: boolean;
  /** Whether the phrases and ranks were checked (at most `checkLimit` documents changed); if not, only the lexemes are told. */
  checked: boolean;
}

/** What the term index holds: lexemes, phrases (tsquery texts), queries ranked (tsquery texts, with the alternatives of their lexemes). */
export interface HeldKeys {
  lexemes: readonly string[];
  phrases: readonly string[];
  ranked: readonly { tsquery: string; anyLexeme: string }[];
}

/**
 * Documents changed after generation `since` (at most `limit`), each with the `lexemes` it holds
 * now, the `phrases` it matches now, and its title rank for each of the `ranked` queries whose
 * title ranks it belongs to now (as titleRanks ranks them). Phrases and ranks cost a look at each
 * document's vectors per key: they are checked only when at most `checkLimit` documents changed.
 */
export async function changesSince(db: Kysely<DB>, since: string, held: HeldKeys, limit: number, checkLimit: number): Promise<Changes> {
  const r = await sql<{ generation: string; n: number; truncated: boolean; pruned: boolean; changed: [number, string[] | null, number[] | null, [number, number][] | null][] | null }>`
    WITH c AS (${changedSince(since)})
    SELECT ${GENERATION} AS generation,
           (SELECT count(*)::int FROM c) AS n,
           EXISTS (SELECT 1 FROM c WHERE c.doc_no = -1) AS truncated,
           ${prunedSince(since)} AS pruned,
           CASE WHEN (SELECT count(*) FROM c) <= ${limit} THEN
             (SELECT json_agg(json_build_array(c.doc_no,
                (SELECT array_agg(u.lexeme) FROM unnest(m.document) AS u WHERE u.lexeme = ANY(${[...held.lexemes]}::text[])),
                CASE WHEN (SELECT count(*) FROM c) <= ${checkLimit} THEN
                  (SELECT array_agg(p.i) FROM unnest(${[...held.phrases]}::text[]) WITH ORDINALITY AS p(q, i) WHERE m.document @@ p.q::tsquery) END,
                CASE WHEN (SELECT count(*) FROM c) <= ${checkLimit} THEN
                  (SELECT json_agg(json_build_array(k.i, ${titleRankSql(sql`m.rank_vector`, sql`k.q::tsquery`)}))
                     FROM unnest(${held.ranked.map((k) => k.tsquery)}::text[], ${held.ranked.map((k) => k.anyLexeme)}::text[]) WITH ORDINALITY AS k(q, a, i)
                    WHERE m.rank_vector @@ k.a::tsquery OR length(m.rank_vector) = 0) END))
              FROM c LEFT JOIN search_match m ON m.doc_no = c.doc_no WHERE c.doc_no >= 0)
           END AS changed`.execute(db);
  const row = r.rows[0]!;
  const fits = row.n <= limit;
  return {
    generation: row.generation,
    truncated: row.truncated,
    pruned: row.pruned,
    checked: row.n <= checkLimit,
    changed: fits ? (row.changed ?? []).map(([docNo, lexemes, phrases, ranks]) => ({
          docNo,
          lexemes: lexemes ?? [],
          phrases: (phrases ?? []).map((i) => held.phrases[i - 1]!),
          ranks: (ranks ?? []).map(([i, rank]): [string, number] => [held.ranked[i - 1]!.tsquery, Math.fround(rank)]),
        })) : undefined,
  };
}

/**
 * Title ranks for a tsquery: int4 doc_no + float4 titleRankSql of every document (or of those `only`)
 * whose title vector holds one of `anyLexeme` (a tsquery of alternatives) or is empty, whether it
 * matches or not;
 * with `base_rank`, the rank of a title holding none.
 */
export async function titleRanks(db: Kysely<DB>, tsquery: string, anyLexeme: string, only?: Int32Array): Promise<{ generation: string } & TitleRanks> {
  // Few documents: rank those (by number); else every title holding a query word (title-vector index).
  const among = only ? sql`d.doc_no = ANY(${Array.from(only)}::int[]) AND` : sql``;
  const r = await sql<{ generation: string; ranked: Buffer | null; base_rank: number }>`
    SELECT ${GENERATION} AS generation,
           (SELECT string_agg(int4send(d.doc_no) || float4send(${titleRankSql(sql`d.rank_vector`, sql`${tsquery}::tsquery`)}), ''::bytea)
              FROM search_match d WHERE ${among} (d.rank_vector @@ ${anyLexeme}::tsquery OR length(d.rank_vector) = 0)) AS ranked,
           ${titleRankSql(sql`'''~'''::tsvector`, sql`${tsquery}::tsquery`)} AS base_rank`.execute(db);
  const row = r.rows[0]!;
  return { generation: row.generation, ranked: row.ranked ?? Buffer.alloc(0), baseRank: Math.fround(Number(row.base_rank)) };
}

/**
 * Whole-entry ranks of some documents: int4 doc_no + float4 wholeRankSql each
 * (the full vector: title, summary, body and labels with their weights). Read by number, so the
 * vectors of these documents only are decompressed.
 */
export async function wholeRanks(db: Kysely<DB>, tsquery: string, docNos: Int32Array | number[]): Promise<{ generation: string; ranked: Buffer }> {
  const r = await sql<{ generation: string; ranked: Buffer | null }>`
    SELECT ${GENERATION} AS generation,
           (SELECT string_agg(int4send(d.doc_no) || float4send(${wholeRankSql(sql`d.document`, sql`d.rank_vector`, sql`${tsquery}::tsquery`)}), ''::bytea)
              FROM search_match d WHERE d.doc_no = ANY(${Array.from(docNos)}::int[])) AS ranked`.execute(db);
  const row = r.rows[0]!;
  return { generation: row.generation, ranked: row.ranked ?? Buffer.alloc(0) };
}

/** The candidates (doc_no) that match `tsquery` (phrases checked against word positions). */
export async function checkCandidates(db: Kysely<DB>, tsquery: string, candidates: Int32Array): Promise<{ generation: string; matches: Buffer }> {
  const r = await sql<{ generation: string; matches: Buffer | null }>`
    SELECT ${GENERATION} AS generation,
           (SELECT string_agg(int4send(d.doc_no), ''::bytea) FROM search_match d
             WHERE d.doc_no = ANY(${Array.from(candidates)}::int[]) AND d.document @@ ${tsquery}::tsquery) AS matches`.execute(db);
  const row = r.rows[0]!;
  return { generation: row.generation, matches: row.matches ?? Buffer.alloc(0) };
}
