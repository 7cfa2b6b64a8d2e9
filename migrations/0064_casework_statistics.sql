-- Casework statistics (issue 10 section 7): the aggregate figures an authority publishes on the
-- public portal, and indexes for the statistics queries of a large authority.
--
-- Public pages must never run as an authority (they have no actor and must not see any case), so the
-- published figures are copied here by the statistics job (casework/statistics/publication.ts): only
-- aggregates, cells under 5 cases already suppressed. No row-level security: nothing in this table
-- is case data.

CREATE TABLE casework_public_statistics (
  authority_id text NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  figures jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (authority_id, year)
);
COMMENT ON TABLE casework_public_statistics IS 'Aggregate casework figures an authority chose to publish (casework_settings.publish_statistics), one row per authority and year; written by the statistics job, read by the public statistics pages; never case data, small cells (fewer than 5 cases) suppressed';
COMMENT ON COLUMN casework_public_statistics.authority_id IS 'Directory identifier of the publishing authority';
COMMENT ON COLUMN casework_public_statistics.country IS 'ISO 3166-1 alpha-3 code of the authority''s State (public page per country)';
COMMENT ON COLUMN casework_public_statistics.year IS 'Calendar year of receipt (incoming) or sending (outgoing) of the requests counted';
COMMENT ON COLUMN casework_public_statistics.figures IS 'The aggregates (casework/statistics/domain/public.ts PublicFigures): totals, by kind, UNTOC as legal basis, by region, outcomes, processing time; a suppressed cell is null';
COMMENT ON COLUMN casework_public_statistics.published_at IS 'When these figures were computed and published';
CREATE INDEX casework_public_statistics_country_idx ON casework_public_statistics (country, year);
COMMENT ON INDEX casework_public_statistics_country_idx IS 'Public statistics page of a country';

-- Statistics of one authority read its cases by the date they were received or sent: the index
-- serves the year filter and the per-month series without reading other authorities' rows.
CREATE INDEX casework_cases_statistics_idx ON casework_cases (authority_id, (coalesce(received_on, sent_on)), direction, kind);
COMMENT ON INDEX casework_cases_statistics_idx IS 'Statistics of an authority by date of receipt or sending, direction and kind';
CREATE INDEX case_events_transitions_idx ON case_events (case_id, seq) WHERE type IN ('created', 'transition', 'imported');
COMMENT ON INDEX case_events_transitions_idx IS 'Time in each state: the lifecycle events of a case in order';
