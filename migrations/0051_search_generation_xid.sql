-- Search generations without a hot row. Until now every statement on search_documents incremented
-- app_settings."search.generation" (migrations 0005 and 0048) and held that row until its commit:
-- writers of search documents committed one at a time, so a 34,000-record import (one transaction)
-- held every curator's save for its whole length (docs/PERFORMANCE.md).
--
-- Now a writing transaction records itself once in search_transactions (its transaction id,
-- pg_current_xact_id()) and logs the documents it changed in search_changes under that id. Rows
-- are only inserted, each transaction under its own id: writers never wait for one another here.
--
-- A reader's generation is read from its snapshot (src/modules/search/repository/generation.ts,
-- docs/SEARCH.md): every transaction with an id below the snapshot's xmin has finished, so the
-- committed writers among them are exactly the recorded ids below xmin; the generation is the
-- greatest of those, then the recorded ids at or above xmin the snapshot sees (committed after
-- the oldest running transaction began), e.g. "812" or "812:815,817". Two snapshots with the same
-- generation see the same search documents; the documents changed from an older generation to a
-- newer are those logged by the transactions the newer sees above the older's first number and
-- not in its list.

CREATE TABLE search_transactions (
  xid xid8 PRIMARY KEY
);
COMMENT ON TABLE search_transactions IS 'Each transaction that changed search documents (one row, inserted by its first change; rolled back with it): what readers build their generation from. The most recent 10,000 below the oldest running transaction are kept';
COMMENT ON COLUMN search_transactions.xid IS 'The writing transaction (pg_current_xact_id())';

CREATE TABLE search_prunes (
  horizon xid8 NOT NULL
);
CREATE INDEX search_prunes_horizon_idx ON search_prunes (horizon);
COMMENT ON TABLE search_prunes IS 'How far the change log was forgotten: a reader whose generation starts below the greatest horizon cannot be patched from the log (it reads its indexes again)';
COMMENT ON COLUMN search_prunes.horizon IS 'search_transactions and search_changes rows with an xid up to this one may have been deleted';
COMMENT ON INDEX search_prunes_horizon_idx IS 'The greatest horizon, read by every patch';

-- The changes logged so far become changes of this migration's transaction: no reader holds a
-- generation of the old kind after the upgrade, and every new one starts above it.
ALTER TABLE search_changes ADD COLUMN xid xid8;
UPDATE search_changes SET xid = pg_current_xact_id();
INSERT INTO search_transactions (xid) SELECT pg_current_xact_id() WHERE EXISTS (SELECT 1 FROM search_changes);
ALTER TABLE search_changes ALTER COLUMN xid SET NOT NULL;
ALTER TABLE search_changes DROP COLUMN generation;
CREATE INDEX search_changes_xid_idx ON search_changes (xid);
DELETE FROM app_settings WHERE key = 'search.generation';

COMMENT ON TABLE search_changes IS 'Which search documents each writing transaction changed (inserted, updated or deleted); written by the triggers of search_documents; kept as long as the transaction is in search_transactions';
COMMENT ON COLUMN search_changes.xid IS 'The writing transaction (search_transactions.xid)';
COMMENT ON COLUMN search_changes.doc_no IS 'The changed document (search_documents.doc_no; it may be deleted by now), or -1 when the table was truncated (every document changed)';
COMMENT ON INDEX search_changes_xid_idx IS 'The documents changed by a transaction';

CREATE FUNCTION search_prune_changes() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  h xid8;
BEGIN
  SELECT t.xid INTO h FROM search_transactions t
   WHERE t.xid < pg_snapshot_xmin(pg_current_snapshot())
   ORDER BY t.xid DESC OFFSET 10000 LIMIT 1;
  IF h IS NULL THEN
    RETURN;
  END IF;
  -- SKIP LOCKED: rows another pruner is deleting are left to it (a pruner never waits).
  DELETE FROM search_changes WHERE ctid = ANY (ARRAY(SELECT c.ctid FROM search_changes c WHERE c.xid <= h FOR UPDATE SKIP LOCKED));
  DELETE FROM search_transactions WHERE ctid = ANY (ARRAY(SELECT t.ctid FROM search_transactions t WHERE t.xid <= h FOR UPDATE SKIP LOCKED));
  DELETE FROM search_prunes WHERE ctid = ANY (ARRAY(SELECT p.ctid FROM search_prunes p WHERE p.horizon < h FOR UPDATE SKIP LOCKED));
  INSERT INTO search_prunes (horizon) VALUES (h);
END
$$;
COMMENT ON FUNCTION search_prune_changes() IS 'Forgets the writing transactions older than the 10,000 most recent finished ones, with their logged changes, and records the horizon in search_prunes; skips rows another pruner holds';

CREATE OR REPLACE FUNCTION search_log_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  x xid8;
BEGIN
  -- A statement that changed no row changed nothing (the transition table exists only then).
  IF TG_OP <> 'TRUNCATE' THEN
    IF NOT EXISTS (SELECT 1 FROM changed) THEN
      RETURN NULL;
    END IF;
  END IF;
  x := pg_current_xact_id();
  INSERT INTO search_transactions (xid) VALUES (x) ON CONFLICT (xid) DO NOTHING;
  -- The first change of about one writing transaction in a hundred prunes the log.
  IF FOUND AND (x::text::bigint) % 100 = 0 THEN
    PERFORM search_prune_changes();
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO search_changes (xid, doc_no) VALUES (x, -1);
  ELSE
    INSERT INTO search_changes (xid, doc_no) SELECT x, c.doc_no FROM changed c;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION search_log_changes() IS 'Records the writing transaction in search_transactions (once) and the changed rows in search_changes under its id; nothing is updated in place, so concurrent writers do not wait for each other (statement-level triggers of search_documents)';

COMMENT ON TRIGGER search_documents_inserted ON search_documents IS 'Logs the inserted documents under the writing transaction';
COMMENT ON TRIGGER search_documents_updated ON search_documents IS 'Logs the updated documents under the writing transaction';
COMMENT ON TRIGGER search_documents_deleted ON search_documents IS 'Logs the deleted documents under the writing transaction';
COMMENT ON TRIGGER search_documents_truncated ON search_documents IS 'Logs that every document changed, under the writing transaction';
