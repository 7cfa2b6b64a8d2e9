-- Search: integer document numbers and integer facet ids, so that the application can keep a
-- compact copy of every document's facets (per generation) and count the facets of a match in
-- memory, and so that a match can be returned as a packed list of document numbers.

CREATE TABLE search_facet_values (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL UNIQUE
);
COMMENT ON TABLE search_facet_values IS 'Dictionary of facet values ("facet:value" and "*"): the integer id of each key used in search_documents.facet_ids. Only grows; ids never change';
COMMENT ON COLUMN search_facet_values.id IS 'Integer id of the facet value';
COMMENT ON COLUMN search_facet_values.key IS 'The facet value as in search_documents.facet_keys, e.g. "country:ITA", "article:untoc:18", "*"';

INSERT INTO search_facet_values (key)
SELECT DISTINCT k FROM search_documents d CROSS JOIN LATERAL unnest(d.facet_keys) AS k ORDER BY k;

CREATE SEQUENCE search_documents_doc_no_seq AS integer;
COMMENT ON SEQUENCE search_documents_doc_no_seq IS 'Numbers of new search documents (a re-indexed document keeps its number)';

ALTER TABLE search_documents ADD COLUMN doc_no integer, ADD COLUMN facet_ids integer[];
-- The update below writes a new version of every row: the two GIN indexes are built again
-- afterwards (one bulk build) rather than receiving every document's lexemes again row by row.
DROP INDEX search_documents_document_idx;
DROP INDEX search_documents_facets_idx;
UPDATE search_documents d SET
  doc_no = nextval('search_documents_doc_no_seq'),
  facet_ids = (SELECT coalesce(array_agg(v.id ORDER BY v.id), '{}') FROM search_facet_values v WHERE v.key = ANY (d.facet_keys));
ALTER TABLE search_documents
  ALTER COLUMN doc_no SET NOT NULL,
  ALTER COLUMN doc_no SET DEFAULT nextval('search_documents_doc_no_seq'),
  ALTER COLUMN facet_ids SET NOT NULL;
ALTER SEQUENCE search_documents_doc_no_seq OWNED BY search_documents.doc_no;
CREATE UNIQUE INDEX search_documents_doc_no_idx ON search_documents (doc_no);
CREATE INDEX search_documents_document_idx ON search_documents USING gin (document);
CREATE INDEX search_documents_facets_idx ON search_documents USING gin (facet_keys);

COMMENT ON COLUMN search_documents.doc_no IS 'Small integer number of the document, stable across re-indexing: a match is returned as a packed list of these, and the in-memory facet index is keyed by them';
COMMENT ON COLUMN search_documents.facet_ids IS 'The facet values of facet_keys as ids of search_facet_values (sorted), read into the in-memory facet index';
