-- Casework statistics from per-month aggregates (issue 10 sections 7 and 10: the statistics page of
-- an authority with 100,000 cases). The counts, tags and processing time of the statistics
-- (casework/statistics/repository.ts) were computed from every case row of the authority at each
-- call; they are now read from casework_stat_months, kept by statement-level triggers on
-- casework_cases. Time in each state and the backlog stay on the case rows and stays.
--
-- One row per authority, State, month, direction, kind and one dimension value (not one row per
-- combination of all the dimensions, which would be nearly as many rows as cases). The triggers add
-- the new rows' entries and subtract the old rows', grouped: an update that changes none of the
-- counted columns nets to zero and writes nothing, so it neither writes nor locks an aggregate row.

CREATE TABLE casework_stat_months (
  authority_id text NOT NULL,
  country text NOT NULL,
  month date NOT NULL,
  direction text NOT NULL,
  kind text NOT NULL,
  dim text NOT NULL CHECK (dim IN ('outcome', 'partner', 'measure', 'offence', 'ground', 'basis', 'untoc', 'days')),
  code text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (authority_id, month, direction, kind, dim, code, country)
);
COMMENT ON TABLE casework_stat_months IS 'Counts of an authority''s cases per month of receipt (incoming) or sending (outgoing), direction, kind and one dimension value; kept by the triggers casework_cases_stat_* (statement level, transition tables); the statistics read it instead of the cases. A row whose count fell to 0 may stay (readers skip n = 0)';
COMMENT ON COLUMN casework_stat_months.authority_id IS 'Owner of the cases counted (casework_cases.authority_id); row-level security as for its cases';
COMMENT ON COLUMN casework_stat_months.country IS 'State of the cases (casework_cases.country): a State''s figures count only its cases';
COMMENT ON COLUMN casework_stat_months.month IS 'First day of the month of coalesce(received_on, sent_on); cases with neither (drafts not sent) are not counted';
COMMENT ON COLUMN casework_stat_months.direction IS 'incoming or outgoing';
COMMENT ON COLUMN casework_stat_months.kind IS 'Kind of request (casework_cases.kind)';
COMMENT ON COLUMN casework_stat_months.dim IS 'The dimension counted: outcome (every case once, code the outcome or open), partner (partner State), measure, offence (crime type), ground (refusal ground of a refused case), basis (legal basis type), untoc (cases with the UNTOC or a Protocol among their bases, code untoc), days (executed cases by whole days from receipt or sending to execution: the processing-time histogram)';
COMMENT ON COLUMN casework_stat_months.code IS 'The value of the dimension (an outcome, ISO alpha-3 State, vocabulary code, or a number of days)';
COMMENT ON COLUMN casework_stat_months.n IS 'Number of cases (for measure, offence, ground and basis: of array elements, as unnest counts them)';

-- The entries one case contributes (the same for the back-fill and the triggers). Not inlined (the
-- SET clause): grouped by its output columns, the inlined form hits a planner error ("variable not
-- found in subplan target list").
CREATE FUNCTION casework_stat_entries(c casework_cases)
RETURNS TABLE (authority_id text, country text, month date, direction text, kind text, dim text, code text)
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
  SELECT c.authority_id, c.country, date_trunc('month', coalesce(c.received_on, c.sent_on))::date, c.direction, c.kind, e.dim, e.code
  FROM (
    SELECT 'outcome' AS dim, coalesce(c.outcome, 'open') AS code
    UNION ALL SELECT 'partner', c.partner_country
    UNION ALL SELECT 'measure', t FROM unnest(c.measures) AS t
    UNION ALL SELECT 'offence', t FROM unnest(c.crime_types) AS t
    UNION ALL SELECT 'ground', t FROM unnest(c.refusal_grounds) AS t WHERE c.outcome = 'refused'
    UNION ALL SELECT 'basis', t FROM unnest(c.legal_basis_types) AS t
    UNION ALL SELECT 'untoc', 'untoc' WHERE c.legal_basis_types && ARRAY['untoc', 'untoc_protocol']
    UNION ALL SELECT 'days', (c.executed_on - coalesce(c.received_on, c.sent_on))::text WHERE c.executed_on >= coalesce(c.received_on, c.sent_on)
  ) e
  WHERE coalesce(c.received_on, c.sent_on) IS NOT NULL
$$;
COMMENT ON FUNCTION casework_stat_entries(casework_cases) IS 'The (month, direction, kind, dimension, value) entries a case counts for in casework_stat_months';

-- Security definer: the owner's rows are written whoever changes the case (an executing authority
-- acting on a case forwarded to it does not see the owner's aggregates). Rows in key order, so two
-- transactions take the locks of the rows they share in the same order.
CREATE FUNCTION casework_stat_months_apply() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO casework_stat_months AS m (authority_id, country, month, direction, kind, dim, code, n)
    SELECT e.authority_id, e.country, e.month, e.direction, e.kind, e.dim, e.code, count(*)::int
    FROM new_rows c, casework_stat_entries(c) e
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 3, 4, 5, 6, 7, 2
    ON CONFLICT (authority_id, month, direction, kind, dim, code, country) DO UPDATE SET n = m.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO casework_stat_months AS m (authority_id, country, month, direction, kind, dim, code, n)
    SELECT e.authority_id, e.country, e.month, e.direction, e.kind, e.dim, e.code, -count(*)::int
    FROM old_rows c, casework_stat_entries(c) e
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 3, 4, 5, 6, 7, 2
    ON CONFLICT (authority_id, month, direction, kind, dim, code, country) DO UPDATE SET n = m.n + excluded.n;
  ELSE
    INSERT INTO casework_stat_months AS m (authority_id, country, month, direction, kind, dim, code, n)
    SELECT d.authority_id, d.country, d.month, d.direction, d.kind, d.dim, d.code, sum(d.s)::int
    FROM (
      SELECT e.*, 1 AS s FROM new_rows c, casework_stat_entries(c) e
      UNION ALL
      SELECT e.*, -1 AS s FROM old_rows c, casework_stat_entries(c) e
    ) d
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.s) <> 0 ORDER BY 1, 3, 4, 5, 6, 7, 2
    ON CONFLICT (authority_id, month, direction, kind, dim, code, country) DO UPDATE SET n = m.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION casework_stat_months_apply() IS 'Adds the entries of the inserted or new case rows and subtracts those of the deleted or old ones (casework_stat_entries), grouped, in casework_stat_months; an entry whose change nets to zero writes nothing';
CREATE TRIGGER casework_cases_stat_insert AFTER INSERT ON casework_cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION casework_stat_months_apply();
CREATE TRIGGER casework_cases_stat_update AFTER UPDATE ON casework_cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION casework_stat_months_apply();
CREATE TRIGGER casework_cases_stat_delete AFTER DELETE ON casework_cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION casework_stat_months_apply();

INSERT INTO casework_stat_months (authority_id, country, month, direction, kind, dim, code, n)
SELECT e.authority_id, e.country, e.month, e.direction, e.kind, e.dim, e.code, count(*)::int
FROM casework_cases c, casework_stat_entries(c) e
GROUP BY 1, 2, 3, 4, 5, 6, 7;

ALTER TABLE casework_stat_months ENABLE ROW LEVEL SECURITY;
CREATE POLICY casework_stat_months_scope ON casework_stat_months TO palermo_casework USING (authority_id = ANY ((SELECT casework_scope())::text[]));
GRANT SELECT ON casework_stat_months TO palermo_casework;
COMMENT ON TRIGGER casework_cases_stat_insert ON casework_cases IS 'Counts inserted cases in casework_stat_months';
COMMENT ON TRIGGER casework_cases_stat_update ON casework_cases IS 'Moves the counts of changed cases in casework_stat_months (no write when nothing counted changed)';
COMMENT ON TRIGGER casework_cases_stat_delete ON casework_cases IS 'Removes deleted cases from casework_stat_months';
