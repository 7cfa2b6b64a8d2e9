-- Casework documents (docs/CASEWORK.md "Documents"): what migration 0055 left to the documents.
-- 1. An executing authority sees the documents of the case (the request, its translations) and those
--    of its own track, not another executing authority's results: the policy on case_documents also
--    requires the track to be visible (case_executions is itself filtered: its own tracks, or every
--    track for the owning authority). Chunks follow their document.
-- 2. A version is replaced at most once, so versions form a line, not a tree (two people uploading a
--    new version of the same document at the same moment: the second gets a conflict).
-- 3. The access log keeps the name of who looked, as the history keeps the actor's name.

DROP POLICY case_documents_scope ON case_documents;
CREATE POLICY case_documents_scope ON case_documents TO palermo_casework
  USING (EXISTS (SELECT 1 FROM casework_cases c WHERE c.id = case_id)
         AND (execution_id IS NULL OR EXISTS (SELECT 1 FROM case_executions e WHERE e.id = execution_id)));
COMMENT ON POLICY case_documents_scope ON case_documents IS 'A document is visible with its case; a document of an executing authority''s track only to the owning authority and that executing authority';

CREATE UNIQUE INDEX case_documents_previous_key ON case_documents (previous_id) WHERE previous_id IS NOT NULL;
COMMENT ON INDEX case_documents_previous_key IS 'Each version is replaced by at most one newer version (versions form a line)';

ALTER TABLE case_access_log ADD COLUMN user_name text CHECK (length(user_name) <= 300);
COMMENT ON COLUMN case_access_log.user_name IS 'Name of the user at the time (as case_events.actor_name)';
