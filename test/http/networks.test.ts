/**
 * Networks over HTTP: the public figures page (chart and table) and CSV, the secretariat's log page
 * and form (CSRF, 400 naming the field), the API with operationIds, 403 for anyone else, fuzzed
 * bodies answered 4xx naming the field.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, csrfOf, makeUser, signInAll } from './accounts-support.js';

const cookieOf = (c: Client) => [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
const form = { requesting_country: 'NGA', requested_country: 'GHA', kind: 'mla', offence: 'trafficking-in-persons', facilitated_on: '2021-05-01' };

describe('networks over HTTP', () => {
  let server: TestServer;
  const c = {} as Record<'wacap' | 'officer', Client>;

  before(async () => {
    server = await startTestServer();
    const users = {
      wacap: await makeUser(server, { roles: [{ role: 'network_secretariat', authority_id: 'wacap' }], totp: true, name: 'WACAP Secretariat' }),
      officer: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: 'nga-moj' }], totp: true, name: 'Officer' }),
    };
    Object.assign(c, await signInAll(server, users));
  });
  after(async () => server?.close());

  it('logs a case through the form and shows it in the public figures, chart, table and CSV', async () => {
    const res = await c.wacap.submit('/en/networks/wacap/log', '/en/networks/wacap/log', form);
    assert.equal(res.status, 303, await res.text());
    const bad = await c.wacap.submit('/en/networks/wacap/log', '/en/networks/wacap/log', { ...form, requested_country: 'NGA' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /must differ from requesting_country/);
    const log = await c.wacap.page('/en/networks/wacap/log');
    assert.match(log.html, /Nigeria/);
    const page = await (await server.get('/en/networks')).text();
    assert.match(page, /<svg[^>]*role="img"/);
    assert.match(page, /1 case was facilitated through 1 network in 2021/);
    assert.match(page, /id="net-figures"/);
    const csv = await (await server.get('/api/v1/networks/figures.csv')).text();
    assert.equal(csv.split('\r\n')[1], '2021,0,0,1,1');
    const mine = await c.wacap.get('/api/v1/networks/wacap/cases.csv');
    assert.equal(mine.status, 200);
    assert.match(await mine.text(), /NGA,GHA,mla,trafficking-in-persons,2021-05-01,,pending/);
    const ar = await (await server.get('/ar/networks')).text();
    assert.match(ar, /dir="rtl"/);
    // By kind and by offence: tables on the page and CSV.
    assert.match(page, /id="net-by-kind"/);
    assert.match(page, /id="net-by-offence"/);
    assert.match(ar, /القضايا التي يُسِّرت حسب نوع التعاون/);
    const byKind = await (await server.get('/api/v1/networks/figures/kind.csv')).text();
    assert.equal(byKind.split('\r\n')[1], 'mla,0,0,1,1');
    const byOffence = await server.get('/api/v1/networks/figures/offence.csv');
    assert.equal(byOffence.status, 200);
    assert.equal((await byOffence.text()).split('\r\n')[1], 'trafficking-in-persons,0,0,1,1');
    assert.equal((await server.get('/api/v1/networks/figures/other.csv')).status, 400);
  });

  it('refuses the log to anyone but the secretariat (403 problem+json, 401 anonymous)', async () => {
    assert.equal((await c.officer.get('/en/networks/wacap/log')).status, 403);
    const api = await c.officer.get('/api/v1/networks/wacap/cases');
    assert.equal(api.status, 403);
    assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal((await server.get('/api/v1/networks/wacap/cases.csv')).status, 401);
    const openapi = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    assert.equal(openapi.paths['/api/v1/networks/{id}/cases']?.post?.operationId, 'logNetworkCase');
    assert.equal(openapi.paths['/api/v1/networks/figures']?.get?.operationId, 'getNetworkFigures');
  });

  it('answers fuzzed API bodies with 4xx naming the field, never 500', async () => {
    const token = csrfOf((await c.wacap.page('/en/networks/wacap/log')).html);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(form), 'outcome', 'concluded_on'), fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.constant(null), fc.constant([]), fc.constant('\u0000')), async (field, value) => {
        const res = await server.get('/api/v1/networks/wacap/cases', { method: 'POST', body: JSON.stringify({ ...form, [field]: value }), headers: { 'content-type': 'application/json', cookie: cookieOf(c.wacap), origin: server.url, 'x-csrf-token': token } });
        assert.ok(res.status < 500, `${field}: ${res.status}`);
        if (res.status >= 400) {
          const problem = (await res.json()) as { errors?: { field: string }[] };
          assert.ok(problem.errors?.some((e) => e.field === field), `${field}=${JSON.stringify(value)}: ${JSON.stringify(problem)}`);
        }
      }),
      { numRuns: 40 },
    );
  });
});
