/**
 * Network administration over HTTP (administrators): create a network with names in six languages,
 * member States and its secretariat authority; edit it; grant and revoke the secretariat role by
 * e-mail (the new secretariat then keeps the network's log); 400 naming the field, nothing written;
 * 403 for anyone else, also for a network's own secretariat.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAll } from './accounts-support.js';

const names = { name_ar: 'شبكة الساحل', name_zh: '萨赫勒网络', name_en: 'Sahel Judicial Platform', name_fr: 'Plateforme judiciaire du Sahel', name_es: 'Plataforma judicial del Sahel', name_ru: 'Судебная платформа Сахеля' };

describe('network administration over HTTP', () => {
  let server: TestServer;
  const c = {} as Record<'admin' | 'wacap' | 'future', Client>;
  let futureEmail: string;

  before(async () => {
    server = await startTestServer();
    const users = {
      admin: await makeUser(server, { roles: [{ role: 'administrator' }], totp: true, name: 'Ada Admin' }),
      wacap: await makeUser(server, { roles: [{ role: 'network_secretariat', authority_id: 'wacap' }], totp: true, name: 'WACAP Secretariat' }),
      future: await makeUser(server, { roles: [], totp: true, name: 'Future Secretariat' }),
    };
    futureEmail = users.future.email;
    Object.assign(c, await signInAll(server, users));
  });
  after(async () => server?.close());

  const count = async () => Number((await server.runtime.db.selectFrom('networks').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('creates a network through the form, refusing bad input naming the field', async () => {
    const before = await count();
    const form = { id: 'sjp', acronym: 'SJP', region: 'Sahel', members: 'mli ner, BFA TCD MRT', secretariat_authority_id: 'mli-moj', ...names };
    for (const [bad, field] of [[{ ...form, id: 'Bad Id' }, 'id'], [{ ...form, name_zh: '' }, 'name_zh'], [{ ...form, members: 'MLI ZZZ' }, 'members'], [{ ...form, members: 'MLI 12' }, 'members'], [{ ...form, id: 'wacap' }, 'id']] as const) {
      const res = await c.admin.submit('/en/networks/admin', '/en/networks/admin', bad);
      assert.ok(res.status === 400 || res.status === 409, `${field}: ${res.status}`);
      const html = await res.text();
      assert.ok(html.includes(`id="na-${field === 'id' ? 'id' : field === 'members' ? 'members' : 'name-zh'}-e"`), `${field} named`);
    }
    assert.equal(await count(), before, 'nothing written');
    const ok = await c.admin.submit('/en/networks/admin', '/en/networks/admin', form);
    assert.equal(ok.status, 303, await ok.text());
    assert.match(ok.headers.get('location') ?? '', /\/en\/networks\/admin\/sjp$/);
    const members = (await server.runtime.db.selectFrom('network_members').select('country').where('network_id', '=', 'sjp').orderBy('country').execute()).map((r) => r.country);
    assert.deepEqual(members, ['BFA', 'MLI', 'MRT', 'NER', 'TCD']);
    // The public page names it in the reader's language.
    assert.match(await (await server.get('/zh/networks')).text(), /萨赫勒网络/);
    assert.match(await (await server.get('/fr/networks')).text(), /Plateforme judiciaire du Sahel/);
    assert.match((await c.admin.page('/ar/networks/admin/sjp')).html, /dir="rtl"/);
  });

  it('edits a network and manages who holds its secretariat role', async () => {
    const page = '/en/networks/admin/sjp';
    const edit = await c.admin.submit(page, page, { acronym: 'SJP', region: 'Sahel and West Africa', members: 'MLI NER', secretariat_authority_id: '', ...names, name_en: 'Sahel Judicial Platform (G5)' });
    assert.equal(edit.status, 303, await edit.text());
    const row = await server.runtime.db.selectFrom('networks').select(['name', 'region', 'secretariat_authority_id']).where('id', '=', 'sjp').executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: 'Sahel Judicial Platform (G5)', region: 'Sahel and West Africa', secretariat_authority_id: null });
    assert.equal((await c.future.get('/en/networks/sjp/log')).status, 403);
    const unknown = await c.admin.submit(page, `${page}/secretariat`, { email: 'nobody@example.org' });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /id="ns-email-e"/);
    assert.equal((await c.admin.submit(page, `${page}/secretariat`, { email: futureEmail })).status, 303);
    assert.equal((await c.admin.submit(page, `${page}/secretariat`, { email: futureEmail })).status, 409);
    const html = (await c.admin.page(page)).html;
    assert.ok(html.includes('Future Secretariat') && html.includes(futureEmail));
    // The new secretariat keeps the network's log (its session's roles are read at each request).
    assert.equal((await c.future.get('/en/networks/sjp/log')).status, 200);
    const userId = /name="user_id" value="([0-9a-f-]{36})"/.exec(html)![1]!;
    assert.equal((await c.admin.submit(page, `${page}/secretariat/remove`, { user_id: userId })).status, 303);
    assert.equal((await c.future.get('/en/networks/sjp/log')).status, 403);
    const audit = await server.runtime.db.selectFrom('audit_events').select('action').where('action', 'in', ['networks.create', 'networks.edit', 'roles.assign', 'roles.revoke']).execute();
    assert.deepEqual(new Set(audit.map((a) => a.action)), new Set(['networks.create', 'networks.edit', 'roles.assign', 'roles.revoke']));
  });

  it('refuses everyone but administrators, a secretariat included', async () => {
    assert.equal((await c.wacap.get('/en/networks/admin')).status, 403);
    assert.equal((await c.wacap.get('/en/networks/admin/wacap')).status, 403);
    assert.equal((await c.wacap.submit('/en/networks/wacap/log', '/en/networks/admin/wacap', { acronym: 'X', region: 'X', ...names })).status, 403);
    assert.equal((await server.get('/en/networks/admin')).status, 401);
    assert.equal((await c.admin.get('/en/networks/admin/nosuch')).status, 404);
    assert.doesNotMatch(await (await server.get('/en/networks')).text(), /networks\/admin/);
  });
});
