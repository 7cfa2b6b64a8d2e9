/** Administration of the job queue: what is queued, running and failed, and the retry of a failed job. */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import { countJobs, findJob, retryFailedJob, selectJobs, wakeWorkers, type JobRow } from '../../platform/jobs/index.js';
import { type Actor, assertAllowed } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { AccountValidationError, issue } from './validation.js';

export const JOBS_SHOWN = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface JobSummary {
  name: string;
  queued: number;
  running: number;
  failed: number;
  completed: number;
}

export interface JobsOverview {
  summary: JobSummary[];
  queued: JobRow[];
  running: JobRow[];
  failed: JobRow[];
}

/** Counts per kind of job, the oldest queued and running jobs, the latest failures (administrators). */
export async function readJobs(db: Kysely<DB>, actor: Actor): Promise<JobsOverview> {
  assertAllowed(actor, 'jobs.manage');
  const byName = new Map<string, JobSummary>();
  for (const c of await countJobs(db)) {
    const s = byName.get(c.name) ?? { name: c.name, queued: 0, running: 0, failed: 0, completed: 0 };
    if (c.state === 'created' || c.state === 'retry') s.queued += c.count;
    else if (c.state === 'active') s.running += c.count;
    else if (c.state === 'failed') s.failed += c.count;
    else if (c.state === 'completed') s.completed += c.count;
    byName.set(c.name, s);
  }
  return {
    summary: [...byName.values()],
    queued: await selectJobs(db, ['created', 'retry'], JOBS_SHOWN, false),
    running: await selectJobs(db, ['active'], JOBS_SHOWN, false),
    failed: await selectJobs(db, ['failed'], JOBS_SHOWN, true),
  };
}

/** Queue a failed job again for one more attempt; audited in the same transaction. */
export async function retryJob(db: Kysely<DB>, ctx: AuditContext, id: string): Promise<JobRow> {
  assertAllowed(ctx.actor, 'jobs.manage');
  if (!UUID.test(id)) throw new AccountValidationError([issue('job', 'invalid')]);
  const job = await inTransaction(db, async (trx) => {
    const found = await findJob(trx, id);
    if (!found) throw new NotFoundError('No such job');
    if (found.state !== 'failed' || !(await retryFailedJob(trx, found.name, found.id))) {
      throw new ConflictError('Only a failed job can be retried', [{ field: 'job', message: 'not failed' }]);
    }
    await recordAudit(trx, ctx, { action: 'jobs.retry', targetType: 'job', targetId: found.id, changes: { name: found.name, attempts: found.retry_count + 1, error: found.error?.slice(0, 300) ?? null } });
    return found;
  });
  wakeWorkers(job.name);
  return job;
}
