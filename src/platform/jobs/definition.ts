/**
 * What a module declares about a kind of job (pure: names, defaults, back-off, job ids).
 * The queue itself is in queue.ts; enqueueing in enqueue.ts.
 */
import crypto from 'node:crypto';

/** What the handler knows about the job it runs. */
export interface JobInfo {
  id: string;
  name: string;
  /** 1 for the first run, 2 for the first retry... */
  attempt: number;
  /** Runs allowed in all: retryLimit + 1. */
  maxAttempts: number;
  /** No retry follows if this run fails. */
  lastAttempt: boolean;
}

/**
 * A kind of job, declared by a module (PalermoModule.jobs). The handler receives the data given to
 * enqueue(), the job's run count and the context of the process (the runtime). Throwing fails the
 * run: it is retried after retryDelaySeconds × 2^(attempt-1) (with jitter up to twice that), until
 * retryLimit retries have failed; the job is then "failed" and an administrator may retry it.
 *
 * A job may run more than once (a node dies after the work but before the job is marked complete):
 * handlers check that their work is still to do (e.g. the mail is not already sent).
 */
export interface JobDefinition<T = any, C = unknown> {
  /** "<module>.<job>", lower case: e.g. "accounts.deliver_mail". */
  name: string;
  handler: (data: T, job: JobInfo, context: C) => Promise<void>;
  /** Retries after the first run (default 5). */
  retryLimit?: number;
  /** First retry delay in seconds, doubled at each retry (default 30). */
  retryDelaySeconds?: number;
  /** A run still going after this long is failed (and retried); default 900 s. */
  expireInSeconds?: number;
  /** Jobs of this kind run at once on one node (default 1). */
  concurrency?: number;
}

export const JOB_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export interface QueueSettings {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: true;
  expireInSeconds: number;
}

/** The pg-boss queue settings of a definition, defaults applied; throws on a malformed definition. */
export function queueSettings(def: JobDefinition<any, any>): QueueSettings {
  if (!JOB_NAME.test(def.name)) throw new Error(`job name "${def.name}" must look like "module.job_name"`);
  const retryLimit = def.retryLimit ?? 5;
  const retryDelay = def.retryDelaySeconds ?? 30;
  const expireInSeconds = def.expireInSeconds ?? 900;
  const concurrency = def.concurrency ?? 1;
  if (!Number.isInteger(retryLimit) || retryLimit < 0 || retryLimit > 20) throw new Error(`${def.name}: retryLimit must be an integer from 0 to 20`);
  if (!Number.isInteger(retryDelay) || retryDelay < 1) throw new Error(`${def.name}: retryDelaySeconds must be a positive integer`);
  // pg-boss refuses expirations of 24 hours or more.
  if (!Number.isInteger(expireInSeconds) || expireInSeconds < 1 || expireInSeconds >= 86_400) throw new Error(`${def.name}: expireInSeconds must be from 1 to 86,399`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 50) throw new Error(`${def.name}: concurrency must be from 1 to 50`);
  return { retryLimit, retryDelay, retryBackoff: true, expireInSeconds };
}

/**
 * Earliest and latest delay (seconds) before retry number `retry` (1-based) of a job with this
 * first delay: pg-boss waits delay × 2^retry / 2 plus up to as much again at random.
 */
export function retryWindow(retryDelaySeconds: number, retry: number): { min: number; max: number } {
  const base = (retryDelaySeconds * 2 ** Math.min(16, retry)) / 2;
  return { min: base, max: 2 * base };
}

/**
 * The id of the job enqueued for a key (a UUID derived from the job name and the key, RFC 4122
 * version 5 layout): enqueueing the same key again while that job is kept is a no-op.
 */
export function jobIdForKey(name: string, key: string): string {
  const h = crypto.createHash('sha1').update(`palermo.job\u0000${name}\u0000${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
