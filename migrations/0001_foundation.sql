-- Foundation: extensions and text search configurations shared by every module.
-- Only features present in both PostgreSQL 15 and PGlite (PostgreSQL 18) are used.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Language-aware configurations that also fold accents (é = e, ё = е) before stemming.
CREATE TEXT SEARCH CONFIGURATION palermo_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION palermo_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION palermo_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION palermo_fr ALTER MAPPING FOR asciihword, asciiword, hword_asciipart, hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION palermo_es (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION palermo_es ALTER MAPPING FOR asciihword, asciiword, hword_asciipart, hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION palermo_ru (COPY = russian);
ALTER TEXT SEARCH CONFIGURATION palermo_ru ALTER MAPPING FOR hword, hword_part, word WITH unaccent, russian_stem;
CREATE TEXT SEARCH CONFIGURATION palermo_ar (COPY = arabic);
CREATE TEXT SEARCH CONFIGURATION palermo_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION palermo_simple ALTER MAPPING FOR asciihword, asciiword, hword_asciipart, hword, hword_part, word WITH unaccent, simple;

COMMENT ON TEXT SEARCH CONFIGURATION palermo_en IS 'English stemming with accent folding';
COMMENT ON TEXT SEARCH CONFIGURATION palermo_fr IS 'French stemming with accent folding';
COMMENT ON TEXT SEARCH CONFIGURATION palermo_es IS 'Spanish stemming with accent folding';
COMMENT ON TEXT SEARCH CONFIGURATION palermo_ru IS 'Russian stemming with ё/е folding';
COMMENT ON TEXT SEARCH CONFIGURATION palermo_ar IS 'Arabic stemming (Snowball); orthographic normalisation is done by the application';
COMMENT ON TEXT SEARCH CONFIGURATION palermo_simple IS 'Exact words, lower-cased and accent-folded, no stemming: names, numbers, any language';

-- Uploaded or imported binary files (attachments of laws, documents), content-addressed.
CREATE TABLE files (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  media_type text NOT NULL CHECK (media_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
  byte_size integer NOT NULL CHECK (byte_size >= 0),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE files IS 'Binary files stored in the database so that every node and replica sees them; content-addressed by SHA-256';
COMMENT ON COLUMN files.id IS 'Lower-case hex SHA-256 of the content';
COMMENT ON COLUMN files.filename IS 'File name as given by the uploader, for downloads';
COMMENT ON COLUMN files.media_type IS 'IANA media type, e.g. application/pdf';
COMMENT ON COLUMN files.byte_size IS 'Size of content in bytes';
COMMENT ON COLUMN files.content IS 'The bytes';
COMMENT ON COLUMN files.created_at IS 'When the file was first stored';

-- Small persistent facts about this installation.
CREATE TABLE app_settings (
  key text PRIMARY KEY CHECK (key ~ '^[a-z0-9_.]+$'),
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE app_settings IS 'Installation state as key/value pairs, e.g. whether the first start has completed and reference data versions';
COMMENT ON COLUMN app_settings.key IS 'Setting name, dotted lower case';
COMMENT ON COLUMN app_settings.value IS 'Setting value as JSON';
COMMENT ON COLUMN app_settings.updated_at IS 'When the setting last changed';
