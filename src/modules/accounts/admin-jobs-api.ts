/** GET /api/v1/admin/jobs and POST /api/v1/admin/jobs/{id}/retry: the job queue for administrators. */
import { Type } from 'typebox';
import type { RoutePlugin } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { type JobRow } from '../../platform/jobs/index.js';
import { auditContext } from '../audit/index.js';
import { readJobs, retryJob } from './admin-jobs.js';

const Job = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ description: 'Kind of job, e.g. accounts.deliver_mail' }),
  state: Type.String({ description: 'created or retry (queued), active (running), failed' }),
  attempts: Type.Integer({ description: 'Runs started so far' }),
  max_attempts: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
  start_after: Type.String({ format: 'date-time', description: 'Earliest next run (queued jobs)' }),
  started_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finished_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Error of the last failed run' }),
});

const Summary = Type.Object({ name: Type.String(), queued: Type.Integer(), running: Type.Integer(), failed: Type.Integer(), completed: Type.Integer({ description: 'Completed within the last 30 days' }) });
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function view(j: JobRow) {
  return {
    id: j.id,
    name: j.name,
    state: j.state,
    attempts: j.state === 'created' ? j.retry_count : j.retry_count + 1,
    max_attempts: j.retry_limit + 1,
    created_at: iso(j.created_on)!,
    start_after: iso(j.start_after)!,
    started_at: iso(j.started_on),
    finished_at: iso(j.completed_on),
    error: j.state === 'created' ? null : j.error,
  };
}

const security = [{ bearerAuth: [] }];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

export const adminJobsApi: RoutePlugin = async (app) => {
  app.get(
    '/api/v1/admin/jobs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Background jobs',
        description: 'Administrators only (jobs.manage). Counts per kind of job, the 50 oldest queued and running jobs, the 50 latest failures.',
        security,
        response: { 200: Type.Object({ summary: Type.Array(Summary), queued: Type.Array(Job), running: Type.Array(Job), failed: Type.Array(Job) }), ...errors },
      },
    },
    async (request) => {
      const data = await readJobs(app.db, request.actor);
      return { summary: data.summary, queued: data.queued.map(view), running: data.running.map(view), failed: data.failed.map(view) };
    },
  );

  app.post(
    '/api/v1/admin/jobs/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Retry a failed job',
        description: 'Administrators only (jobs.manage). Queues a failed job again for one more run; audited (jobs.retry). 409 when the job is not failed.',
        security,
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: Job, ...errors, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => {
      const job = await retryJob(app.db, auditContext(request), request.params.id);
      return { ...view(job), state: 'retry', error: job.error };
    },
  );
};
