/**
 * API tokens at the owner's security events (password change and reset, "sign out everywhere",
 * second factor reset by an administrator): revoked in the same transaction, audited, the owner told
 * by mail and on the security page. And the Origin check of API calls made with a session cookie.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, PASSWORD, csrfOf, lastMail, linkIn, makeUser, signInAs } from './accounts-support.js';

describe('API tokens at security events, and the Origin of cookie API calls', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  /** Create a token on the tokens page with the first scope offered (or the one given). */
  async function newToken(c: Client, name: string, scope?: string): Promise<string> {
    const form = await c.page('/en/account/tokens');
    const offered = scope ?? /name="scopes" value="([^"]+)"/.exec(form.html)![1]!;
    const created = await c.post('/en/account/tokens', { _csrf: form.csrf, name, scopes: [offered], expires_in_days: '30' });
    assert.equal(created.status, 200);
    return /data-testid="api-token">(plm_[A-Za-z0-9_-]+)</.exec(await created.text())![1]!;
  }

  const me = (token: string) => server.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });

  async function revocationsOf(userId: string) {
    return server.runtime.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'target_id', 'changes'])
      .where('action', '=', 'tokens.revoke')
      .where(sql<string>`changes->>'owner_id'`, '=', userId)
      .execute();
  }

  it('revokes the tokens when the password is changed, audited; the owner is told by mail and on the security page', async () => {
    const user = await makeUser(server);
    const other = await makeUser(server);
    const c = new Client(server);
    await signInAs(c, user);
    const [a, b] = [await newToken(c, 'SIEM export'), await newToken(c, 'Backup')];
    const o = new Client(server);
    await signInAs(o, other);
    const untouched = await newToken(o, 'Other person');
    assert.equal((await me(a)).status, 200);
    const page = await c.page('/en/account');
    assert.match(page.html, /Changing the password signs out your other sessions and revokes your API tokens/);
    const fresh = 'a brand new passphrase for Palermo';
    const changed = await c.post('/en/account/password', { _csrf: page.csrf, current_password: PASSWORD, password: fresh, password_confirm: fresh });
    assert.equal(changed.status, 303);
    for (const t of [a, b]) {
      const r = await me(t);
      assert.equal(r.status, 401);
      assert.match(r.headers.get('www-authenticate') ?? '', /invalid_token/);
    }
    assert.equal((await me(untouched)).status, 200, 'only the owner’s tokens');
    const audit = await revocationsOf(user.id);
    assert.equal(audit.length, 2);
    assert.deepEqual(new Set(audit.map((e) => (e.changes as { reason: string }).reason)), new Set(['password_change']));
    assert.ok(audit.every((e) => e.actor_user_id === user.id));
    const rows = await server.runtime.db.selectFrom('api_tokens').select(['revoked_at', 'revoked_reason']).where('user_id', '=', user.id).execute();
    assert.ok(rows.every((r) => r.revoked_at && r.revoked_reason === 'password_change'));
    const mail = await lastMail(server.runtime.db, user.email);
    assert.equal(mail!.purpose, 'tokens_revoked');
    assert.equal(mail!.subject, 'Palermo: your API tokens were revoked');
    assert.match(mail!.body!, /Your 2 API tokens \((SIEM export, Backup|Backup, SIEM export)\) were revoked because the password of your Palermo account was changed/);
    assert.match(mail!.body!, /\/en\/account\/tokens/);
    // The security page says so, with a way to create new tokens, until a new token exists.
    const security = await c.page('/en/account/security');
    assert.match(security.html, /data-testid="tokens-revoked">2 API tokens were revoked on [^<]+ because your password was changed\./);
    assert.match(security.html, /href="\/en\/account\/tokens">Create new API tokens</);
    assert.match((await c.page('/en/account/tokens')).html, /data-testid="tokens-revoked"/);
    await newToken(c, 'Replacement');
    assert.doesNotMatch((await c.page('/en/account/security')).html, /tokens-revoked/);
  });

  it('revokes them when the password is reset through the mailed link, and tells the owner in their language', async () => {
    const user = await makeUser(server, { lang: 'fr' });
    const c = new Client(server);
    await signInAs(c, user);
    const token = await newToken(c, 'Intégration');
    const anonymous = new Client(server);
    await anonymous.submit('/fr/account/forgot', '/fr/account/forgot', { email: user.email });
    const link = linkIn((await lastMail(server.runtime.db, user.email))!.body, '/account/reset');
    const form = await anonymous.page(link);
    assert.match(form.html, /Vos jetons d’API seront également révoqués\./);
    const fresh = 'une toute nouvelle phrase de passe';
    const done = await anonymous.post('/fr/account/reset', { _csrf: form.csrf, token: new URL(link, server.url).searchParams.get('token')!, password: fresh, password_confirm: fresh });
    assert.equal(done.status, 200);
    assert.equal((await me(token)).status, 401);
    const mail = await lastMail(server.runtime.db, user.email);
    assert.equal(mail!.subject, 'Palermo : vos jetons d’API ont été révoqués');
    assert.match(mail!.body!, /Votre jeton d’API \(Intégration\) a été révoqué parce que le mot de passe de votre compte Palermo a été réinitialisé/);
    const audit = await revocationsOf(user.id);
    assert.equal(audit.length, 1);
    assert.equal((audit[0]!.changes as { reason: string }).reason, 'password_reset');
    assert.equal(audit[0]!.actor_user_id, user.id, 'the reset is the owner’s act');
    const again = new Client(server);
    await signInAs(again, user, fresh);
    assert.match((await again.page('/fr/account/security')).html, /1 jeton d’API a été révoqué le .+ parce que votre mot de passe a été réinitialisé/);
  });

  it('revokes them on "sign out everywhere"', async () => {
    const user = await makeUser(server, { lang: 'ru' });
    const c = new Client(server);
    await signInAs(c, user);
    const token = await newToken(c, 'CI');
    const page = await c.page('/ru/account/sessions');
    assert.match(page.html, /Ваши токены API также будут отозваны/);
    assert.equal((await c.post('/ru/account/sessions/end-all', { _csrf: page.csrf })).status, 303);
    assert.equal((await me(token)).status, 401);
    const mail = await lastMail(server.runtime.db, user.email);
    assert.equal(mail!.purpose, 'tokens_revoked');
    assert.match(mail!.body!, /Отозван 1 токен API \(CI\), потому что вы вышли из системы «Палермо» на всех устройствах/);
    assert.equal((await revocationsOf(user.id)).length, 1);
    // Nothing left to revoke: a second sign-out everywhere sends no second mail.
    const again = new Client(server);
    await signInAs(again, user);
    const before = await server.runtime.db.selectFrom('outbox').select('id').where('to_address', '=', user.email).execute();
    const p2 = await again.page('/ru/account/sessions');
    await again.post('/ru/account/sessions/end-all', { _csrf: p2.csrf });
    const afterwards = await server.runtime.db.selectFrom('outbox').select('id').where('to_address', '=', user.email).execute();
    assert.equal(afterwards.length, before.length);
  });

  it('revokes them when an administrator resets the second factor', async () => {
    const admin = await makeUser(server, { totp: true, roles: [{ role: 'administrator' }] });
    const user = await makeUser(server, { totp: true, lang: 'zh' });
    const c = new Client(server);
    await signInAs(c, user);
    const token = await newToken(c, 'Zh');
    const a = new Client(server);
    await signInAs(a, admin);
    const page = await a.page(`/en/admin/users/${user.id}`);
    assert.equal((await a.post(`/en/admin/users/${user.id}/reset-second-factor`, { _csrf: page.csrf })).status, 303);
    assert.equal((await me(token)).status, 401);
    const audit = await revocationsOf(user.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, admin.id);
    assert.match((await lastMail(server.runtime.db, user.email))!.body!, /由于管理员重置了您的两步验证，您的 1 个 API 令牌（Zh）已被撤销/);
  });

  describe('API calls with a session cookie', () => {
    let curator: Client;
    let csrf: string;
    let bearer: string;
    const path = '/api/v1/editor/entry/origin-check/parts/*';
    const doc = (title: string) => JSON.stringify({ document: { type: 'strategy', country: 'ESP', period_start: 2020, period_end: 2025 }, note: title });
    const revisions = async () =>
      Number((await server.runtime.db.selectFrom('revisions').select(({ fn }) => fn.countAll<string>().as('n')).where('subject_id', '=', 'origin-check').executeTakeFirstOrThrow()).n);

    before(async () => {
      const user = await makeUser(server, { totp: true, roles: [{ role: 'curator' }] });
      curator = new Client(server);
      await signInAs(curator, user);
      csrf = csrfOf((await curator.page('/en/account')).html);
      bearer = await newToken(curator, 'editor', 'knowledge.edit');
    });

    const put = (headers: Record<string, string>, title: string) =>
      server.get(path, { method: 'PUT', body: doc(title), headers: { 'content-type': 'application/json', ...headers } });
    const cookie = () => `palermo_session=${curator.sessionCookie()}`;

    it('refuses a cross-site Origin or Sec-Fetch-Site with 403 before anything is written, even with the CSRF header', async () => {
      const forged: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null', referer: 'https://evil.example/page' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site', origin: server.url },
      ];
      for (const h of forged) {
        const r = await put({ cookie: cookie(), 'x-csrf-token': csrf, ...h }, 'forged');
        assert.equal(r.status, 403, JSON.stringify(h));
        assert.match(await r.text(), /Cross-site request refused/);
      }
      assert.equal(await revisions(), 0);
    });

    it('accepts the same origin with the CSRF header, and still requires the header', async () => {
      assert.equal((await put({ cookie: cookie(), origin: server.url }, 'no header')).status, 403);
      const ok = await put({ cookie: cookie(), 'x-csrf-token': csrf, origin: server.url, 'sec-fetch-site': 'same-origin' }, 'same origin');
      assert.equal(ok.status, 200, await ok.text());
      assert.equal(await revisions(), 1);
    });

    it('leaves Bearer-token calls alone (browsers never send tokens by themselves)', async () => {
      const r = await put({ authorization: `Bearer ${bearer}`, origin: 'https://integration.example', 'sec-fetch-site': 'cross-site' }, 'by token');
      assert.equal(r.status, 200, await r.text());
    });

    it('refuses pages posted from another site by Sec-Fetch-Site alone', async () => {
      const post = (site: string) =>
        server.get('/en/account/profile', {
          method: 'POST',
          body: new URLSearchParams({ _csrf: csrf, name: `Renamed ${site}`, lang: 'en' }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), 'sec-fetch-site': site },
        });
      assert.equal((await post('cross-site')).status, 403);
      assert.equal((await post('same-origin')).status, 303, 'without Origin and Referer, Sec-Fetch-Site: same-origin passes');
    });
  });
});
