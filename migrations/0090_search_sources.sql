-- Search documents from more than one source (issue 12 §3): knowledge entries as before, and the
-- published service providers of the electronic evidence hub. A document belongs to exactly one
-- source: entry_id (knowledge) or provider_id (providers), each removed with what it describes.
-- doc_key, the document's key, is the entry id or "provider:" and the provider id (entry ids
-- never hold a colon, so the two never meet).

ALTER TABLE search_documents DROP CONSTRAINT search_documents_pkey;
ALTER TABLE search_documents ALTER COLUMN entry_id DROP NOT NULL;
ALTER TABLE search_documents ADD COLUMN provider_id entry_id REFERENCES providers (id) ON DELETE CASCADE;
ALTER TABLE search_documents ADD COLUMN doc_key text GENERATED ALWAYS AS (coalesce(entry_id::text, 'provider:' || provider_id::text)) STORED;
ALTER TABLE search_documents ADD CONSTRAINT search_documents_pkey PRIMARY KEY (doc_key);
ALTER TABLE search_documents ADD CONSTRAINT search_documents_one_source CHECK (num_nonnulls(entry_id, provider_id) = 1);
ALTER TABLE search_documents DROP CONSTRAINT search_documents_type_check;
ALTER TABLE search_documents ADD CONSTRAINT search_documents_type_check
  CHECK (type IN ('legislation', 'case', 'treaty', 'strategy', 'provider') AND (type = 'provider') = (provider_id IS NOT NULL));

CREATE UNIQUE INDEX search_documents_entry_idx ON search_documents (entry_id) WHERE entry_id IS NOT NULL;
CREATE UNIQUE INDEX search_documents_provider_idx ON search_documents (provider_id) WHERE provider_id IS NOT NULL;
DROP INDEX search_documents_date_idx;
DROP INDEX search_documents_type_date_idx;
CREATE INDEX search_documents_date_idx ON search_documents (date DESC NULLS LAST, doc_key);
CREATE INDEX search_documents_type_date_idx ON search_documents (type, date DESC NULLS LAST, doc_key);

COMMENT ON TABLE search_documents IS 'Derived search index: one row per knowledge entry that has at least one published language version and per published service provider; rebuilt by the search indexer in the same transaction as every change (palermo reindex rebuilds all). Its full-text vectors live in search_match';
COMMENT ON COLUMN search_documents.entry_id IS 'The knowledge entry (NULL for a document of another source)';
COMMENT ON COLUMN search_documents.provider_id IS 'The published service provider of the electronic evidence hub (NULL for a document of another source); only its public fields are indexed';
COMMENT ON COLUMN search_documents.doc_key IS 'Key of the document: the entry id, or "provider:" followed by the provider id';
COMMENT ON COLUMN search_documents.type IS 'Database of the document: legislation, case, treaty, strategy (knowledge entries) or provider (service providers)';
COMMENT ON CONSTRAINT search_documents_one_source ON search_documents IS 'A document describes exactly one entry or one provider';
COMMENT ON INDEX search_documents_entry_idx IS 'The document of an entry (removed with the entry)';
COMMENT ON INDEX search_documents_provider_idx IS 'The document of a provider (removed with the provider)';
COMMENT ON INDEX search_documents_date_idx IS 'Browsing by date (newest first), ties by key';
COMMENT ON INDEX search_documents_type_date_idx IS 'Browsing one database by date (newest first), ties by key';

-- Providers published before this migration are indexed at the next start (search.sources_signature).
