/** Reads of pg-boss's tables for the administrators' view, and the retry of a failed job. */
import { sql, type Kysely } from 'kysely';
import { JOBS_SCHEMA, kyselyExecutor, statements } from './boss.js';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobRow {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
  /** The error of the last failed run, as pg-boss stored it. */
  error: string | null;
}

export interface JobCount {
  name: string;
  state: JobState;
  count: number;
}

const job = sql.table(`${JOBS_SCHEMA}.job`);
const archive = sql.table(`${JOBS_SCHEMA}.archive`);
const queue = sql.table(`${JOBS_SCHEMA}.queue`);
/** A job's columns as JobRow; the error is the message of the last failure (pg-boss keeps it in output). */
const columns = sql`id::text, name, state::text AS state, data, retry_count, retry_limit, created_on, start_after, started_on, completed_on,
  left(COALESCE(output->>'message', output->'value'->>'message', output::text), 1000) AS error`;

export async function queueExists(db: Kysely<any>, name: string): Promise<boolean> {
  const r = await sql<{ one: number }>`SELECT 1 AS one FROM ${queue} WHERE name = ${name}`.execute(db);
  return r.rows.length > 0;
}

/** Jobs per name and state; completed jobs moved to the archive count as completed. */
export async function countJobs(db: Kysely<any>): Promise<JobCount[]> {
  const r = await sql<{ name: string; state: JobState; count: number }>`
    SELECT name, state::text AS state, count(*)::int AS count FROM ${job} GROUP BY name, state
    UNION ALL
    SELECT name, 'completed', count(*)::int FROM ${archive} WHERE state = 'completed' GROUP BY name
  `.execute(db);
  const merged = new Map<string, JobCount>();
  for (const row of r.rows) {
    const k = `${row.name}\u0000${row.state}`;
    const seen = merged.get(k);
    if (seen) seen.count += row.count;
    else merged.set(k, { ...row });
  }
  return [...merged.values()].sort((a, b) => a.name.localeCompare(b.name) || JOB_STATES.indexOf(a.state) - JOB_STATES.indexOf(b.state));
}

/** Jobs in the given states, oldest first for queued and running ones, newest first otherwise. */
export async function selectJobs(db: Kysely<any>, states: readonly JobState[], limit: number, newestFirst: boolean): Promise<JobRow[]> {
  const r = await sql<JobRow>`
    SELECT ${columns}
    FROM ${job}
    WHERE state::text = ANY(${[...states]}::text[])
    ORDER BY ${newestFirst ? sql`COALESCE(completed_on, created_on) DESC` : sql`start_after, created_on`}, id
    LIMIT ${limit}
  `.execute(db);
  return r.rows.map((row) => ({ ...row, error: row.state === 'completed' ? null : row.error }));
}

export async function findJob(db: Kysely<any>, id: string): Promise<JobRow | null> {
  const r = await sql<JobRow>`
    SELECT ${columns}
    FROM ${job} WHERE id = ${id}::uuid
  `.execute(db);
  return r.rows[0] ?? null;
}

/**
 * Queue a failed job again (one more run allowed), in the caller's transaction. Returns false when
 * the job is not (or no longer) failed.
 */
export async function retryFailedJob(trx: Kysely<any>, name: string, id: string): Promise<boolean> {
  const result = (await statements.retry(name, id, { db: kyselyExecutor(trx) })) as unknown as { affected: number };
  return result.affected === 1;
}
