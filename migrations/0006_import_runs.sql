-- Bulk import: one row per import of a file (JSON Lines, CSV or Akoma Ntoso), successful or not.

CREATE TABLE import_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 1000),
  format text NOT NULL CHECK (format IN ('jsonl', 'csv', 'akn')),
  record_type text CHECK (record_type IN ('law', 'legislation', 'case', 'treaty', 'strategy', 'treaty-provision', 'treaty-party')),
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  byte_size bigint CHECK (byte_size >= 0),
  dry_run boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  outcome text NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'succeeded', 'invalid', 'failed')),
  records integer NOT NULL DEFAULT 0 CHECK (records >= 0),
  created integer NOT NULL DEFAULT 0 CHECK (created >= 0),
  updated integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
  unchanged integer NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
  error_count integer NOT NULL DEFAULT 0 CHECK (error_count >= 0),
  errors jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(errors) = 'array'),
  message text
);
COMMENT ON TABLE import_runs IS 'History of bulk imports of knowledge content: what file, when, with what result. An import is all-or-nothing per file';
COMMENT ON COLUMN import_runs.id IS 'Sequential run number';
COMMENT ON COLUMN import_runs.file_name IS 'Name of the imported file as given on the command line (base name)';
COMMENT ON COLUMN import_runs.format IS 'File format: jsonl (canonical records), csv (one record type per file) or akn (Akoma Ntoso 3.0 legislation)';
COMMENT ON COLUMN import_runs.record_type IS 'CSV only: the record type of the file (law, legislation, case, treaty, strategy, treaty-provision, treaty-party)';
COMMENT ON COLUMN import_runs.sha256 IS 'Lower-case hex SHA-256 of the file bytes, to recognise a file imported before';
COMMENT ON COLUMN import_runs.byte_size IS 'Size of the file in bytes';
COMMENT ON COLUMN import_runs.dry_run IS 'True when the file was only validated (--dry-run) and nothing could be written';
COMMENT ON COLUMN import_runs.started_at IS 'When the import started';
COMMENT ON COLUMN import_runs.finished_at IS 'When the import finished; NULL while running or if the process died';
COMMENT ON COLUMN import_runs.outcome IS 'running; succeeded (everything written, or valid for a dry run); invalid (the file had errors, nothing written); failed (an error while writing, nothing written)';
COMMENT ON COLUMN import_runs.records IS 'Number of records read from the file';
COMMENT ON COLUMN import_runs.created IS 'Records that did not exist before and were created';
COMMENT ON COLUMN import_runs.updated IS 'Existing records whose content changed';
COMMENT ON COLUMN import_runs.unchanged IS 'Records identical to what was stored, skipped';
COMMENT ON COLUMN import_runs.error_count IS 'Number of problems found in the file (all of them, also those not kept in errors)';
COMMENT ON COLUMN import_runs.errors IS 'The first problems found, as [{line, field, message}], at most 100';
COMMENT ON COLUMN import_runs.message IS 'Summary of the result, or the reason of a failure';
CREATE INDEX import_runs_started_idx ON import_runs (started_at DESC);
CREATE INDEX import_runs_sha256_idx ON import_runs (sha256);
