-- 1. API tokens revoked by a security event of their owner (password reset or change, "sign out
--    everywhere", second factor reset by an administrator), not only by the owner's own choice.
-- 2. Import runs remember which process runs them and when it last showed signs of life, so that a
--    run left "running" by a process that died is marked "interrupted" at the next start.

ALTER TABLE api_tokens ADD COLUMN revoked_reason text
  CHECK (revoked_reason IN ('owner', 'password_change', 'password_reset', 'sign_out_everywhere', 'second_factor_reset'));
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_revoked_reason_at_check CHECK (revoked_reason IS NULL OR revoked_at IS NOT NULL);
UPDATE api_tokens SET revoked_reason = 'owner' WHERE revoked_at IS NOT NULL;
COMMENT ON COLUMN api_tokens.revoked_reason IS 'Why the token was revoked: owner (by hand), password_change, password_reset, sign_out_everywhere or second_factor_reset (revoked with the sessions, the owner is told by mail and on the security page); NULL while live';
COMMENT ON COLUMN api_tokens.revoked_at IS 'When the token was revoked (see revoked_reason); a revoked token is refused';

ALTER TABLE import_runs ADD COLUMN owner_host text CHECK (length(owner_host) BETWEEN 1 AND 255);
ALTER TABLE import_runs ADD COLUMN owner_pid integer CHECK (owner_pid > 0);
ALTER TABLE import_runs ADD COLUMN heartbeat_at timestamptz;
ALTER TABLE import_runs DROP CONSTRAINT import_runs_outcome_check;
ALTER TABLE import_runs ADD CONSTRAINT import_runs_outcome_check CHECK (outcome IN ('running', 'succeeded', 'invalid', 'failed', 'interrupted'));
COMMENT ON COLUMN import_runs.owner_host IS 'Host name of the process running the import (with owner_pid: which process owns a running run)';
COMMENT ON COLUMN import_runs.owner_pid IS 'Process id of the process running the import, on owner_host';
COMMENT ON COLUMN import_runs.heartbeat_at IS 'Last sign of life of the importing process (every 30 seconds while running); a running run whose heartbeat is older than 2 minutes, or whose process is gone, is marked interrupted at the next start';
COMMENT ON COLUMN import_runs.outcome IS 'running; succeeded (everything written, or valid for a dry run); invalid (the file had errors, nothing written); failed (an error while writing, nothing written); interrupted (the importing process stopped before finishing, e.g. a crash: nothing written)';
COMMENT ON COLUMN import_runs.finished_at IS 'When the import finished, or when it was found interrupted; NULL while running';
CREATE INDEX import_runs_running_idx ON import_runs (id) WHERE outcome = 'running';
COMMENT ON INDEX import_runs_running_idx IS 'Finds runs still marked running, checked at every start';
