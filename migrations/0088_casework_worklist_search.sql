-- The worklist's filters and search through indexes (issue 10, the worklist's target: 100 ms for an
-- authority of 100,000 cases). Migration 0080 made the unfiltered counts index-only; a filter
-- (partner State, kind, state, direction) or a search read every case of the authority.
--
-- Filters: the two covering indexes of 0080 are replaced by ones that also hold the filtered
-- columns, so the counts of every view stay index-only with a filter (row-level security still
-- needs executing_authority_ids in the index). The partner State, the most selective filter, leads
-- after the authority.
DROP INDEX casework_cases_authority_scope_idx;
CREATE INDEX casework_cases_authority_filter_idx ON casework_cases (authority_id, partner_country) INCLUDE (kind, state, direction, executing_authority_ids);
COMMENT ON INDEX casework_cases_authority_filter_idx IS 'Cases of an authority by partner State, with kind, state and direction: the worklist''s "all" count with or without filters, index-only under row-level security';

DROP INDEX casework_cases_open_idx;
CREATE INDEX casework_cases_open_idx ON casework_cases (authority_id, state, direction, assigned_to) INCLUDE (executing_authority_ids, kind, partner_country)
  WHERE state NOT IN ('closed', 'refused', 'withdrawn', 'lapsed');
COMMENT ON INDEX casework_cases_open_idx IS 'Open cases of an authority by state, direction and assignee, with kind and partner State (the worklist''s counts with or without filters, index-only under row-level security; predicate = ENDED_STATES of casework/repository/worklist.ts)';

-- Search ("any reference, person, partner State, offence"): substring matches (ILIKE '%q%') through
-- trigram indexes (pg_trgm, migration 0001; loaded in PGlite by platform/db/pglite-worker.ts). The
-- worklist looks the matching cases up through these indexes and joins them to the view.
CREATE INDEX casework_cases_search_trgm_idx ON casework_cases USING gin (reference gin_trgm_ops, partner_reference gin_trgm_ops, title gin_trgm_ops, offence_text gin_trgm_ops, partner_authority_name gin_trgm_ops);
COMMENT ON INDEX casework_cases_search_trgm_idx IS 'Worklist search: our reference, the partner''s reference, title, offences as written, partner authority (substring, trigrams)';
CREATE INDEX case_persons_search_trgm_idx ON case_persons USING gin ((given_names || ' ' || family_name) gin_trgm_ops);
COMMENT ON INDEX case_persons_search_trgm_idx IS 'Worklist search by a person''s names (given names and family name, substring, trigrams)';
CREATE INDEX case_executions_reference_trgm_idx ON case_executions USING gin (their_reference gin_trgm_ops);
COMMENT ON INDEX case_executions_reference_trgm_idx IS 'Worklist search by an executing authority''s reference (substring, trigrams)';

-- ILIKE is not leakproof, so under row-level security PostgreSQL evaluates it only after the
-- policy, row by row, and never as an index condition: the trigram indexes would not be used by
-- the worklist's statements (which run as palermo_casework). The search is therefore looked up by
-- this function, which reads as the owner of the tables (SECURITY DEFINER, the trigram indexes
-- usable) and applies the same visibility as the policies of migrations 0055/0065 itself: the
-- cases of the acting authorities (casework_scope()) and those forwarded to them, and an executing
-- authority's own tracks. It returns only case ids; the worklist joins them to its view under
-- row-level security, so a case outside the scope is filtered twice.
CREATE FUNCTION casework_search_ids(pattern text, countries text[]) RETURNS TABLE (id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT ROWS 200 AS $$
DECLARE
  scope text[] := casework_scope();
BEGIN
  IF scope IS NULL OR cardinality(scope) = 0 THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT c.id FROM casework_cases c
      WHERE (c.reference ILIKE pattern OR c.partner_reference ILIKE pattern OR c.title ILIKE pattern OR c.offence_text ILIKE pattern OR c.partner_authority_name ILIKE pattern)
        AND (c.authority_id = ANY (scope) OR c.executing_authority_ids && scope)
    UNION
    SELECT p.case_id FROM case_persons p JOIN casework_cases c ON c.id = p.case_id
      WHERE (p.given_names || ' ' || p.family_name) ILIKE pattern
        AND (c.authority_id = ANY (scope) OR c.executing_authority_ids && scope)
    UNION
    SELECT e.case_id FROM case_executions e JOIN casework_cases c ON c.id = e.case_id
      WHERE e.their_reference ILIKE pattern
        AND (c.authority_id = ANY (scope) OR e.executing_authority_id = ANY (scope))
    UNION
    SELECT c.id FROM casework_cases c WHERE c.partner_country = ANY (countries) AND c.authority_id = ANY (scope)
    UNION
    SELECT c.id FROM casework_cases c WHERE c.partner_country = ANY (countries) AND c.executing_authority_ids && scope;
END $$;
COMMENT ON FUNCTION casework_search_ids(text, text[]) IS 'Worklist search: ids of the cases visible in the current casework scope (casework_scope(), same rules as the row-level security policies) whose references (ours, the partner''s, an executing authority''s), title, offences as written, partner authority or persons'' names match the ILIKE pattern, or whose partner State is one of countries; SECURITY DEFINER so that the trigram indexes serve the pattern (ILIKE is not leakproof and is never an index condition under row-level security)';
