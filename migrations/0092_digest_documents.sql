-- The digest of cases (docs/DIGEST.md): its PDF and DOCX files, generated ahead by the job
-- digest.generate_documents when the case law changes, and on demand when none is fresh.

CREATE UNLOGGED TABLE digest_documents (
  lang text NOT NULL CHECK (lang IN ('ar', 'zh', 'en', 'fr', 'es', 'ru')),
  format text NOT NULL CHECK (format IN ('pdf', 'docx')),
  fingerprint text NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 100),
  content bytea NOT NULL,
  generated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lang, format, fingerprint)
);
COMMENT ON TABLE digest_documents IS 'The digest of cases as files, one per language, format and state of the case law; files of an older state are removed when a newer one is stored. Unlogged: derived data, made again on demand, left out of backups';
COMMENT ON COLUMN digest_documents.lang IS 'Language of the file (the six UN languages)';
COMMENT ON COLUMN digest_documents.format IS 'pdf or docx';
COMMENT ON COLUMN digest_documents.fingerprint IS 'Key of the content: a hash of the case-law fingerprint (knowledge: count, latest change and content hashes of the UNTOC cases and the treaties), the reference data generation and the site address';
COMMENT ON COLUMN digest_documents.content IS 'The file';
COMMENT ON COLUMN digest_documents.generated_at IS 'When it was generated';

CREATE INDEX cases_untoc_legal_basis_idx ON cases (entry_id) WHERE untoc_legal_basis;
COMMENT ON INDEX cases_untoc_legal_basis_idx IS 'The cases of the digest (UNTOC as a legal basis): read for the digest and its fingerprint at every digest request';
