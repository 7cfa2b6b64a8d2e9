/**
 * Guards of the accounts module over HTTP: CSRF on every state-changing route, restricted pages for
 * each role, over-long and malformed fields (400 naming the field, nothing written).
 */
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { Client, PASSWORD, makeUser, signInAs, uniqueEmail } from './accounts-support.js';

/** Every route of the app with its methods, from Fastify's route tree. */
function routes(server: TestServer): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of server.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = (at - 1) / 4;
    const m = /^(.*?) \(([A-Z, ]+)\)$/.exec(line.slice(at + 3));
    const segment = m ? m[1]! : line.slice(at + 3);
    stack[depth] = segment;
    stack.length = depth + 1;
    if (m) out.push({ path: stack.join('').replace(/^\/*/, '/').replace(/([^/])\/\//g, '$1/'), methods: m[2]!.split(', ') });
  }
  return out;
}

/** Row counts and the latest change of every table the accounts module writes. */
async function snapshot(server: TestServer): Promise<string> {
  const r = await sql<Record<string, string>>`
    SELECT (SELECT count(*) FROM users) AS users, (SELECT max(updated_at)::text FROM users) AS users_changed,
      (SELECT count(*) FROM user_roles) AS roles, (SELECT count(*) FROM sessions) AS sessions,
      (SELECT count(*) FROM user_tokens) AS tokens, (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL) AS api_tokens,
      (SELECT count(*) FROM practitioner_requests WHERE status = 'pending') AS requests, (SELECT count(*) FROM outbox) AS outbox,
      (SELECT count(*) FROM recovery_codes) AS codes, (SELECT count(*) FROM audit_events) AS audit,
      (SELECT count(*) FROM revisions) AS revisions, (SELECT max(updated_at)::text FROM revisions) AS revisions_changed,
      (SELECT count(*) FROM search_thesaurus) AS thesaurus, (SELECT max(updated_at)::text FROM search_thesaurus) AS thesaurus_changed`.execute(server.runtime.db);
  return JSON.stringify(r.rows[0]);
}

describe('accounts guards', () => {
  let server: TestServer;
  let admin: Client;
  let adminUser: Awaited<ReturnType<typeof makeUser>>;
  let target: Awaited<ReturnType<typeof makeUser>>;
  let requestId: string;
  let tokenId: string;

  before(async () => {
    server = await startTestServer();
    await ensureTestReference(server.runtime.db);
    adminUser = await makeUser(server, { totp: true, roles: [{ role: 'administrator' }] });
    admin = new Client(server);
    await signInAs(admin, adminUser);
    target = await makeUser(server, { name: 'Target' });
    const t = new Client(server);
    await signInAs(t, target);
    await t.submit('/en/account/practitioner', '/en/account/practitioner', { authority_name: 'Fiscalía General', function: 'Fiscal', country: 'COL' });
    requestId = (await server.runtime.db.selectFrom('practitioner_requests').select('id').where('user_id', '=', target.id).executeTakeFirstOrThrow()).id;
    const tf = await admin.page('/en/account/tokens');
    await admin.post('/en/account/tokens', { _csrf: tf.csrf, name: 'guard', scopes: ['audit.read'] });
    tokenId = (await server.runtime.db.selectFrom('api_tokens').select('id').where('user_id', '=', adminUser.id).executeTakeFirstOrThrow()).id;
  });
  after(async () => server?.close());

  it('requires a valid CSRF token on every state-changing route: 403 and nothing changed', async () => {
    const grant = (await server.runtime.db.selectFrom('user_roles').select('id').where('user_id', '=', adminUser.id).executeTakeFirstOrThrow()).id;
    const bodies: Record<string, Record<string, string | string[]>> = {
      '/:lang/sign-in': { email: adminUser.email, password: PASSWORD },
      '/:lang/sign-in/second-factor': { code: '123456' },
      '/:lang/sign-out': {},
      '/:lang/register': { name: 'X', email: uniqueEmail('csrf'), password: PASSWORD, password_confirm: PASSWORD },
      '/:lang/account/verify': { token: 'A'.repeat(43) },
      '/:lang/account/forgot': { email: adminUser.email },
      '/:lang/account/reset': { token: 'A'.repeat(43), password: PASSWORD, password_confirm: PASSWORD },
      '/:lang/account/profile': { name: 'Changed by CSRF', lang: 'fr' },
      '/:lang/account/password': { current_password: PASSWORD, password: 'another passphrase entirely', password_confirm: 'another passphrase entirely' },
      '/:lang/account/sessions/end': { ref: '0'.repeat(16) },
      '/:lang/account/sessions/end-all': {},
      '/:lang/account/security/enable': { code: '123456' },
      '/:lang/account/security/recovery-codes': { code: '123456' },
      '/:lang/account/security/disable': { password: PASSWORD, code: '123456' },
      '/:lang/account/tokens': { name: 'csrf', scopes: ['audit.read'] },
      '/:lang/account/tokens/:id/revoke': {},
      '/:lang/account/practitioner': { authority_name: 'A', function: 'B', country: 'FRA' },
      '/:lang/admin/users/:id/roles': { role: 'curator' },
      '/:lang/admin/users/:id/roles/revoke': { grant },
      '/:lang/admin/users/:id/disable': {},
      '/:lang/admin/users/:id/enable': {},
      '/:lang/admin/users/:id/reset-second-factor': {},
      '/:lang/admin/practitioner-requests/:id': { decision: 'approve' },
      '/:lang/admin/jobs/:id/retry': {},
      '/api/v1/admin/jobs/:id/retry': {},
      '/:lang/directory/new': { country: 'FRA', 'names.en': 'CSRF authority', 'fn.mla': '1', langs: 'en' },
      '/:lang/directory/import': {},
      '/:lang/directory/authorities/:id/edit': { 'names.en': 'CSRF', 'fn.mla': '1', langs: 'en' },
      '/:lang/directory/authorities/:id/verify': {},
      '/:lang/directory/authorities/:id/archive': { comment: 'csrf' },
      '/:lang/directory/authorities/:id/restore': {},
      '/:lang/directory/authorities/:id/transition': { revision: '1', transition: 'publish' },
      '/:lang/directory/authorities/:id/revert': { revision: '1' },
      '/:lang/editor/new/:recordType': { id: 'csrf-case', country: 'ITA' },
      '/:lang/editor/:segment/:id/parts/:part/edit': { title: 'Changed by CSRF' },
      '/:lang/editor/:segment/:id/transition': { revision: '1', transition: 'publish' },
      '/:lang/editor/:segment/:id/revert': { revision: '1' },
      '/api/v1/editor/:type/:id/parts/:part': { document: '{}' },
      '/api/v1/editor/:type/:id/revisions/:revision/transition': { transition: 'publish' },
      '/api/v1/editor/:type/:id/revisions/:revision/revert': {},
      '/:lang/casework/new': { direction: 'incoming', kind: 'mla', partner_country: 'ITA', title: 'CSRF' },
      '/:lang/casework/cases/:id/transition': { transition: 'start_check' },
      '/:lang/casework/cases/:id/edit': { title: 'Changed by CSRF' },
      '/:lang/casework/cases/:id/assign': { user_id: '' },
      '/api/v1/casework/cases': { direction: 'incoming', title: 'CSRF' },
      '/api/v1/casework/cases/:id': { title: 'Changed by CSRF' },
      '/api/v1/casework/cases/:id/transitions': { transition: 'start_check' },
      '/api/v1/casework/cases/:id/assign': {},
      '/api/v1/casework/cases/:id/persons': { role: 'witness', family_name: 'CSRF' },
      '/api/v1/casework/cases/:id/persons/:person_id': {},
      '/api/v1/casework/cases/:id/legal-bases': {},
      '/api/v1/casework/cases/:id/links': {},
      '/api/v1/casework/cases/:id/links/:other_case_id': {},
      '/api/v1/casework/cases/:id/executions': { executing_name: 'CSRF', forwarded_on: '2026-01-01' },
      '/api/v1/casework/cases/:id/status-enquiries': { date: '2026-01-01', channel: 'electronic' },
      '/api/v1/casework/cases/:id/deadlines': { kind: 'custom', label: 'CSRF', due_on: '2026-01-01' },
      '/api/v1/casework/cases/:id/documents': {},
      '/api/v1/casework/executions/:id/transitions': { transition: 'acknowledge' },
      '/api/v1/casework/executions/:id/chases': {},
      '/api/v1/casework/deadlines/:id': { due_on: '2026-01-01' },
      '/api/v1/casework/deadlines/:id/met': {},
      '/api/v1/casework/notifications/read': {},
      '/api/v1/casework/authorities/:authorityId/settings': { chase_after_days: '10' },
      '/api/v1/casework/authorities/:authorityId/service-levels/:kind/:state': { days: '10' },
      '/api/v1/casework/authorities/:authorityId/deputies': {},
      '/api/v1/casework/authorities/:authorityId/deputies/:id': {},
      '/:lang/casework/notifications/read': {},
      '/:lang/casework/cases/:id/executions': { executing_name: 'CSRF', forwarded_on: '2026-01-01' },
      '/:lang/casework/cases/:id/documents': {},
      '/:lang/casework/cases/:id/status-enquiries': { date: '2026-01-01', channel: 'electronic' },
      '/:lang/casework/executions/:id/transitions': { transition: 'acknowledge' },
      '/:lang/casework/executions/:id/chase': {},
      '/:lang/casework/settings': { chase_after_days: '10' },
      '/:lang/casework/settings/service-levels': { kind: 'mla', state: 'received', days: '10' },
      '/:lang/casework/settings/service-levels/remove': { kind: 'mla', state: 'received' },
      '/:lang/casework/settings/deputies': {},
      '/:lang/casework/settings/deputies/remove': {},
      '/api/v1/casework/import': {},
      '/:lang/casework/statistics/publication': { publish: '1' },
      '/:lang/writer': { kind: 'mla', requested_country: 'DEU' },
      '/:lang/writer/:caseId/:step': { facts_summary: 'CSRF' },
      '/:lang/writer/:caseId/attach': {},
      '/api/v1/writer/drafts': { kind: 'mla', requested_country: 'DEU' },
      '/api/v1/writer/drafts/:id/steps/:step': { facts_summary: 'CSRF' },
      '/api/v1/providers/:id/draft': { document: '{}' },
      '/api/v1/providers/:id/revisions/:revision/transition': { transition: 'publish' },
      '/:lang/e-evidence/new': { id: 'csrf-provider', document: '{}' },
      '/:lang/e-evidence/providers/:id/edit': { document: '{}' },
      '/:lang/e-evidence/providers/:id/transition': { revision: '1', transition: 'publish' },
      '/:lang/forum/spaces': { kind: 'topic', title: 'CSRF' },
      '/:lang/forum/spaces/:id/threads': { title: 'CSRF', body: 'CSRF' },
      '/:lang/forum/threads/:id/posts': { body: 'CSRF' },
      '/:lang/forum/mail': { on: '0' },
      '/api/v1/forum/spaces': { kind: 'topic', title: 'CSRF' },
      '/api/v1/forum/spaces/:id/threads': { title: 'CSRF', body: 'CSRF' },
      '/api/v1/forum/threads/:id/posts': { body: 'CSRF' },
      '/api/v1/forum/threads/:id/attachments': { body: 'CSRF' },
      '/api/v1/forum/posts/:id': { body: 'CSRF' },
      '/api/v1/forum/posts/:id/hide': { reason: 'CSRF' },
      '/api/v1/forum/spaces/:id/members': { authority_id: 'csrf-member' },
      '/api/v1/forum/spaces/:id/members/:authorityId': {},
      '/:lang/forum/spaces/:id/members': { authority_id: 'csrf-member' },
      '/:lang/forum/spaces/:id/members/remove': { authority_id: 'csrf-member' },
      '/:lang/forum/threads/:id/posts/:postId/edit': { body: 'CSRF' },
      '/:lang/forum/threads/:id/posts/:postId/hide': { reason: 'CSRF' },
      '/:lang/jit/mail': { on: '0' },
      '/api/v1/jit/mail': { on: 'false' },
      '/:lang/instrument-texts': { step: 'preview', instrument: 'untoc', lang: 'fr', source: 'CSRF' },
      '/:lang/jit': { title: 'CSRF team', lead_authority_id: 'csrf-test-authority', lead_country: 'FRA', lead_name: 'CSRF', starts_on: '2030-01-01', ends_on: '2030-12-31' },
      '/:lang/jit/:id/members': { authority_id: 'csrf-member', country: 'FRA', name: 'CSRF' },
      '/:lang/jit/:id/agreements': { kind: 'agreement', title: 'CSRF', signed_on: '2030-01-01', ends_on: '2030-12-31' },
      '/:lang/jit/:id/tasks': { title: 'CSRF', assignee_authority_id: 'csrf-member' },
      '/:lang/jit/:id/tasks/:taskId': { status: 'done' },
      '/:lang/jit/:id/documents': { title: 'CSRF' },
      '/:lang/jit/:id/cases': { case: 'CSRF/1' },
      '/:lang/jit/:id/cases/:linkId/remove': {},
      '/api/v1/jit/teams': { title: 'CSRF team', lead_authority_id: 'csrf-test-authority', lead_country: 'FRA', lead_name: 'CSRF', starts_on: '2030-01-01', ends_on: '2030-12-31' },
      '/api/v1/jit/teams/:id/members': { authority_id: 'csrf-member', country: 'FRA', name: 'CSRF' },
      '/api/v1/jit/teams/:id/agreements': { kind: 'agreement', title: 'CSRF', signed_on: '2030-01-01', ends_on: '2030-12-31' },
      '/api/v1/jit/teams/:id/tasks': { title: 'CSRF', assignee_authority_id: 'csrf-member' },
      '/api/v1/jit/teams/:id/tasks/:taskId': { status: 'done' },
      '/api/v1/jit/teams/:id/documents': { title: 'CSRF' },
      '/api/v1/jit/teams/:id/cases': { case: 'CSRF/1' },
      '/api/v1/jit/teams/:id/cases/:linkId': {},
      '/:lang/networks/:id/log': { requesting_country: 'NGA', requested_country: 'GHA', kind: 'mla', offence: 'money-laundering', facilitated_on: '2021-01-01' },
      '/:lang/networks/admin': { id: 'csrf-net', acronym: 'CSRF', region: 'CSRF', name_ar: 'x', name_zh: 'x', name_en: 'x', name_fr: 'x', name_es: 'x', name_ru: 'x' },
      '/:lang/networks/admin/:id': { acronym: 'CSRF', region: 'CSRF', name_ar: 'x', name_zh: 'x', name_en: 'x', name_fr: 'x', name_es: 'x', name_ru: 'x' },
      '/:lang/networks/admin/:id/secretariat': { email: 'csrf@example.org' },
      '/:lang/networks/admin/:id/secretariat/remove': { user_id: '00000000-0000-0000-0000-000000000000' },
      '/:lang/networks/:id/log/:caseId/corrections': { kind: 'other', reason: 'CSRF' },
      '/api/v1/networks/:id/cases/:caseId/corrections': { kind: 'other', reason: 'CSRF' },
      '/api/v1/networks/:id/cases': { requesting_country: 'NGA', requested_country: 'GHA', kind: 'mla', offence: 'money-laundering', facilitated_on: '2021-01-01' },
      '/:lang/search/thesaurus': { lang: 'en', terms: 'csrf one\ncsrf two' },
      '/:lang/search/thesaurus/:id': { lang: 'en', terms: 'csrf one\ncsrf two' },
      '/:lang/search/thesaurus/:id/remove': {},
      '/api/v1/search/thesaurus': { lang: 'en', terms: ['csrf one', 'csrf two'] },
      '/api/v1/search/thesaurus/:id': {},
      '/api/v1/exchange/inbox': {},
      '/:lang/admin/exchange/partners': { url: 'http://127.0.0.1:9/node.json' },
      '/:lang/admin/exchange/partners/:id/confirm': { fingerprints: 'x' },
      '/:lang/admin/exchange/partners/:id/keys/:kid/revoke': {},
      '/:lang/admin/exchange/partners/:id/revoke': {},
      '/:lang/exchange/cases/:id/send': { partnerId: 'x' },
      '/:lang/exchange/cases/:id/reply': { kind: 'acknowledgement' },
      '/api/v1/exchange/keys/rotate': { use: 'sig' },
      '/api/v1/exchange/keys/:id/revoke': {},
      '/api/v1/exchange/partners': {},
      '/api/v1/exchange/partners/:id/confirm': {},
      '/api/v1/exchange/partners/:id/keys/:kid/revoke': {},
      '/api/v1/exchange/partners/:id/revoke': {},
      '/api/v1/exchange/cases/:id/send': {},
      '/api/v1/exchange/cases/:id/reply': { kind: 'acknowledgement' },
    };
    /** Values for the other path parameters of the editor routes. */
    const params: Record<string, string> = { ':segment': 'entries', ':recordType': 'case', ':part': 'en', ':type': 'entry', ':revision': '1', ':authorityId': 'csrf-test-authority', ':kind': 'mla', ':state': 'received', ':caseId': crypto.randomUUID(), ':step': 'facts', ':kid': 'csrf-test-kid' };
    const ids: Record<string, string> = { '/:lang/account/tokens/:id/revoke': tokenId, '/:lang/admin/practitioner-requests/:id': requestId, '/:lang/admin/jobs/:id/retry': crypto.randomUUID(), '/api/v1/admin/jobs/:id/retry': crypto.randomUUID() };
    for (const path of Object.keys(bodies)) if (path.startsWith('/:lang/directory/authorities/:id')) ids[path] = 'csrf-test-authority';
    for (const path of Object.keys(bodies)) if (path.includes('/editor/')) ids[path] = 'csrf-test-entry';
    for (const path of Object.keys(bodies)) if (path.includes('/casework/') && path.includes(':id')) ids[path] = crypto.randomUUID();
    for (const path of Object.keys(bodies)) if (path.includes('/writer/') && path.includes(':id')) ids[path] = crypto.randomUUID();
    for (const path of Object.keys(bodies)) if (path.includes('/forum/') && path.includes(':id')) ids[path] = crypto.randomUUID();
    for (const path of Object.keys(bodies)) if (path.includes('/jit/') && path.includes(':id')) ids[path] = crypto.randomUUID();
    params[':taskId'] = crypto.randomUUID();
    params[':postId'] = crypto.randomUUID();
    params[':linkId'] = crypto.randomUUID();
    for (const path of Object.keys(bodies)) if (path.includes('/networks/')) ids[path] = 'wacap';
    for (const path of Object.keys(bodies)) if (path.includes('/exchange/') && path.includes(':id')) ids[path] = crypto.randomUUID();
    for (const path of Object.keys(bodies)) if (path.startsWith('/api/v1/providers/') || path.includes('/e-evidence/providers/')) ids[path] = 'csrf-test-provider';
    for (const path of Object.keys(bodies)) if (path.includes('/search/thesaurus/:id')) ids[path] = '1';
    const unsafe = routes(server).filter((r) => r.methods.some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m)));
    assert.ok(unsafe.length >= 23, `found ${unsafe.length} state-changing routes`);
    assert.deepEqual(unsafe.filter((r) => !bodies[r.path]).map((r) => r.path), [], 'the CSRF test covers every state-changing route');
    const anonymous = new Client(server);
    await anonymous.page('/en/sign-in'); // gets a pre-session cookie, as a real visitor would
    for (const r of unsafe) {
      const path = r.path
        .replace(':lang', 'en')
        .replace(':id', ids[r.path] ?? (r.path.startsWith('/:lang/admin/users') ? target.id : ''))
        .replace(/:[a-zA-Z]+/g, (p) => params[p] ?? p);
      for (const client of [admin, anonymous]) {
        const before = await snapshot(server);
        for (const token of [undefined, 'forged-token', 'A'.repeat(64)]) {
          const method = r.methods.find((m) => m !== 'GET' && m !== 'HEAD') ?? 'POST';
          const res = await client.post(path, { ...bodies[r.path]!, ...(token ? { _csrf: token } : {}) }, {}, method);
          // API routes take bearer tokens, not the session cookie: a forged request is refused with a
          // 4xx (unauthenticated, forbidden, or a body the route does not accept) and changes nothing.
          const refused = path.startsWith('/api/') ? res.status >= 400 && res.status < 500 : res.status === 403;
          assert.ok(refused, `${path} with token ${token ?? '(none)'} → ${res.status}`);
        }
        assert.equal(await snapshot(server), before, `${path}: nothing changed`);
      }
    }
    assert.equal((await admin.get('/en/admin')).status, 200, 'the admin session survived');
  });

  it('answers restricted pages with 401 for anonymous readers and 403 for roles without the right', async () => {
    const pages = ['/en/account', '/en/account/security', '/en/account/sessions', '/en/account/tokens', '/en/account/practitioner', '/en/admin', '/en/admin/users', `/en/admin/users/${target.id}`, '/en/admin/practitioner-requests', '/en/admin/audit', '/en/admin/outbox', '/en/admin/jobs'];
    const accountPages = pages.filter((p) => p.startsWith('/en/account'));
    const who = {
      anonymous: null,
      registered: await makeUser(server),
      practitioner: await makeUser(server, { roles: [{ role: 'practitioner' }] }),
      curator: await makeUser(server, { totp: true, roles: [{ role: 'curator' }] }),
      focal_point: await makeUser(server, { totp: true, roles: [{ role: 'focal_point', country: 'COL' }] }),
      authority_supervisor: await makeUser(server, { totp: true, roles: [{ role: 'authority_supervisor', authority_id: 'col-fgn' }] }),
      admin_without_second_factor: await makeUser(server, { roles: [{ role: 'administrator' }] }),
      administrator: adminUser,
    };
    const expected = (role: string, page: string): number => {
      if (role === 'anonymous') return 401;
      if (accountPages.includes(page)) return 200;
      if (role === 'administrator') return 200;
      if (role === 'focal_point' && (page === '/en/admin' || page === '/en/admin/practitioner-requests')) return 200;
      return 403;
    };
    const clients: Record<string, Client> = {};
    for (const [role, user] of Object.entries(who)) {
      // The administrator is already signed in: a TOTP code cannot be used twice, even a second later.
      const c = role === 'administrator' ? admin : new Client(server);
      if (user && role !== 'administrator') await signInAs(c, user);
      clients[role] = c;
      for (const page of pages) {
        const res = await c.get(page);
        assert.equal(res.status, expected(role, page), `${role} GET ${page}`);
      }
    }
    assert.match(await (await clients.focal_point!.get('/en/admin/practitioner-requests')).text(), /Fiscalía General/, 'focal point of Colombia sees the Colombian request');
  });

  it('rejects over-long and malformed fields with 400 naming the field, and writes nothing', async () => {
    const anonymous = new Client(server);
    const cases: [string, string, Record<string, string>, string][] = [
      ['/en/register', '/en/register', { name: 'x'.repeat(121), email: uniqueEmail(), password: PASSWORD, password_confirm: PASSWORD }, 'f-name'],
      ['/en/register', '/en/register', { name: 'Ok', email: `${'a'.repeat(250)}@example.org`, password: PASSWORD, password_confirm: PASSWORD }, 'f-email'],
      ['/en/register', '/en/register', { name: 'Ok', email: 'no-at-sign', password: PASSWORD, password_confirm: PASSWORD }, 'f-email'],
      ['/en/register', '/en/register', { name: 'Bad\u0000name', email: uniqueEmail(), password: PASSWORD, password_confirm: PASSWORD }, 'f-name'],
      ['/en/register', '/en/register', { name: 'Ok', email: uniqueEmail(), password: 'p'.repeat(300), password_confirm: 'p'.repeat(300) }, 'f-password'],
      ['/en/sign-in', '/en/sign-in', { email: 'e'.repeat(300), password: PASSWORD }, 'f-email'],
      ['/en/sign-in', '/en/sign-in', { email: 'a@example.org', password: 'p'.repeat(1000) }, 'f-password'],
      ['/en/account/forgot', '/en/account/forgot', { email: 'not an email' }, 'f-email'],
    ];
    for (const [page, action, form, field] of cases) {
      const before = await snapshot(server);
      const res = await anonymous.submit(page, action, form);
      assert.equal(res.status, 400, `${action} ${field}`);
      const html = await res.text();
      assert.match(html, new RegExp(`href="#${field}"`), `the summary links to ${field}`);
      assert.match(html, new RegExp(`id="${field}-error"`), `the error is next to ${field}`);
      assert.equal(await snapshot(server), before, `${action}: nothing written`);
    }
    const before = await snapshot(server);
    const long = await admin.submit('/en/account/practitioner', '/en/account/practitioner', { authority_name: 'a'.repeat(301), function: 'f', country: 'FRA' });
    assert.equal(long.status, 400);
    const bogus = await admin.submit(`/en/admin/users/${target.id}`, `/en/admin/users/${target.id}/roles`, { role: 'emperor' });
    assert.equal(bogus.status, 400);
    assert.match(await bogus.text(), /href="#f-role"/);
    assert.equal(await snapshot(server), before);
  });
});
