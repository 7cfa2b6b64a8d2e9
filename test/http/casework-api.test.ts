/**
 * The casework API over real HTTP: 401/403 before anything about a case, 404 for another authority's
 * case, registration through transitions, 409 for a stale edit and an illegal transition (listing the
 * allowed ones), problem+json, and fuzzed create and edit bodies that never give a 500 nor write half.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { makeUser } from './accounts-support.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { userActor } from '../../src/modules/access/actor.js';
import type { Action } from '../../src/modules/access/actions.js';
import type { RoleGrant } from '../../src/modules/access/roles.js';
import { aCaseBody, aCaseworkAuthority } from '../factories/casework.js';

type Who = 'officer' | 'supervisor' | 'stranger' | 'practitioner';

describe('casework API', () => {
  let server: TestServer;
  const tokens = {} as Record<Who, string>;

  async function api(who: Who | 'anonymous', method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = who === 'anonymous' ? { ...headers } : { authorization: `Bearer ${tokens[who]}`, ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await server.get(path, { method, headers: h, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', etag: res.headers.get('etag'), json };
  }
  const caseCount = async () => Number((await server.runtime.db.selectFrom('casework_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    server = await startTestServer();
    const db = server.runtime.db;
    const auth = await aCaseworkAuthority(db);
    const other = await aCaseworkAuthority(db, { country: 'DEU' });
    const env = await accountsEnv(db, server.runtime.config);
    const people: Record<Who, { grants: RoleGrant[]; scopes: Action[] }> = {
      officer: { grants: [{ role: 'authority_officer', authorityId: auth.id }], scopes: ['casework.read', 'casework.create', 'casework.edit', 'casework.send'] },
      supervisor: { grants: [{ role: 'authority_supervisor', authorityId: auth.id }], scopes: ['casework.read', 'casework.create', 'casework.edit', 'casework.decide', 'casework.assign', 'casework.approve'] },
      stranger: { grants: [{ role: 'authority_officer', authorityId: other.id }], scopes: ['casework.read', 'casework.create', 'casework.edit'] },
      practitioner: { grants: [{ role: 'practitioner' }], scopes: ['tokens.manage'] },
    };
    for (const [who, p] of Object.entries(people) as [Who, (typeof people)[Who]][]) {
      const u = await makeUser(server, { roles: p.grants.map((g) => ({ role: g.role, ...(g.authorityId ? { authority_id: g.authorityId } : {}) })), totp: who !== 'practitioner', name: who });
      const actor = userActor({ userId: u.id, name: who, email: u.email, grants: p.grants, totpEnabled: who !== 'practitioner' });
      tokens[who] = (await createApiToken(db, env, { actor }, { name: 'casework', scopes: p.scopes, expires_in_days: '5' })).token;
    }
  });
  after(async () => server?.close());

  it('registers an incoming request through its transitions and lists it', async () => {
    const made = await api('officer', 'POST', '/api/v1/casework/cases', { direction: 'incoming', ...aCaseBody({ partner_reference: 'API-REF-1' }) });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    assert.equal(made.json.reference, null);
    const id = made.json.id as string;
    assert.equal((await api('officer', 'POST', `/api/v1/casework/cases/${id}/transitions`, { transition: 'start_check' })).status, 200);
    const reg = await api('officer', 'POST', `/api/v1/casework/cases/${id}/transitions`, { transition: 'register' });
    assert.equal(reg.status, 200);
    assert.match(reg.json.reference, /^MLI\/\d{4}\/\d{5}$/);
    const got = await api('officer', 'GET', `/api/v1/casework/cases/${id}`);
    assert.equal(got.json.case.state, 'registered');
    assert.equal(got.json.history_verified, true);
    assert.equal(got.etag, `"${got.json.case.version}"`);
    assert.deepEqual(got.json.transitions.map((t: { name: string }) => t.name), ['start_assessment', 'request_information']);
    const list = await api('officer', 'GET', `/api/v1/casework/cases?q=${encodeURIComponent('API-REF-1')}`);
    assert.deepEqual(list.json.items.map((i: { id: string }) => i.id), [id]);
    assert.ok(list.json.counts.all >= 1);
    const history = await api('officer', 'GET', `/api/v1/casework/cases/${id}/history`);
    assert.equal(history.json.verification.ok, true);
    assert.deepEqual(history.json.events.map((e: { type: string }) => e.type), ['created', 'transition', 'transition']);
    const counts = await api('officer', 'GET', '/api/v1/casework/worklist/counts');
    assert.equal(typeof counts.json.mine, 'number');
  });

  it('answers 401/403 before anything about a case and 404 for another authority’s case', async () => {
    const id = (await api('officer', 'POST', '/api/v1/casework/cases', { direction: 'incoming', ...aCaseBody() })).json.id as string;
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/api/v1/casework/cases/${id}`, `/api/v1/casework/cases/${missing}`, '/api/v1/casework/cases']) {
      assert.equal((await api('anonymous', 'GET', path)).status, 401, path);
      const r = await api('practitioner', 'GET', path);
      assert.equal(r.status, 403, path);
      assert.equal(r.type, 'application/problem+json; charset=utf-8');
    }
    assert.equal((await api('practitioner', 'POST', '/api/v1/casework/cases', { nonsense: true })).status, 403, '403 before the body is judged');
    assert.equal((await api('stranger', 'GET', `/api/v1/casework/cases/${id}`)).status, 404);
    assert.equal((await api('stranger', 'PATCH', `/api/v1/casework/cases/${id}`, { title: 'x' })).status, 404);
    assert.equal((await api('stranger', 'POST', `/api/v1/casework/cases/${id}/transitions`, { transition: 'start_check' })).status, 404);
    const theirs = await api('stranger', 'GET', '/api/v1/casework/cases');
    assert.ok(!theirs.json.items.some((i: { id: string }) => i.id === id));
  });

  it('refuses a stale edit and an illegal transition with 409', async () => {
    const id = (await api('officer', 'POST', '/api/v1/casework/cases', { direction: 'incoming', ...aCaseBody() })).json.id as string;
    const first = await api('officer', 'GET', `/api/v1/casework/cases/${id}`);
    const v = first.json.case.version as number;
    const ok = await api('officer', 'PATCH', `/api/v1/casework/cases/${id}`, { title: 'Edited once' }, { 'if-match': `"${v}"` });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.version, v + 1);
    const stale = await api('officer', 'PATCH', `/api/v1/casework/cases/${id}`, { title: 'Lost update', version: v });
    assert.equal(stale.status, 409);
    assert.equal(stale.type, 'application/problem+json; charset=utf-8');
    const illegal = await api('officer', 'POST', `/api/v1/casework/cases/${id}/transitions`, { transition: 'close' });
    assert.equal(illegal.status, 409);
    assert.match(illegal.json.detail, /start_check/);
    const missing = await api('supervisor', 'POST', `/api/v1/casework/cases/${id}/transitions`, { transition: 'withdraw' });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json.errors.map((e: { field: string }) => e.field), ['comment']);
    const bad = await api('officer', 'PATCH', `/api/v1/casework/cases/${id}`, { partner_country: 'XXX' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.errors[0].field, 'partner_country');
    // Antarctica is an area, not a State a request can be addressed to; Hong Kong SAR has its own regime.
    const area = await api('officer', 'PATCH', `/api/v1/casework/cases/${id}`, { partner_country: 'ATA' });
    assert.equal(area.status, 400);
    assert.equal(area.json.errors[0].field, 'partner_country');
    assert.match(area.json.errors[0].message, /area, not a State/);
    assert.equal((await api('officer', 'GET', `/api/v1/casework/cases/${id}`)).json.case.title, 'Edited once');
  });

  it('adds and removes persons, legal bases and links, each with its event', async () => {
    const id = (await api('officer', 'POST', '/api/v1/casework/cases', { direction: 'incoming', ...aCaseBody({ persons: [] }) })).json.id as string;
    const other = (await api('officer', 'POST', '/api/v1/casework/cases', { direction: 'incoming', ...aCaseBody() })).json.id as string;
    const bad = await api('officer', 'POST', `/api/v1/casework/cases/${id}/persons`, { role: 'witness', family_name: 'Verdi', birth_date: '1980-02-31' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.errors[0].field, 'person.birth_date');
    assert.equal((await api('officer', 'POST', `/api/v1/casework/cases/${id}/persons`, { role: 'witness', family_name: 'Verdi' })).status, 200);
    const person = (await api('officer', 'GET', `/api/v1/casework/cases/${id}`)).json.persons[0];
    assert.equal((await api('officer', 'DELETE', `/api/v1/casework/cases/${id}/persons/${person.id}`)).status, 200);
    assert.equal((await api('officer', 'DELETE', `/api/v1/casework/cases/${id}/persons/${person.id}`)).status, 404);
    assert.equal((await api('officer', 'PUT', `/api/v1/casework/cases/${id}/legal-bases`, { legal_bases: [{ basis: 'reciprocity' }] })).status, 200);
    assert.equal((await api('officer', 'POST', `/api/v1/casework/cases/${id}/links`, { other_case_id: other, kind: 'same_matter' })).status, 200);
    assert.equal((await api('officer', 'DELETE', `/api/v1/casework/cases/${id}/links/${other}`)).status, 200);
    assert.equal((await api('stranger', 'PUT', `/api/v1/casework/cases/${id}/legal-bases`, { legal_bases: [] })).status, 404);
    const history = await api('officer', 'GET', `/api/v1/casework/cases/${id}/history`);
    assert.deepEqual(history.json.events.map((e: { type: string }) => e.type), ['created', 'person_added', 'person_removed', 'legal_basis_set', 'link_added', 'link_removed']);
    assert.equal(history.json.verification.ok, true);
  });

  it('describes its operations in the OpenAPI document', async () => {
    const doc = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { tags?: string[]; security?: unknown }>> };
    for (const [path, methods] of [
      ['/api/v1/casework/cases', ['get', 'post']],
      ['/api/v1/casework/cases/{id}', ['get', 'patch']],
      ['/api/v1/casework/cases/{id}/transitions', ['post']],
      ['/api/v1/casework/cases/{id}/assign', ['post']],
      ['/api/v1/casework/cases/{id}/history', ['get']],
      ['/api/v1/casework/worklist/counts', ['get']],
    ] as const) {
      for (const m of methods) {
        assert.deepEqual(doc.paths[path]?.[m]?.tags, ['casework'], `${m} ${path}`);
        assert.deepEqual(doc.paths[path]?.[m]?.security, [{ bearerAuth: [] }], `${m} ${path}`);
      }
    }
  });

  it('never answers 500 to fuzzed create and edit bodies, and writes nothing on a 4xx', async () => {
    const id = (await api('officer', 'POST', '/api/v1/casework/cases', { direction: 'incoming', ...aCaseBody() })).json.id as string;
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.constant('\u0000'), fc.constant('2026-02-30'), fc.constant('ITA'), fc.constant('taking-evidence'));
    const fields = ['direction', 'kind', 'partner_country', 'title', 'summary', 'measures', 'crime_types', 'urgency', 'urgency_reason', 'partner_deadline', 'received_on', 'languages', 'channel', 'persons', 'legal_bases', 'links', 'confidential', 'version', 'other'];
    const body = fc.oneof(fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 8 }), fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const before = await caseCount();
        const made = await api('officer', 'POST', '/api/v1/casework/cases', b);
        assert.ok(made.status < 500, `create ${made.status} for ${JSON.stringify(b)}: ${JSON.stringify(made.json)}`);
        if (made.status !== 201) assert.equal(await caseCount(), before, 'nothing written');
        const head = (await api('officer', 'GET', `/api/v1/casework/cases/${id}`)).json.case;
        const edited = await api('officer', 'PATCH', `/api/v1/casework/cases/${id}`, b);
        assert.ok(edited.status < 500, `edit ${edited.status} for ${JSON.stringify(b)}: ${JSON.stringify(edited.json)}`);
        if (edited.status >= 400) assert.equal((await api('officer', 'GET', `/api/v1/casework/cases/${id}`)).json.case.version, head.version);
      }),
      { numRuns: 60 },
    );
    const raw = await api('officer', 'POST', '/api/v1/casework/cases', '{"direction": "incoming", ');
    assert.equal(raw.status, 400);
  });
});
