-- A log of which search documents changed at which generation, so that each application node can
-- keep in-memory postings of frequent words current by re-reading only the changed documents
-- (src/modules/search/term-index.ts), and an index of the title vectors, so that ranking reads
-- only the documents whose title holds a query word.
--
-- The generation is counted by the statement-level triggers of search_documents (migration 0005).
-- They now also record the numbers of the rows the statement changed (transition tables), under
-- the same generation. The generation row is locked from the increment to the commit, so writers
-- commit in generation order: a reader that sees generation g sees every change logged up to g.

CREATE TABLE search_changes (
  generation bigint NOT NULL,
  doc_no integer NOT NULL
);
CREATE INDEX search_changes_generation_idx ON search_changes (generation);
COMMENT ON TABLE search_changes IS 'Which search documents each generation changed (inserted, updated or deleted); written by the triggers of search_documents; only the last 10,000 generations are kept';
COMMENT ON COLUMN search_changes.generation IS 'The value of app_settings."search.generation" after the change';
COMMENT ON COLUMN search_changes.doc_no IS 'The changed document (search_documents.doc_no; it may be deleted by now), or -1 when the table was truncated (every document changed)';

DROP TRIGGER search_documents_generation ON search_documents;
DROP FUNCTION search_bump_generation();

CREATE FUNCTION search_log_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g bigint;
BEGIN
  INSERT INTO app_settings (key, value) VALUES ('search.generation', '1'::jsonb)
  ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_settings.value #>> '{}')::bigint + 1), updated_at = now()
  RETURNING (value #>> '{}')::bigint INTO g;
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO search_changes (generation, doc_no) VALUES (g, -1);
  ELSE
    INSERT INTO search_changes (generation, doc_no) SELECT g, c.doc_no FROM changed c;
  END IF;
  DELETE FROM search_changes WHERE generation <= g - 10000;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION search_log_changes() IS 'Increments app_settings."search.generation", records the changed rows in search_changes under the new generation and forgets generations older than the last 10,000 (statement-level triggers of search_documents)';

CREATE TRIGGER search_documents_inserted AFTER INSERT ON search_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_log_changes();
CREATE TRIGGER search_documents_updated AFTER UPDATE ON search_documents
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_log_changes();
CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_log_changes();
CREATE TRIGGER search_documents_truncated AFTER TRUNCATE ON search_documents
  FOR EACH STATEMENT EXECUTE FUNCTION search_log_changes();
COMMENT ON TRIGGER search_documents_inserted ON search_documents IS 'Counts a generation and logs the inserted documents';
COMMENT ON TRIGGER search_documents_updated ON search_documents IS 'Counts a generation and logs the updated documents';
COMMENT ON TRIGGER search_documents_deleted ON search_documents IS 'Counts a generation and logs the deleted documents';
COMMENT ON TRIGGER search_documents_truncated ON search_documents IS 'Counts a generation and logs that every document changed';

CREATE INDEX search_match_rank_vector_idx ON search_match USING gin (rank_vector);
CREATE INDEX search_match_untitled_idx ON search_match (doc_no) WHERE length(rank_vector) = 0;
COMMENT ON INDEX search_match_rank_vector_idx IS 'Finds the documents whose title holds a query word (ranking reads only those)';
COMMENT ON INDEX search_match_untitled_idx IS 'Documents without a title vector (ranked 0, below every other match)';
