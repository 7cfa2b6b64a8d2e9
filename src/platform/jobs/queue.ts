/**
 * The durable job queue: pg-boss 10 over this process's own connection pool (see docs/ARCHITECTURE.md,
 * "Jobs"). Every process opens it (its tables are installed or upgraded, one queue per registered job
 * kind); only `serve` starts workers. Workers on several nodes share the queue: pg-boss takes each job
 * with SELECT ... FOR UPDATE SKIP LOCKED, so one node runs it. A job that fails is retried with
 * exponential back-off; a run still "active" after its expiry (its node died) is retried by the
 * maintenance pass that every worker node takes in turn.
 *
 * pg-boss is given a "db" ({ executeSql }) instead of a connection string: it opens no pool of its own,
 * and on the embedded database its statements share the single connection with everything else.
 */
import { createRequire } from 'node:module';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from '../log.js';
import { queueSettings, type JobDefinition, type JobInfo } from './definition.js';
import { JOBS_SCHEMA } from './boss.js';
import { inSpan, SpanKind } from '../tracing.js';

const require = createRequire(import.meta.url);
/** pg-boss's statement texts: those it runs without awaiting them (see guardedExecutor). */
const plans = require('pg-boss/src/plans.js') as { completeJobs(schema: string): string; failJobsById(schema: string): string };

export interface JobQueueOptions<C> {
  pool: pg.Pool;
  definitions: readonly JobDefinition<any, C>[];
  /** Passed to every handler (the runtime). */
  context: C;
  logger: Logger;
  /** Seconds between two looks for work while a queue is idle (default 2; at least 0.5). */
  pollSeconds?: number;
  /** Seconds between maintenance passes: expiry of dead runs, archiving (default 60). */
  maintenanceSeconds?: number;
}

/** Settings common to every pg-boss instance of Palermo. */
const BOSS = {
  schema: JOBS_SCHEMA,
  schedule: false,
  // Completed jobs stay visible to administrators for a day, failed ones 30 days (they may be retried).
  archiveCompletedAfterSeconds: 24 * 3600,
  archiveFailedAfterSeconds: 30 * 24 * 3600,
  deleteAfterDays: 30,
} as const;

/** Running queues of this process, woken by wakeWorkers(). */
const running = new Set<JobQueue<any>>();

/** Look for jobs of this name now on every worker of this process (after the enqueueing transaction commits). */
export function wakeWorkers(name: string): void {
  for (const q of running) q.wake(name);
}

export class JobQueue<C> {
  private worker: PgBoss | null = null;
  private workerIds = new Map<string, string[]>();
  private inflight = new Set<Promise<unknown>>();
  private constructor(private readonly options: JobQueueOptions<C>) {}

  /**
   * Install or upgrade pg-boss's tables (under its own advisory lock, safe with several nodes starting
   * at once) and create or update one queue per definition. Starts no worker.
   */
  static async open<C>(options: JobQueueOptions<C>): Promise<JobQueue<C>> {
    const names = new Set<string>();
    for (const def of options.definitions) {
      queueSettings(def);
      if (names.has(def.name)) throw new Error(`job "${def.name}" is defined twice`);
      names.add(def.name);
    }
    const installer = new PgBoss({ ...BOSS, db: executor(options.pool), supervise: false, migrate: true });
    installer.on('error', (err) => options.logger.error({ err }, 'job queue error'));
    await installer.start();
    for (const def of options.definitions) {
      const s = queueSettings(def);
      await installer.createQueue(def.name, { name: def.name, ...s });
      await installer.updateQueue(def.name, { name: def.name, policy: 'standard', ...s });
    }
    return new JobQueue(options);
  }

  get definitions(): readonly JobDefinition<any, C>[] {
    return this.options.definitions;
  }

  /** Start the workers of every definition and the maintenance pass (serve only). */
  async startWorkers(): Promise<void> {
    if (this.worker) return;
    const { logger } = this.options;
    const boss = new PgBoss({
      ...BOSS,
      db: this.guardedExecutor(),
      supervise: true,
      migrate: false,
      maintenanceIntervalSeconds: this.options.maintenanceSeconds ?? 60,
    });
    boss.on('error', (err) => logger.error({ err }, 'job queue error'));
    await boss.start();
    this.worker = boss;
    running.add(this);
    for (const def of this.options.definitions) {
      const ids: string[] = [];
      for (let i = 0; i < (def.concurrency ?? 1); i++) {
        const id: string = await boss.work<object>(def.name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.options.pollSeconds ?? 2 }, async ([job]) => {
          if (!job) return;
          // A job was found: look for the next one right after this one instead of after the interval.
          boss.notifyWorker(id);
          const info: JobInfo = { id: job.id, name: job.name, attempt: job.retryCount + 1, maxAttempts: job.retryLimit + 1, lastAttempt: job.retryCount >= job.retryLimit };
          try {
            await inSpan(`job ${def.name}`, { 'messaging.system': 'pg-boss', 'messaging.destination.name': def.name, 'palermo.job.attempt': info.attempt }, () => def.handler(job.data, info, this.options.context), SpanKind.CONSUMER);
          } catch (err) {
            logger.warn({ err, job: job.name, job_id: job.id, attempt: info.attempt, last_attempt: info.lastAttempt }, 'job failed');
            throw err;
          }
        });
        ids.push(id);
      }
      this.workerIds.set(def.name, ids);
    }
  }

  /** Look for jobs of this name now (no-op without workers here). */
  wake(name: string): void {
    for (const id of this.workerIds.get(name) ?? []) this.worker?.notifyWorker(id);
  }

  /**
   * Stop taking jobs, let running ones finish (up to timeoutMs; those still running are then failed
   * and so retried later), and wait for pg-boss's last statements. Call before closing the pool.
   */
  async stopWorkers(timeoutMs = 30_000): Promise<void> {
    const boss = this.worker;
    if (!boss) return;
    this.worker = null;
    running.delete(this);
    this.workerIds.clear();
    await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  /**
   * The workers' executor. pg-boss marks a job complete or failed without awaiting the statement: a
   * failure of it (database gone) would be an unhandled rejection that ends the process. It is logged
   * instead; the job stays "active" and is retried after its expiry. Every statement is tracked so
   * that stopWorkers() returns only once they are done.
   */
  private guardedExecutor(): PgBoss.Db {
    const { pool, logger } = this.options;
    const unawaited = new Set([plans.completeJobs(JOBS_SCHEMA), plans.failJobsById(JOBS_SCHEMA)]);
    return {
      executeSql: (text: string, values?: unknown[]) => {
        let p: Promise<{ rows: any[] }> = pool.query(text, values as unknown[]);
        if (unawaited.has(text)) {
          p = p.catch((err: unknown) => {
            logger.error({ err }, 'could not record the end of a job; it will be retried after its expiry');
            return { rows: [{ count: 0 }] };
          });
        }
        this.inflight.add(p);
        void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
        return p;
      },
    };
  }
}

function executor(pool: pg.Pool): PgBoss.Db {
  return { executeSql: (text: string, values?: unknown[]) => pool.query(text, values as unknown[]) };
}
