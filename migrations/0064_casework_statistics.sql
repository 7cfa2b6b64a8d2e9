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

-- Time in each state, kept as the history is written: reading it from case_events at statistics
-- time costs a window over every event of the authority and the row-level security check of each
-- event (16 s for an authority of 100,000 cases, 1.5 million events). A transition event ends the
-- stay in its data.from state that began at the previous lifecycle event of the case (creation,
-- import or transition); the trigger records that stay.
CREATE TABLE case_state_stays (
  case_id uuid NOT NULL REFERENCES casework_cases (id),
  seq integer NOT NULL,
  authority_id text NOT NULL,
  state text NOT NULL,
  entered_at timestamptz NOT NULL,
  left_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, seq)
);
COMMENT ON TABLE case_state_stays IS 'One ended stay of a case in a state, derived from its history (trigger on case_events): the time-in-state statistics read it instead of the events';
COMMENT ON COLUMN case_state_stays.case_id IS 'The case';
COMMENT ON COLUMN case_state_stays.seq IS 'seq of the transition event that ended the stay';
COMMENT ON COLUMN case_state_stays.authority_id IS 'Owner of the case when the stay ended (row-level security without a look-up of the case)';
COMMENT ON COLUMN case_state_stays.state IS 'The state left (data.from of the transition event)';
COMMENT ON COLUMN case_state_stays.entered_at IS 'When the case entered the state (the previous lifecycle event)';
COMMENT ON COLUMN case_state_stays.left_at IS 'When it left the state (the transition event)';
CREATE INDEX case_state_stays_authority_idx ON case_state_stays (authority_id, case_id);
COMMENT ON INDEX case_state_stays_authority_idx IS 'Stays of an authority''s cases';

CREATE FUNCTION case_state_stays_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous timestamptz;
  owner text;
BEGIN
  IF NEW.type <> 'transition' OR NEW.data->>'from' IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT e.at INTO previous FROM case_events e
    WHERE e.case_id = NEW.case_id AND e.seq < NEW.seq AND e.type IN ('created', 'transition', 'imported')
    ORDER BY e.seq DESC LIMIT 1;
  IF previous IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT c.authority_id INTO owner FROM casework_cases c WHERE c.id = NEW.case_id;
  INSERT INTO case_state_stays (case_id, seq, authority_id, state, entered_at, left_at)
    VALUES (NEW.case_id, NEW.seq, coalesce(owner, ''), NEW.data->>'from', previous, NEW.at)
    ON CONFLICT (case_id, seq) DO NOTHING;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION case_state_stays_record() IS 'Records the stay a transition event ends (case_state_stays), in the transaction that appends the event';
CREATE TRIGGER case_events_state_stay AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION case_state_stays_record();

INSERT INTO case_state_stays (case_id, seq, authority_id, state, entered_at, left_at)
SELECT s.case_id, s.seq, c.authority_id, s.state, s.previous, s.at
FROM (
  SELECT e.case_id, e.seq, e.type, e.at, e.data->>'from' AS state, lag(e.at) OVER (PARTITION BY e.case_id ORDER BY e.seq) AS previous
  FROM case_events e WHERE e.type IN ('created', 'transition', 'imported')
) s JOIN casework_cases c ON c.id = s.case_id
WHERE s.type = 'transition' AND s.state IS NOT NULL AND s.previous IS NOT NULL;

ALTER TABLE case_state_stays ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_state_stays_scope ON case_state_stays TO palermo_casework
  USING (authority_id = ANY (casework_scope()))
  WITH CHECK (authority_id = ANY (casework_scope()) OR EXISTS (SELECT 1 FROM casework_cases c WHERE c.id = case_id));
GRANT SELECT, INSERT ON case_state_stays TO palermo_casework;

-- The legal bases of a case, kept on the case row for statistics: counting case_legal_bases rows
-- under row-level security checks the policy for every row (3.7 s for an authority of 100,000
-- cases); an array on the case is counted in the same scan as measures and offences.
ALTER TABLE casework_cases ADD COLUMN legal_basis_types text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN casework_cases.legal_basis_types IS 'Types of the case''s legal bases (case_legal_bases.basis, each once), kept by a trigger of case_legal_bases for statistics';
CREATE FUNCTION case_legal_bases_types() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
BEGIN
  FOR changed IN SELECT DISTINCT x FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.case_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.case_id END]) AS x WHERE x IS NOT NULL LOOP
    UPDATE casework_cases c SET legal_basis_types = coalesce((SELECT array_agg(DISTINCT lb.basis ORDER BY lb.basis) FROM case_legal_bases lb WHERE lb.case_id = changed), '{}'), updated_at = now()
      WHERE c.id = changed;
  END LOOP;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION case_legal_bases_types() IS 'Keeps casework_cases.legal_basis_types in step with case_legal_bases (a change of the legal bases is a change of the case: updated_at moves)';
CREATE TRIGGER case_legal_bases_types AFTER INSERT OR UPDATE OR DELETE ON case_legal_bases FOR EACH ROW EXECUTE FUNCTION case_legal_bases_types();
UPDATE casework_cases c SET legal_basis_types = b.types
  FROM (SELECT case_id, array_agg(DISTINCT basis ORDER BY basis) AS types FROM case_legal_bases GROUP BY case_id) b
  WHERE b.case_id = c.id;

CREATE INDEX casework_cases_authority_updated_idx ON casework_cases (authority_id, updated_at);
COMMENT ON INDEX casework_cases_authority_updated_idx IS 'Last change of an authority''s cases: the statistics cache of each node is valid while it stays the same';
