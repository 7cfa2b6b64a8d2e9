-- Directory search at scale (tens of thousands of authorities): one-pass facet counts and filters on
-- one array of facet keys per reader, a small ranking vector, the practitioners' vector built from
-- the public one (one text analysis less per write), and a generation number for facet-count caches.

-- "facet:value" keys of an authority: country, functions, instruments, languages, electronic acceptance.
CREATE FUNCTION directory_facet_keys(country text, functions text[], instruments text[], languages text[], electronic text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['country:' || country]
    || ARRAY(SELECT 'function:' || v FROM unnest(functions) AS v)
    || ARRAY(SELECT 'instrument:' || v FROM unnest(instruments) AS v)
    || ARRAY(SELECT 'language:' || v FROM unnest(languages) AS v)
    || CASE WHEN electronic IS NULL THEN '{}'::text[] ELSE ARRAY['electronic:' || electronic] END
$$;
COMMENT ON FUNCTION directory_facet_keys(text, text[], text[], text[], text) IS 'Facet keys ("country:FRA", "function:mla", "instrument:untoc", "language:fr", "electronic:always") of an authority, for authorities.facets_public and facets_full';

-- Keep rows narrow (about 1 kB): documents and full-text vectors go to TOAST storage, the columns
-- every match reads while filtering, counting and ordering stay in the row.
ALTER TABLE authorities SET (toast_tuple_target = 1024);
ALTER TABLE authorities ALTER COLUMN names_text SET STORAGE MAIN, ALTER COLUMN name_sort SET STORAGE MAIN;

-- The practitioners-only text gets its own vector; search_full becomes public || restricted.
ALTER TABLE authorities ADD COLUMN search_restricted tsvector NOT NULL DEFAULT ''::tsvector;
COMMENT ON COLUMN authorities.search_restricted IS 'Full-text vector (weight C, palermo_simple) of the practitioners-only fields; part of search_full. Rows written before migration 0041 hold their whole former practitioners'' vector here';
UPDATE authorities SET search_restricted = search_full;
ALTER TABLE authorities DROP COLUMN search_full;
ALTER TABLE authorities ADD COLUMN search_full tsvector GENERATED ALWAYS AS (search_public || search_restricted) STORED;
COMMENT ON COLUMN authorities.search_full IS 'Full-text vector including practitioners-only fields (search_public || search_restricted), searched only for practitioners';
CREATE INDEX authorities_search_full_idx ON authorities USING gin (search_full);

ALTER TABLE authorities ADD COLUMN search_names tsvector GENERATED ALWAYS AS (strip(ts_filter(search_public, '{a}'))) STORED;
COMMENT ON COLUMN authorities.search_names IS 'The weight-A part of search_public (id and names), without positions: small, kept in the row, tells whether a match is on the names (ranked first)';

ALTER TABLE authorities ADD COLUMN facets_public text[] GENERATED ALWAYS AS (directory_facet_keys(country, functions, instruments, languages_public, electronic_public)) STORED;
COMMENT ON COLUMN authorities.facets_public IS 'Facet keys as public readers see them (languages and electronic acceptance only when public): filters and one-pass facet counts';
ALTER TABLE authorities ADD COLUMN facets_full text[] GENERATED ALWAYS AS (directory_facet_keys(country, functions, instruments, languages, electronic)) STORED;
COMMENT ON COLUMN authorities.facets_full IS 'Facet keys as practitioners see them: filters and one-pass facet counts';
ALTER TABLE authorities ALTER COLUMN search_names SET STORAGE MAIN, ALTER COLUMN facets_public SET STORAGE MAIN, ALTER COLUMN facets_full SET STORAGE MAIN;
CREATE INDEX authorities_facets_public_idx ON authorities USING gin (facets_public);
CREATE INDEX authorities_facets_full_idx ON authorities USING gin (facets_full);

-- Replaced by the facet keys (fewer indexes to maintain on every write).
DROP INDEX authorities_functions_idx;
DROP INDEX authorities_instruments_idx;
DROP INDEX authorities_languages_idx;
DROP INDEX authorities_languages_public_idx;

-- Facet-count caches (unfiltered and filtered searches without text) are keyed by this number.
CREATE FUNCTION directory_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO app_settings (key, value) VALUES ('directory.generation', '1'::jsonb)
  ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_settings.value #>> '{}')::bigint + 1), updated_at = now();
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION directory_bump_generation() IS 'Increments app_settings."directory.generation" (statement-level trigger of authorities)';
CREATE TRIGGER authorities_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON authorities
  FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_generation();
COMMENT ON TRIGGER authorities_generation ON authorities IS 'Counts changes of the directory for the facet-count caches';
