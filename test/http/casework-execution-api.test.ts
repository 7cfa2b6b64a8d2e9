/**
 * The casework execution API over real HTTP: 401/403 before anything else (even before the body is
 * validated), forwarding and tracks as each authority sees them, 409 listing the allowed transitions,
 * deadlines, status enquiries, notifications, supervisors' settings, and fuzzed bodies never a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import type { Action } from '../../src/modules/access/actions.js';
import type { TestUser } from '../factories/users.js';
import { executionWorld, insertCase, type ExecutionWorld } from '../service/casework-execution-support.js';

const CASEWORK: Action[] = ['casework.read', 'casework.edit', 'casework.execute'];

describe('casework execution API', () => {
  let server: TestServer;
  let w: ExecutionWorld;
  const tokens: Record<string, string> = {};

  async function token(u: TestUser, scopes: Action[]) {
    const env = await accountsEnv(server.runtime.db, server.runtime.config);
    return (await createApiToken(server.runtime.db, env, { actor: u.actor }, { name: 'casework', scopes, expires_in_days: '5' })).token;
  }
  async function api(who: string | null, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = who ? { authorization: `Bearer ${tokens[who]}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await server.get(`/api/v1/casework${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', json: (text ? JSON.parse(text) : null) as any };
  }

  before(async () => {
    server = await startTestServer();
    w = await executionWorld(server.runtime.db);
    tokens.officer = await token(w.officer, CASEWORK);
    tokens.readOnly = await token(w.officer, ['casework.read']);
    tokens.supervisor = await token(w.supervisor, [...CASEWORK, 'casework.supervise']);
    tokens.exec1 = await token(w.exec1Officer, CASEWORK);
    tokens.exec2 = await token(w.exec2Officer, CASEWORK);
    tokens.other = await token(w.otherOfficer, CASEWORK);
    tokens.practitioner = await token(w.practitioner, ['tokens.manage']);
  });
  after(async () => server?.close());

  it('refuses first: 401 anonymous, 403 without the right or the token scope, whatever the body', async () => {
    const caseId = await insertCase(server.runtime.db, w.central);
    for (const body of [{}, { nonsense: [1, 2, 3] }, { executingName: 'Police' }]) {
      assert.equal((await api(null, 'POST', `/cases/${caseId}/executions`, body)).status, 401);
      const p = await api('practitioner', 'POST', `/cases/${caseId}/executions`, body);
      assert.equal(p.status, 403);
      assert.match(p.type, /application\/problem\+json/);
      assert.equal((await api('readOnly', 'POST', `/cases/${caseId}/executions`, body)).status, 403, 'a token without casework.edit');
    }
    assert.equal((await api('practitioner', 'GET', `/cases/${caseId}/executions`)).status, 403);
    assert.equal((await api('practitioner', 'POST', `/executions/${caseId}/transitions`, { transition: 'start' })).status, 403);
    assert.equal((await api('officer', 'PUT', `/authorities/${w.central}/settings`, { bogus: true })).status, 403, 'an officer is no supervisor');
    assert.equal((await api('practitioner', 'GET', '/notifications')).status, 403);
  });

  it('forwards, shows each authority its part, applies transitions with 409 listing the allowed ones', async () => {
    const caseId = await insertCase(server.runtime.db, w.central, { assignedTo: w.officer.id });
    const f1 = await api('officer', 'POST', `/cases/${caseId}/executions`, { executingAuthorityId: w.exec1, bodyKind: 'prosecution', measures: ['taking-evidence'], dueOn: '2031-03-01' });
    assert.equal(f1.status, 201, JSON.stringify(f1.json));
    const f2 = await api('officer', 'POST', `/cases/${caseId}/executions`, { executingAuthorityId: w.exec2 });
    assert.equal(f2.status, 201);
    const bad = await api('officer', 'POST', `/cases/${caseId}/executions`, { dueOn: 'tomorrow' });
    assert.equal(bad.status, 400);
    assert.ok(bad.json.errors.some((e: { field: string }) => /dueOn/.test(e.field)), JSON.stringify(bad.json));
    const mine = await api('exec1', 'GET', `/cases/${caseId}/executions`);
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.json.executions.map((e: { id: string }) => e.id), [f1.json.execution.id]);
    assert.equal((await api('officer', 'GET', `/cases/${caseId}/executions`)).json.executions.length, 2);
    assert.equal((await api('other', 'GET', `/cases/${caseId}/executions`)).status, 404);
    const list = await api('exec1', 'GET', '/executions');
    assert.ok(list.json.executions.some((e: { id: string }) => e.id === f1.json.execution.id));
    const t1 = f1.json.execution.id;
    assert.equal((await api('exec2', 'POST', `/executions/${t1}/transitions`, { transition: 'start' })).status, 404);
    assert.equal((await api('exec1', 'POST', `/executions/${t1}/transitions`, { transition: 'start' })).status, 200);
    const again = await api('exec1', 'POST', `/executions/${t1}/transitions`, { transition: 'start' });
    assert.equal(again.status, 409);
    assert.match(again.json.detail ?? again.json.title, /allowed: partly_execute, execute, unable/);
    assert.equal((await api('exec1', 'POST', `/executions/${t1}/transitions`, { transition: 'withdraw', reason: 'no' })).status, 403);
    assert.equal((await api('exec1', 'POST', `/executions/${t1}/transitions`, { transition: 'unable' })).status, 400);
    assert.equal((await api('exec1', 'POST', `/executions/${t1}/transitions`, { transition: 'execute', version: 1 })).status, 409, 'stale version');
    assert.equal((await api('exec1', 'POST', `/executions/${t1}/transitions`, { transition: 'execute' })).status, 200);
    const deadlines = await api('exec1', 'GET', `/cases/${caseId}/deadlines`);
    assert.deepEqual(deadlines.json.deadlines.map((d: { status: string }) => d.status), ['met']);
    assert.equal((await api('officer', 'POST', `/executions/${f2.json.execution.id}/chases`, { note: 'phoned' })).status, 204);
    assert.equal((await api('officer', 'POST', `/cases/${caseId}/status-enquiries`, { date: '2026-01-02', channel: 'electronic' })).status, 204);
    assert.equal((await api('officer', 'POST', `/cases/${caseId}/status-enquiries`, { date: '2026-01-02', channel: 'smoke' })).status, 400);
    const d = await api('officer', 'POST', `/cases/${caseId}/deadlines`, { kind: 'custom', label: 'Results to the partner', dueOn: '2031-05-01' });
    assert.equal(d.status, 201);
    assert.equal((await api('officer', 'PATCH', `/deadlines/${d.json.id}`, { dueOn: '2031-06-01' })).json.dueOn, '2031-06-01');
    assert.equal((await api('officer', 'POST', `/deadlines/${d.json.id}/met`, {})).json.status, 'met');
    assert.equal((await api('other', 'POST', `/deadlines/${d.json.id}/met`, {})).status, 404);
    const n = await api('officer', 'GET', '/notifications?lang=fr');
    assert.equal(n.status, 200);
    assert.ok(n.json.unread >= 1);
    assert.equal((await api('officer', 'POST', '/notifications/read', { ids: 'all' })).status, 200);
    assert.equal((await api('officer', 'GET', '/notifications')).json.unread, 0);
  });

  it('supervisors set the calendar, service levels and deputies', async () => {
    const put = await api('supervisor', 'PUT', `/authorities/${w.central}/settings`, { holidays: ['2026-12-25'], workingDays: [1, 2, 3, 4, 5], chaseAfterDays: 15, remindDaysBefore: 2, statutoryDays: { provisional_arrest: 40 } });
    assert.equal(put.status, 204, JSON.stringify(put.json));
    const got = await api('supervisor', 'GET', `/authorities/${w.central}/settings`);
    assert.equal(got.json.chaseAfterDays, 15);
    assert.equal((await api('supervisor', 'PUT', `/authorities/${w.central}/service-levels/mla/formal_check`, { days: 10 })).status, 204);
    assert.equal((await api('supervisor', 'PUT', `/authorities/${w.central}/service-levels/mla/closed`, { days: 10 })).status, 400);
    assert.equal((await api('supervisor', 'DELETE', `/authorities/${w.central}/service-levels/mla/formal_check`)).status, 204);
    const dep = await api('supervisor', 'POST', `/authorities/${w.central}/deputies`, { userId: w.officer.id, deputyId: w.officer2.id, from: '2026-12-01', until: '2026-12-31' });
    assert.equal(dep.status, 201);
    assert.equal((await api('supervisor', 'DELETE', `/authorities/${w.central}/deputies/${dep.json.id}`)).status, 204);
    assert.equal((await api('supervisor', 'GET', `/authorities/${w.other}/settings`)).status, 403);
  });

  it('fuzzed bodies never give a 500', async () => {
    const caseId = await insertCase(server.runtime.db, w.central);
    const t = (await api('officer', 'POST', `/cases/${caseId}/executions`, { executingName: 'Brigade financière', bodyKind: 'police' })).json.execution.id;
    const paths: [string, string, string][] = [
      ['officer', 'POST', `/cases/${caseId}/executions`],
      ['officer', 'POST', `/executions/${t}/transitions`],
      ['officer', 'POST', `/executions/${t}/chases`],
      ['officer', 'POST', `/cases/${caseId}/deadlines`],
      ['officer', 'POST', `/cases/${caseId}/status-enquiries`],
      ['officer', 'POST', '/notifications/read'],
      ['supervisor', 'PUT', `/authorities/${w.central}/settings`],
      ['supervisor', 'POST', `/authorities/${w.central}/deputies`],
    ];
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom('executingAuthorityId', 'executingName', 'bodyKind', 'measures', 'dueOn', 'note', 'transition', 'reason', 'version', 'kind', 'label', 'date', 'channel', 'ids', 'holidays', 'workingDays', 'chaseAfterDays', 'remindDaysBefore', 'userId', 'deputyId', 'from', 'until'), field),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), body, async ([who, method, path], b) => {
        const r = await api(who, method, path, b);
        assert.ok(r.status < 500, `${method} ${path} ${JSON.stringify(b)} -> ${r.status} ${JSON.stringify(r.json)}`);
      }),
      { numRuns: 120 },
    );
  });
});
