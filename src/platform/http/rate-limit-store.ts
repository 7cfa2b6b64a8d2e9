/**
 * A @fastify/rate-limit store in the database, so that every app node counts the same requests: a
 * client spreading its requests over several nodes meets one limit. One upsert per counted request
 * (rate-limit-repository.ts); each node deletes ended windows now and then.
 */
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Logger } from '../log.js';
import { hitWindow, pruneWindows, readWindow } from './rate-limit-repository.js';

/** How often a node deletes ended windows, and at most how many at once. */
export const PRUNE_EVERY_MS = 30_000;
const PRUNE_BATCH = 10_000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface Pruner {
  last: number;
  running: boolean;
}

class DatabaseStore implements FastifyRateLimitStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Logger | undefined,
    private readonly pruner: Pruner,
    private readonly prefix = '',
  ) {}

  incr(key: string, callback: Callback, timeWindow: number): void {
    hitWindow(this.db, this.prefix + key, timeWindow).then(
      (w) => callback(null, { current: w.hits, ttl: w.ttlMs }),
      (err: Error) => callback(err),
    );
    this.maybePrune();
  }

  /** The current count without counting (`request.rateLimit({ increment: false })`). */
  read(key: string, callback: Callback): void {
    readWindow(this.db, this.prefix + key).then(
      (w) => callback(null, { current: w.hits, ttl: w.ttlMs }),
      (err: Error) => callback(err),
    );
  }

  /** A route with its own limit counts apart from the others. */
  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    // At run time the plugin passes the merged limit options with the route as `routeInfo`.
    type Route = { method?: string | string[]; url?: string };
    const info: Route = (routeOptions as { routeInfo?: Route }).routeInfo ?? (routeOptions as Route);
    return new DatabaseStore(this.db, this.logger, this.pruner, `${[info.method ?? ''].flat().join(',')} ${info.url ?? ''}|`);
  }

  private maybePrune(): void {
    const p = this.pruner;
    const now = Date.now();
    if (p.running || now - p.last < PRUNE_EVERY_MS) return;
    p.running = true;
    p.last = now;
    pruneWindows(this.db, PRUNE_BATCH)
      .catch((err: unknown) => this.logger?.warn({ err }, 'pruning rate-limit windows failed'))
      .finally(() => {
        p.running = false;
      });
  }
}

/** The store class for `@fastify/rate-limit`'s `store` option, counting in `db`. */
export function databaseRateLimitStore(db: Kysely<DB>, logger?: Logger): new () => FastifyRateLimitStore {
  const pruner: Pruner = { last: Date.now(), running: false };
  return class extends DatabaseStore {
    constructor() {
      super(db, logger, pruner);
    }
  };
}
