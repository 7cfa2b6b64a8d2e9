/**
 * The e-evidence hub over HTTP: practitioners-only fields of providers never reach public readers
 * (API, pages), answers with them are never cached, curators publish through the API with four eyes,
 * bad input gives 4xx naming the field (fuzzed) and writes nothing, hostile text is escaped, and the
 * hub, checklists and country page answer in the six languages.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { aProvider, PROVIDER_SECRET } from '../factories/providers.js';
import { publishProviders, tokenOf } from './providers-support.js';
import { LANGS } from '../../src/platform/i18n/languages.js';
import { WRITER_KINDS } from '../../src/modules/providers/domain/hub.js';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const CURATOR_SCOPES = ['providers.create', 'providers.edit', 'providers.review', 'providers.publish', 'providers.archive', 'providers.read_restricted'] as const;

function assertNoSecret(text: string, where: string): void {
  for (const [k, v] of Object.entries(PROVIDER_SECRET)) assert.ok(!text.includes(v), `${where}: restricted ${k} leaked`);
}

describe('e-evidence hub over HTTP', () => {
  let server: TestServer;
  const open = aProvider({ id: 'http-prov-open' });
  const hostile = aProvider({ id: 'http-prov-hostile', country: 'ESP', names: { en: `Hostile ${HOSTILE}` }, legal_entity: HOSTILE, notes: { en: HOSTILE }, visibility: { legal_entity: 'public' }, emergency_contact: { name: HOSTILE } });
  const practitionerClient = () => clients.practitioner!;
  const clients: Record<string, Client> = {};
  let curatorUsers: { email: string; secret: string | null; id: string }[] = [];
  let curator1: string;
  let curator2: string;
  let practitionerToken: string;

  before(async () => {
    server = await startTestServer();
    await publishProviders(server.runtime.db, [open, hostile]);
    const practitioner = await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Prac' });
    clients.practitioner = new Client(server);
    await signInAs(clients.practitioner, practitioner);
    clients.anonymous = new Client(server);
    const c1 = await makeUser(server, { roles: [{ role: 'curator' }], totp: true, name: 'Curator One' });
    const c2 = await makeUser(server, { roles: [{ role: 'curator' }], totp: true, name: 'Curator Two' });
    curatorUsers = [c1, c2];
    curator1 = await tokenOf(server, c1, [{ role: 'curator' }], [...CURATOR_SCOPES]);
    curator2 = await tokenOf(server, c2, [{ role: 'curator' }], [...CURATOR_SCOPES]);
    practitionerToken = await tokenOf(server, practitioner, [{ role: 'practitioner' }], ['providers.read_restricted']);
  });
  after(async () => server?.close());

  const readRoutes = () => ['/api/v1/providers', '/api/v1/providers?q=quokka', `/api/v1/providers/${open.id}`, '/en/e-evidence', '/en/e-evidence/providers', `/en/e-evidence/providers/${open.id}`, `/ar/e-evidence/providers/${open.id}`, `/zh/e-evidence/providers/${open.id}`];

  it('never shows practitioners-only fields to public readers, and marks what is withheld', async () => {
    for (const path of readRoutes()) {
      const res = await clients.anonymous!.get(path);
      assert.equal(res.status, 200, path);
      assertNoSecret(await res.text(), `anonymous ${path}`);
      assert.notEqual(res.headers.get('cache-control'), 'private, no-store', path);
    }
    const body = (await (await server.get(`/api/v1/providers/${open.id}`)).json()) as Record<string, unknown>;
    assert.equal(body.withheld, true);
    assert.equal(body.emergency_contact, undefined);
    assert.equal(body.url, `/en/e-evidence/providers/${open.id}`);
    assert.deepEqual(body.services, ['email', 'cloud_storage']);
    // Filtering on a restricted field does not reveal it either.
    const q = (await (await server.get(`/api/v1/providers?q=${encodeURIComponent('wombatronic')}`)).json()) as { total: number };
    assert.equal(q.total, 0);
  });

  it('shows them to practitioners (session and scoped token), never cached', async () => {
    for (const path of readRoutes()) {
      const res = await practitionerClient().get(path);
      assert.equal(res.status, 200, path);
      if (path.includes(open.id)) assert.ok((await res.text()).includes(PROVIDER_SECRET.emergencyPhone), path);
      assert.equal(res.headers.get('cache-control'), 'private, no-store', path);
    }
    const res = await server.get(`/api/v1/providers/${open.id}`, { headers: { authorization: `Bearer ${practitionerToken}` } });
    const body = (await res.json()) as { emergency_contact?: { phone?: string }; withheld: boolean };
    assert.equal(body.emergency_contact?.phone, PROVIDER_SECRET.emergencyPhone);
    assert.equal(body.withheld, false);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.match(res.headers.get('vary') ?? '', /Authorization/);
  });

  it('answers bad input with 4xx naming the field, as problem+json on the API', async () => {
    for (const [query, field] of [['service=fax', 'service'], ['category=dna', 'category'], ['country=france', 'country'], ['page=0', 'page'], [`q=${'x'.repeat(201)}`, 'q']] as const) {
      const res = await server.get(`/api/v1/providers?${query}`);
      assert.equal(res.status, 400, query);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      const p = (await res.json()) as { errors: { field: string }[] };
      assert.ok(p.errors.some((e) => e.field === field), `${query}: ${JSON.stringify(p.errors)}`);
    }
    assert.equal((await server.get('/api/v1/providers?colour=red')).status, 400);
    assert.equal((await server.get('/api/v1/providers/no-such-provider')).status, 404);
    assert.equal((await server.get('/api/v1/providers/NOT%20AN%20ID')).status, 404);
    assert.equal((await server.get('/en/e-evidence/providers?service=fax')).status, 400);
    assert.equal((await server.get('/en/e-evidence/providers/no-such-provider')).status, 404);
    assert.equal((await server.get('/en/e-evidence/checklists/interception')).status, 404);
    assert.equal((await server.get('/en/e-evidence?country=<b>')).status, 200, 'an unknown State in the selector shows the hub without provisions');
  });

  it('lets curators publish through the API with four eyes; refuses others before anything is read', async () => {
    const doc = aProvider({ id: 'http-prov-new' });
    const put = (token: string | undefined, body: unknown, id = doc.id) =>
      server.get(`/api/v1/providers/${id}/draft`, { method: 'PUT', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const move = (token: string, revision: number, transition: string, comment?: string) =>
      server.get(`/api/v1/providers/${doc.id}/revisions/${revision}/transition`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ transition, ...(comment ? { comment } : {}) }) });
    assert.equal((await put(undefined, { document: doc })).status, 401);
    assert.equal((await put(practitionerToken, { document: doc })).status, 403);
    const bad = await put(curator1, { document: { ...doc, country: 'XXX', services: [], data: [{ category: 'subscriber' }] } });
    assert.equal(bad.status, 400);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['services'], 'the schema is checked first');
    const bad2 = await put(curator1, { document: { ...doc, country: 'XXX', data: [{ category: 'subscriber' }] } });
    assert.deepEqual(((await bad2.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort(), ['country', 'data.0.retention_days']);
    assert.equal((await server.get(`/api/v1/providers/${doc.id}`)).status, 404, 'nothing published');
    const draft = (await (await put(curator1, { document: doc, note: 'new' })).json()) as { id: number; state: string };
    assert.equal(draft.state, 'draft');
    assert.equal((await move(curator1, draft.id, 'submit')).status, 200);
    assert.equal((await move(curator1, draft.id, 'publish')).status, 403, 'nobody publishes their own change');
    assert.equal((await move(practitionerToken, draft.id, 'publish')).status, 403);
    assert.equal((await move(curator2, draft.id, 'return')).status, 400, 'returning needs a comment');
    assert.equal((await move(curator2, draft.id, 'publish')).status, 200);
    assert.equal((await server.get(`/api/v1/providers/${doc.id}`)).status, 200);
    assert.equal((await move(curator2, draft.id, 'publish')).status, 409);
    assert.equal((await move(curator2, 999_999, 'publish')).status, 404);
  });

  it('lets curators keep providers through the editor pages, with four eyes', async () => {
    const [c1, c2] = [new Client(server), new Client(server)];
    await signInAs(c1, curatorUsers[0]!);
    await signInAs(c2, curatorUsers[1]!);
    assert.equal((await clients.anonymous!.get('/en/e-evidence/new')).status, 401);
    assert.equal((await practitionerClient().get('/en/e-evidence/new')).status, 403);
    assert.equal((await practitionerClient().get(`/en/e-evidence/providers/${open.id}/edit`)).status, 403);
    assert.ok((await (await c1.get('/en/e-evidence/providers')).text()).includes('/en/e-evidence/new'), 'curators see the link to add a provider');
    const doc = aProvider({ id: 'page-prov' });
    const { id: _id, ...withoutId } = doc;
    const notJson = await c1.submit('/en/e-evidence/new', '/en/e-evidence/new', { id: doc.id, document: '{ not json' });
    assert.equal(notJson.status, 400);
    assert.match(await notJson.text(), /<code dir="ltr">document<\/code>/);
    const bad = await c1.submit('/en/e-evidence/new', '/en/e-evidence/new', { id: doc.id, document: JSON.stringify({ ...withoutId, country: 'XXX' }) });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /<code dir="ltr">country<\/code>/);
    const saved = await c1.submit('/en/e-evidence/new', '/en/e-evidence/new', { id: doc.id, document: JSON.stringify(withoutId), note: 'first' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `/en/e-evidence/providers/${doc.id}/edit`);
    const editPath = `/en/e-evidence/providers/${doc.id}/edit`;
    const editor = await c1.page(editPath);
    assert.equal(editor.res.headers.get('cache-control'), 'private, no-store');
    assert.ok(editor.html.includes('name="transition" value="submit"'));
    const revision = /name="revision" value="(\d+)"/.exec(editor.html)![1]!;
    assert.equal((await c1.post(`/en/e-evidence/providers/${doc.id}/transition`, { _csrf: editor.csrf, revision, transition: 'submit' })).status, 303);
    const own = await c1.page(editPath);
    assert.ok(!own.html.includes('value="publish"'), 'no publish button on one’s own change');
    assert.equal((await c1.post(`/en/e-evidence/providers/${doc.id}/transition`, { _csrf: own.csrf, revision, transition: 'publish' })).status, 403);
    const other = await c2.page(editPath);
    assert.ok(other.html.includes('value="publish"'));
    assert.equal((await c2.post(`/en/e-evidence/providers/${doc.id}/transition`, { _csrf: other.csrf, revision, transition: 'publish' })).status, 303);
    const page = await (await c1.get(`/en/e-evidence/providers/${doc.id}`)).text();
    assert.ok(page.includes(editPath), 'the provider page links curators to the editor');
    assert.equal((await clients.anonymous!.get(`/en/e-evidence/providers/${doc.id}`)).status, 200);
    assert.equal((await c2.post(`/en/e-evidence/providers/${doc.id}/transition`, { _csrf: other.csrf, revision: 'x', transition: 'fly' })).status, 400);
  });

  it('the structured editor: a field per part of the provider, issues named by their input, no JavaScript needed, labels in six languages', async () => {
    const c1 = new Client(server);
    await signInAs(c1, await makeUser(server, { roles: [{ role: 'curator' }], totp: true, name: 'Curator Three' }));
    const form = await c1.page('/en/e-evidence/new');
    assert.equal(form.res.status, 200);
    for (const name of ['names.en', 'names.ar', 'country', 'services', 'website', 'legal_entity', 'data.traffic.held', 'data.traffic.retention_days', 'data.content.retention.fr', 'requests.preservation.portal', 'requests.emergency.email', 'requests.disclosure.note.zh', 'languages', 'emergency_contact.phone', 'user_notification.policy', 'content_requires_mla.value', 'notes.ru', 'visibility.requests']) {
      assert.ok(form.html.includes(`name="${name}"`), name);
    }
    assert.ok(!form.html.includes('name="document"'), 'no JSON in the form');
    assert.ok((await c1.page('/en/e-evidence/new?format=json')).html.includes('name="document"'), 'the JSON editor on request');
    const fields = {
      id: 'form-prov',
      'names.en': 'Form Mail',
      'names.ar': 'بريد النموذج',
      country: 'IRL',
      services: ['email', 'cloud_storage'],
      website: 'https://form-mail.example.org/',
      'data.subscriber.held': 'on',
      'data.subscriber.retention_days': '365',
      'data.traffic.retention_days': 'ninety',
      'requests.preservation.portal': 'not a url',
      'requests.emergency.email': 'lers@form-mail.example.org',
      languages: 'en, ga',
      'emergency_contact.name': 'Form Mail emergency team',
      'emergency_contact.phone': '+353 1 555 0100',
      'user_notification.policy': 'notifies_unless_prohibited',
      'visibility.requests': 'practitioners',
      note: 'from the form',
    };
    const bad = await c1.submit('/en/e-evidence/new', '/en/e-evidence/new', fields);
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /href="#pf-data-traffic-retention_days"><code dir="ltr">data\.traffic\.retention_days<\/code>/);
    assert.match(html, /href="#pf-requests-preservation-portal"><code dir="ltr">requests\.preservation\.portal<\/code>/);
    assert.match(html, /id="pf-data-traffic-retention_days" name="data\.traffic\.retention_days" value="ninety"[^>]*aria-invalid="true"/);
    assert.ok(html.includes('value="Form Mail"') && html.includes('بريد النموذج'), 'what was typed is kept');
    const saved = await c1.submit('/en/e-evidence/new', '/en/e-evidence/new', { ...fields, 'data.traffic.retention_days': '90', 'requests.preservation.portal': 'https://lers.form-mail.example.org/' });
    assert.equal(saved.status, 303);
    const jsonPage = (await c1.page('/en/e-evidence/providers/form-prov/edit?format=json')).html;
    const unescape = (x: string) => x.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const draft = { document: JSON.parse(unescape(/<textarea id="pe-document"[^>]*>([\s\S]*?)<\/textarea>/.exec(jsonPage)![1]!)) as Record<string, any> };
    assert.deepEqual(draft.document.data, [{ category: 'subscriber', retention_days: 365 }, { category: 'traffic', retention_days: 90 }]);
    assert.deepEqual(draft.document.requests, { preservation: { portal: 'https://lers.form-mail.example.org/' }, emergency: { email: 'lers@form-mail.example.org' } });
    assert.deepEqual(draft.document.languages, ['en', 'ga']);
    assert.deepEqual(draft.document.names, { en: 'Form Mail', ar: 'بريد النموذج' });
    const again = await c1.page('/en/e-evidence/providers/form-prov/edit');
    assert.ok(again.html.includes('value="https://lers.form-mail.example.org/"') && again.html.includes('value="365"'), 'the editor shows the draft');
    for (const [lang, label] of [['fr', 'Qui peut voir chaque partie'], ['ar', 'من يمكنه رؤية كل جزء'], ['zh', '各部分的可见范围'], ['es', 'Quién puede ver cada parte'], ['ru', 'Кто видит каждую часть']] as const) {
      assert.ok((await c1.page(`/${lang}/e-evidence/providers/form-prov/edit`)).html.includes(label), lang);
    }
  });

  it('fuzz: any query or document gives a 2xx or a 4xx naming a field, never a 5xx', async () => {
    const text = fc.string({ maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.record({ q: text, country: fc.oneof(text, fc.constantFrom('DEU', 'ESP', 'deu')), service: fc.oneof(text, fc.constantFrom('email', 'payments')), category: fc.oneof(text, fc.constantFrom('subscriber', 'content')), page: fc.oneof(text, fc.nat({ max: 2000 }).map(String)) }, { requiredKeys: [] }), async (query) => {
        const qs = new URLSearchParams(query as Record<string, string>).toString();
        for (const path of [`/api/v1/providers?${qs}`, `/en/e-evidence/providers?${qs}`]) {
          const res = await server.get(path);
          const body = await res.text();
          assert.ok(res.status === 200 || res.status === 400, `${path} → ${res.status}`);
          if (res.status === 400 && path.startsWith('/api/')) assert.ok((JSON.parse(body) as { errors: { field: string }[] }).errors.every((e) => e.field), path);
        }
      }),
      { numRuns: 60 },
    );
    const base = aProvider({ id: 'http-prov-fuzz' });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ ...Object.fromEntries(Object.keys(base).map((k) => [k, fc.jsonValue()])) }, { requiredKeys: [] }).map((v) => ({ ...base, ...v }))), async (document) => {
        const res = await server.get(`/api/v1/providers/${base.id}/draft`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${curator1}` }, body: JSON.stringify({ document }) });
        const body = (await res.json()) as { errors?: { field: string }[] };
        assert.ok(res.status === 200 || res.status === 400, `status ${res.status}`);
        if (res.status === 400) assert.ok(body.errors?.length && body.errors.every((e) => typeof e.field === 'string' && e.field.length > 0));
      }),
      { numRuns: 60 },
    );
    // A body that cannot be parsed — malformed, or with a prototype key the parser refuses — names the field "body".
    for (const raw of ['{"document": {"services": {"__proto__": null}}}', '{"document": {"constructor": {"prototype": {}}}}', '{"document": ']) {
      const res = await server.get(`/api/v1/providers/${base.id}/draft`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${curator1}` }, body: raw });
      assert.equal(res.status, 400, raw);
      assert.deepEqual(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), ['body'], raw);
    }
  });

  it('escapes hostile text', async () => {
    for (const path of [`/en/e-evidence/providers/${hostile.id}`, '/en/e-evidence/providers', '/en/e-evidence']) {
      const html = await (await practitionerClient().get(path)).text();
      assert.ok(!html.includes('<script>alert'), path);
      assert.ok(!html.includes('<img src=x'), path);
    }
  });

  it('serves the hub, checklists and providers in the six languages, with the national provisions on the country page', async () => {
    for (const lang of LANGS) {
      const hub = await (await server.get(`/${lang}/e-evidence?country=DEU`)).text();
      assert.match(hub, new RegExp(`<html[^>]* lang="${lang}"`));
      for (const kind of WRITER_KINDS) assert.ok(hub.includes(`/${lang}/writer/new?kind=${kind}`), `${lang} ${kind}`);
      assert.ok(hub.includes('id="e-evidence-provisions"'), lang);
      for (const kind of ['preservation', 'disclosure', 'emergency']) {
        const res = await server.get(`/${lang}/e-evidence/checklists/${kind}`);
        assert.equal(res.status, 200, `${lang} ${kind}`);
        const html = await res.text();
        assert.ok((html.match(/<li>/g) ?? []).length >= 7, `${lang} ${kind} items`);
      }
      assert.equal((await server.get(`/${lang}/e-evidence/providers/${open.id}`)).status, 200);
      const country = await (await server.get(`/${lang}/countries/DEU`)).text();
      assert.ok(country.includes('id="e-evidence-provisions"'), `${lang} country page`);
    }
    const ar = await (await server.get('/ar/e-evidence/checklists/preservation')).text();
    assert.match(ar, /dir="rtl"/);
    assert.ok(ar.includes('60'), 'the 60-day preservation period (Budapest art. 29(7))');
  });
});
