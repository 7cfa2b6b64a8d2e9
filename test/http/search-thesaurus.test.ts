/**
 * The thesaurus and the query help over HTTP: the curators' pages (list, add, edit, remove; 400
 * naming the field; refused to others), the API (token scoped to thesaurus.edit; bad bodies fuzzed:
 * 4xx, never 500, nothing written), and the search page's "did you mean", correction notice,
 * equivalents line and no-results help without an orphan filter button.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { Client, makeUser, signInAs } from './accounts-support.js';

describe('search thesaurus over HTTP', () => {
  let server: TestServer;
  let curator: Client;
  let bearer: string;
  const groups = async () => Number((await server.runtime.db.selectFrom('search_thesaurus').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    server = await startTestServer();
    await ensureTestReference(server.runtime.db);
    await saveRecords(
      server.runtime.db,
      [
        aCase({ id: 'h-mla', texts: { en: { title: 'Mutual legal assistance for bank records', summary: 'The court executed the request for mutual legal assistance.' } } }),
        aCase({ id: 'h-ext', texts: { en: { title: 'Extradition of a national', summary: 'Extradition was granted.' } } }),
      ],
      { origin: 'import' },
    );
    curator = new Client(server);
    await signInAs(curator, await makeUser(server, { totp: true, roles: [{ role: 'curator' }] }));
    const form = await curator.page('/en/account/tokens');
    const created = await curator.post('/en/account/tokens', { _csrf: form.csrf, name: 'thesaurus', scopes: ['thesaurus.edit'], expires_in_days: '30' });
    bearer = /data-testid="api-token">(plm_[A-Za-z0-9_-]+)</.exec(await created.text())![1]!;
  });
  after(async () => server?.close());

  it('lists, adds, edits and removes groups on the curators\u2019 pages, and names the field of a bad one', async () => {
    assert.match((await curator.page('/en/search')).html, /<a href="\/en\/search\/thesaurus">Search thesaurus/, 'curators find the page from the search form');
    assert.doesNotMatch(await (await server.get('/en/search')).text(), /search\/thesaurus/);
    const list = await curator.page('/en/search/thesaurus');
    assert.equal(list.res.status, 200);
    assert.match(list.html, /<h1>Search thesaurus<\/h1>/);
    assert.match(list.html, /MLA · MLAT · mutual legal assistance/);
    assert.match(list.html, /引渡 · 移交逃犯/);
    const before = await groups();
    const bad = await curator.post('/en/search/thesaurus', { _csrf: list.csrf, lang: 'en', terms: 'lonely' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /<a href="#f-terms">terms: must hold 2 to 20 different terms<\/a>/);
    assert.equal(await groups(), before);
    const added = await curator.post('/en/search/thesaurus', { _csrf: list.csrf, lang: 'en', terms: 'bank records\nfinancial records', note: '<script>x</script>' });
    assert.equal(added.status, 303);
    const row = await server.runtime.db.selectFrom('search_thesaurus').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(row.terms, ['bank records', 'financial records']);
    const shown = await curator.page('/en/search/thesaurus?saved=1');
    assert.match(shown.html, /The thesaurus was saved/);
    assert.match(shown.html, /&lt;script>x&lt;\/script>/, "the note is escaped");
    const searched = await (await server.get('/en/search?q=%22financial+records%22')).text();
    assert.match(searched, /href="\/en\/cases\/h-mla"/, "found through the new group");
    const edit = await curator.page(`/en/search/thesaurus/${row.id}`);
    assert.equal(edit.res.status, 200);
    assert.equal((await curator.post(`/en/search/thesaurus/${row.id}`, { _csrf: edit.csrf, lang: 'xx', terms: 'a\nb' })).status, 400);
    assert.equal((await curator.post(`/en/search/thesaurus/${row.id}`, { _csrf: edit.csrf, lang: 'fr', terms: 'relevés bancaires\ndocuments bancaires' })).status, 303);
    assert.deepEqual((await server.runtime.db.selectFrom('search_thesaurus').select('terms').where('id', '=', row.id).executeTakeFirstOrThrow()).terms, ['relevés bancaires', 'documents bancaires']);
    assert.equal((await curator.post(`/en/search/thesaurus/${row.id}/remove`, { _csrf: edit.csrf })).status, 303);
    assert.equal(await groups(), before);
    assert.equal((await curator.get('/en/search/thesaurus/999999')).status, 404);
    assert.equal((await curator.get('/en/search/thesaurus/abc')).status, 404);
  });

  it('refuses the pages to anonymous readers (401) and practitioners (403)', async () => {
    assert.equal((await server.get('/en/search/thesaurus')).status, 401);
    const p = new Client(server);
    await signInAs(p, await makeUser(server, { roles: [{ role: 'practitioner' }] }));
    assert.equal((await p.get('/en/search/thesaurus')).status, 403);
    const { csrf } = await p.page('/en/account');
    const before = await groups();
    assert.equal((await p.post('/en/search/thesaurus', { _csrf: csrf, lang: 'en', terms: 'a1\nb1' })).status, 403);
    assert.equal(await groups(), before);
  });

  it('serves the API to a token scoped to thesaurus.edit, and never fails with 500 on bad bodies', async () => {
    const api = (method: string, path: string, body?: unknown) =>
      server.get(path, { method, headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const listed = await api('GET', '/api/v1/search/thesaurus');
    assert.equal(listed.status, 200);
    assert.ok(((await listed.json()) as { groups: unknown[] }).groups.length >= 30);
    const created = await api('POST', '/api/v1/search/thesaurus', { lang: 'ru', terms: ['ОПГ', 'организованная преступная группа'] });
    assert.equal(created.status, 201);
    const g = (await created.json()) as { id: number; terms: string[] };
    assert.deepEqual(g.terms, ['ОПГ', 'организованная преступная группа']);
    assert.equal((await api('PUT', `/api/v1/search/thesaurus/${g.id}`, { lang: 'ru', terms: ['ОПГ', 'преступное сообщество'], note: null })).status, 200);
    assert.equal((await api('DELETE', `/api/v1/search/thesaurus/${g.id}`)).status, 204);
    assert.equal((await api('DELETE', `/api/v1/search/thesaurus/${g.id}`)).status, 404);
    const before = await groups();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ lang: fc.oneof(fc.constantFrom('en', 'ar', 'zh'), fc.string()), terms: fc.oneof(fc.array(fc.string({ maxLength: 120 }), { maxLength: 25 }), fc.string(), fc.constant(null)), note: fc.option(fc.string({ maxLength: 600 })) }, { requiredKeys: [] }),
        async (body) => {
          const res = await api('PUT', '/api/v1/search/thesaurus/2147483647', body);
          assert.ok(res.status === 400 || res.status === 404, `${JSON.stringify(body)} → ${res.status}`);
          if (res.status === 400) assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
        },
      ),
      { numRuns: 60 },
    );
    assert.equal(await groups(), before, 'nothing written');
    const spec = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    assert.ok(spec.paths['/api/v1/search/thesaurus']?.post?.operationId);
    assert.ok(spec.paths['/api/v1/search/thesaurus/{id}']?.delete?.operationId);
  });

  it('fuzzes the curators\u2019 form: 303 or 400, never 500', async () => {
    const { csrf } = await curator.page('/en/search/thesaurus');
    const before = await groups();
    let added = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({ lang: fc.oneof(fc.constantFrom('en', 'fr', 'zh'), fc.string()), terms: fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.string(), { maxLength: 3 })), note: fc.string({ maxLength: 600 }) }), async (form) => {
        const res = await curator.post('/en/search/thesaurus', { _csrf: csrf, ...form });
        assert.ok(res.status === 303 || res.status === 400, `${JSON.stringify(form)} → ${res.status}`);
        if (res.status === 303) added++;
      }),
      { numRuns: 60 },
    );
    assert.equal(await groups(), before + added);
  });

  it('shows the correction, did you mean, the equivalents and the no-results help without an orphan filter button', async () => {
    const corrected = await (await server.get('/en/search?q=extradtion')).text();
    assert.match(corrected, /No entries match what you typed\. Showing results for: <strong dir="auto">extradition<\/strong>/);
    assert.match(corrected, /Search instead for: <a href="\/en\/search\?q=extradtion&amp;verbatim=1" dir="auto" rel="nofollow">extradtion<\/a>/);
    // The link searches what was typed: no correction again, the no-results page with its suggestion.
    const asTyped = await (await server.get('/en/search?q=extradtion&verbatim=1')).text();
    assert.doesNotMatch(asTyped, /Showing results for/);
    assert.match(asTyped, /No entries match your search/);
    assert.match(asTyped, /extradition/);
    const mla = await (await server.get('/en/search?q=MLA')).text();
    assert.match(mla, /Also searched for the equivalent terms: MLAT, mutual legal assistance/);
    assert.match(mla, /<mark>[Mm]utual legal assistance<\/mark>|<mark>[Mm]utual<\/mark>/);
    const api = (await (await server.get('/api/v1/search?q=e-evidence')).json()) as { expanded: string[] };
    assert.deepEqual(api.expanded, ['electronic evidence', 'digital evidence']);
    const none = await (await server.get('/en/search?q=qqqzzzxxx')).text();
    assert.match(none, /No entries match your search/);
    assert.match(none, /Browse a database:/);
    assert.match(none, /href="\/en\/cases"/);
    assert.doesNotMatch(none, /facets__apply/, 'no filter button without filters to apply');
    const filtered = await (await server.get('/en/search?q=qqqzzzxxx&country=ITA')).text();
    assert.match(filtered, /<a href="\/en\/search\?q=qqqzzzxxx">Search again without filters<\/a>/);
    const few = await (await server.get('/en/search?q=extradition+OR+mutul')).text();
    assert.match(few, /Did you mean: <a href="\/en\/search\?q=extradition\+OR\+mutual"/);
  });
});
