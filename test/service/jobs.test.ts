/**
 * The job queue on a real database: enqueue in the caller's transaction, retries with back-off, the
 * administrator's retry, one run per job with two worker instances, and jobs that outlive a restart.
 * On PostgreSQL the second "node" has its own pool on the same test database; on PGlite (one
 * connection, one process) the two workers share the database handle.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { ConflictError, ForbiddenError, NotFoundError } from '../../src/platform/http/errors.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { enqueue, findJob, JobQueue, retryWindow, UnknownJobError, type JobDefinition, type JobInfo } from '../../src/platform/jobs/index.js';
import { readJobs, retryJob } from '../../src/modules/accounts/admin-jobs.js';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser } from '../factories/users.js';

/** Wait (polling) until check() returns a value; fails after a generous deadline, not a timing assertion. */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, seconds = 90): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stateOf = async (db: Kysely<any>, id: string) => (await findJob(db, id))?.state;

describe('job queue', () => {
  let rt: TestRuntime;
  const queues: JobQueue<unknown>[] = [];
  const opened: Database[] = [];

  async function open(definitions: JobDefinition<any, unknown>[], database: Database = rt.database): Promise<JobQueue<unknown>> {
    const q = await JobQueue.open<unknown>({ pool: database.pool, definitions, context: {}, logger: rt.logger, pollSeconds: 0.5 });
    queues.push(q);
    return q;
  }

  /** A second node's database handle: its own pool on the server, the same handle on PGlite. */
  async function secondNode(): Promise<Database> {
    if (!rt.databaseUrl) return rt.database;
    const d = await openDatabase({ url: rt.databaseUrl, poolMax: 5 });
    opened.push(d);
    return d;
  }

  before(async () => {
    rt = await createTestRuntime();
  });
  after(async () => {
    for (const q of queues) await q.stopWorkers();
    for (const d of opened) await d.close();
    await rt?.close();
  });

  it('writes the job in the caller’s transaction: a rolled-back transaction enqueues nothing', async () => {
    await open([{ name: 'test.rollback', handler: async () => undefined }]);
    await assert.rejects(
      rt.db.transaction().execute(async (trx) => {
        assert.ok(await enqueue(trx, 'test.rollback', { n: 1 }));
        throw new Error('the change fails');
      }),
      /the change fails/,
    );
    const count = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.rollback'`.execute(rt.db)).rows[0]!.n);
    assert.equal(await count(), 0);
    const id = await rt.db.transaction().execute((trx) => enqueue(trx, 'test.rollback', { n: 2 }));
    assert.equal(await count(), 1);
    assert.equal(await stateOf(rt.db, id!), 'created');
    // A key allows one job while it is kept.
    const a = await enqueue(rt.db, 'test.rollback', { n: 3 }, { key: 'k-1' });
    assert.ok(a);
    assert.equal(await enqueue(rt.db, 'test.rollback', { n: 4 }, { key: 'k-1' }), null);
    assert.equal(await count(), 2);
    await assert.rejects(enqueue(rt.db, 'test.nobody_registered', {}), UnknownJobError);
    await assert.rejects(enqueue(rt.db, 'not a name', {}), UnknownJobError);
  });

  it('retries a failing job with growing delays, then marks it failed; an administrator retries it', async () => {
    const runs: { info: JobInfo; at: number }[] = [];
    let succeedFrom = Infinity;
    const q = await open([
      {
        name: 'test.flaky',
        retryLimit: 2,
        retryDelaySeconds: 1,
        async handler(_data, info) {
          runs.push({ info, at: Date.now() });
          if (info.attempt < succeedFrom) throw new Error(`refused at attempt ${info.attempt}`);
        },
      },
    ]);
    await q.startWorkers();
    const id = (await enqueue(rt.db, 'test.flaky', { x: 1 }))!;
    const failed = await until('the job to fail', async () => {
      const j = await findJob(rt.db, id);
      return j?.state === 'failed' ? j : null;
    });
    assert.deepEqual(runs.map((r) => [r.info.attempt, r.info.maxAttempts, r.info.lastAttempt]), [[1, 3, false], [2, 3, false], [3, 3, true]]);
    // Each retry waits at least retryDelay × 2^(retry-1): 1 s, then 2 s.
    assert.ok(runs[1]!.at - runs[0]!.at >= retryWindow(1, 1).min * 1000, `first delay ${runs[1]!.at - runs[0]!.at} ms`);
    assert.ok(runs[2]!.at - runs[1]!.at >= retryWindow(1, 2).min * 1000, `second delay ${runs[2]!.at - runs[1]!.at} ms`);
    assert.equal(failed.retry_count, 2);
    assert.match(failed.error ?? '', /refused at attempt 3/);

    // Only administrators; refused before anything about the job is revealed.
    const curator = await aUser(rt.db, [{ role: 'curator' }]);
    await assert.rejects(retryJob(rt.db, curator.ctx, id), ForbiddenError);
    await assert.rejects(retryJob(rt.db, curator.ctx, '00000000-0000-4000-8000-000000000000'), ForbiddenError);
    await assert.rejects(readJobs(rt.db, curator.actor), ForbiddenError);
    const admin = await aUser(rt.db, [{ role: 'administrator' }]);
    const overview = await readJobs(rt.db, admin.actor);
    assert.ok(overview.failed.some((j) => j.id === id));
    assert.ok(overview.summary.some((s) => s.name === 'test.flaky' && s.failed === 1));
    await assert.rejects(retryJob(rt.db, admin.ctx, '00000000-0000-4000-8000-000000000000'), NotFoundError);

    succeedFrom = 4;
    await retryJob(rt.db, admin.ctx, id);
    await assert.rejects(retryJob(rt.db, admin.ctx, id), ConflictError, 'no longer failed');
    const audit = await rt.db.selectFrom('audit_events').selectAll().where('action', '=', 'jobs.retry').where('target_id', '=', id).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, admin.id);
    assert.equal((audit[0]!.changes as { name: string }).name, 'test.flaky');
    await until('the retried job to complete', async () => (await stateOf(rt.db, id)) === 'completed');
    assert.deepEqual(runs.map((r) => r.info.attempt), [1, 2, 3, 4]);
    assert.equal(runs[3]!.info.lastAttempt, true);
  });

  it('runs each job once with two worker instances on one database', async () => {
    const runs = new Map<number, string[]>();
    const def = (node: string): JobDefinition<{ i: number }, unknown> => ({
      name: 'test.once',
      concurrency: 3,
      async handler({ i }) {
        runs.set(i, [...(runs.get(i) ?? []), node]);
        await new Promise((r) => setTimeout(r, 5)); // stay "active" a moment while the other node looks
      },
    });
    const a = await open([def('a')]);
    const b = await open([def('b')], await secondNode());
    const N = 60;
    await rt.db.transaction().execute(async (trx) => {
      for (let i = 0; i < N; i++) await enqueue(trx, 'test.once', { i });
    });
    await Promise.all([a.startWorkers(), b.startWorkers()]);
    await until('every job to complete', async () => {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.once' AND state = 'completed'`.execute(rt.db);
      return r.rows[0]!.n === N;
    });
    await a.stopWorkers();
    await b.stopWorkers();
    assert.equal(runs.size, N);
    for (const [i, nodes] of runs) assert.equal(nodes.length, 1, `job ${i} ran on ${nodes.join(', ')}`);
  });

  it('keeps a queued job across a restart and runs it when a worker starts again', async () => {
    // A real restart: the database is closed and opened again (a file-backed PGlite, or a new pool on the server).
    const dir = rt.databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-jobs-'));
    const openNode = () => (dir ? openDatabase({ embedded: dir }) : openDatabase({ url: rt.databaseUrl!, poolMax: 3 }));
    const ran: number[] = [];
    const def: JobDefinition<{ n: number }, unknown> = { name: 'test.restart', handler: async ({ n }) => void ran.push(n) };
    try {
      const first = await openNode();
      const q1 = await JobQueue.open({ pool: first.pool, definitions: [def], context: {}, logger: rt.logger, pollSeconds: 0.5 });
      await q1.startWorkers();
      await q1.stopWorkers();
      const id = (await enqueue(first.db, 'test.restart', { n: 7 }))!;
      assert.equal(await stateOf(first.db, id), 'created');
      await first.close();
      assert.deepEqual(ran, []);

      const second = await openNode();
      try {
        const q2 = await JobQueue.open({ pool: second.pool, definitions: [def], context: {}, logger: rt.logger, pollSeconds: 0.5 });
        await q2.startWorkers();
        await until('the job to run after the restart', async () => (await stateOf(second.db, id)) === 'completed');
        await q2.stopWorkers();
      } finally {
        await second.close();
      }
      assert.deepEqual(ran, [7]);
    } finally {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
