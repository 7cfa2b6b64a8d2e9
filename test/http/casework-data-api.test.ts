/**
 * Casework import and export over HTTP with API tokens: a supervisor imports a JSONL body (400
 * problem+json naming line and field, nothing written), exports it streamed; an officer or another
 * authority's supervisor gets 403; fuzzed bodies never give a 500.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { provisionDemoSignIns } from '../../src/modules/accounts/index.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { CLI_ACTOR, userActor } from '../../src/modules/access/actor.js';
import type { Action } from '../../src/modules/access/actions.js';
import type { RoleName } from '../../src/modules/access/roles.js';
import { anAuthority } from '../factories/directory.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { sampleRecord } from '../factories/casework-records.js';
import { grantableScopes } from '../../src/modules/access/policy.js';

describe('casework import/export API', () => {
  let server: TestServer;
  const tokens = {} as Record<'supervisor' | 'officer' | 'other', string>;
  let auth = '';

  before(async () => {
    server = await startTestServer();
    const docs = [anAuthority(), anAuthority()];
    auth = docs[0]!.id;
    await importAuthorities(server.runtime.db, { actor: CLI_ACTOR }, 'jsonl', () =>
      (async function* () {
        yield Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n'));
      })(),
    );
    const env = await accountsEnv(server.runtime.db, server.runtime.config);
    const who: Record<keyof typeof tokens, [RoleName, string]> = { supervisor: ['authority_supervisor', auth], officer: ['authority_officer', auth], other: ['authority_supervisor', docs[1]!.id] };
    for (const [k, [role, authorityId]] of Object.entries(who) as [keyof typeof tokens, [RoleName, string]][]) {
      const u = await makeUser(server, { roles: [{ role, authority_id: authorityId }], totp: true });
      const actor = userActor({ userId: u.id, name: k, email: u.email, grants: [{ role, authorityId }], totpEnabled: true });
      tokens[k] = (await createApiToken(server.runtime.db, env, { actor }, { name: 'casework', scopes: (['casework.import', 'casework.export', 'casework.read'] as Action[]).filter((a) => grantableScopes(actor).includes(a)), expires_in_days: '5' })).token;
    }
  });
  after(async () => server?.close());

  const call = (who: keyof typeof tokens, method: string, path: string, body?: string, type = 'application/x-ndjson') =>
    server.get(path, { method, headers: { authorization: `Bearer ${tokens[who]}`, ...(body !== undefined ? { 'content-type': type } : {}) }, ...(body !== undefined ? { body } : {}) });

  it('imports, refuses a bad file naming line and field, and exports streamed', async () => {
    const bad = await call('supervisor', 'POST', `/api/v1/casework/import?authority=${auth}`, [sampleRecord(1), { ...sampleRecord(2), kind: 'x' }].map((r) => JSON.stringify(r)).join('\n'));
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
    const problem = (await bad.json()) as { errors: { line: number; field: string }[] };
    assert.deepEqual(problem.errors.map((e) => `${e.line}:${e.field}`), ['2:kind']);
    const ok = await call('supervisor', 'POST', `/api/v1/casework/import?authority=${auth}`, [sampleRecord(1), sampleRecord(2)].map((r) => JSON.stringify(r)).join('\n'));
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.equal(((await ok.json()) as { cases: number }).cases, 2);
    const exp = await call('supervisor', 'GET', `/api/v1/casework/export?authority=${auth}`);
    assert.equal(exp.status, 200);
    const lines = (await exp.text()).trim().split('\n');
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => JSON.parse(l).reference.startsWith('MLI/2024/')));
    assert.ok(JSON.parse(lines[0]!).history.length >= 1);
    const csv = await call('supervisor', 'GET', `/api/v1/casework/export?authority=${auth}&format=csv`);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.equal((await csv.text()).trim().split('\n').length, 3);
  });

  it('imports a CSV file sent as multipart/form-data', async () => {
    const form = new FormData();
    const csv = 'reference,direction,kind,state,partner_country,title,received_on\nMLI/2025/00001,incoming,service_documents,registered,DEU,Service of a summons,2025-02-01\n';
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'cases.csv');
    const res = await server.get(`/api/v1/casework/import?authority=${auth}`, { method: 'POST', headers: { authorization: `Bearer ${tokens.supervisor}` }, body: form });
    assert.equal(res.status, 200, await res.clone().text());
    const report = (await res.json()) as { cases: number; format: string };
    assert.deepEqual([report.cases, report.format], [1, 'csv']);
  });

  it('refuses officers and other authorities with 403, before reading anything', async () => {
    assert.equal((await call('officer', 'POST', `/api/v1/casework/import?authority=${auth}`, JSON.stringify(sampleRecord(9)))).status, 403);
    assert.equal((await call('other', 'POST', `/api/v1/casework/import?authority=${auth}`, JSON.stringify(sampleRecord(9)))).status, 403);
    assert.equal((await call('officer', 'GET', `/api/v1/casework/export?authority=${auth}`)).status, 403);
    assert.equal((await call('other', 'GET', `/api/v1/casework/export?authority=${auth}`)).status, 403);
  });

  it('demo sign-ins work with the printed password and TOTP secret, and change at every seed', async () => {
    const spec = [{ email: 'casework-officer@demo.example', name: 'Demo Officer', roles: [{ role: 'authority_officer' as const, authorityId: auth }] }];
    const first = await provisionDemoSignIns(server.runtime.db, server.runtime.config, spec);
    const again = await provisionDemoSignIns(server.runtime.db, server.runtime.config, spec);
    assert.notEqual(first[0]!.password, again[0]!.password);
    assert.notEqual(first[0]!.totpSecret, again[0]!.totpSecret);
    await assert.rejects(signInAs(new Client(server), { email: spec[0]!.email, secret: first[0]!.totpSecret }, first[0]!.password), /sign-in failed/);
    const res = await signInAs(new Client(server), { email: spec[0]!.email, secret: again[0]!.totpSecret }, again[0]!.password);
    assert.equal(res.status, 303);
  });

  it('never answers a fuzzed body with a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.constant('reference,direction\n"x')), fc.constantFrom('application/x-ndjson', 'text/csv'), async (body, type) => {
        const res = await call('supervisor', 'POST', `/api/v1/casework/import?authority=${auth}&dry_run=true`, body, type);
        assert.ok(res.status === 200 || res.status === 400, `${res.status} for ${JSON.stringify(body)}`);
        await res.arrayBuffer();
      }),
      { numRuns: 40 },
    );
  });
});
