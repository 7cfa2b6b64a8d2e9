-- The electronic evidence hub: service providers (what they hold, for how long, how to ask them).
-- Published providers live here; drafts and reviews live in the workflow's revisions
-- (subject_type 'provider', part '*'), kept by curators with four eyes.

CREATE TABLE providers (
  id entry_id PRIMARY KEY,
  country text NOT NULL REFERENCES countries (iso3),
  state text NOT NULL DEFAULT 'published' CHECK (state IN ('published', 'archived')),
  document jsonb NOT NULL,
  name_sort text NOT NULL,
  services text[] NOT NULL DEFAULT '{}',
  data_categories text[] NOT NULL DEFAULT '{}',
  data_categories_public text[] NOT NULL DEFAULT '{}',
  search_public text NOT NULL,
  search_full text NOT NULL,
  demo boolean NOT NULL DEFAULT false,
  content_hash text NOT NULL,
  verified_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz
);
COMMENT ON TABLE providers IS 'Published service providers of the electronic evidence hub (one row per provider: the canonical document plus columns for filtering and search)';
COMMENT ON COLUMN providers.id IS 'Stable public identifier, part of the provider URL';
COMMENT ON COLUMN providers.country IS 'State where the provider''s legal entity is established (ISO alpha-3; always public)';
COMMENT ON COLUMN providers.state IS 'published (listed), or archived (taken off the hub, kept for history)';
COMMENT ON COLUMN providers.document IS 'The canonical provider document (src/modules/providers/domain/schema.ts) with every field, practitioners-only ones included; readers get it through visibleProvider()';
COMMENT ON COLUMN providers.name_sort IS 'Lower-cased English name (or first name held), for sorting';
COMMENT ON COLUMN providers.services IS 'Service kinds offered (always public), for the filter';
COMMENT ON COLUMN providers.data_categories IS 'Categories of data held (subscriber, traffic, content, ...), for practitioners'' filters';
COMMENT ON COLUMN providers.data_categories_public IS 'data_categories when the data field is public, else empty: the filter public readers use';
COMMENT ON COLUMN providers.search_public IS 'Lower-cased names, services and public fields, matched by substring for public readers';
COMMENT ON COLUMN providers.search_full IS 'Lower-cased text including practitioners-only fields, matched only for practitioners';
COMMENT ON COLUMN providers.demo IS 'Synthetic demonstration data (invented providers); labelled demo and removed by "palermo demo --remove"';
COMMENT ON COLUMN providers.content_hash IS 'SHA-256 of the canonical document; writing identical content changes nothing';
COMMENT ON COLUMN providers.verified_on IS 'Last date a curator confirmed the entry (its publication); NULL = never';
COMMENT ON COLUMN providers.created_at IS 'When the provider was first published';
COMMENT ON COLUMN providers.updated_at IS 'When its published content last changed';
COMMENT ON COLUMN providers.archived_at IS 'When it was archived (NULL while published)';

CREATE INDEX providers_order_idx ON providers (name_sort, id);
CREATE INDEX providers_country_idx ON providers (country);
CREATE INDEX providers_services_idx ON providers USING gin (services);
CREATE INDEX providers_data_idx ON providers USING gin (data_categories);
CREATE INDEX providers_demo_idx ON providers (id) WHERE demo;

-- Providers are edited through the editorial workflow.
ALTER TABLE revisions DROP CONSTRAINT revisions_subject_type_check;
ALTER TABLE revisions ADD CONSTRAINT revisions_subject_type_check CHECK (subject_type IN ('entry', 'law', 'taxonomy_term', 'authority', 'provider'));
COMMENT ON COLUMN revisions.subject_type IS 'Kind of subject: entry (knowledge entry), law, taxonomy_term, authority (directory), provider (e-evidence hub)';
