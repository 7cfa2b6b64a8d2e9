/**
 * The directory over HTTP: restricted fields never reach public readers on any route (pages, API,
 * exports, search counts and snippets), focal points are confined to their State, four eyes, CSRF on
 * every state-changing route, bad input gives 400 naming the field and writes nothing, hostile text
 * is escaped, and the lookup answers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs, csrfOf } from './accounts-support.js';
import { anAuthority, SECRET } from '../factories/directory.js';
import { assertNoSecret, publishAuthorities } from './directory-support.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { userActor } from '../../src/modules/access/actor.js';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('directory over HTTP', () => {
  let server: TestServer;
  const fra = anAuthority({ country: 'FRA' });
  const ita = anAuthority({ country: 'ITA', functions: [{ code: 'mla', articles: ['untoc:18'] }] });
  const hostile = anAuthority({
    country: 'ESP',
    names: { en: `Hostile ${HOSTILE}`, es: `Autoridad ${HOSTILE}` },
    address: HOSTILE,
    notes: { en: HOSTILE },
    urgent_procedure: { en: HOSTILE },
    contacts: [{ name: HOSTILE, title: HOSTILE }],
    direct_lines: [{ number: '+34 91 000 00 00', label: HOSTILE }],
    requirements: [{ measure: 'taking-evidence', status: 'conditions', conditions: { en: HOSTILE } }],
    e_evidence: { preservation: { en: HOSTILE } },
    visibility: {},
  });
  let fpFra: { email: string; secret: string | null; id: string };
  let fpFra2: { email: string; secret: string | null; id: string };
  let fpIta: { email: string; secret: string | null; id: string };
  let practitioner: { email: string; secret: string | null; id: string };
  let registered: { email: string; secret: string | null; id: string };
  const clients: Record<string, Client> = {};

  before(async () => {
    server = await startTestServer();
    await publishAuthorities(server.runtime.db, [fra, ita, hostile]);
    fpFra = await makeUser(server, { roles: [{ role: 'focal_point', country: 'FRA' }], totp: true, name: 'Focal France' });
    fpFra2 = await makeUser(server, { roles: [{ role: 'focal_point', country: 'FRA' }], totp: true, name: 'Focal France Two' });
    fpIta = await makeUser(server, { roles: [{ role: 'focal_point', country: 'ITA' }], totp: true, name: 'Focal Italy' });
    practitioner = await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Prac' });
    registered = await makeUser(server, { name: 'Reg' });
    for (const [k, u] of Object.entries({ fpFra, fpFra2, fpIta, practitioner, registered })) {
      clients[k] = new Client(server);
      await signInAs(clients[k]!, u);
    }
    clients.anonymous = new Client(server);
  });
  after(async () => server?.close());

  const readRoutes = () => [
    '/en/directory',
    '/en/directory?q=entraide',
    `/en/directory/authorities/${fra.id}`,
    `/ar/directory/authorities/${fra.id}`,
    '/en/directory/lookup?state=FRA&request=taking-evidence',
    '/en/directory/lookup?state=FRA&request=data-preservation',
    '/en/countries/FRA',
    '/api/v1/authorities',
    '/api/v1/authorities?country=FRA',
    `/api/v1/authorities/${fra.id}`,
    '/api/v1/authorities/lookup?state=FRA&request=taking-evidence',
    '/api/v1/authorities/lookup?state=FRA&request=data-preservation',
    '/api/v1/authorities/export?format=jsonl',
    '/api/v1/authorities/export?format=csv',
  ];

  it('never shows restricted fields to anonymous readers or registered non-practitioners, on any read route', async () => {
    for (const who of ['anonymous', 'registered']) {
      for (const path of readRoutes()) {
        const res = await clients[who]!.get(path);
        assert.equal(res.status, 200, `${who} ${path}`);
        assertNoSecret(await res.text(), SECRET, `${who} ${path}`);
      }
    }
  });

  it('shows restricted fields to practitioners (session and a scoped API token)', async () => {
    const page = await clients.practitioner!.get(`/en/directory/authorities/${fra.id}`);
    const html = await page.text();
    assert.ok(html.includes(SECRET.contact) && html.includes(SECRET.requirement) && html.includes(SECRET.directLine));
    const api = await clients.practitioner!.get(`/api/v1/authorities/${fra.id}`);
    const body = (await api.json()) as { contacts?: { name: string }[] };
    assert.equal(body.contacts?.[0]?.name, SECRET.contact);
    const env = await accountsEnv(server.runtime.db, server.runtime.config);
    const actor = userActor({ userId: practitioner.id, name: 'Prac', email: practitioner.email, grants: [{ role: 'practitioner' }], totpEnabled: false });
    const withScope = await createApiToken(server.runtime.db, env, { actor }, { name: 'directory', scopes: ['directory.read_restricted'], expires_in_days: '5' });
    const withoutScope = await createApiToken(server.runtime.db, env, { actor }, { name: 'other', scopes: ['tokens.manage'], expires_in_days: '5' });
    const scoped = await server.get('/api/v1/authorities?country=FRA', { headers: { authorization: `Bearer ${withScope.token}` } });
    assert.ok((await scoped.text()).includes(SECRET.contactEmail));
    assert.equal(scoped.headers.get('cache-control'), 'private, no-store');
    const unscoped = await server.get('/api/v1/authorities?country=FRA', { headers: { authorization: `Bearer ${withoutScope.token}` } });
    assertNoSecret(await unscoped.text(), SECRET, 'token without the scope');
    // A practitioner reads restricted fields but does not export them in bulk (directory.export_restricted).
    const exported = await server.get('/api/v1/authorities/export?format=jsonl', { headers: { authorization: `Bearer ${withScope.token}` } });
    assertNoSecret(await exported.text(), SECRET, 'a practitioner’s export is the public edition');
    const refused = await server.get('/api/v1/authorities/export?format=jsonl&edition=restricted', { headers: { authorization: `Bearer ${withScope.token}` } });
    assert.equal(refused.status, 403);
    await refused.text();
    const audited = await server.runtime.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'outcome']).where('action', 'in', ['directory.read_restricted', 'directory.export_restricted']).execute();
    assert.ok(audited.some((a) => a.action === 'directory.read_restricted' && a.actor_user_id === practitioner.id && a.outcome === 'success'), 'bulk read audited');
    assert.ok(audited.some((a) => a.action === 'directory.export_restricted' && a.actor_user_id === practitioner.id && a.outcome === 'refused'), 'refused export audited');
  });

  it('does not let a search on a restricted field reveal the authority through counts or snippets', async () => {
    for (const q of [SECRET.contact.split(' ')[1]!, 'Quetzalcoatl', 'Xylophonic']) {
      const pub = (await (await server.get(`/api/v1/authorities?q=${encodeURIComponent(q!)}`)).json()) as { total: number; facets: { country: unknown[] } };
      assert.equal(pub.total, 0, `public search for ${q}`);
      assert.deepEqual(pub.facets.country, []);
      const page = await (await server.get(`/en/directory?q=${encodeURIComponent(q!)}`)).text();
      assert.ok(!page.includes(fra.names.en!), `page for ${q} lists nothing`);
      const prac = (await (await clients.practitioner!.get(`/api/v1/authorities?q=${encodeURIComponent(q!)}`)).json()) as { items: { id: string }[] };
      assert.ok(prac.items.some((i) => i.id === fra.id), `practitioner search for ${q}`);
    }
    // A restricted language or electronic setting is not a public filter either.
    const hidden = anAuthority({ country: 'DEU', languages: ['gsw'], visibility: { languages: 'practitioners' } });
    await publishAuthorities(server.runtime.db, [hidden]);
    assert.equal(((await (await server.get('/api/v1/authorities?language=gsw')).json()) as { total: number }).total, 0);
    assert.equal(((await (await clients.practitioner!.get('/api/v1/authorities?language=gsw')).json()) as { total: number }).total, 1);
  });

  it('escapes HTML in every text field on pages and in the API', async () => {
    for (const who of ['anonymous', 'practitioner']) {
      for (const path of [`/en/directory/authorities/${hostile.id}`, '/en/directory?q=hostile', '/es/directory/lookup?state=ESP&request=mla']) {
        const html = await (await clients[who]!.get(path)).text();
        assert.ok(!html.includes('<script>alert'), `${who} ${path} raw script`);
        assert.ok(!html.includes('<img src=x'), `${who} ${path} raw img`);
      }
    }
    const html = await (await clients.practitioner!.get(`/en/directory/authorities/${hostile.id}`)).text();
    assert.ok(html.includes('&lt;script'), 'shown as text');
  });

  it('answers the lookup, with the fallback to the central authority explained', async () => {
    const pub = (await (await server.get('/api/v1/authorities/lookup?state=FRA&request=taking-evidence')).json()) as { found: string; authorities: { requirement: { state: string } }[] };
    assert.equal(pub.found, 'mla');
    assert.equal(pub.authorities[0]!.requirement.state, 'withheld');
    const prac = (await (await clients.practitioner!.get('/api/v1/authorities/lookup?state=FRA&request=taking-evidence')).json()) as { authorities: { requirement: { state: string; status: string } }[] };
    assert.deepEqual([prac.authorities[0]!.requirement.state, prac.authorities[0]!.requirement.status], ['stated', 'conditions']);
    const fallback = (await (await server.get('/api/v1/authorities/lookup?state=ITA&request=extradition')).json()) as { fallback: boolean; found: string; wanted: string; explanation: string };
    assert.deepEqual([fallback.fallback, fallback.wanted, fallback.found], [true, 'extradition', 'mla']);
    assert.match(fallback.explanation, /Central authority for mutual legal assistance/);
    const extradition = (await (await server.get('/api/v1/authorities/lookup?state=FRA&request=extradition')).json()) as { fallback: boolean; authorities: { authority: { untoc_extradition_basis?: { value: string } } }[] };
    assert.equal(extradition.fallback, false);
    assert.equal(extradition.authorities[0]!.authority.untoc_extradition_basis?.value, 'yes');
    const none = (await (await server.get('/api/v1/authorities/lookup?state=BRA&request=mla')).json()) as { state_has_none: boolean; authorities: unknown[] };
    assert.deepEqual([none.state_has_none, none.authorities.length], [true, 0]);
    const bad = await server.get('/api/v1/authorities/lookup?state=XXX&request=nonsense');
    assert.equal(bad.status, 400);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['request', 'state']);
    const page = await (await server.get('/fr/directory/lookup?state=ITA&request=extradition')).text();
    assert.match(page, /n’a désigné dans le répertoire aucune autorité/);
  });

  it('confines a focal point to their State (pages)', async () => {
    const c = clients.fpIta!;
    assert.equal((await c.get(`/en/directory/authorities/${fra.id}/edit`)).status, 403);
    const { csrf } = await c.page(`/en/directory/authorities/${ita.id}`);
    assert.ok(csrf);
    for (const [path, form] of [
      [`/en/directory/authorities/${fra.id}/edit`, { 'names.en': 'Taken over', 'fn.mla': '1', langs: 'en' }],
      [`/en/directory/authorities/${fra.id}/verify`, {}],
      [`/en/directory/authorities/${fra.id}/archive`, { comment: 'no' }],
      ['/en/directory/new', { country: 'FRA', 'names.en': 'Fake', 'fn.mla': '1', langs: 'en' }],
    ] as const) {
      const res = await c.post(path, { ...form, _csrf: csrf });
      assert.equal(res.status, 403, path);
    }
    const revs = await server.runtime.db.selectFrom('revisions').select('id').where('subject_type', '=', 'authority').where('subject_id', '=', fra.id).execute();
    assert.equal(revs.length, 0, 'nothing written');
    const api = (await (await c.get(`/api/v1/authorities/${fra.id}`)).json()) as { actions: string[] };
    assert.deepEqual(api.actions, []);
    const own = (await (await c.get(`/api/v1/authorities/${ita.id}`)).json()) as { actions: string[] };
    assert.ok(own.actions.includes('edit') && own.actions.includes('verify'));
  });

  it('takes a change through draft, review and publication with four eyes', async () => {
    const a = clients.fpFra!;
    const b = clients.fpFra2!;
    const edit = await a.page(`/en/directory/authorities/${fra.id}/edit`);
    assert.equal(edit.res.status, 200);
    assert.match(edit.html, /name="visibility.contacts"/);
    const form = {
      _csrf: edit.csrf,
      langs: 'en,fr',
      'names.en': 'Office for International Criminal Cooperation',
      'names.fr': 'Bureau de l’entraide pénale internationale',
      'fn.mla': '1',
      'fn.mla.articles': 'untoc:18',
      'contacts.0.name': 'Ada Lovelace',
      'contacts.0.email': 'ada@justice.example',
      'visibility.contacts': 'practitioners',
      'hours.time_zone': 'Europe/Paris',
      'hours.weekly.0.day': '1',
      'hours.weekly.0.open': '09:00',
      'hours.weekly.0.close': '17:00',
      note: 'Renamed',
    };
    assert.equal((await a.post(`/en/directory/authorities/${fra.id}/edit`, form)).status, 303);
    const rev = await server.runtime.db.selectFrom('revisions').selectAll().where('subject_id', '=', fra.id).where('state', '=', 'draft').executeTakeFirstOrThrow();
    const page = await a.page(`/en/directory/authorities/${fra.id}`);
    assert.match(page.html, /name="transition" value="submit"/);
    assert.equal((await a.post(`/en/directory/authorities/${fra.id}/transition`, { _csrf: page.csrf, revision: String(rev.id), transition: 'submit' })).status, 303);
    const own = await a.post(`/en/directory/authorities/${fra.id}/transition`, { _csrf: page.csrf, revision: String(rev.id), transition: 'publish' });
    assert.equal(own.status, 403, 'nobody publishes their own change');
    assert.ok(!(await (await server.get(`/api/v1/authorities/${fra.id}`)).text()).includes('International Criminal Cooperation'), 'not public yet');
    const bpage = await b.page(`/en/directory/authorities/${fra.id}`);
    assert.match(bpage.html, /value="publish"/);
    assert.equal((await b.post(`/en/directory/authorities/${fra.id}/transition`, { _csrf: bpage.csrf, revision: String(rev.id), transition: 'publish' })).status, 303);
    const live = (await (await server.get(`/api/v1/authorities/${fra.id}`)).json()) as { names: Record<string, string>; contacts?: unknown; verified: { on: string } };
    assert.equal(live.names.en, 'Office for International Criminal Cooperation');
    assert.equal(live.contacts, undefined);
    assert.equal(live.verified.on, new Date().toISOString().slice(0, 10));
    const hist = await a.page(`/en/directory/authorities/${fra.id}/history`);
    assert.match(hist.html, /names\.en/);
    const audit = await server.runtime.db.selectFrom('audit_events').select('action').where('target_id', '=', `${fra.id}#*`).execute();
    assert.deepEqual(audit.map((x) => x.action).sort(), ['revision.create', 'revision.publish', 'revision.submit'].sort());
  });

  it('refuses over-long and malformed fields with 400 naming the field, and writes nothing', async () => {
    const c = clients.fpIta!;
    const { csrf } = await c.page(`/en/directory/authorities/${ita.id}/edit`);
    const before = await server.runtime.db.selectFrom('revisions').select('id').where('subject_id', '=', ita.id).execute();
    for (const [field, value, expected] of [
      ['names.en', 'x'.repeat(501), 'names.en'],
      ['contacts.0.email', 'not an address', 'contacts.0.email'],
      ['hours.time_zone', 'Mars/Olympus', 'hours.time_zone'],
      ['website', 'javascript:alert(1)', 'website'],
      ['fn.mla.articles', 'untoc:999', 'functions.0.articles.0'],
      ['laws', 'no-such-law', 'laws.0'],
    ] as const) {
      const form: Record<string, string> = { _csrf: csrf, langs: 'en', 'names.en': 'Ministero della Giustizia', 'fn.mla': '1', 'contacts.0.name': 'X', 'hours.weekly.0.day': '1', 'hours.weekly.0.open': '09:00', 'hours.weekly.0.close': '12:00', 'hours.time_zone': 'Europe/Rome', [field]: value };
      const res = await c.post(`/en/directory/authorities/${ita.id}/edit`, form);
      const html = await res.text();
      assert.equal(res.status, 400, field);
      assert.ok(html.includes(`${expected}:`), `${field} named as ${expected}`);
    }
    const after = await server.runtime.db.selectFrom('revisions').select('id').where('subject_id', '=', ita.id).execute();
    assert.equal(after.length, before.length, 'nothing written');
  });

  it('requires the CSRF token on every state-changing directory route', async () => {
    const c = clients.fpFra!;
    for (const path of [`/en/directory/authorities/${fra.id}/edit`, `/en/directory/authorities/${fra.id}/verify`, `/en/directory/authorities/${fra.id}/archive`, `/en/directory/authorities/${fra.id}/restore`, `/en/directory/authorities/${fra.id}/transition`, `/en/directory/authorities/${fra.id}/revert`, '/en/directory/new', '/en/directory/import']) {
      const res = await c.post(path, { comment: 'x', _csrf: 'forged' });
      assert.equal(res.status, 403, path);
    }
  });

  it('marks an entry verified (date and person, audited) and flags stale entries', async () => {
    const old = anAuthority({ country: 'FRA' });
    await publishAuthorities(server.runtime.db, [old], '2020-01-01');
    const stale = (await (await server.get('/api/v1/authorities?stale=true&country=FRA')).json()) as { items: { id: string; stale: boolean }[] };
    assert.ok(stale.items.some((i) => i.id === old.id && i.stale));
    const page = await (await server.get(`/en/directory/authorities/${old.id}`)).text();
    assert.match(page, /Not verified for 12 months/);
    const queue = await clients.fpFra!.page('/en/directory/queue');
    assert.ok(queue.html.includes(old.id));
    const { csrf } = await clients.fpFra!.page(`/en/directory/authorities/${old.id}`);
    assert.equal((await clients.fpFra!.post(`/en/directory/authorities/${old.id}/verify`, { _csrf: csrf })).status, 303);
    const after = (await (await clients.practitioner!.get(`/api/v1/authorities/${old.id}`)).json()) as { stale: boolean; verified: { on: string; by: string } };
    assert.equal(after.stale, false);
    assert.equal(after.verified.by, 'Focal France');
    const audit = await server.runtime.db.selectFrom('audit_events').select('action').where('target_id', '=', old.id).where('action', '=', 'directory.verify').execute();
    assert.equal(audit.length, 1);
    void csrfOf;
  });
});
