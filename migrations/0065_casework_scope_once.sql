-- Casework row-level security, faster: the policies of migration 0055 called casework_scope() in each
-- row's check, and PostgreSQL inlined it, so string_to_array(current_setting(...)) ran once per row
-- read (about a third of a worklist query's time, measured by bench/casework.bench.ts). Written as a
-- scalar subquery, the acting authorities are computed once per statement (an InitPlan) and the
-- comparison can use the indexes on authority_id and executing_authority_ids. Same rules, same
-- visibility: only the form of the expressions changes.

ALTER POLICY casework_cases_scope ON casework_cases
  USING (authority_id = ANY ((SELECT casework_scope())::text[]) OR executing_authority_ids && (SELECT casework_scope()))
  WITH CHECK (authority_id = ANY ((SELECT casework_scope())::text[]) OR executing_authority_ids && (SELECT casework_scope()));
ALTER POLICY case_executions_scope ON case_executions
  USING (executing_authority_id = ANY ((SELECT casework_scope())::text[]) OR EXISTS (SELECT 1 FROM casework_cases c WHERE c.id = case_id AND c.authority_id = ANY ((SELECT casework_scope())::text[])));
ALTER POLICY case_reference_counters_scope ON case_reference_counters USING (authority_id = ANY ((SELECT casework_scope())::text[]));
ALTER POLICY casework_settings_scope ON casework_settings USING (authority_id = ANY ((SELECT casework_scope())::text[]));
COMMENT ON FUNCTION casework_scope() IS 'The authorities (directory ids) the current transaction acts for in casework, from the setting palermo.casework_authorities (comma-separated, set per transaction); NULL (nothing visible) when unset. The policies call it as a scalar subquery (migration 0065), so it is computed once per statement';
