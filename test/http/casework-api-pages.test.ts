/**
 * Casework pages over HTTP without JavaScript: registration through the forms, transitions with
 * missing fields (400 naming them, nothing written), a stale edit (409 with the message), 403 for
 * readers without casework rights and 404 for another authority's case.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, csrfOf, makeUser, signInAll } from './accounts-support.js';
import { aCaseworkAuthority } from '../factories/casework.js';

describe('casework pages over HTTP', () => {
  let server: TestServer;
  const c = {} as Record<'officer' | 'supervisor' | 'stranger' | 'practitioner', Client>;

  before(async () => {
    server = await startTestServer();
    const auth = await aCaseworkAuthority(server.runtime.db);
    const other = await aCaseworkAuthority(server.runtime.db, { country: 'DEU' });
    const users = {
      officer: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: auth.id }], totp: true, name: 'Olga Officer' }),
      supervisor: await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: auth.id }], totp: true, name: 'Sam Supervisor' }),
      stranger: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: other.id }], totp: true, name: 'Stranger' }),
      practitioner: await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Prac' }),
    };
    Object.assign(c, await signInAll(server, users));
  });
  after(async () => server?.close());

  async function newCase(title: string): Promise<string> {
    const res = await c.officer.submit('/en/casework/new?direction=incoming', '/en/casework/new?direction=incoming', {
      direction: 'incoming',
      kind: 'mla',
      partner_country: 'ITA',
      title,
      measures: ['taking-evidence'],
      'persons.0.role': 'suspect',
      'persons.0.family_name': 'Rossi',
      'legal_bases.0.basis': 'untoc',
    });
    assert.equal(res.status, 303, await res.text());
    return /\/cases\/([0-9a-f-]{36})$/.exec(res.headers.get('location')!)![1]!;
  }

  async function step(who: Client, id: string, form: Record<string, string | string[]>) {
    const { html } = await who.page(`/en/casework/cases/${id}`);
    const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
    return who.post(`/en/casework/cases/${id}/transition`, { _csrf: csrfOf(html), version, ...form });
  }

  it('registers a request through the forms and lists it', async () => {
    const id = await newCase('Orchid bank records');
    assert.equal((await step(c.officer, id, { transition: 'start_check' })).status, 303);
    assert.equal((await step(c.officer, id, { transition: 'register' })).status, 303);
    const { html } = await c.officer.page(`/en/casework/cases/${id}?done=1`);
    const ref = /class="cw-ref">([^<]+)</.exec(html)?.[1];
    assert.match(ref ?? '', /^MLI\/\d{4}\/\d{5}$/, html.slice(0, 3000));
    assert.ok(html.includes('History verified'));
    const list = await (await c.officer.get(`/en/casework?q=${encodeURIComponent(ref!)}`)).text();
    assert.ok(list.includes(`/en/casework/cases/${id}`));
    assert.ok(list.includes('href="/en/casework"'), 'navigation link');
  });

  it('names missing fields (400) and refuses stale edits (409) with nothing written', async () => {
    const id = await newCase('Stale test');
    await step(c.officer, id, { transition: 'start_check' });
    const missing = await step(c.officer, id, { transition: 'return_for_completion' });
    assert.equal(missing.status, 400);
    assert.ok((await missing.text()).includes('comment: is required'));
    const { html } = await c.officer.page(`/en/casework/cases/${id}/edit`);
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const form = { _csrf: csrfOf(html), version, kind: 'mla', partner_country: 'ITA', title: 'First edit', urgency: 'normal' };
    assert.equal((await c.officer.post(`/en/casework/cases/${id}/edit`, form)).status, 303);
    const stale = await c.officer.post(`/en/casework/cases/${id}/edit`, { ...form, title: 'Second edit' });
    assert.equal(stale.status, 409);
    assert.ok((await stale.text()).includes('Someone else changed this case'));
    const page = await (await c.officer.get(`/en/casework/cases/${id}`)).text();
    assert.ok(page.includes('First edit') && !page.includes('Second edit'));
  });

  it('never answers 500 to fuzzed forms, and writes nothing on a 4xx', async () => {
    const id = await newCase('Fuzz target');
    const { csrf } = await c.officer.page('/en/casework');
    const count = async () => Number((await server.runtime.db.selectFrom('casework_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', 'ITA', 'XXX', '2026-02-30', 'urgent', 'taking-evidence', 'on', '\u0000'), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }));
    const keys = ['direction', 'kind', 'partner_country', 'title', 'summary', 'measures', 'crime_types', 'urgency', 'urgency_reason', 'partner_deadline', 'received_on', 'confidential', 'persons.0.family_name', 'persons.0.role', 'legal_bases.0.basis', 'authority_id', 'version', 'transition', 'grounds', 'date', 'comment'];
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 }), async (form) => {
        const before = await count();
        const made = await c.officer.post('/en/casework/new', { ...form, _csrf: csrf });
        assert.ok(made.status < 500, `new ${made.status} ${JSON.stringify(form)}`);
        if (made.status !== 303) assert.equal(await count(), before);
        await made.text();
        for (const path of [`/en/casework/cases/${id}/edit`, `/en/casework/cases/${id}/transition`]) {
          const r = await c.officer.post(path, { ...form, _csrf: csrf });
          assert.ok(r.status < 500, `${path} ${r.status} ${JSON.stringify(form)}`);
          await r.text();
        }
        const q = await c.officer.get(`/en/casework?${new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])).toString()}`);
        assert.ok(q.status < 500, `worklist ${q.status}`);
        await q.text();
      }),
      { numRuns: 30 },
    );
  });

  it('lets a supervisor assign a case to themself', async () => {
    const id = await newCase('To assign');
    const officerPage = await (await c.officer.get(`/en/casework/cases/${id}`)).text();
    assert.ok(!officerPage.includes('Assign to me'), 'assigning is a supervisor’s');
    const { html, csrf } = await c.supervisor.page(`/en/casework/cases/${id}`);
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const userId = /name="user_id" value="([0-9a-f-]{36})"/.exec(html)![1]!;
    assert.equal((await c.supervisor.post(`/en/casework/cases/${id}/assign`, { _csrf: csrf, version, user_id: userId })).status, 303);
    const after1 = await (await c.supervisor.get(`/en/casework/cases/${id}`)).text();
    assert.ok(after1.includes('Assigned to you') && after1.includes('Remove the assignment'));
    const stale = await c.supervisor.post(`/en/casework/cases/${id}/assign`, { _csrf: csrf, version, user_id: '' });
    assert.equal(stale.status, 409);
  });

  it('answers 403 without casework rights and 404 for another authority’s case', async () => {
    const id = await newCase('Private matter');
    assert.equal((await c.practitioner.get(`/en/casework/cases/${id}`)).status, 403);
    assert.equal((await c.practitioner.get('/en/casework')).status, 403);
    const other = await c.stranger.get(`/en/casework/cases/${id}`);
    assert.equal(other.status, 404);
    assert.ok(!(await other.text()).includes('Private matter'));
    const list = await (await c.stranger.get('/en/casework?q=Private')).text();
    assert.ok(!list.includes('Private matter'));
  });
});
