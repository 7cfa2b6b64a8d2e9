-- The text-matching part of the search documents in a narrow table of its own. A broad query
-- matches most documents; the database then visits the heap row of every match to read its
-- number. In search_documents those rows carry titles, context and facet arrays (~850 bytes each:
-- 100,000 documents filled 85 MB), here only the number, the small ranking vector and a pointer to
-- the full-text vector, which is always stored out of line (~270 bytes a row): the same match
-- reads a third of the pages. Measured on 100,000 documents (PostgreSQL 15): the match with title
-- ranks of a word found in 86% of them took 85-150 ms, 48-52 ms here (docs/PERFORMANCE.md).

CREATE TABLE search_match (
  doc_no integer PRIMARY KEY REFERENCES search_documents (doc_no) ON DELETE CASCADE,
  rank_vector tsvector NOT NULL,
  document tsvector NOT NULL
) WITH (toast_tuple_target = 128);
ALTER TABLE search_match ALTER COLUMN document SET STORAGE EXTERNAL, ALTER COLUMN rank_vector SET STORAGE MAIN;

COMMENT ON TABLE search_match IS 'Full-text vectors of the search documents, one row per search_documents row, kept narrow (the full-text vector always out of line, toast_tuple_target 128) so that matching a broad query reads few heap pages';
COMMENT ON COLUMN search_match.doc_no IS 'The search document (search_documents.doc_no); deleted with it';
COMMENT ON COLUMN search_match.rank_vector IS 'Ranking vector: the weight-A part of document (titles, treaty short names), kept in the row (storage main) so that ranking the matches whose title holds a query word reads no TOAST';
COMMENT ON COLUMN search_match.document IS 'Full-text vector: each published language version analysed with its language''s configuration (weights: title A, summary B, body/facts/decision C, commentary and taxonomy/article/country labels in six languages D), concatenated with the exact palermo_simple analysis (CJK text as overlapping bigrams and single characters). Stored out of line, uncompressed (storage external)';

INSERT INTO search_match (doc_no, rank_vector, document)
SELECT d.doc_no, d.rank_vector, d.document FROM search_documents d;

CREATE INDEX search_match_document_idx ON search_match USING gin (document);

DROP INDEX search_documents_document_idx;
ALTER TABLE search_documents DROP COLUMN rank_vector, DROP COLUMN document;
COMMENT ON TABLE search_documents IS 'Derived search index: one row per entry that has at least one published language version; rebuilt by the search indexer in the same transaction as every change (palermo reindex rebuilds all). Its full-text vectors live in search_match';
