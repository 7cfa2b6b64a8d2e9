-- Reference data: places (ISO 3166 / UN M49) and the controlled vocabularies that index content.

CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
  level text NOT NULL CHECK (level IN ('world', 'region', 'subregion', 'intermediate')),
  parent_code text REFERENCES regions (code),
  names jsonb NOT NULL CHECK (jsonb_typeof(names) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE regions IS 'UN M49 geographic regions, sub-regions and intermediate regions';
COMMENT ON COLUMN regions.code IS 'UN M49 numeric code, three digits (e.g. 002 Africa, 015 Northern Africa)';
COMMENT ON COLUMN regions.level IS 'world, region, subregion or intermediate (M49 hierarchy level)';
COMMENT ON COLUMN regions.parent_code IS 'Enclosing M49 area';
COMMENT ON COLUMN regions.names IS 'Names by language tag {"ar","zh","en","fr","es","ru"}, from CLDR';
COMMENT ON COLUMN regions.updated_at IS 'Last time the reference loader changed this row';

CREATE TABLE countries (
  iso3 text PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$'),
  iso2 text NOT NULL UNIQUE CHECK (iso2 ~ '^[A-Z]{2}$'),
  m49 text NOT NULL UNIQUE CHECK (m49 ~ '^[0-9]{3}$'),
  region_code text REFERENCES regions (code),
  subregion_code text REFERENCES regions (code),
  intermediate_region_code text REFERENCES regions (code),
  names jsonb NOT NULL CHECK (jsonb_typeof(names) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE countries IS 'States and territories of ISO 3166-1 with their UN M49 classification';
COMMENT ON COLUMN countries.iso3 IS 'ISO 3166-1 alpha-3 code, upper case; the identifier used everywhere in Palermo';
COMMENT ON COLUMN countries.iso2 IS 'ISO 3166-1 alpha-2 code';
COMMENT ON COLUMN countries.m49 IS 'ISO 3166-1 numeric code (= UN M49 country code), three digits';
COMMENT ON COLUMN countries.region_code IS 'M49 region (Africa, Americas, Asia, Europe, Oceania)';
COMMENT ON COLUMN countries.subregion_code IS 'M49 sub-region';
COMMENT ON COLUMN countries.intermediate_region_code IS 'M49 intermediate region where one exists';
COMMENT ON COLUMN countries.names IS 'Short names by language tag {"ar","zh","en","fr","es","ru"}, from CLDR';
COMMENT ON COLUMN countries.updated_at IS 'Last time the reference loader changed this row';
CREATE INDEX countries_region_idx ON countries (region_code);
CREATE INDEX countries_subregion_idx ON countries (subregion_code);

CREATE TABLE taxonomy_terms (
  taxonomy text NOT NULL CHECK (taxonomy IN ('crime', 'cooperation', 'issue', 'measure')),
  code text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position integer NOT NULL,
  labels jsonb NOT NULL CHECK (jsonb_typeof(labels) = 'object'),
  descriptions jsonb CHECK (descriptions IS NULL OR jsonb_typeof(descriptions) = 'object'),
  reference text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (taxonomy, code)
);
COMMENT ON TABLE taxonomy_terms IS 'Controlled vocabularies indexing content: crime types, cooperation types, cross-cutting issues, assistance measures';
COMMENT ON COLUMN taxonomy_terms.taxonomy IS 'crime (SHERLOC crime types), cooperation (forms of international cooperation), issue (cross-cutting issues), measure (UNTOC art. 18(3) and e-evidence measures)';
COMMENT ON COLUMN taxonomy_terms.code IS 'Stable kebab-case code used in URLs, filters and import files';
COMMENT ON COLUMN taxonomy_terms.position IS 'Display order within the taxonomy';
COMMENT ON COLUMN taxonomy_terms.labels IS 'Label by language tag, all six UN languages';
COMMENT ON COLUMN taxonomy_terms.descriptions IS 'Optional scope note by language tag';
COMMENT ON COLUMN taxonomy_terms.reference IS 'Legal reference the term comes from, e.g. "UNTOC art. 18(3)(a)"';
COMMENT ON COLUMN taxonomy_terms.updated_at IS 'Last change of this term';
