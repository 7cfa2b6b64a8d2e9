/** The API as researchers expect it: a complete OpenAPI document, problem types that resolve, CORS and caching of public reads, absolute canonical links, a favicon. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('OpenAPI document, public reads and page links', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ publicUrl: 'https://palermo.example.org', publicUrlSet: true });
  });
  after(async () => server?.close());

  it('gives every operation a unique operationId and declares its errors as application/problem+json (component Problem)', async () => {
    const res = await server.get('/api/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as Json;
    assert.ok(doc.components.schemas.Problem, 'shared component schema Problem');
    assert.ok(doc.components.schemas.FieldIssue);
    assert.ok(doc.components.schemas.EntryText, 'record parts are reusable component schemas');
    const text = JSON.stringify(doc.paths);
    assert.ok(text.includes('"#/components/schemas/EntryText"'), 'and are referenced');
    const ids = new Set<string>();
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const method of METHODS) {
        const op = (item as Json)[method] as Json | undefined;
        if (!op) continue;
        operations++;
        const where = `${method.toUpperCase()} ${path}`;
        assert.match(op.operationId ?? '', /^[a-z][A-Za-z0-9]+$/, `${where}: operationId`);
        assert.ok(!ids.has(op.operationId), `${where}: operationId ${op.operationId} is unique`);
        ids.add(op.operationId);
        const errors = Object.entries(op.responses as Json).filter(([status]) => /^[45]/.test(status) || status === 'default');
        assert.ok(errors.some(([s]) => s.startsWith('4')) && errors.some(([s]) => s.startsWith('5')), `${where}: 4xx and 5xx responses declared`);
        for (const [status, response] of errors) {
          assert.deepEqual(Object.keys((response as Json).content ?? {}), ['application/problem+json'], `${where} ${status}`);
          assert.equal((response as Json).content['application/problem+json'].schema.$ref, '#/components/schemas/Problem', `${where} ${status}`);
        }
      }
    }
    assert.ok(operations > 10, `${operations} operations`);
  });

  it('leads a problem type to its description', async () => {
    const res = await server.get('/api/v1/cases/No%20Such');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = (await res.json()) as Json;
    const type = problem.type as string;
    assert.equal(type, '/problems/validation');
    const redirect = await server.get(type, { headers: { 'accept-language': 'fr' } });
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('location'), '/fr/open-data#problem-validation');
    const page = await (await server.get('/fr/open-data')).text();
    assert.ok(page.includes('id="problem-validation"'));
    assert.ok(page.includes('id="problem-not-found"'));
    assert.ok(page.includes('CC BY 4.0'), 'the data licence is named');
    assert.ok(page.includes('href="https://creativecommons.org/licenses/by/4.0/"'));
  });

  it('lets any origin read public data, never with credentials, with ETag, Cache-Control and 304', async () => {
    const res = await server.get('/api/v1/export', { headers: { origin: 'https://research.example.edu' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    assert.match(res.headers.get('cache-control') ?? '', /^public, max-age=\d+/);
    const etag = res.headers.get('etag');
    assert.match(etag ?? '', /^W\/"[0-9a-f]{32}"$/);
    const again = await server.get('/api/v1/export', { headers: { 'if-none-match': etag! } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const changed = await server.get('/api/v1/export', { headers: { 'if-none-match': 'W/"0000"' } });
    assert.equal(changed.status, 200);
    const list = (await changed.json()) as Json;
    assert.equal(list.licence.name, 'CC BY 4.0', 'the export names the data licence');
    assert.equal(list.directory.files.jsonl, 'https://palermo.example.org/api/v1/authorities/export?format=jsonl', 'and lists the directory export');

    const preflight = await server.get('/api/v1/export', { method: 'OPTIONS', headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD');
    const write = await server.get('/api/v1/export', { method: 'OPTIONS', headers: { origin: 'https://x.example', 'access-control-request-method': 'POST' } });
    assert.equal(write.status, 403);

    const withCookie = await server.get('/api/v1/export', { headers: { cookie: 'sid=x' } });
    assert.equal(withCookie.headers.get('access-control-allow-origin'), null, 'a request with credentials is not a public read');
    assert.equal(withCookie.headers.get('etag'), null);
  });

  it('gives pages absolute canonical and hreflang links with x-default when PUBLIC_URL is set, and a favicon', async () => {
    const html = await (await server.get('/ar/open-data')).text();
    const site = 'https://palermo.example.org';
    assert.ok(html.includes(`<link rel="canonical" href="${site}/ar/open-data"/>`));
    for (const l of ['ar', 'zh', 'en', 'fr', 'es', 'ru']) assert.ok(html.includes(`hreflang="${l}" href="${site}/${l}/open-data"`), l);
    assert.ok(html.includes(`hreflang="x-default" href="${site}/en/open-data"`));
    const search = await (await server.get('/zh/search?q=%E5%BC%95%E6%B8%A1&type=case')).text();
    assert.ok(search.includes(`<link rel="canonical" href="${site}/zh/search?q=%E5%BC%95%E6%B8%A1&amp;type=case"/>`), 'query kept, escaped');
    // Other links in the page stay relative: the switcher and the menu work on any host name.
    assert.ok(html.includes('href="/en/open-data" lang="en" hreflang="en"'));
    const icon = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"\/>/.exec(html)?.[1];
    assert.ok(icon);
    const svg = await server.get(icon);
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    const ico = await server.get('/favicon.ico');
    assert.equal(ico.status, 301);
  });
});
