-- Joint investigation team workspaces, later parts (docs/JIT.md): versions of shared documents (a new
-- version is a new row pointing at the one it replaces: the old ones and their evidence log stay,
-- the table being append-only) and the users who turned workspace mail off.

ALTER TABLE jit_documents
  ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  ADD COLUMN previous_id uuid REFERENCES jit_documents (id),
  ADD COLUMN media_type text CHECK (length(media_type) BETWEEN 1 AND 200),
  ADD CONSTRAINT jit_documents_version_chain CHECK ((version = 1) = (previous_id IS NULL));
COMMENT ON COLUMN jit_documents.version IS '1 for a first upload; each new version of the document adds one';
COMMENT ON COLUMN jit_documents.previous_id IS 'The version this one replaces (null for a first upload); the replaced version is kept';
COMMENT ON COLUMN jit_documents.media_type IS 'Type found from the content when received (null for documents shared before it was recorded)';
CREATE UNIQUE INDEX jit_documents_one_successor ON jit_documents (previous_id) WHERE previous_id IS NOT NULL;
COMMENT ON INDEX jit_documents_one_successor IS 'A version is replaced at most once (two members replacing the same version at once: the second gets 409)';

CREATE TABLE jit_mail_opt_outs (
  user_id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jit_mail_opt_outs IS 'Users who turned off mail about joint investigation team workspaces (new documents, versions and tasks)';
COMMENT ON COLUMN jit_mail_opt_outs.user_id IS 'The user';
COMMENT ON COLUMN jit_mail_opt_outs.created_at IS 'When they turned it off';
