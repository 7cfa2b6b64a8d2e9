/**
 * Prometheus metrics (prom-client), for the operator only: GET /metrics with METRICS_TOKEN as a
 * Bearer token on the main port, and/or a plain server on 127.0.0.1:METRICS_PORT. Off unless one
 * is configured. One registry per app (tests run several apps in one process).
 *
 * - palermo_http_request_duration_seconds{method,route,status}: route is Fastify's route pattern
 *   (e.g. /:lang/cases/:id), never the raw URL, so the number of series stays bounded.
 * - palermo_db_query_duration_seconds{outcome}: every query through Kysely.
 * - palermo_db_pool_connections{state}: total, idle, waiting clients of the pool.
 * - palermo_db_up: 1 when a SELECT 1 answers at scrape time (the embedded database's health).
 * - palermo_jobs{name,state}: the job queue's depth (queued, running) and failures, read at scrape.
 * - palermo_search_duration_seconds{source}: searches (source: page or api), reported by the search
 *   module through observeSearch; palermo_search_index_duration_seconds{operation}: reads and patches
 *   of its in-memory indexes (observeSearchIndex). Process-wide: every registry of the process records them.
 * - process and Node.js metrics (memory, CPU, event-loop delay, GC): prom-client's default set.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import client from 'prom-client';
import { countJobs } from './jobs/index.js';
import type { Logger } from './log.js';

export interface MetricsSources {
  pool: pg.Pool;
  db: Kysely<any>;
}

export interface Metrics {
  registry: client.Registry;
  /** Record one HTTP request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** Record one database query. */
  observeQuery(seconds: number, failed: boolean): void;
  /** Stop recording what modules report (observeSearch...): the app is closed. */
  close(): void;
}

type TimingListener = (timing: 'search' | 'search_index', label: string, seconds: number) => void;
const timingListeners = new Set<TimingListener>();

/** A search answered (modules report it; recorded by the metrics of the process, if any). */
export function observeSearch(source: 'page' | 'api', seconds: number): void {
  for (const listen of timingListeners) listen('search', source, seconds);
}

/** An in-memory search index read in full ("facet_load") or brought up to date ("facet_patch", "term_patch"). */
export function observeSearchIndex(operation: 'facet_load' | 'facet_patch' | 'term_patch', seconds: number): void {
  for (const listen of timingListeners) listen('search_index', operation, seconds);
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new client.Registry();
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new client.Histogram<L>({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [registry] });
  client.collectDefaultMetrics({ register: registry, prefix: 'palermo_' });
  const requests = histogram('palermo_http_request_duration_seconds', 'HTTP requests by route pattern, method and status, with their duration', ['method', 'route', 'status'] as const);
  const queries = histogram('palermo_db_query_duration_seconds', 'Database queries through Kysely and their duration', ['outcome'] as const);
  new client.Gauge({
    name: 'palermo_db_pool_connections',
    help: 'Clients of the database pool: total, idle, and callers waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, sources.pool.totalCount);
      this.set({ state: 'idle' }, sources.pool.idleCount);
      this.set({ state: 'waiting' }, sources.pool.waitingCount);
    },
  });
  new client.Gauge({
    name: 'palermo_db_up',
    help: '1 when the database answered SELECT 1 at this scrape, else 0',
    registers: [registry],
    async collect() {
      try {
        await sql`SELECT 1`.execute(sources.db);
        this.set(1);
      } catch {
        this.set(0);
      }
    },
  });
  new client.Gauge({
    name: 'palermo_jobs',
    help: 'Jobs of the queue by kind and state (created and retry: queued; active: running; failed; completed: the last day)',
    labelNames: ['name', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const c of await countJobs(sources.db)) this.set({ name: c.name, state: c.state }, c.count);
      } catch {
        /* database unreachable: palermo_db_up says so */
      }
    },
  });
  const searches = histogram('palermo_search_duration_seconds', 'Searches by source (page or api) and their duration', ['source'] as const);
  const indexWork = histogram('palermo_search_index_duration_seconds', 'Reads (facet_load) and patches (facet_patch, term_patch) of the in-memory search indexes and their duration', ['operation'] as const);
  const listener: TimingListener = (timing, label, seconds) => {
    if (timing === 'search') searches.observe({ source: label }, seconds);
    else indexWork.observe({ operation: label }, seconds);
  };
  timingListeners.add(listener);
  return {
    registry,
    close() {
      timingListeners.delete(listener);
    },
    observeRequest(method, route, status, seconds) {
      requests.observe({ method, route, status: String(status) }, seconds);
    },
    observeQuery(seconds, failed) {
      queries.observe({ outcome: failed ? 'error' : 'ok' }, seconds);
    },
  };
}

/** Is this Authorization header the metrics token? (constant time) */
export function metricsTokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b) && given.length > 0;
}

/** A plain HTTP server for /metrics on 127.0.0.1 only (METRICS_PORT). */
export async function startMetricsServer(metrics: Metrics, port: number, logger: Logger): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: unknown) => {
        logger.error({ err }, 'metrics failed');
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        metrics.close();
        server.close(() => resolve());
      }),
  };
}
