/**
 * enqueue(trx, name, data): the one way to add a job. The job row is written by pg-boss's own insert
 * statement, run in the caller's Kysely transaction: it exists only if that transaction commits.
 */
import type { Kysely } from 'kysely';
import { kyselyExecutor, statements } from './boss.js';
import { JOB_NAME, jobIdForKey } from './definition.js';
import { queueExists } from './repository.js';

export interface EnqueueOptions {
  /** Run no earlier than this (default: now). */
  startAfter?: Date;
  /**
   * At most one job per key and name while the job is kept (queued, running, failed, or completed
   * within the last day): enqueueing the same key again returns null and adds nothing.
   */
  key?: string;
  /** Higher runs first among queued jobs of the same name (default 0). */
  priority?: number;
}

export class UnknownJobError extends Error {
  constructor(name: string) {
    super(`no job named "${name}" is registered (PalermoModule.jobs) on this database`);
    this.name = 'UnknownJobError';
  }
}

/**
 * Queue a job in the caller's transaction (or on `db` directly, outside one). `data` is stored as JSON:
 * put identifiers in it, not personal or confidential content. Returns the job id, or null when
 * options.key names a job already kept. Throws UnknownJobError for a name no module registered.
 */
export async function enqueue<T extends object>(trx: Kysely<any>, name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
  if (!JOB_NAME.test(name)) throw new UnknownJobError(name);
  if (options.priority !== undefined && !Number.isInteger(options.priority)) throw new Error('priority must be an integer');
  const id = options.key !== undefined ? jobIdForKey(name, options.key) : undefined;
  const created = await statements.send(name, data, {
    db: kyselyExecutor(trx),
    ...(id ? { id } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
  });
  if (created) return created;
  // pg-boss inserts nothing (and says nothing) for a queue that does not exist, or on a key conflict.
  if (!(await queueExists(trx, name))) throw new UnknownJobError(name);
  return null;
}
