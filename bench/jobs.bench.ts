/**
 * Job queue throughput: pg-boss 10 as Palermo runs it (src/platform/jobs) against graphile-worker
 * 0.17 (devDependency, kept for this comparison), on PGlite and on PostgreSQL when available.
 *
 * - enqueue: N jobs, each in its own Kysely transaction (as a change that causes a job does).
 * - drain: the N queued jobs run by a no-op handler (queue overhead only), 1 and 4 at once per node.
 * - two nodes (PostgreSQL): the same, with two worker instances on two pools sharing the database.
 * - pick-up latency: one job enqueued into an idle, running queue until its handler starts; pg-boss
 *   polls (every 2 s here, as in production) unless the enqueueing node wakes its own workers.
 * graphile-worker holds one connection for LISTEN: on PGlite's single connection it must stall; the
 * bench runs it there in a child process with a deadline (bench/jobs-graphile-pglite.ts) and records
 * what happened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { Logger, run as runGraphile, type Runner } from 'graphile-worker';
import type { Bench } from './run.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { createLogger } from '../src/platform/log.js';
import { createServerDatabase } from '../test/helpers/db.js';
import { enqueue, JobQueue, wakeWorkers, type JobDefinition } from '../src/platform/jobs/index.js';

const N = Number(process.env.BENCH_JOBS ?? 1000);
const LATENCY_SAMPLES = 8;
const silent = createLogger('silent');
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-jobs-bench-'));
    const database = await openDatabase({ embedded: dir });
    return { database, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  return createServerDatabase(process.env.TEST_DATABASE_URL!, 10);
}

async function until(check: () => boolean | Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return true;
}

async function pgBoss(kind: 'pglite' | 'postgres', log: (m: string) => void) {
  const { database, url, drop } = await freshDatabase(kind);
  const extra: Database[] = [];
  try {
    let done = 0;
    let started = 0;
    const def = (concurrency: number): JobDefinition<{ i: number }, unknown> => ({ name: 'bench.noop', concurrency, handler: async () => void done++ });
    const latencyDef: JobDefinition<object, unknown> = { name: 'bench.latency', handler: async () => void (started = performance.now()) };
    const open = (db: Database, concurrency: number) => JobQueue.open<unknown>({ pool: db.pool, definitions: [def(concurrency), latencyDef], context: {}, logger: silent });
    await open(database, 1);

    const fill = async () => {
      const t0 = performance.now();
      for (let i = 0; i < N; i++) await database.db.transaction().execute((trx) => enqueue(trx, 'bench.noop', { i }));
      return performance.now() - t0;
    };
    const drain = async (queues: JobQueue<unknown>[]) => {
      done = 0;
      const t0 = performance.now();
      await Promise.all(queues.map((q) => q.startWorkers()));
      await until(() => done >= N, 600);
      const ms = performance.now() - t0;
      for (const q of queues) await q.stopWorkers();
      return ms;
    };
    const out: Record<string, unknown> = {};
    const enqueueMs = await fill();
    out.enqueue_per_s = rate(N, enqueueMs);
    out.drain_1_per_s = rate(N, await drain([await open(database, 1)]));
    await fill();
    out.drain_4_per_s = rate(N, await drain([await open(database, 4)]));
    if (url) {
      const second = await openDatabase({ url, poolMax: 10 });
      extra.push(second);
      await fill();
      out.two_nodes_drain_4_each_per_s = rate(N, await drain([await open(database, 4), await open(second, 4)]));
    }
    log(`pg-boss on ${kind}: enqueue ${out.enqueue_per_s}/s, drain ${out.drain_1_per_s}/s (1 at once), ${out.drain_4_per_s}/s (4 at once)${url ? `, two nodes ${out.two_nodes_drain_4_each_per_s}/s` : ''}`);

    const q = await open(database, 1);
    await q.startWorkers();
    const pickUp = async (wake: boolean) => {
      const ms: number[] = [];
      for (let i = 0; i < LATENCY_SAMPLES; i++) {
        started = 0;
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 1700)); // land anywhere in the poll cycle
        const t0 = performance.now();
        await database.db.transaction().execute((trx) => enqueue(trx, 'bench.latency', {}));
        if (wake) wakeWorkers('bench.latency');
        await until(() => started > 0, 30);
        ms.push(started - t0);
      }
      ms.sort((a, b) => a - b);
      return { p50_ms: Math.round(ms[Math.floor(ms.length / 2)]!), max_ms: Math.round(ms[ms.length - 1]!) };
    };
    out.pick_up_other_node_polling_2s = await pickUp(false);
    out.pick_up_same_node_woken = await pickUp(true);
    await q.stopWorkers();
    log(`pg-boss on ${kind}: pick-up p50 ${JSON.stringify(out.pick_up_other_node_polling_2s)} polling, ${JSON.stringify(out.pick_up_same_node_woken)} woken`);
    return out;
  } finally {
    for (const d of extra) await d.close();
    await database.close();
    await drop();
  }
}

/** graphile-worker on PGlite, in a child process (its stalled runner cannot be stopped cleanly). */
function graphileWorkerOnPglite(log: (m: string) => void) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./jobs-graphile-pglite.ts', import.meta.url))], { encoding: 'utf8', timeout: 120_000 });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  const outcome = line ? (JSON.parse(line) as Record<string, unknown>) : { error: child.stderr.slice(-500) };
  log(`graphile-worker on pglite: ${JSON.stringify(outcome)}`);
  return { runs: false, ...outcome, reason: 'holds one connection for LISTEN; PGlite serves one connection' };
}

async function graphileWorker(log: (m: string) => void) {
  const kind = 'postgres';
  const { database, drop } = await freshDatabase(kind);
  const logger = new Logger(() => () => undefined);
  let runner: Runner | undefined;
  try {
    let done = 0;
    let started = 0;
    const taskList = { noop: async () => void done++, latency: async () => void (started = performance.now()) };
    const add = (task: string) => database.db.transaction().execute(async (trx) => void (await sql`SELECT graphile_worker.add_job(${task}, '{}'::json)`.execute(trx)));
    const start = (concurrency: number) => runGraphile({ pgPool: database.pool, concurrency, noHandleSignals: true, pollInterval: 2000, taskList, logger });

    runner = await start(1); // installs its schema
    await runner.stop();
    runner = undefined;
    const fill = async () => {
      const t0 = performance.now();
      for (let i = 0; i < N; i++) await add('noop');
      return performance.now() - t0;
    };
    const drain = async (concurrency: number) => {
      done = 0;
      const t0 = performance.now();
      runner = await start(concurrency);
      await until(() => done >= N, 600);
      const ms = performance.now() - t0;
      await runner.stop();
      runner = undefined;
      return ms;
    };
    const out: Record<string, unknown> = { runs: true };
    out.enqueue_per_s = rate(N, await fill());
    out.drain_1_per_s = rate(N, await drain(1));
    await fill();
    out.drain_4_per_s = rate(N, await drain(4));
    log(`graphile-worker on ${kind}: enqueue ${out.enqueue_per_s}/s, drain ${out.drain_1_per_s}/s (1 at once), ${out.drain_4_per_s}/s (4 at once)`);
    runner = await start(1);
    const ms: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      started = 0;
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1700));
      const t0 = performance.now();
      await add('latency');
      await until(() => started > 0, 30);
      ms.push(started - t0);
    }
    ms.sort((a, b) => a - b);
    out.pick_up_listen_notify = { p50_ms: Math.round(ms[Math.floor(ms.length / 2)]!), max_ms: Math.round(ms[ms.length - 1]!) };
    log(`graphile-worker on ${kind}: pick-up ${JSON.stringify(out.pick_up_listen_notify)}`);
    return out;
  } finally {
    if (runner) await runner.stop();
    await database.close();
    await drop();
  }
}

const bench: Bench = async (ctx) => {
  const out: Record<string, unknown> = {
    jobs: N,
    load: `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start`,
    handler: 'no-op (queue overhead only); one job per enqueueing transaction',
  };
  for (const kind of ctx.databases) {
    out[`pg-boss ${kind}`] = await pgBoss(kind, ctx.log);
    out[`graphile-worker ${kind}`] = kind === 'pglite' ? graphileWorkerOnPglite(ctx.log) : await graphileWorker(ctx.log);
  }
  return out;
};
export default bench;
