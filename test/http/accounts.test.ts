/** Accounts over real HTTP: sign-in flows, session fixation, lock-out, escaping, the header, API tokens. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { Client, PASSWORD, csrfOf, lastMail, linkIn, makeUser, signInAs, totpCode, uniqueEmail } from './accounts-support.js';

describe('accounts over HTTP', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ signinMaxFailures: 4 });
    await ensureTestReference(server.runtime.db);
  });
  after(async () => server?.close());

  it('registers, verifies by the mailed link, signs in and out', async () => {
    const c = new Client(server);
    const email = uniqueEmail('flow');
    const reg = await c.submit('/fr/register', '/fr/register', { name: 'Jeanne', email, password: PASSWORD, password_confirm: PASSWORD, lang: 'fr' });
    assert.equal(reg.status, 200);
    assert.match(await reg.text(), /Consultez votre messagerie/);
    const mail = await lastMail(server.runtime.db, email);
    const link = linkIn(mail!.body, '/account/verify');
    const page = await c.page(link);
    assert.equal(page.res.status, 200);
    const token = new URL(link, server.url).searchParams.get('token')!;
    const verified = await c.post('/fr/account/verify', { _csrf: page.csrf, token });
    assert.match(await verified.text(), /Adresse confirmée/);
    const again = await c.post('/fr/account/verify', { _csrf: page.csrf, token });
    assert.equal(again.status, 400, 'the link works once');
    const signed = await c.submit('/fr/sign-in', '/fr/sign-in', { email, password: PASSWORD });
    assert.equal(signed.status, 303);
    assert.equal(signed.headers.get('location'), '/fr/account');
    const account = await c.page('/fr/account');
    assert.match(account.html, /Se déconnecter/);
    assert.match(account.html, /<a href="\/fr\/account" dir="auto">Jeanne<\/a>/);
    const out = await c.post('/fr/sign-out', { _csrf: account.csrf });
    assert.equal(out.status, 303);
    const signedOut = await c.get('/fr/account');
    assert.equal(signedOut.status, 401);
    // The page says so and leads to sign-in, back to the page after.
    assert.match(await signedOut.text(), /<a class="button" href="\/fr\/sign-in\?next=%2Faccount">/);
  });

  it('sets hardened cookies and a new session id at sign-in (no fixation); the old one is dead', async () => {
    const user = await makeUser(server);
    const c = new Client(server);
    const form = await c.page('/en/sign-in');
    assert.equal(form.res.headers.get('cache-control'), 'no-store', 'a page with a form token is not cached');
    const pre = form.res.headers.getSetCookie().join('\n');
    assert.match(pre, /palermo_pre=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const first = await c.post('/en/sign-in', { _csrf: form.csrf, email: user.email, password: PASSWORD });
    const setCookie = first.headers.getSetCookie().find((x) => x.startsWith('palermo_session='))!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const firstId = c.sessionCookie()!;
    assert.ok(firstId && firstId !== c.jar.get('palermo_pre'));
    // Signing in again while holding a session yields a new id and kills the old one.
    const again = await c.submit('/en/account', '/en/sign-in', { email: user.email, password: PASSWORD });
    assert.equal(again.status, 303);
    const secondId = c.sessionCookie()!;
    assert.notEqual(secondId, firstId);
    const old = await server.get('/en/account', { headers: { cookie: `palermo_session=${firstId}` } });
    assert.equal(old.status, 401);
    // An attacker-chosen id is never adopted.
    const planted = new Client(server);
    planted.jar.set('palermo_session', 'A'.repeat(43));
    await signInAs(planted, user);
    assert.notEqual(planted.sessionCookie(), 'A'.repeat(43));
  });

  it('asks for the TOTP code after the password and gives no rights before', async () => {
    const user = await makeUser(server, { totp: true, roles: [{ role: 'administrator' }] });
    const c = new Client(server);
    const r = await c.submit('/en/sign-in', '/en/sign-in', { email: user.email, password: PASSWORD });
    assert.equal(r.headers.get('location'), '/en/sign-in/second-factor');
    assert.equal((await c.get('/en/account')).status, 401, 'half signed-in: no access');
    const { csrf } = await c.page('/en/sign-in/second-factor');
    const wrong = await c.post('/en/sign-in/second-factor', { _csrf: csrf, code: totpCode(user.secret!) === '123456' ? '654321' : '123456' });
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /This code is not valid/);
    const ok = await c.post('/en/sign-in/second-factor', { _csrf: csrf, code: totpCode(user.secret!) });
    assert.equal(ok.status, 303);
    const admin = await c.page('/en/admin');
    assert.equal(admin.res.status, 200);
    assert.match(admin.html, /href="\/en\/admin\/audit"/);
  });

  it('sends an administrator without a second factor to enrolment, and keeps the role inactive', async () => {
    const user = await makeUser(server, { roles: [{ role: 'administrator' }] });
    const c = new Client(server);
    const r = await signInAs(c, user);
    assert.equal(r.headers.get('location'), '/en/account/security?enrol=required');
    assert.equal((await c.get('/en/admin/audit')).status, 403);
    const page = await c.page('/en/account/security?enrol=required');
    assert.match(page.html, /Your role requires two-step verification/);
    const secret = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(page.html)![1]!.replace(/ /g, '');
    const enabled = await c.post('/en/account/security/enable', { _csrf: page.csrf, code: totpCode(secret) });
    assert.equal(enabled.status, 200);
    const html = await enabled.text();
    assert.equal((html.match(/<li><code>[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}<\/code><\/li>/g) ?? []).length, 10, 'ten recovery codes shown once');
    assert.equal((await c.get('/en/admin/audit')).status, 200, 'the role takes effect');
  });

  it('locks out after repeated wrong passwords with a generic message', async () => {
    const user = await makeUser(server);
    const c = new Client(server);
    for (let i = 0; i < 4; i++) {
      const r = await c.submit('/en/sign-in', '/en/sign-in', { email: user.email, password: `wrong password ${i}` });
      assert.equal(r.status, 400);
      assert.match(await r.text(), /The e-mail address or the password is incorrect/);
    }
    const locked = await c.submit('/en/sign-in', '/en/sign-in', { email: user.email, password: PASSWORD });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.match(await locked.text(), /Too many attempts/);
    const unknown = await c.submit('/en/sign-in', '/en/sign-in', { email: uniqueEmail('nobody'), password: 'wrong password x' });
    assert.match(await unknown.text(), /The e-mail address or the password is incorrect/, 'same message for an unknown address');
  });

  it('answers the forgotten-password form the same way whether or not the address exists', async () => {
    const user = await makeUser(server);
    const c = new Client(server);
    const a = await (await c.submit('/en/account/forgot', '/en/account/forgot', { email: user.email })).text();
    const b = await (await c.submit('/en/account/forgot', '/en/account/forgot', { email: uniqueEmail('ghost') })).text();
    const strip = (h: string) => h.replace(/name="_csrf" value="[^"]*"/g, '').replace(/Reference: [\w-]+/g, '');
    assert.equal(strip(a), strip(b));
    const mail = await lastMail(server.runtime.db, user.email);
    const link = linkIn(mail!.body, '/account/reset');
    const page = await c.page(link);
    const token = new URL(link, server.url).searchParams.get('token')!;
    const weak = await c.post('/en/account/reset', { _csrf: page.csrf, token, password: 'qwerty123456', password_confirm: 'qwerty123456' });
    assert.equal(weak.status, 422);
    assert.match(await weak.text(), /too common/);
    const fresh = 'Palermo protocol against smuggling';
    const done = await c.post('/en/account/reset', { _csrf: page.csrf, token, password: fresh, password_confirm: fresh });
    assert.equal(done.status, 200);
    assert.equal((await signInAs(new Client(server), user, fresh)).status, 303);
  });

  it('escapes HTML and script in every text field it shows', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const user = await makeUser(server, { name: evil });
    const c = new Client(server);
    await signInAs(c, user);
    const account = await c.page('/en/account');
    assert.ok(!account.html.includes('<script>alert(1)'), 'name escaped');
    assert.match(account.html, /&lt;script(&gt;|>)alert\(1\)&lt;\/script/);
    const req = await c.submit('/en/account/practitioner', '/en/account/practitioner', { authority_name: evil, function: `"><svg onload=alert(3)>`, country: 'FRA' });
    assert.equal(req.status, 303);
    const admin = await makeUser(server, { totp: true, roles: [{ role: 'administrator' }] });
    const a = new Client(server);
    await signInAs(a, admin);
    const list = await a.page('/en/admin/practitioner-requests');
    assert.ok(!list.html.includes('<script>alert(1)') && !list.html.includes('<svg onload'), 'request fields escaped');
    const id = /action="\/en\/admin\/practitioner-requests\/([0-9a-f-]{36})"/.exec(list.html)![1]!;
    const refused = await a.post(`/en/admin/practitioner-requests/${id}`, { _csrf: list.csrf, decision: 'refuse', reason: `${evil} not verifiable` });
    assert.equal(refused.status, 200);
    const mine = await c.page('/en/account/practitioner');
    assert.ok(!mine.html.includes('<script>alert(1)') && /&lt;img src=x onerror=alert\(2\)(&gt;|>) not verifiable/.test(mine.html), 'reason escaped');
    const audit = await a.page(`/en/admin/audit?target_id=${id}`);
    assert.ok(!audit.html.includes('<script>alert(1)'), 'audit details escaped');
    assert.match(audit.html, /practitioner\.refuse/);
    const users = await a.page(`/en/admin/users?q=${encodeURIComponent('<script>')}`);
    const main = users.html.slice(users.html.indexOf('<main'));
    assert.ok(!users.html.includes('<script>alert(1)') && main.includes('&lt;script'), main.slice(0, 3000));
  });

  it('shows "Sign in" to anonymous readers and never the Administration link to non-administrators', async () => {
    const anon = await (await server.get('/en/account/forgot')).text();
    assert.match(anon, /href="\/en\/sign-in">Sign in</);
    const user = await makeUser(server, { name: 'Plain User' });
    const c = new Client(server);
    await signInAs(c, user);
    const html = (await c.page('/en/account')).html;
    assert.match(html, /Sign out/);
    assert.ok(!html.includes('href="/en/admin"'));
  });

  it('authenticates API tokens, restricted to their scopes, until revoked', async () => {
    const admin = await makeUser(server, { totp: true, roles: [{ role: 'administrator' }] });
    const c = new Client(server);
    await signInAs(c, admin);
    const form = await c.page('/en/account/tokens');
    assert.match(form.html, /value="audit.read"/);
    const created = await c.post('/en/account/tokens', { _csrf: form.csrf, name: 'SIEM export', scopes: ['audit.read'], expires_in_days: '30' });
    const token = /data-testid="api-token">(plm_[A-Za-z0-9_-]+)</.exec(await created.text())![1]!;
    const bearer = { authorization: `Bearer ${token}` };
    const me = (await (await server.get('/api/v1/me', { headers: bearer })).json()) as { user: { email: string }; scopes: string[]; actions: string[] };
    assert.equal(me.user.email, admin.email);
    assert.deepEqual(me.scopes, ['audit.read']);
    assert.deepEqual(me.actions, ['audit.read']);
    const audit = await server.get('/api/v1/audit?action=tokens.create&limit=5', { headers: bearer });
    assert.equal(audit.status, 200);
    const body = (await audit.json()) as { events: { action: string; changes: { name: string } }[] };
    assert.equal(body.events[0]!.changes.name, 'SIEM export');
    assert.equal((await server.get('/api/v1/audit', { headers: { authorization: 'Bearer plm_nonsense' } })).status, 401);
    assert.equal((await server.get('/api/v1/audit')).status, 401);
    const bad = await server.get('/api/v1/audit?from=yesterday', { headers: bearer });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field, 'from');
    // A token of a registered user cannot read the audit log even if asked.
    const plain = await makeUser(server);
    const p = new Client(server);
    await signInAs(p, plain);
    const pf = await p.page('/en/account/tokens');
    assert.ok(!pf.html.includes('value="audit.read"'));
    const refused = await p.post('/en/account/tokens', { _csrf: pf.csrf, name: 'sneaky', scopes: ['audit.read'] });
    assert.equal(refused.status, 400);
    // Documented in the OpenAPI description.
    const doc = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, { get: { security?: unknown; tags: string[] } }>; components: { securitySchemes: Record<string, { scheme: string }> } };
    assert.deepEqual(doc.paths['/api/v1/audit']!.get.security, [{ bearerAuth: [] }]);
    assert.equal(doc.components.securitySchemes.bearerAuth!.scheme, 'bearer');
    assert.deepEqual(doc.paths['/api/v1/me']!.get.tags, ['accounts']);
    // Revocation.
    const list = await c.page('/en/account/tokens');
    const revoke = /action="(\/en\/account\/tokens\/[0-9a-f-]{36}\/revoke)"/.exec(list.html)![1]!;
    assert.equal((await c.post(revoke, { _csrf: list.csrf })).status, 303);
    assert.equal((await server.get('/api/v1/me', { headers: bearer })).status, 401);
  });

  it('lists sessions and signs out everywhere', async () => {
    const user = await makeUser(server);
    const a = new Client(server);
    const b = new Client(server);
    await signInAs(a, user);
    await signInAs(b, user);
    const page = await a.page('/en/account/sessions');
    assert.equal((page.html.match(/name="ref"/g) ?? []).length, 2);
    assert.match(page.html, /This session/);
    const r = await a.post('/en/account/sessions/end-all', { _csrf: page.csrf });
    assert.equal(r.status, 303);
    assert.equal((await b.get('/en/account')).status, 401);
    assert.equal((await a.get('/en/account')).status, 401);
  });

  it('refuses cross-site form posts by Origin even with a valid token', async () => {
    const user = await makeUser(server);
    const c = new Client(server);
    await signInAs(c, user);
    const { csrf } = await c.page('/en/account');
    const r = await c.post('/en/account/profile', { _csrf: csrf, name: 'Hijacked', lang: 'en' }, { origin: 'https://evil.example' });
    assert.equal(r.status, 403);
    const name = await server.runtime.db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(name.display_name, 'Test User');
    assert.equal(csrfOf(await (await c.get('/en/account')).text()), csrf, 'the token is bound to the session');
  });

  it('keeps mail in the outbox without SMTP, for administrators to read', async () => {
    const email = uniqueEmail('outbox');
    await new Client(server).submit('/zh/register', '/zh/register', { name: '李华', email, password: PASSWORD, password_confirm: PASSWORD, lang: 'zh' });
    const admin = await makeUser(server, { totp: true, roles: [{ role: 'administrator' }] });
    const c = new Client(server);
    await signInAs(c, admin);
    const page = await c.page(`/en/admin/outbox?to=${encodeURIComponent(email)}`);
    assert.equal(page.res.status, 200);
    assert.match(page.html, /确认您在巴勒莫的电子邮件地址/);
    assert.match(page.html, /lang="zh"/);
    assert.match(page.html, /\/zh\/account\/verify\?token=/);
    assert.match(page.html, /Kept in the outbox/);
  });
});
