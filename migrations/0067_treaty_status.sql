-- Treaty status as published by the depositary (issue 12 section 1): which import wrote the parties of
-- an instrument, from which source and as of which date, so that every page showing them can say
-- "status as published by the depositary, as of <date>", and a newer import in the same layout
-- replaces it. The parties themselves are rows of treaty_parties (knowledge), demo = false.

CREATE TABLE treaty_status_sources (
  treaty_id entry_id PRIMARY KEY REFERENCES treaties (entry_id) ON DELETE CASCADE,
  depositary_number text NOT NULL CHECK (depositary_number ~ '^[0-9]+-[0-9]+(-[a-z])?$'),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 2000),
  as_of text NOT NULL CHECK (as_of ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  parties integer NOT NULL CHECK (parties >= 0),
  skipped text[] NOT NULL DEFAULT '{}',
  imported_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE treaty_status_sources IS 'The depositary status import that wrote the parties of an instrument (legalbasis module): its source and "as of" date, shown on every page showing these parties; replaced by the next import';
COMMENT ON COLUMN treaty_status_sources.treaty_id IS 'The instrument (a treaty entry) whose parties were imported';
COMMENT ON COLUMN treaty_status_sources.depositary_number IS 'The depositary''s number of the instrument (UN Treaty Collection chapter-number, e.g. 18-12 for UNTOC), the name of the imported file';
COMMENT ON COLUMN treaty_status_sources.source IS 'Where the status comes from (the depositary and the copy imported), as the curator gave it';
COMMENT ON COLUMN treaty_status_sources.as_of IS 'When the depositary status was published or taken, as precisely as known: a year (2014), a month (2014-06) or a day (2014-06-30); the status is not current after it';
COMMENT ON COLUMN treaty_status_sources.file_name IS 'Name of the imported file';
COMMENT ON COLUMN treaty_status_sources.file_sha256 IS 'SHA-256 of the imported file (hex), to tell a re-import of the same file';
COMMENT ON COLUMN treaty_status_sources.parties IS 'Number of States written as parties or signatories';
COMMENT ON COLUMN treaty_status_sources.skipped IS 'Participants that are not States (e.g. the European Union), listed by the depositary but not written';
COMMENT ON COLUMN treaty_status_sources.imported_at IS 'When the import ran';
