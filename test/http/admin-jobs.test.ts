/** The administrators' page and API of background jobs over HTTP: who may see them, and the retry of a failed job. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enqueue, findJob, JobQueue } from '../../src/platform/jobs/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';

async function until(what: string, check: () => Promise<boolean>, seconds = 90): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('administration of background jobs', () => {
  let server: TestServer;
  let queue: JobQueue<unknown>;
  let admin: Client;
  let curator: Client;
  const attempts: number[] = [];

  /** A job of a kind that fails its first run and has no retry left: failed, waiting for an administrator. */
  async function failedJob(): Promise<string> {
    const id = (await enqueue(server.runtime.db, 'test.first_run_fails', { n: attempts.length }))!;
    await until('the job to fail', async () => (await findJob(server.runtime.db, id))?.state === 'failed');
    return id;
  }

  before(async () => {
    server = await startTestServer();
    queue = await JobQueue.open<unknown>({
      pool: server.runtime.database.pool,
      definitions: [
        {
          name: 'test.first_run_fails',
          retryLimit: 0,
          async handler(_data, job) {
            attempts.push(job.attempt);
            if (job.attempt === 1) throw new Error('SMTP 451: try again later');
          },
        },
      ],
      context: {},
      logger: server.runtime.logger,
      pollSeconds: 0.5,
    });
    await queue.startWorkers();
    admin = new Client(server);
    await signInAs(admin, await makeUser(server, { totp: true, roles: [{ role: 'administrator' }] }));
    curator = new Client(server);
    await signInAs(curator, await makeUser(server, { totp: true, roles: [{ role: 'curator' }] }));
  });
  after(async () => {
    await queue?.stopWorkers();
    await server?.close();
  });

  it('shows failed jobs to administrators only, and retries one from the page (CSRF-protected, audited)', async () => {
    const id = await failedJob();
    assert.equal((await new Client(server).get('/en/admin/jobs')).status, 401);
    assert.equal((await curator.get('/en/admin/jobs')).status, 403);
    const page = await admin.page('/en/admin/jobs');
    assert.equal(page.res.status, 200);
    assert.match(page.html, /<h1>Background jobs<\/h1>/);
    assert.match(page.html, new RegExp(`action="/en/admin/jobs/${id}/retry"`));
    assert.match(page.html, /SMTP 451: try again later/);
    assert.match((await admin.page('/fr/admin/jobs')).html, /Tâches d’arrière-plan/);

    // Without the form's token: refused, nothing changes.
    assert.equal((await admin.post(`/en/admin/jobs/${id}/retry`, {})).status, 403);
    assert.equal((await curator.post(`/en/admin/jobs/${id}/retry`, { _csrf: (await curator.page('/en/account')).csrf })).status, 403);
    assert.equal((await findJob(server.runtime.db, id))?.state, 'failed');

    const res = await admin.post(`/en/admin/jobs/${id}/retry`, { _csrf: page.csrf });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/admin/jobs?retried=1');
    assert.match((await admin.page('/en/admin/jobs?retried=1')).html, /The job is queued again/);
    await until('the retried job to complete', async () => (await findJob(server.runtime.db, id))?.state === 'completed');
    const audit = await server.runtime.db.selectFrom('audit_events').select(['action', 'via']).where('target_id', '=', id).execute();
    assert.deepEqual(audit, [{ action: 'jobs.retry', via: 'web' }]);

    // Once more: the job is no longer failed.
    const again = await admin.post(`/en/admin/jobs/${id}/retry`, { _csrf: page.csrf });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /This job has not failed/);
    assert.equal((await admin.post('/en/admin/jobs/not-a-job/retry', { _csrf: page.csrf })).status, 400);
  });

  it('offers the same through the API', async () => {
    const id = await failedJob();
    assert.equal((await curator.get('/api/v1/admin/jobs')).status, 403);
    const res = await admin.get('/api/v1/admin/jobs');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { summary: { name: string; failed: number }[]; failed: { id: string; attempts: number; max_attempts: number; error: string }[] };
    assert.deepEqual(body.summary.find((s) => s.name === 'test.first_run_fails')?.failed, 1);
    const job = body.failed.find((j) => j.id === id);
    assert.deepEqual([job?.attempts, job?.max_attempts], [1, 1]);
    assert.match(job?.error ?? '', /SMTP 451/);

    const csrf = (await admin.page('/en/admin/jobs')).csrf;
    assert.equal((await admin.post(`/api/v1/admin/jobs/${id}/retry`, {})).status, 403, 'a session needs the X-CSRF-Token header');
    const bad = await admin.post('/api/v1/admin/jobs/nope/retry', {}, { 'x-csrf-token': csrf });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { errors?: { field: string }[] }).errors?.[0]?.field, 'job');
    const retried = await admin.post(`/api/v1/admin/jobs/${id}/retry`, {}, { 'x-csrf-token': csrf });
    assert.equal(retried.status, 200);
    assert.equal(((await retried.json()) as { state: string }).state, 'retry');
    assert.equal((await admin.post(`/api/v1/admin/jobs/${id}/retry`, {}, { 'x-csrf-token': csrf })).status, 409);
    await until('the retried job to complete', async () => (await findJob(server.runtime.db, id))?.state === 'completed');
  });
});
