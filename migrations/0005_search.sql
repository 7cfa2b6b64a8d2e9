-- Search: one derived search document per published entry, the instrument signatures that
-- decide when tagged entries must be re-indexed, and the log of searches for curators.

-- Concatenates tsvectors (positions of each operand are shifted past the previous ones, so a
-- phrase never matches across two fields or two language versions).
CREATE AGGREGATE search_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
COMMENT ON AGGREGATE search_tsvector_agg(tsvector) IS 'Concatenation of tsvectors (the || operator as an aggregate), used to build search documents';

CREATE TABLE search_documents (
  entry_id entry_id PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('legislation', 'case', 'treaty', 'strategy')),
  country text,
  date date,
  demo boolean NOT NULL DEFAULT false,
  titles jsonb NOT NULL CHECK (jsonb_typeof(titles) = 'object'),
  mt_langs text[] NOT NULL DEFAULT '{}',
  context jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(context) = 'object'),
  facet_keys text[] NOT NULL,
  rank_vector tsvector NOT NULL,
  document tsvector NOT NULL,
  indexed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE search_documents IS 'Derived search index: one row per entry that has at least one published language version; rebuilt by the search indexer in the same transaction as every change (palermo reindex rebuilds all). Kept narrow: a search reads the facet keys of every match';
COMMENT ON COLUMN search_documents.entry_id IS 'The entry';
COMMENT ON COLUMN search_documents.type IS 'Database of the entry: legislation, case, treaty, strategy';
COMMENT ON COLUMN search_documents.country IS 'State the entry belongs to (ISO alpha-3), NULL for multilateral treaties';
COMMENT ON COLUMN search_documents.date IS 'Primary date of the entry, for sorting by date';
COMMENT ON COLUMN search_documents.demo IS 'Synthetic demonstration entry (results show a demo badge)';
COMMENT ON COLUMN search_documents.titles IS 'Published titles by language tag, for result lists without reading entry_texts';
COMMENT ON COLUMN search_documents.mt_langs IS 'Published language versions that are unreviewed machine translations';
COMMENT ON COLUMN search_documents.context IS 'Short context shown under a result: {"ref": article reference and citation, court and case number, or treaty short name; "titles": law titles by language}';
COMMENT ON COLUMN search_documents.facet_keys IS 'Every facet value of the entry as "facet:value", plus "*": type, country (own, cooperating States of a case, parties of a bilateral treaty), region (UN M49 region and sub-region of those States), instrument and article (e.g. "article:untoc:18"), crime, cooperation, issue, measure, year, lang (published versions). Filters and one-pass facet counts use it';
COMMENT ON COLUMN search_documents.rank_vector IS 'Ranking vector: the weight-A part of document (titles, treaty short names), small enough to rank every match cheaply';
COMMENT ON COLUMN search_documents.document IS 'Full-text vector: each published language version analysed with its language''s configuration (weights: title A, summary B, body/facts/decision C, commentary and taxonomy/article/country labels in six languages D), concatenated with the exact palermo_simple analysis (CJK text as overlapping bigrams and single characters)';
COMMENT ON COLUMN search_documents.indexed_at IS 'When this row was last rebuilt';

CREATE INDEX search_documents_document_idx ON search_documents USING gin (document);
CREATE INDEX search_documents_facets_idx ON search_documents USING gin (facet_keys);
CREATE INDEX search_documents_date_idx ON search_documents (date DESC NULLS LAST, entry_id);
CREATE INDEX search_documents_type_date_idx ON search_documents (type, date DESC NULLS LAST, entry_id);

-- Every change of search documents (including deletions cascading from entries) counts one more
-- generation; caches of facet counts are keyed by it, so every application node sees every change.
CREATE FUNCTION search_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO app_settings (key, value) VALUES ('search.generation', '1'::jsonb)
  ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_settings.value #>> '{}')::bigint + 1), updated_at = now();
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION search_bump_generation() IS 'Increments app_settings."search.generation" (statement-level trigger of search_documents)';
CREATE TRIGGER search_documents_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_documents
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump_generation();
COMMENT ON TRIGGER search_documents_generation ON search_documents IS 'Counts changes of the search documents for the facet-count caches';

CREATE TABLE search_instrument_signatures (
  treaty_id entry_id PRIMARY KEY REFERENCES treaties (entry_id) ON DELETE CASCADE,
  signature text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE search_instrument_signatures IS 'Fingerprint of the article titles and article terms of each treaty as last indexed; when it changes, the entries tagged with its articles are re-indexed';
COMMENT ON COLUMN search_instrument_signatures.treaty_id IS 'The treaty';
COMMENT ON COLUMN search_instrument_signatures.signature IS 'MD5 of its articles'' numbers, titles and "taxonomy:code" terms';
COMMENT ON COLUMN search_instrument_signatures.updated_at IS 'When the signature last changed';

CREATE TABLE search_queries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  query text NOT NULL DEFAULT '' CHECK (length(query) <= 1000),
  hl text NOT NULL,
  filters jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filters) = 'object'),
  sort text NOT NULL CHECK (sort IN ('relevance', 'date')),
  page integer NOT NULL,
  total integer NOT NULL,
  duration_ms integer NOT NULL,
  source text NOT NULL CHECK (source IN ('api', 'page')),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE search_queries IS 'Every search made on the portal or the API, for curators'' statistics; holds no IP address and no user';
COMMENT ON COLUMN search_queries.id IS 'Sequence number';
COMMENT ON COLUMN search_queries.query IS 'The query text as typed (control characters removed)';
COMMENT ON COLUMN search_queries.hl IS 'Interface language of the search (analysis language)';
COMMENT ON COLUMN search_queries.filters IS 'Facet filters as {"facet": ["value", ...]}';
COMMENT ON COLUMN search_queries.sort IS 'Order of results: relevance or date';
COMMENT ON COLUMN search_queries.page IS 'Page of results requested';
COMMENT ON COLUMN search_queries.total IS 'Number of matching entries';
COMMENT ON COLUMN search_queries.duration_ms IS 'Time taken to answer, in milliseconds';
COMMENT ON COLUMN search_queries.source IS 'Where the search came from: the portal search pages or the API';
COMMENT ON COLUMN search_queries.created_at IS 'When the search was made';
CREATE INDEX search_queries_created_idx ON search_queries (created_at);
