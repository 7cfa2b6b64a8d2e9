/** SQL that writes search documents and instrument signatures. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import type { DocumentMeta, Segment } from '../domain/document.js';
import { SIMPLE_CONFIG } from '../domain/text.js';
import { addVocabulary } from './vocabulary.js';

/**
 * Upsert the documents of a batch: the tsvector of each entry is built in the database from its
 * segments (to_tsvector with each segment's configuration and weight, concatenated in order) and
 * stored in search_match beside the document's row, in the same statement.
 */
export async function upsertDocuments(db: Kysely<DB>, metas: readonly DocumentMeta[], segments: readonly Segment[]): Promise<void> {
  if (!metas.length) return;
  // New facet values get an id first (only those missing, so ids stay dense).
  await sql`
    INSERT INTO search_facet_values (key)
    SELECT DISTINCT k FROM unnest(${[...new Set(metas.flatMap((m) => m.facet_keys))]}::text[]) AS k
    WHERE NOT EXISTS (SELECT 1 FROM search_facet_values v WHERE v.key = k)
    ORDER BY k
    ON CONFLICT (key) DO NOTHING`.execute(db);
  await sql`
    WITH seg AS (
      SELECT s.doc_key, search_tsvector_agg(setweight(to_tsvector(s.cfg::regconfig, s.txt), s.w::"char") ORDER BY s.ord) AS document
      FROM unnest(${segments.map((s) => s.key)}::text[], ${segments.map((s) => s.config)}::text[], ${segments.map((s) => s.weight)}::text[], ${segments.map((s) => s.text)}::text[])
        WITH ORDINALITY AS s(doc_key, cfg, w, txt, ord)
      GROUP BY s.doc_key
    ),
    docs AS (
      -- A re-indexed document keeps its number (the sequence is only drawn for new documents).
      INSERT INTO search_documents (entry_id, provider_id, doc_no, type, country, date, demo, titles, mt_langs, context, facet_keys, facet_ids, indexed_at)
      SELECT m.entry_id, m.provider_id, coalesce(old.doc_no, nextval('search_documents_doc_no_seq')::int), m.type, m.country, m.date, m.demo, m.titles, m.mt_langs, m.context, m.facet_keys,
             (SELECT coalesce(array_agg(f.id ORDER BY f.id), '{}') FROM search_facet_values f WHERE f.key = ANY (m.facet_keys)), now()
      FROM jsonb_to_recordset(${json(metas.map(rowOf))}::jsonb)
        AS m(doc_key text, entry_id text, provider_id text, type text, country text, date date, demo boolean, titles jsonb, mt_langs text[], context jsonb, facet_keys text[])
      LEFT JOIN search_documents old ON old.doc_key = m.doc_key
      ON CONFLICT (doc_key) DO UPDATE SET
        type = excluded.type, country = excluded.country, date = excluded.date, demo = excluded.demo, titles = excluded.titles, mt_langs = excluded.mt_langs,
        context = excluded.context, facet_keys = excluded.facet_keys, facet_ids = excluded.facet_ids, indexed_at = excluded.indexed_at
      RETURNING doc_key, doc_no
    )
    -- The full-text vectors go to the narrow table (migration 0047).
    INSERT INTO search_match (doc_no, rank_vector, document)
    SELECT docs.doc_no, ts_filter(v.document, '{a}'), v.document
    FROM docs
    LEFT JOIN seg ON seg.doc_key = docs.doc_key
    CROSS JOIN LATERAL (SELECT coalesce(seg.document, ''::tsvector) AS document) v
    ON CONFLICT (doc_no) DO UPDATE SET rank_vector = excluded.rank_vector, document = excluded.document`.execute(db);
  // The words of the exact analysis, for spelling suggestions (labels repeat across entries: once each).
  await addVocabulary(db, [...new Set(segments.filter((s) => s.config === SIMPLE_CONFIG).map((s) => s.text))]);
}

/** The stored columns of a document (the facet arrays live in facet_keys). */
function rowOf(m: DocumentMeta) {
  return { doc_key: m.key, entry_id: m.entry_id, provider_id: m.provider_id, type: m.type, country: m.country, date: m.date, demo: m.demo, titles: m.titles, mt_langs: m.mt_langs, context: m.context, facet_keys: m.facet_keys };
}

/** Remove the documents of the given keys (documentKey) except those kept (deleted or no longer published). */
export async function deleteDocuments(db: Kysely<DB>, keys: readonly string[], keep: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await sql`DELETE FROM search_documents WHERE doc_key = ANY(${[...keys]}::text[]) AND NOT (doc_key = ANY(${[...keep]}::text[]))`.execute(db);
}

export async function storedInstrumentSignatures(db: Kysely<DB>, treatyIds: readonly string[]): Promise<Map<string, string>> {
  if (!treatyIds.length) return new Map();
  const rows = await db.selectFrom('search_instrument_signatures').select(['treaty_id', 'signature']).where('treaty_id', 'in', [...treatyIds]).execute();
  return new Map(rows.map((r) => [r.treaty_id, r.signature]));
}

export async function storeInstrumentSignatures(db: Kysely<DB>, signatures: ReadonlyMap<string, string>): Promise<void> {
  if (!signatures.size) return;
  await db
    .insertInto('search_instrument_signatures')
    .values([...signatures].map(([treaty_id, signature]) => ({ treaty_id, signature })))
    .onConflict((oc) => oc.column('treaty_id').doUpdateSet((eb) => ({ signature: eb.ref('excluded.signature'), updated_at: sql`now()` })))
    .execute();
}

export async function countDocuments(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The generation of the search documents (read where it is used: repository/generation.ts). */
export { readGeneration } from './generation.js';

/** Reclaim the space of rewritten documents and refresh planner statistics (outside any transaction). */
export async function vacuumDocuments(db: Kysely<DB>): Promise<void> {
  await sql`VACUUM ANALYZE search_documents, search_match`.execute(db);
}
