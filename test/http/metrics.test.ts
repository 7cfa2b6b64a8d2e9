/**
 * /metrics for the operator (a Bearer token on the main port, or a server on 127.0.0.1) and /readyz:
 * requests are counted by route pattern, never by raw URL; database, pool, job and process metrics
 * are there; /readyz fails while migrations are pending (and, on a server, while the database is
 * unreachable) and recovers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createRuntimeMetrics } from '../../src/server.js';
import { startMetricsServer } from '../../src/platform/metrics.js';
import { enqueue } from '../../src/platform/jobs/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';

describe('metrics and readiness', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ metricsToken: TOKEN });
  });
  after(async () => {
    await server?.close();
  });

  it('serves Prometheus metrics to the token holder only, with routes as patterns', async () => {
    await enqueue(server.runtime.db, 'accounts.deliver_mail', { outboxId: '0' }, { startAfter: new Date(Date.now() + 86_400_000) });
    assert.equal((await server.get('/en/cases/a-case-that-does-not-exist-4711')).status, 404);
    assert.equal((await server.get('/healthz')).status, 200);
    assert.equal((await server.get('/en/search?q=convention')).status, 200);
    assert.equal((await server.get('/api/v1/search?q=convention')).status, 200);
    assert.equal((await server.get('/metrics')).status, 401);
    assert.equal((await server.get('/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' } })).status, 401);
    const res = await server.get('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await res.text();
    assert.match(text, /palermo_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/:lang\/cases\/:id",status="404"\}/);
    assert.match(text, /palermo_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1/);
    assert.doesNotMatch(text, /a-case-that-does-not-exist-4711/);
    assert.match(text, /palermo_db_query_duration_seconds_count\{outcome="ok"\} [1-9]/);
    assert.match(text, /palermo_db_pool_connections\{state="total"\} \d/);
    assert.match(text, /palermo_db_up 1/);
    assert.match(text, /palermo_search_duration_seconds_count\{source="page"\} 1/);
    assert.match(text, /palermo_search_duration_seconds_count\{source="api"\} 1/);
    assert.match(text, /palermo_search_index_duration_seconds_count\{operation="facet_load"\} [1-9]/);
    assert.doesNotMatch(text, /convention/);
    assert.match(text, /palermo_jobs\{name="accounts\.deliver_mail",state="created"\} 1/);
    assert.match(text, /palermo_process_resident_memory_bytes \d/);
    assert.match(text, /palermo_nodejs_eventloop_lag_p99_seconds \d/);
  });

  it('serves metrics without a token on a port bound to 127.0.0.1, and none on the main port without METRICS_TOKEN', async () => {
    const plain = await startTestServer({}, undefined);
    const local = await startMetricsServer(createRuntimeMetrics(plain.runtime), 0, plain.runtime.logger);
    try {
      assert.equal((await plain.get('/metrics')).status, 404);
      assert.match(local.url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const res = await fetch(local.url);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /palermo_db_up 1/);
      assert.equal((await fetch(local.url.replace('/metrics', '/other'))).status, 404);
    } finally {
      await local.close();
      await plain.close();
    }
  });

  it('is not ready while the database server refuses connections, and recovers (PostgreSQL; PGlite runs inside the process and cannot be unreachable)', async () => {
    if (!process.env.TEST_DATABASE_URL) {
      // The embedded database cannot be cut off from its own process: a closed handle stands for it.
      const { openDatabase } = await import('../../src/platform/db/database.js');
      const gone = await openDatabase({ embedded: 'memory://' });
      await gone.close();
      const { pendingMigrations } = await import('../../src/platform/db/migrate.js');
      await assert.rejects(pendingMigrations(gone.db));
      return;
    }
    const url = new URL(server.runtime.databaseUrl!);
    const name = url.pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      assert.equal((await server.get('/readyz')).status, 503);
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) status = (await server.get('/readyz')).status;
      assert.equal(status, 200);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
    }
  });

  it('is not ready while a migration is pending, and ready again once applied', async () => {
    const pool = server.runtime.database.pool;
    assert.equal((await server.get('/readyz')).status, 200);
    const last = await pool.query<{ version: string; name: string; checksum: string; applied_at: Date }>('SELECT * FROM schema_migrations ORDER BY version DESC LIMIT 1');
    const row = last.rows[0]!;
    await pool.query('DELETE FROM schema_migrations WHERE version = $1', [row.version]);
    const res = await server.get('/readyz');
    assert.equal(res.status, 503);
    assert.match(await res.text(), new RegExp(`pending migrations: ${row.version}`));
    await pool.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [row.version, row.name, row.checksum, row.applied_at]);
    assert.equal((await server.get('/readyz')).status, 200);
  });

});
