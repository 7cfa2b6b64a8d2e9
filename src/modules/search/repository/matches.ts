/**
 * SQL of the in-memory facet index: reading every document's number, date order and facet ids
 * (packed), and matching a tsquery as a packed list of document numbers. Each read is one
 * statement, so the generation it returns describes exactly the documents it read.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { ResultRow } from './search.js';
import { GENERATION, changedSince, prunedSince } from './generation.js';

export interface PackedDocuments {
  generation: string;
  /** Facet value ids and keys (search_facet_values). */
  facetIds: number[];
  facetKeys: string[];
  /**
   * Every document in date order (date descending, nulls last, then entry id): int4 doc_no, then
   * the binary array of its facet ids (array_send: ndim, flags, element type, [size, lower bound], then length + value per element).
   */
  docs: Buffer;
}

export async function loadPackedDocuments(db: Kysely<DB>): Promise<PackedDocuments> {
  const r = await loadPackedDocumentsQuery().execute(db);
  const row = r.rows[0]!;
  return { generation: row.generation, facetIds: row.facet_ids ?? [], facetKeys: row.facet_keys ?? [], docs: row.docs ?? Buffer.alloc(0) };
}

/** The statement of loadPackedDocuments (also explained by the search benchmark). */
export function loadPackedDocumentsQuery(): RawBuilder<{ generation: string; facet_ids: number[] | null; facet_keys: string[] | null; docs: Buffer | null }> {
  return sql`
    SELECT ${GENERATION} AS generation,
           (SELECT array_agg(v.id ORDER BY v.id) FROM search_facet_values v) AS facet_ids,
           (SELECT array_agg(v.key ORDER BY v.id) FROM search_facet_values v) AS facet_keys,
           (SELECT string_agg(int4send(o.doc_no) || array_send(o.facet_ids), ''::bytea ORDER BY o.pos)
              FROM (SELECT d.doc_no, d.facet_ids, row_number() OVER (ORDER BY d.date DESC NULLS LAST, d.doc_key) AS pos FROM search_documents d) o) AS docs`;
}

/** Title ranks: int4 doc_no + float4 ts_rank(rank_vector, q) of some documents; every other ranks `baseRank`. */
export interface TitleRanks {
  ranked: Buffer;
  /** ts_rank of a title without any lexeme of the query. */
  baseRank: number;
}

export interface PackedMatch {
  generation: string;
  /** int4 doc_no of every match. */
  matches: Buffer;
}

/** The documents matching `tsquery`. */
export async function matchDocuments(db: Kysely<DB>, tsquery: string): Promise<PackedMatch> {
  const row = (await matchDocumentsQuery(tsquery).execute(db)).rows[0]!;
  return { generation: row.generation, matches: row.matches ?? Buffer.alloc(0) };
}

/** The statement of matchDocuments (also explained by the search benchmark). */
export function matchDocumentsQuery(tsquery: string): RawBuilder<{ generation: string; matches: Buffer | null }> {
  // search_match is narrow (migration 0047): visiting the row of each of 90,000 matches is cheap.
  return sql`
    SELECT ${GENERATION} AS generation, string_agg(int4send(d.doc_no), ''::bytea) AS matches
    FROM search_match d
    WHERE d.document @@ ${tsquery}::tsquery`;
}

/** The rows of the given documents, in the order given. */
export async function rowsByNumber(db: Kysely<DB>, docNos: readonly number[]): Promise<ResultRow[]> {
  if (!docNos.length) return [];
  const r = await sql<ResultRow & { doc_no: number }>`
    SELECT d.doc_no, d.doc_key, d.entry_id, d.provider_id, d.type, d.country, d.date, d.demo, d.titles, d.mt_langs, d.context
    FROM search_documents d WHERE d.doc_no = ANY(${[...docNos]}::int[])`.execute(db);
  const byNo = new Map(r.rows.map(({ doc_no, ...row }) => [doc_no, row]));
  return docNos.flatMap((n) => byNo.get(n) ?? []);
}

export interface DocumentChanges {
  generation: string;
  /** The table was truncated since. */
  truncated: boolean;
  /** The log no longer reaches back to the generation asked about. */
  pruned: boolean;
  /**
   * Each document changed since (undefined when more than the limit: not read): whether it is
   * still there, its facet ids, and the doc_no of the document that now follows it in date order
   * (null: the last).
   */
  changed: { docNo: number; present: boolean; facetIds: number[]; next: number | null }[] | undefined;
  /** The facet values of the changed documents (ids are drawn by concurrent writers: a new one may be below ids already known). */
  facets: { id: number; key: string }[];
}

/**
 * The documents changed after generation `since` (at most `limit`), with their facet ids and
 * their place in date order (the document after each, found through the date index), and the
 * facet values they hold: what patching the facet index needs. One statement.
 */
export async function documentChangesSince(db: Kysely<DB>, since: string, limit: number): Promise<DocumentChanges> {
  // "After" in ORDER BY date DESC NULLS LAST, doc_key: same date and a greater id; else an earlier
  // date; else (a dated document) the first undated one. Each is one probe of the date index.
  const r = await sql<{ generation: string; n: number; truncated: boolean; pruned: boolean; changed: [number, boolean, number[] | null, number | null][] | null; facets: [number, string][] | null }>`
    WITH c AS (${changedSince(since)})
    SELECT ${GENERATION} AS generation,
           (SELECT count(*)::int FROM c) AS n,
           EXISTS (SELECT 1 FROM c WHERE c.doc_no = -1) AS truncated,
           ${prunedSince(since)} AS pruned,
           CASE WHEN (SELECT count(*) FROM c) <= ${limit} THEN
             (SELECT json_agg(json_build_array(c.doc_no, d.doc_no IS NOT NULL, d.facet_ids, CASE WHEN d.doc_no IS NOT NULL THEN coalesce(
                (SELECT n.doc_no FROM search_documents n WHERE n.date = d.date AND n.doc_key > d.doc_key ORDER BY n.date DESC NULLS LAST, n.doc_key LIMIT 1),
                (SELECT n.doc_no FROM search_documents n WHERE n.date < d.date ORDER BY n.date DESC NULLS LAST, n.doc_key LIMIT 1),
                (SELECT n.doc_no FROM search_documents n WHERE d.date IS NOT NULL AND n.date IS NULL ORDER BY n.date DESC NULLS LAST, n.doc_key LIMIT 1),
                (SELECT n.doc_no FROM search_documents n WHERE d.date IS NULL AND n.date IS NULL AND n.doc_key > d.doc_key ORDER BY n.date DESC NULLS LAST, n.doc_key LIMIT 1)) END))
              FROM c LEFT JOIN search_documents d ON d.doc_no = c.doc_no WHERE c.doc_no >= 0)
           END AS changed,
           CASE WHEN (SELECT count(*) FROM c) <= ${limit} THEN
             (SELECT json_agg(json_build_array(v.id, v.key) ORDER BY v.id) FROM search_facet_values v
               WHERE v.id IN (SELECT unnest(d.facet_ids) FROM c JOIN search_documents d ON d.doc_no = c.doc_no))
           END AS facets`.execute(db);
  const row = r.rows[0]!;
  return {
    generation: row.generation,
    truncated: row.truncated,
    pruned: row.pruned,
    changed: row.n <= limit ? (row.changed ?? []).map(([docNo, present, facetIds, next]) => ({ docNo, present, facetIds: facetIds ?? [], next })) : undefined,
    facets: (row.facets ?? []).map(([id, key]) => ({ id, key })),
  };
}
