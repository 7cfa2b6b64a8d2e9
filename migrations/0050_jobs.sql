-- The durable job queue (src/platform/jobs). Its tables belong to pg-boss, which creates and
-- upgrades them itself at start-up (under its own advisory lock) inside this schema; Palermo
-- reads them only through src/platform/jobs/repository.ts.
CREATE SCHEMA IF NOT EXISTS pgboss;
COMMENT ON SCHEMA pgboss IS 'Durable job queue of Palermo (pg-boss 10): tables created and upgraded by pg-boss itself at start-up (job: queued, running, failed and recently completed jobs, one partition per job kind; archive: older finished jobs; queue: one row per job kind with its retry settings). Jobs are added by enqueue() in the transaction of the change that causes them';
