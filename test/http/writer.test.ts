/**
 * The request writer over HTTP: pages (start, steps, model-form links from the e-evidence hub) in
 * three languages, permissions (401/403 before anything is read, another authority's draft 404),
 * bad starts 400 naming the field, the API (kinds, start, steps with If-Match, document 409 while
 * incomplete), and fuzzed step submissions that never answer 500 and never lose a saved step.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { userActor } from '../../src/modules/access/actor.js';
import { aWriterDirectory } from '../factories/writer.js';
import { STEPS } from '../../src/modules/writer/domain/model.js';

describe('request writer over HTTP', () => {
  let server: TestServer;
  let officer: Client;
  let stranger: Client;
  let practitioner: Client;
  let token: string;
  let world: Awaited<ReturnType<typeof aWriterDirectory>>;

  before(async () => {
    server = await startTestServer();
    const db = server.runtime.db;
    world = await aWriterDirectory(db);
    const o = await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: world.authorityId }], totp: true, name: 'Olga Officer' });
    const s = await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: world.otherAuthorityId }], totp: true, name: 'Stranger' });
    const p = await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Prac' });
    [officer, stranger, practitioner] = [new Client(server), new Client(server), new Client(server)];
    await signInAs(officer, o);
    await signInAs(stranger, s);
    await signInAs(practitioner, p);
    const env = await accountsEnv(db, server.runtime.config);
    const actor = userActor({ userId: o.id, name: 'Olga Officer', email: o.email, grants: [{ role: 'authority_officer', authorityId: world.authorityId }], totpEnabled: true });
    token = (await createApiToken(db, env, { actor }, { name: 'writer', scopes: ['casework.read', 'casework.create', 'casework.edit'], expires_in_days: '5' })).token;
  });
  after(async () => server?.close());

  const api = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    server.get(path, { method: init.method ?? 'GET', headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers }, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });

  async function start(kind = 'mla'): Promise<string> {
    const res = await officer.submit('/en/writer', '/en/writer', { kind, requested_country: world.requestedCountry, title: `Draft ${kind}` });
    assert.equal(res.status, 303, await res.text());
    return /\/writer\/([0-9a-f-]{36})\/authority$/.exec(res.headers.get('location')!)![1]!;
  }

  it('pages: 401 anonymous, 403 without casework rights; the hub’s model-form link preselects the kind; steps in en, ar, zh', async () => {
    assert.equal((await server.get('/en/writer')).status, 401);
    assert.equal((await practitioner.get('/en/writer')).status, 403);
    const hub = await officer.page('/en/writer/new?kind=emergency_disclosure');
    assert.equal(hub.res.status, 200);
    assert.match(hub.html, /<option value="emergency_disclosure" selected/);
    const bad = await officer.submit('/en/writer', '/en/writer', { kind: 'telepathy', requested_country: 'ZZZ' });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /kind: is not a kind of request/);
    assert.match(html, /requested_country: is not a known State/);
    const id = await start('mla');
    for (const lang of ['en', 'ar', 'zh']) {
      for (const step of STEPS) {
        const res = await officer.get(`/${lang}/writer/${id}/${step}`);
        assert.equal(res.status, 200, `${lang} ${step}`);
        const page = await res.text();
        assert.match(page, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
        if (step === 'review') assert.match(page, /data-field="investigation.subject_nature"/);
      }
    }
    assert.equal((await stranger.get(`/en/writer/${id}/facts`)).status, 404);
    assert.equal((await officer.get(`/en/writer/${id}/nowhere`)).status, 404);
    // The document of an incomplete draft: 409, naming what is missing.
    const doc = await officer.get(`/en/writer/${id}/document/docx`);
    assert.equal(doc.status, 409);
  });

  it('API: kinds, start (400 naming the field), a step with If-Match, the document refused while incomplete', async () => {
    const kinds = (await (await server.get('/api/v1/writer/kinds')).json()) as { kinds: { id: string; model_form: boolean }[] };
    assert.deepEqual(kinds.kinds.filter((k) => k.model_form).map((k) => k.id).sort(), ['emergency_disclosure', 'preservation', 'realtime_collection', 'stored_data_mla', 'voluntary_disclosure']);
    const bad = await api('/api/v1/writer/drafts', { method: 'POST', body: { kind: 'mla', requested_country: 'QQQ' } });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), ['requested_country']);
    const made = await api('/api/v1/writer/drafts', { method: 'POST', body: { kind: 'preservation', requested_country: world.requestedCountry } });
    assert.equal(made.status, 201);
    const draft = (await made.json()) as { id: string; version: number; missing: { step: string; field: string }[] };
    assert.ok(draft.missing.some((m) => m.field === 'mla_to_follow'));
    const saved = await api(`/api/v1/writer/drafts/${draft.id}/steps/assistance`, { method: 'PUT', body: { data_to_preserve: 'Mailbox x@example.org', mla_to_follow: 'yes' }, headers: { 'if-match': `"${draft.version}"` } });
    assert.equal(saved.status, 200, await saved.clone().text());
    const stale = await api(`/api/v1/writer/drafts/${draft.id}/steps/assistance`, { method: 'PUT', body: { necessity: 'x' }, headers: { 'if-match': `"${draft.version}"` } });
    assert.equal(stale.status, 409);
    const wrong = await api(`/api/v1/writer/drafts/${draft.id}/steps/assistance`, { method: 'PUT', body: { mla_to_follow: 'perhaps' } });
    assert.deepEqual(((await wrong.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), ['mla_to_follow']);
    const doc = await api(`/api/v1/writer/drafts/${draft.id}/document?format=pdf`);
    assert.equal(doc.status, 409);
    const problem = (await doc.json()) as { errors: { field: string }[] };
    assert.ok(problem.errors.some((e) => e.field === 'assistance.necessity'));
    assert.equal((await api(`/api/v1/writer/drafts/${draft.id}/document?format=odt`)).status, 400);
    const openapi = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
    for (const [path, method] of [['/api/v1/writer/drafts', 'post'], ['/api/v1/writer/drafts/{id}', 'get'], ['/api/v1/writer/drafts/{id}/steps/{step}', 'put'], ['/api/v1/writer/drafts/{id}/document', 'get']] as const) {
      assert.deepEqual(openapi.paths[path]?.[method]?.security, [{ bearerAuth: [] }], `${method} ${path} in the OpenAPI description`);
    }
  });

  it('fuzzed step submissions never answer 500 and never lose a saved step', async () => {
    const id = await start('mla');
    const db = server.runtime.db;
    const { csrf } = await officer.page(`/en/writer/${id}/facts`);
    const answersNow = async () => (await db.selectFrom('writer_drafts').select(['answers', 'version']).where('case_id', '=', id).executeTakeFirstOrThrow());
    // A saved step to keep.
    assert.equal((await officer.post(`/en/writer/${id}/facts`, { _csrf: csrf, facts_summary: 'Saved facts: transfers of 3 March' })).status, 303);
    const keys = ['facts_summary', 'purpose', 'measures', 'records_type', 'bank_account', 'period_from', 'urgent', 'urgency_reason', 'doc_language', 'legal_basis', 'persons_known', 'version', 'next', 'x'];
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('yes', 'no', 'records', 'bank', '2025-02-30', '2025-01-01', 'en', 'untoc', '\u0000', 'a\uD800b', 'x'.repeat(20_001)), fc.array(fc.constantFrom('records', 'witness_hearing', 'bogus'), { maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STEPS, 'nowhere'), fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 }), async (step, form) => {
        const before = await answersNow();
        const res = await officer.post(`/en/writer/${id}/${step}`, { ...form, _csrf: csrf });
        assert.ok([303, 400, 404, 409].includes(res.status), `${step} ${JSON.stringify(form).slice(0, 200)} → ${res.status}`);
        const now = await answersNow();
        if (res.status !== 303) assert.deepEqual(now.answers, before.answers, 'nothing written');
        // Facts are only ever changed by an accepted submission of the facts step (which may clear them).
        if (step !== 'facts' || res.status !== 303) assert.equal(now.answers.facts_summary, before.answers.facts_summary, 'the saved facts stay');
      }),
      { numRuns: 80 },
    );
  });
});
