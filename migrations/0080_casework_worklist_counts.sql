-- The worklist's counts without reading every case of the authority (issue 10, the worklist's
-- target: 100 ms for an authority of 100,000 cases). Measured on the bench's 100,000-case
-- authority (docs/PERFORMANCE.md, Casework): one statement counting every view read each case's
-- row (a bitmap heap scan of all of them) and probed the deadlines of each open case.
--
-- Row-level security adds its policy to every statement (authority_id, executing_authority_ids):
-- an index-only scan needs both columns in the index, hence executing_authority_ids as an INCLUDE
-- column of the two indexes below.

-- Open cases (the working views: team, mine, awaiting the partner, awaiting an executing authority,
-- and the cases whose deadlines are looked up for "overdue" and "due this week"): about one case in
-- ten, counted index-only. The predicate is worklist.ts ENDED_STATES, in that order.
CREATE INDEX casework_cases_open_idx ON casework_cases (authority_id, state, direction, assigned_to) INCLUDE (executing_authority_ids)
  WHERE state NOT IN ('closed', 'refused', 'withdrawn', 'lapsed');
COMMENT ON INDEX casework_cases_open_idx IS 'Open cases of an authority by state, direction and assignee (the worklist''s counts, index-only under row-level security; predicate = ENDED_STATES of casework/repository/worklist.ts)';

-- Every case of an authority, counted index-only (the "all" view; "closed" is all minus open).
CREATE INDEX casework_cases_authority_scope_idx ON casework_cases (authority_id) INCLUDE (executing_authority_ids);
COMMENT ON INDEX casework_cases_authority_scope_idx IS 'Number of cases of an authority (the worklist''s "all" count), index-only under row-level security';
