-- Directory of competent national authorities: the published (live) authorities. Drafts and reviews
-- live in the workflow's revisions (subject_type 'authority', part '*').

CREATE TABLE authorities (
  id entry_id PRIMARY KEY,
  country text NOT NULL REFERENCES countries (iso3),
  state text NOT NULL DEFAULT 'published' CHECK (state IN ('published', 'archived')),
  document jsonb NOT NULL,
  names jsonb NOT NULL,
  name_sort text NOT NULL,
  names_text text NOT NULL,
  functions text[] NOT NULL,
  instruments text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  languages_public text[] NOT NULL DEFAULT '{}',
  electronic text CHECK (electronic IN ('never', 'urgent_only', 'always')),
  electronic_public text CHECK (electronic_public IN ('never', 'urgent_only', 'always')),
  search_public tsvector NOT NULL,
  search_full tsvector NOT NULL,
  demo boolean NOT NULL DEFAULT false,
  origin text NOT NULL DEFAULT 'editor' CHECK (origin IN ('import', 'demo', 'editor')),
  content_hash text NOT NULL,
  verified_on date,
  verified_by text,
  verified_by_user uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz
);
COMMENT ON TABLE authorities IS 'Published competent national authorities of the directory (one row per authority; the canonical document plus columns extracted for filtering and search)';
COMMENT ON COLUMN authorities.id IS 'Stable public identifier, part of the authority URL';
COMMENT ON COLUMN authorities.country IS 'State the authority belongs to (ISO alpha-3)';
COMMENT ON COLUMN authorities.state IS 'published (listed), or archived (taken off the directory, kept for history)';
COMMENT ON COLUMN authorities.document IS 'The canonical authority document (src/modules/directory/domain/schema.ts) with every field, restricted ones included; readers get it through visibleAuthority()';
COMMENT ON COLUMN authorities.names IS 'Names by BCP 47 language tag (copy of document.names)';
COMMENT ON COLUMN authorities.name_sort IS 'Lower-cased English name (or first name held), for sorting';
COMMENT ON COLUMN authorities.names_text IS 'All names, normalised (Arabic folding, Han bigrams), for substring and trigram matching';
COMMENT ON COLUMN authorities.functions IS 'Function codes the authority is designated for (always public)';
COMMENT ON COLUMN authorities.instruments IS 'Instrument ids of the articles the designations are made under';
COMMENT ON COLUMN authorities.languages IS 'Languages accepted (BCP 47), for practitioners'' filters';
COMMENT ON COLUMN authorities.languages_public IS 'Languages accepted when that field is public, else empty: the filter public readers use';
COMMENT ON COLUMN authorities.electronic IS 'Whether electronic requests are accepted: never, urgent_only, always';
COMMENT ON COLUMN authorities.electronic_public IS 'electronic when that field is public, else NULL: the filter public readers use';
COMMENT ON COLUMN authorities.search_public IS 'Full-text vector of names, functions, country names and public fields (palermo_simple)';
COMMENT ON COLUMN authorities.search_full IS 'Full-text vector including practitioners-only fields, searched only for practitioners';
COMMENT ON COLUMN authorities.demo IS 'Synthetic demonstration data; labelled demo and removed by "palermo demo --remove"';
COMMENT ON COLUMN authorities.origin IS 'How the authority arrived: import file, demo seed, or the editorial workflow';
COMMENT ON COLUMN authorities.content_hash IS 'SHA-256 of the canonical document; re-importing identical content changes nothing';
COMMENT ON COLUMN authorities.verified_on IS 'Last date a focal point confirmed the entry (publication or "mark as verified"); NULL = never';
COMMENT ON COLUMN authorities.verified_by IS 'Name of the person who last verified the entry';
COMMENT ON COLUMN authorities.verified_by_user IS 'Account of the person who last verified the entry, when known';
COMMENT ON COLUMN authorities.created_at IS 'When the authority was first published';
COMMENT ON COLUMN authorities.updated_at IS 'When its published content last changed';
COMMENT ON COLUMN authorities.archived_at IS 'When it was archived (NULL while published)';

CREATE INDEX authorities_country_idx ON authorities (country, name_sort);
CREATE INDEX authorities_order_idx ON authorities (name_sort, id);
CREATE INDEX authorities_functions_idx ON authorities USING gin (functions);
CREATE INDEX authorities_instruments_idx ON authorities USING gin (instruments);
CREATE INDEX authorities_languages_idx ON authorities USING gin (languages);
CREATE INDEX authorities_languages_public_idx ON authorities USING gin (languages_public);
CREATE INDEX authorities_search_public_idx ON authorities USING gin (search_public);
CREATE INDEX authorities_search_full_idx ON authorities USING gin (search_full);
CREATE INDEX authorities_names_trgm_idx ON authorities USING gin (names_text gin_trgm_ops);
CREATE INDEX authorities_verified_idx ON authorities (verified_on);
CREATE INDEX authorities_demo_idx ON authorities (demo) WHERE demo;
