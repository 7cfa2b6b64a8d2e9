/**
 * Network case corrections over HTTP: the entry page (no JavaScript) with its correction form and
 * history, 400 naming the field on the page and as problem+json, the API's history with its chain,
 * the public figures counting corrected values, 403 for anyone but the secretariat.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, csrfOf, makeUser, signInAll } from './accounts-support.js';

const cookieOf = (c: Client) => [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
const entry = { requesting_country: 'NGA', requested_country: 'GHA', kind: 'mla', offence: 'trafficking-in-persons', facilitated_on: '2019-05-01' };

describe('network case corrections over HTTP', () => {
  let server: TestServer;
  const c = {} as Record<'wacap' | 'officer', Client>;
  let caseId: string;

  before(async () => {
    server = await startTestServer();
    const users = {
      wacap: await makeUser(server, { roles: [{ role: 'network_secretariat', authority_id: 'wacap' }], totp: true, name: 'WACAP Secretariat' }),
      officer: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: 'nga-moj' }], totp: true, name: 'Officer' }),
    };
    Object.assign(c, await signInAll(server, users));
    const res = await api(c.wacap, 'POST', '/api/v1/networks/wacap/cases', entry);
    const text = await res.text();
    assert.equal(res.status, 201, text);
    caseId = (JSON.parse(text) as { id: string }).id;
  });
  after(async () => server?.close());

  const api = async (who: Client, method: string, path: string, body?: unknown) =>
    server.get(path, { method, headers: { cookie: cookieOf(who), origin: server.url, 'x-csrf-token': csrfOf((await who.page('/en/networks/wacap/log')).html), 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

  it('corrects an entry through its page: the history shows what changed and why, the figures follow', async () => {
    const page = `/en/networks/wacap/log/${caseId}`;
    assert.match((await c.wacap.page('/en/networks/wacap/log')).html, new RegExp(`href="${page}"`));
    const first = await c.wacap.page(page);
    assert.match(first.html, /Not corrected since it was logged/);
    const bad = await c.wacap.submit(page, `${page}/corrections`, { ...entry, outcome: 'executed', concluded_on: '2019-09-01', reason: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /class="field-error" id="k-reason-e"/);
    const ok = await c.wacap.submit(page, `${page}/corrections`, { ...entry, facilitated_on: '2020-05-01', outcome: 'executed', concluded_on: '2020-09-01', reason: 'Wrong year; executed in September' });
    assert.equal(ok.status, 303, await ok.text());
    const after = (await c.wacap.page(page)).html;
    assert.ok(after.includes('Outcome: Pending → Executed') && after.includes('Facilitated on: 2019-05-01 → 2020-05-01') && after.includes('Wrong year; executed in September') && after.includes('WACAP Secretariat'));
    assert.match(after, /The history is intact/);
    assert.match((await c.wacap.page('/en/networks/wacap/log')).html, /Corrected once/);
    const fr = (await c.wacap.page(`/fr/networks/wacap/log/${caseId}`)).html;
    assert.match(fr, /Historique des corrections/);
    const csv = await (await server.get('/api/v1/networks/figures.csv')).text();
    assert.ok(csv.split('\r\n').some((l) => l.startsWith('2020,') && l.endsWith(',1')), csv);
    assert.ok(!csv.split('\r\n').some((l) => l.startsWith('2019,')), 'the corrected year counts, not the logged one');
  });

  it('answers the API with the history and its chain, problem+json naming the field, 403 for others', async () => {
    const bad = await api(c.wacap, 'POST', `/api/v1/networks/wacap/cases/${caseId}/corrections`, { requested_country: 'NGA', reason: 'x' });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
    assert.ok(((await bad.json()) as { errors: { field: string }[] }).errors.some((e) => e.field === 'requested_country'));
    const ok = await api(c.wacap, 'POST', `/api/v1/networks/wacap/cases/${caseId}/corrections`, { kind: 'extradition', reason: 'It was an extradition' });
    const text = await ok.text();
    assert.equal(ok.status, 201, text);
    assert.ok((JSON.parse(text) as { seq: number }).seq >= 1);
    const got = (await (await c.wacap.get(`/api/v1/networks/wacap/cases/${caseId}`)).json()) as { case: { kind: string }; corrections: { seq: number; changes: Record<string, unknown>; hash: string }[]; chain_ok: boolean };
    assert.equal(got.case.kind, 'extradition');
    assert.equal(got.chain_ok, true);
    assert.deepEqual(got.corrections.at(-1)!.changes, { kind: { from: 'mla', to: 'extradition' } });
    assert.equal((await c.officer.get(`/en/networks/wacap/log/${caseId}`)).status, 403);
    assert.equal((await c.officer.get(`/api/v1/networks/wacap/cases/${caseId}`)).status, 403);
    assert.equal((await api(c.officer, 'POST', `/api/v1/networks/wacap/cases/${caseId}/corrections`, { kind: 'other', reason: 'x' })).status, 403);
    assert.equal((await server.get(`/api/v1/networks/wacap/cases/${caseId}`)).status, 401);
  });
});
