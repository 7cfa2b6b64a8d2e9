/**
 * Traces to a real OTLP/HTTP receiver (a node:http server taking POST /v1/traces, JSON as the exporter
 * sends it): a page request with a W3C traceparent gives a server span named by its route pattern, a
 * child of the caller's span, with query and search spans beneath it; a job run gives its own span.
 * No parameter value (the search words, a job's data, an identifier in the URL) reaches the receiver.
 * Without an endpoint nothing is started.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { listen, type RunningServer } from '../../src/server.js';
import { tracingOn } from '../../src/platform/tracing.js';
import { enqueue, JobQueue } from '../../src/platform/jobs/index.js';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}

const attr = (span: OtlpSpan, key: string) => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue === undefined ? undefined : Number(v.intValue));
};

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const SECRET = 'zanzibarquokka';

describe('tracing through OpenTelemetry', () => {
  const bodies: string[] = [];
  let receiver: http.Server;
  let receiverUrl: string;
  let rt: TestRuntime;

  before(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
        if (req.method === 'POST' && req.url === '/v1/traces') {
          assert.match(req.headers['content-type'] ?? '', /^application\/json/);
          bodies.push(body.toString('utf8'));
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } else res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    rt = await createTestRuntime();
  });
  after(async () => {
    await rt?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const spans = (): OtlpSpan[] =>
    bodies.flatMap((b) => (JSON.parse(b) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));

  it('starts nothing without an endpoint', async () => {
    const config = loadConfig({});
    assert.equal(config.otlpTracesUrl, undefined);
    const own = await createTestRuntime();
    const server = await listen(own, { ...own.config, port: 0, host: '127.0.0.1', otlpTracesUrl: undefined }, own.logger);
    try {
      assert.equal(tracingOn(), false);
      assert.equal((await fetch(`${server.url}/en/search?q=${SECRET}`)).status, 200);
    } finally {
      await server.close();
      await own.close();
    }
    assert.equal(bodies.length, 0);
  });

  it('sends a span per request, query, search and job run, without parameter values', async () => {
    assert.equal(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: `${receiverUrl}/` }).otlpTracesUrl, `${receiverUrl}/v1/traces`);
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const queue = await JobQueue.open<unknown>({
      pool: rt.database.pool,
      context: {},
      logger: rt.logger,
      pollSeconds: 0.5,
      definitions: [
        {
          name: 'test.traced',
          handler: async (data: { word: string }) => {
            await sql`SELECT ${data.word}::text AS word`.execute(rt.db);
            ran();
          },
        },
      ],
    });
    let server: RunningServer | undefined;
    try {
      server = await listen(rt, { ...rt.config, port: 0, host: '127.0.0.1', otlpTracesUrl: `${receiverUrl}/v1/traces`, otelServiceName: 'palermo-test' }, rt.logger);
      assert.equal(tracingOn(), true);
      const page = await fetch(`${server.url}/en/search?q=${SECRET}`, { headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` } });
      assert.equal(page.status, 200);
      await page.text();
      assert.equal((await fetch(`${server.url}/en/cases/case-id-${SECRET}`)).status, 404);
      await queue.startWorkers();
      await enqueue(rt.db, 'test.traced', { word: SECRET });
      await done;
    } finally {
      await queue.stopWorkers();
      await server?.close(); // sends what is buffered and stops tracing
    }
    assert.equal(tracingOn(), false);

    const all = spans();
    const request = all.find((s) => s.traceId === TRACE_ID && s.kind === 2);
    assert.ok(request, `no server span in the caller's trace: ${all.map((s) => s.name).join(', ')}`);
    assert.equal(request.parentSpanId, PARENT_ID);
    assert.match(request.name, /^GET \/:lang\/search$/);
    assert.equal(attr(request, 'http.route'), '/:lang/search');
    assert.equal(attr(request, 'http.request.method'), 'GET');
    assert.equal(attr(request, 'http.response.status_code'), 200);
    const inTrace = all.filter((s) => s.traceId === TRACE_ID);
    const search = inTrace.find((s) => s.name === 'search');
    assert.ok(search, 'no search span');
    assert.equal(search.parentSpanId, request.spanId);
    assert.equal(attr(search, 'palermo.search.source'), 'page');
    const queries = inTrace.filter((s) => attr(s, 'db.system.name') === 'postgresql');
    assert.ok(queries.length > 0, 'no query spans');
    assert.ok(queries.some((q) => q.parentSpanId === search.spanId && attr(q, 'db.collection.name')));
    for (const q of queries) assert.match(q.name, /^[A-Z]+( [a-z_][a-z0-9_.]*)?$/);

    const notFound = all.find((s) => s.kind === 2 && attr(s, 'http.response.status_code') === 404);
    assert.equal(notFound?.name, 'GET /:lang/cases/:id');
    const job = all.find((s) => s.name === 'job test.traced');
    assert.ok(job, 'no job span');
    assert.equal(attr(job, 'messaging.destination.name'), 'test.traced');
    assert.ok(all.some((s) => s.parentSpanId === job.spanId && s.name === 'SELECT'));
    // Nothing of what was asked or carried: only route patterns, statement kinds and table names.
    for (const body of bodies) assert.doesNotMatch(body, new RegExp(SECRET));
    assert.match(bodies.join(''), /"palermo-test"/);
  });

});
