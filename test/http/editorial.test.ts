/**
 * The knowledge editor over HTTP: who may use it (role × action), CSRF, bad fields named on the page
 * with nothing written, four eyes through the pages, the public page after publication (with an Edit
 * link for curators only), hostile text escaped, and fuzzed form input never giving a 500.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { userActor } from '../../src/modules/access/actor.js';
import type { Action } from '../../src/modules/access/actions.js';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';
type Who = 'anonymous' | 'registered' | 'practitioner' | 'curator' | 'curator2' | 'administrator';

describe('knowledge editor over HTTP', () => {
  let server: TestServer;
  const c = {} as Record<Who, Client>;
  const tokens = {} as Record<'curator' | 'curator2' | 'practitioner', string>;
  const SCOPES: Action[] = ['knowledge.create', 'knowledge.edit', 'knowledge.review', 'knowledge.publish', 'knowledge.archive', 'taxonomy.edit'];

  async function api(who: keyof typeof tokens | 'anonymous', method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await server.get(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', json: (text ? JSON.parse(text) : null) as any };
  }

  const revisions = async (id: string) => Number((await server.runtime.db.selectFrom('revisions').select((eb) => eb.fn.countAll<string>().as('n')).where('subject_id', '=', id).executeTakeFirstOrThrow()).n);
  const lastRevision = async (id: string, part: string) => (await server.runtime.db.selectFrom('revisions').select(['id', 'state']).where('subject_id', '=', id).where('part', '=', part).orderBy('id', 'desc').executeTakeFirstOrThrow());

  before(async () => {
    server = await startTestServer();
    const users = {
      registered: await makeUser(server, { name: 'Reg' }),
      practitioner: await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Prac' }),
      curator: await makeUser(server, { roles: [{ role: 'curator' }], totp: true, name: 'Curator One' }),
      curator2: await makeUser(server, { roles: [{ role: 'curator' }], totp: true, name: 'Curator Two' }),
      administrator: await makeUser(server, { roles: [{ role: 'administrator' }], totp: true, name: 'Admin' }),
    };
    for (const [k, u] of Object.entries(users)) {
      c[k as Who] = new Client(server);
      await signInAs(c[k as Who], u);
    }
    c.anonymous = new Client(server);
    const env = await accountsEnv(server.runtime.db, server.runtime.config);
    for (const who of ['curator', 'curator2', 'practitioner'] as const) {
      const u = users[who];
      const actor = userActor({ userId: u.id, name: who, email: u.email, grants: who === 'practitioner' ? [{ role: 'practitioner' }] : [{ role: 'curator' }], totpEnabled: true });
      const scopes = who === 'practitioner' ? (['tokens.manage'] as Action[]) : SCOPES;
      tokens[who] = (await createApiToken(server.runtime.db, env, { actor }, { name: 'editor', scopes, expires_in_days: '5' })).token;
    }
  });
  after(async () => server?.close());

  it('lets only curators in (role × action)', async () => {
    const pages = ['/en/editor', '/ar/editor/new/case', '/zh/editor/terms', '/en/editor/terms/crime:corruption', '/en/editor/terms/crime:corruption/parts/general/edit'];
    for (const path of pages) {
      const anon = await c.anonymous.get(path);
      assert.equal(anon.status, 303, `anonymous ${path}`);
      assert.match(anon.headers.get('location') ?? '', /\/sign-in\?next=/);
      for (const who of ['registered', 'practitioner', 'administrator'] as const) assert.equal((await c[who].get(path)).status, 403, `${who} ${path}`);
      assert.equal((await c.curator.get(path)).status, 200, `curator ${path}`);
    }
    for (const who of ['registered', 'practitioner', 'administrator'] as const) {
      const res = await c[who].submit('/en/account', '/en/editor/new/case', { country: 'ITA' });
      assert.equal(res.status, 403, `${who} POST`);
    }
    assert.equal(await revisions('%'), 0);
    const editorLink = /<a href="\/en\/editor">Editor<\/a>/;
    assert.match(await (await c.curator.get('/en/')).text(), editorLink, 'curators see the Editor link');
    for (const who of ['anonymous', 'registered', 'practitioner', 'administrator'] as const) {
      assert.doesNotMatch(await (await c[who].get('/en/')).text(), editorLink, `${who}: no Editor link`);
    }
  });

  it('refuses a POST without the CSRF token', async () => {
    const res = await c.curator.post('/en/editor/new/case', { id: 'case-csrf', country: 'ITA' });
    assert.equal(res.status, 403);
    assert.equal(await revisions('case-csrf'), 0);
  });

  it('names bad fields next to them in the reader’s language and writes nothing', async () => {
    const res = await c.curator.submit('/fr/editor/new/case', '/fr/editor/new/case', { id: 'case-bad', country: 'XXX', decision_date: 'hier', crime_types: 'no-such' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /id="f-country"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-country"/);
    assert.match(html, /id="f-decision_date-error"/);
    assert.ok(html.includes('Le brouillon n’a pas été enregistré'));
    assert.ok(html.includes('Cette valeur'), 'message in French');
    assert.equal(await revisions('case-bad'), 0);
  });

  it('takes a case from draft to the public page with four eyes', async () => {
    const id = 'case-http-one';
    let res = await c.curator.submit('/en/editor/new/case', '/en/editor/new/case', { id, country: 'ITA', court: 'Tribunale di Palermo', crime_types: ['drug-offences'], untoc_legal_basis: 'yes', sources: 'Court | https://example.org/x' });
    assert.equal(res.status, 303, await res.text());
    res = await c.curator.submit(`/en/editor/entries/${id}/parts/en/edit`, `/en/editor/entries/${id}/parts/en/edit`, { title: `Palermo ruling ${HOSTILE}`, summary: 'Extradition granted under the Convention.' });
    assert.equal(res.status, 303);
    for (const part of ['*', 'en']) {
      const rev = await lastRevision(id, part);
      res = await c.curator.submit(`/en/editor/entries/${id}`, `/en/editor/entries/${id}/transition`, { revision: String(rev.id), transition: 'submit' });
      assert.equal(res.status, 303);
    }
    const en = await lastRevision(id, 'en');
    const mine = await (await c.curator.get(`/en/editor/entries/${id}/revisions/${en.id}`)).text();
    assert.ok(!mine.includes('value="publish"'), 'no publish button for the author');
    assert.ok(mine.includes('value="withdraw"'));
    res = await c.curator.submit(`/en/editor/entries/${id}`, `/en/editor/entries/${id}/transition`, { revision: String(en.id), transition: 'publish' });
    assert.equal(res.status, 403, 'four eyes');
    const theirs = await (await c.curator2.get(`/en/editor/entries/${id}/revisions/${en.id}`)).text();
    assert.ok(theirs.includes('value="publish"') && theirs.includes('value="return"'));
    assert.ok(!theirs.includes('<script>alert'), 'escaped in the editor');
    res = await c.curator2.submit(`/en/editor/entries/${id}`, `/en/editor/entries/${id}/transition`, { revision: String(en.id), transition: 'publish' });
    assert.equal(res.status, 303);

    const pub = await c.anonymous.get(`/en/cases/${id}`);
    assert.equal(pub.status, 200);
    const html = await pub.text();
    assert.ok(html.includes('Palermo ruling &lt;script'), 'escaped on the public page');
    assert.ok(!html.includes('<script>alert') && !html.includes('<img src=x'));
    assert.ok(!html.includes(`/editor/entries/${id}`), 'no Edit link for the public');
    assert.ok((await (await c.curator2.get(`/en/cases/${id}`)).text()).includes(`/en/editor/entries/${id}`), 'Edit link for curators');
    assert.ok(!(await (await c.practitioner.get(`/en/cases/${id}`)).text()).includes('/editor/'));

    const history = await (await c.curator.get(`/en/editor/entries/${id}/history`)).text();
    assert.ok(history.includes('<ins>') || history.includes('<td dir="auto"><ins>'), 'changes marked');
    const dash = await (await c.curator.get('/en/editor')).text();
    assert.ok(dash.includes(`/en/editor/entries/${id}`), 'listed as missing languages');
  });

  it('returns with a reason and edits a taxonomy label through the forms', async () => {
    const res = await c.curator.submit('/en/editor/terms/crime:corruption/parts/general/edit', '/en/editor/terms/crime:corruption/parts/general/edit', {
      'labels.ar': 'الفساد',
      'labels.zh': '腐败',
      'labels.en': 'Corruption and bribery',
      'labels.fr': 'Corruption',
      'labels.es': 'Corrupción',
      'labels.ru': 'Коррупция',
    });
    assert.equal(res.status, 303);
    const rev = await lastRevision('crime:corruption', '*');
    await c.curator.submit('/en/editor/terms/crime:corruption', '/en/editor/terms/crime:corruption/transition', { revision: String(rev.id), transition: 'submit' });
    const bad = await c.curator2.submit('/en/editor/terms/crime:corruption', '/en/editor/terms/crime:corruption/transition', { revision: String(rev.id), transition: 'return', comment: ' ' });
    assert.equal(bad.status, 400);
    const page = await (await c.curator2.get('/en/editor/terms/crime:corruption')).text();
    assert.ok(!page.includes('value="archive"'), 'terms are never archived');
    const ok = await c.curator2.submit('/en/editor/terms/crime:corruption', '/en/editor/terms/crime:corruption/transition', { revision: String(rev.id), transition: 'publish' });
    assert.equal(ok.status, 303);
    const terms = await (await c.anonymous.get('/api/v1/taxonomies/crime')).text();
    assert.ok(terms.includes('Corruption and bribery'));
  });

  it('never answers fuzzed form input with a 500', async () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('', ' ', HOSTILE, '\u0000', 'x'.repeat(3000), '2021-02-30', 'ITA', 'untoc:18', '-1', '99999999999999999999'));
    const { csrf } = await c.curator.page('/en/editor/new/case');
    // Found by this property once: a NUL character (which PostgreSQL cannot store) gave a 500.
    for (const path of ['/en/editor/entries/case-http-one/parts/fr/edit', '/en/editor/terms/crime:corruption/parts/general/edit']) {
      const nul = await c.curator.post(path, { title: '\u0000', 'labels.en': 'a\u0000b', _csrf: csrf });
      assert.equal(nul.status, 400, `${path} with a NUL character`);
      await nul.arrayBuffer();
    }
    const paths = ['/en/editor/new/case', '/en/editor/new/law', '/en/editor/entries/case-http-one/parts/general/edit', '/en/editor/entries/case-http-one/parts/fr/edit', '/en/editor/entries/case-http-one/transition', '/en/editor/entries/case-http-one/revert', '/en/editor/terms/crime:corruption/parts/general/edit'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.dictionary(fc.constantFrom('id', 'country', 'court', 'decision_date', 'position', 'title', 'revision', 'transition', 'comment', 'labels.en', 'sources', 'crime_types', 'untoc_legal_basis', 'kind'), text, { maxKeys: 6 }), async (path, form) => {
        const res = await c.curator.post(path, { ...form, _csrf: csrf });
        assert.ok(res.status < 500, `${path} ${JSON.stringify(form)} → ${res.status}`);
        await res.arrayBuffer();
      }),
      { numRuns: 60 },
    );
  });

  it('mirrors the workflow in the JSON API, listing the caller’s actions', async () => {
    assert.equal((await api('anonymous', 'GET', '/api/v1/editor/needs-attention')).status, 401);
    const denied = await api('practitioner', 'GET', '/api/v1/editor/needs-attention');
    assert.equal(denied.status, 403);
    assert.match(denied.type, /problem\+json/);
    const id = 'strategy-api-one';
    const bad = await api('curator', 'PUT', `/api/v1/editor/entry/${id}/parts/*`, { document: { type: 'strategy', country: 'ESP', period_start: 2030, period_end: 2020, measures: ['nope'] } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json.errors.map((e: { field: string }) => e.field).sort(), ['measures.0', 'period_end']);
    assert.equal(await revisions(id), 0);
    const meta = await api('curator', 'PUT', `/api/v1/editor/entry/${id}/parts/*`, { document: { type: 'strategy', country: 'ESP', period_start: 2020, period_end: 2025 }, note: 'new' });
    assert.equal(meta.status, 200, JSON.stringify(meta.json));
    assert.deepEqual(meta.json.actions, ['submit', 'discard']);
    const es = await api('curator', 'PUT', `/api/v1/editor/entry/${id}/parts/es`, { document: { title: 'Estrategia nacional', body: 'Texto' } });
    assert.equal(es.status, 200);
    for (const r of [meta.json.id, es.json.id]) assert.equal((await api('curator', 'POST', `/api/v1/editor/entry/${id}/revisions/${r}/transition`, { transition: 'submit' })).status, 200);
    const own = await api('curator', 'POST', `/api/v1/editor/entry/${id}/revisions/${es.json.id}/transition`, { transition: 'publish' });
    assert.equal(own.status, 403);
    const view = await api('curator2', 'GET', `/api/v1/editor/entry/${id}`);
    assert.deepEqual(view.json.parts.find((p: { part: string }) => p.part === 'es').actions, ['withdraw', 'return', 'publish']);
    const pub = await api('curator2', 'POST', `/api/v1/editor/entry/${id}/revisions/${es.json.id}/transition`, { transition: 'publish' });
    assert.equal(pub.status, 200);
    assert.equal(pub.json.state, 'published');
    assert.deepEqual(pub.json.actions, ['archive']);
    assert.equal((await server.get(`/api/v1/strategies/${id}`)).status, 200);
    const es2 = await api('curator', 'PUT', `/api/v1/editor/entry/${id}/parts/es`, { document: { title: 'Estrategia nacional contra la delincuencia organizada', body: 'Texto' } });
    const diff = await api('curator', 'GET', `/api/v1/editor/entry/${id}/revisions/${es2.json.id}/diff`);
    assert.equal(diff.json.from, es.json.id);
    assert.ok(diff.json.changes[0].text.some((o: { op: string }) => o.op === 'insert'));
    const history = await api('curator', 'GET', `/api/v1/editor/entry/${id}/history?part=es`);
    assert.equal(history.json.items.length, 2);
    const reverted = await api('curator2', 'POST', `/api/v1/editor/entry/${id}/revisions/${es.json.id}/revert`);
    assert.equal(reverted.status, 200);
    assert.equal(reverted.json.id, es2.json.id, 'the open draft takes the earlier content');
    assert.equal(reverted.json.document.title, 'Estrategia nacional');
    const attention = await api('curator', 'GET', '/api/v1/editor/needs-attention');
    assert.ok(attention.json.untranslated.items.some((i: { id: string }) => i.id === id));
    const fuzz = fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom('case', 'law', 'strategy', 'x'), country: fc.string(), texts: fc.jsonValue(), title: fc.string() }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('entry/api-fuzz/parts/*', 'entry/api-fuzz/parts/fr', 'law/api-fuzz/parts/*', 'taxonomy_term/crime:corruption/parts/*'), fuzz, async (path, document) => {
        const r = await api('curator', 'PUT', `/api/v1/editor/${path}`, { document });
        assert.ok(r.status < 500, `${path} ${JSON.stringify(document)} → ${r.status}`);
      }),
      { numRuns: 40 },
    );
  });
});
