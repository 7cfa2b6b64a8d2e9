import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('platform HTTP behaviour', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  it('answers /healthz and /readyz once migrations are applied', async () => {
    const health = await server.get('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await server.get('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  });

  it('redirects / to the language the browser prefers', async () => {
    const res = await server.get('/', { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/ru/');
    const fallback = await server.get('/', { headers: { 'accept-language': 'de-DE' } });
    assert.equal(fallback.headers.get('location'), '/en/');
  });

  it('returns API errors as problem+json with the request id', async () => {
    const res = await server.get('/api/v1/does-not-exist', { headers: { 'x-request-id': 'test-req-1' } });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(res.headers.get('x-request-id'), 'test-req-1');
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.status, 404);
    assert.equal(body.request_id, 'test-req-1');
    assert.equal(body.instance, '/api/v1/does-not-exist');
  });

  it('ignores a malformed request id and makes its own', async () => {
    const res = await server.get('/healthz', { headers: { 'x-request-id': 'bad id <script>' } });
    const id = res.headers.get('x-request-id') ?? '';
    assert.match(id, /^[0-9a-f-]{36}$/);
  });

  it('renders unknown pages as an HTML 404 in the requested language', async () => {
    const res = await server.get('/ar/no-such-page');
    assert.equal(res.status, 404);
    const html = await res.text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /الصفحة غير موجودة/);
  });

  it('treats an unknown language segment as not found', async () => {
    const res = await server.get('/xx/');
    assert.equal(res.status, 404);
  });

  it('sends security headers', async () => {
    const res = await server.get('/healthz');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await server.get('/api/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { openapi: string; info: { title: string } };
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'Palermo API');
  });

  it('serves versioned assets with long caching', async () => {
    const page = await (await server.get('/en/nothing-here')).text();
    const css = /href="(\/assets\/palermo\.css\?v=[0-9a-f]+)"/.exec(page)?.[1];
    assert.ok(css, 'stylesheet link present');
    const res = await server.get(css);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('cache-control') ?? '', /immutable/);
    assert.match(res.headers.get('content-type') ?? '', /text\/css/);
  });
});
