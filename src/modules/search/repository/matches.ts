/**
 * SQL of the in-memory facet index: reading every document's number, date order and facet ids
 * (packed), and matching a tsquery as a packed list of document numbers. Each read is one
 * statement, so the generation it returns describes exactly the documents it read.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { ResultRow } from './search.js';

/** The generation number, read in the same statement as what it describes. */
export const GENERATION = sql<string>`(SELECT s.value #>> '{}' FROM app_settings s WHERE s.key = 'search.generation')`;

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
  return { generation: row.generation ?? '0', facetIds: row.facet_ids ?? [], facetKeys: row.facet_keys ?? [], docs: row.docs ?? Buffer.alloc(0) };
}

/** The statement of loadPackedDocuments (also explained by the search benchmark). */
export function loadPackedDocumentsQuery(): RawBuilder<{ generation: string | null; facet_ids: number[] | null; facet_keys: string[] | null; docs: Buffer | null }> {
  return sql`
    SELECT ${GENERATION} AS generation,
           (SELECT array_agg(v.id ORDER BY v.id) FROM search_facet_values v) AS facet_ids,
           (SELECT array_agg(v.key ORDER BY v.id) FROM search_facet_values v) AS facet_keys,
           (SELECT string_agg(int4send(o.doc_no) || array_send(o.facet_ids), ''::bytea ORDER BY o.pos)
              FROM (SELECT d.doc_no, d.facet_ids, row_number() OVER (ORDER BY d.date DESC NULLS LAST, d.entry_id) AS pos FROM search_documents d) o) AS docs`;
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
  return { generation: row.generation ?? '0', matches: row.matches ?? Buffer.alloc(0) };
}

/** The statement of matchDocuments (also explained by the search benchmark). */
export function matchDocumentsQuery(tsquery: string): RawBuilder<{ generation: string | null; matches: Buffer | null }> {
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
    SELECT d.doc_no, d.entry_id, d.type, d.country, d.date, d.demo, d.titles, d.mt_langs, d.context
    FROM search_documents d WHERE d.doc_no = ANY(${[...docNos]}::int[])`.execute(db);
  const byNo = new Map(r.rows.map(({ doc_no, ...row }) => [doc_no, row]));
  return docNos.flatMap((n) => byNo.get(n) ?? []);
}
