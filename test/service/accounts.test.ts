/** Account services against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { ANONYMOUS, userActor, type Actor } from '../../src/modules/access/actor.js';
import { accountsEnv, type AccountsEnv } from '../../src/modules/accounts/env.js';
import { completeSignIn, register, requestPasswordReset, resetPassword, signIn, verifyEmail } from '../../src/modules/accounts/auth.js';
import { authenticateToken, createApiToken, revokeToken } from '../../src/modules/accounts/api-tokens.js';
import { confirmEnrolment, startEnrolment } from '../../src/modules/accounts/second-factor.js';
import { decidePractitioner, requestPractitionerStatus } from '../../src/modules/accounts/practitioners.js';
import { assignRole, createAdministrator, resetSecondFactor } from '../../src/modules/accounts/admin.js';
import { resolveSession } from '../../src/modules/accounts/sessions.js';
import { totpCode } from '../../src/modules/accounts/domain/totp.js';
import { AccountValidationError, SignInFailedError, TooManyAttemptsError } from '../../src/modules/accounts/validation.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { searchAudit } from '../../src/modules/audit/service.js';
import { ForbiddenError } from '../../src/platform/http/errors.js';

const PASSWORD = 'Mutual legal assistance in 2024';
const client = { ip: '192.0.2.10', userAgent: 'test' };
let n = 0;
const email = (p = 'u') => `${p}${n++}@example.org`;

describe('accounts services', () => {
  let rt: TestRuntime;
  let env: AccountsEnv;
  const ctx = { actor: ANONYMOUS, ip: '192.0.2.10', requestId: 'test' };

  before(async () => {
    rt = await createTestRuntime({ signinMaxFailures: 3 });
    await ensureTestReference(rt.db);
    env = await accountsEnv(rt.db, rt.config);
  });
  after(async () => rt?.close());

  async function registered(addr = email(), lang: 'en' | 'fr' = 'en') {
    await register(rt.db, env, ctx, { name: 'Ana <b>Gómez</b>', email: addr, password: PASSWORD, password_confirm: PASSWORD }, lang);
    const mail = await rt.db.selectFrom('outbox').selectAll().where('to_address', '=', addr).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body!)![1]!;
    return { addr, token, mail };
  }

  async function actorOf(userId: string): Promise<Actor> {
    const s = await signIn(rt.db, env, ctx, { email: (await rt.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email, password: PASSWORD }, { ip: null, userAgent: null });
    return (await resolveSession(rt.db, env, s.session.id))!.actor!;
  }

  it('registers with argon2id, mails a single-use verification link, refuses sign-in before verification', async () => {
    const { addr, token, mail } = await registered();
    const user = await rt.db.selectFrom('users').selectAll().where('email_normalized', '=', addr).executeTakeFirstOrThrow();
    assert.match(user.password_hash!, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(mail.status, 'stored');
    assert.equal(mail.subject, 'Confirm your e-mail address for Palermo');
    const stored = await rt.db.selectFrom('user_tokens').select('token_hash').where('user_id', '=', user.id).execute();
    assert.ok(stored.every((t) => t.token_hash !== token && /^[0-9a-f]{64}$/.test(t.token_hash)), 'only the hash is stored');
    await assert.rejects(signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client), { code: 'email-not-verified' });
    // That attempt sent a new link, which replaces the first one.
    await assert.rejects(verifyEmail(rt.db, ctx, { token }), AccountValidationError, 'replaced');
    const resent = await rt.db.selectFrom('outbox').selectAll().where('to_address', '=', addr).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const fresh = /token=([A-Za-z0-9_-]+)/.exec(resent.body!)![1]!;
    await verifyEmail(rt.db, ctx, { token: fresh });
    await assert.rejects(verifyEmail(rt.db, ctx, { token: fresh }), AccountValidationError, 'single use');
    const ok = await signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client);
    assert.equal(ok.stage, 'active');
  });

  it('answers a registration with a taken address like any other, and tells the owner by mail', async () => {
    const { addr, token } = await registered(email(), 'fr');
    await verifyEmail(rt.db, ctx, { token });
    const before = await rt.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await register(rt.db, env, ctx, { name: 'Intruder', email: addr.toUpperCase(), password: 'another fine passphrase', password_confirm: 'another fine passphrase' }, 'en');
    const afterCount = await rt.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
    const mail = await rt.db.selectFrom('outbox').selectAll().where('to_address', '=', addr).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(mail.purpose, 'existing');
    assert.match(mail.subject, /tentative d’inscription/, 'in the owner’s language');
  });

  it('refuses weak passwords and names the fields', async () => {
    await assert.rejects(
      register(rt.db, env, ctx, { name: '', email: 'not-an-email', password: 'password1234', password_confirm: 'x' }, 'en'),
      (e: unknown) => e instanceof AccountValidationError && ['name', 'email', 'password'].every((f) => e.coded.some((i) => i.field === f)),
    );
  });

  it('locks an account out after repeated failures, with the same answer for unknown addresses', async () => {
    const { addr, token } = await registered();
    await verifyEmail(rt.db, ctx, { token });
    const other = { ip: null, userAgent: null };
    for (let i = 0; i < 3; i++) await assert.rejects(signIn(rt.db, env, ctx, { email: addr, password: 'wrong password here' }, other), SignInFailedError);
    await assert.rejects(signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, other), TooManyAttemptsError, 'even the right password is refused while locked');
    const ghost = email('ghost');
    for (let i = 0; i < 3; i++) await assert.rejects(signIn(rt.db, env, ctx, { email: ghost, password: 'wrong password here' }, other), SignInFailedError);
    await assert.rejects(signIn(rt.db, env, ctx, { email: ghost, password: PASSWORD }, other), TooManyAttemptsError, 'unknown addresses lock the same way');
    const failures = await searchAudit(rt.db, userActor({ userId: 'x', name: 'a', email: 'a', grants: [{ role: 'administrator' }], totpEnabled: true }), { action: 'auth.sign_in', actor: addr });
    assert.ok(failures.events.some((e) => e.outcome === 'failure' && (e.changes as { reason?: string })?.reason === 'locked'));
  });

  it('locks a client address out after failures across many accounts', async () => {
    const ip = { ip: '198.51.100.7', userAgent: null };
    for (let i = 0; i < 12; i++) await assert.rejects(signIn(rt.db, env, ctx, { email: email('spray'), password: 'wrong password here' }, ip), SignInFailedError);
    await assert.rejects(signIn(rt.db, env, ctx, { email: email('spray'), password: 'wrong password here' }, ip), TooManyAttemptsError);
  });

  it('checks TOTP codes: valid, wrong, reused, skewed by one step, and recovery codes once', async () => {
    const { addr, token } = await registered();
    await verifyEmail(rt.db, ctx, { token });
    const first = await signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client);
    const s = (await resolveSession(rt.db, env, first.session.id))!;
    const enrol = (await startEnrolment(rt.db, env, s.userId))!;
    assert.match(enrol.uri, /^otpauth:\/\/totp\//);
    const actorCtx = { ...ctx, actor: s.actor! };
    await assert.rejects(confirmEnrolment(rt.db, env, actorCtx, s.userId, { code: '000000' === totpCode(enrol.secret) ? '111111' : '000000' }), AccountValidationError);
    const recovery = await confirmEnrolment(rt.db, env, actorCtx, s.userId, { code: totpCode(enrol.secret) });
    assert.equal(recovery.length, 10);

    const pending = async () => {
      const r = await signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client);
      assert.equal(r.stage, 'second_factor');
      const p = (await resolveSession(rt.db, env, r.session.id))!;
      assert.equal(p.actor, null, 'no rights before the second factor');
      return p;
    };
    // The code used for enrolment cannot be used again.
    let p = await pending();
    await assert.rejects(completeSignIn(rt.db, env, ctx, p.idHash, p.userId, { code: totpCode(enrol.secret) }, client), AccountValidationError);
    // One step ahead (clock skew) is accepted once, then refused as a reuse.
    const ahead = totpCode(enrol.secret, Date.now() + 30_000);
    const active = await completeSignIn(rt.db, env, ctx, p.idHash, p.userId, { code: ahead }, client);
    assert.ok((await resolveSession(rt.db, env, active.id))!.actor);
    assert.equal(await resolveSession(rt.db, env, first.session.id).then((x) => x?.stage), 'active');
    p = await pending();
    await assert.rejects(completeSignIn(rt.db, env, ctx, p.idHash, p.userId, { code: ahead }, client), AccountValidationError, 'reused');
    await assert.rejects(completeSignIn(rt.db, env, ctx, p.idHash, p.userId, { code: totpCode(enrol.secret, Date.now() - 90_000) }, client), AccountValidationError, 'too old');
    // A recovery code works once.
    const r1 = await completeSignIn(rt.db, env, ctx, p.idHash, p.userId, { code: recovery[0]!.toUpperCase() }, client);
    assert.ok(r1.id);
    p = await pending();
    await assert.rejects(completeSignIn(rt.db, env, ctx, p.idHash, p.userId, { code: recovery[0]! }, client), AccountValidationError, 'recovery code reused');
    const codes = await rt.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', p.userId).execute();
    assert.ok(codes.every((c) => !recovery.includes(c.code_hash)), 'codes stored hashed');
  });

  it('resets a password with a single-use link and ends every session', async () => {
    const { addr, token } = await registered();
    await verifyEmail(rt.db, ctx, { token });
    const s = await signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client);
    await requestPasswordReset(rt.db, env, ctx, { email: addr });
    await requestPasswordReset(rt.db, env, ctx, { email: email('nobody') });
    const mail = await rt.db.selectFrom('outbox').selectAll().where('to_address', '=', addr).where('purpose', '=', 'reset').executeTakeFirstOrThrow();
    const reset = /token=([A-Za-z0-9_-]+)/.exec(mail.body!)![1]!;
    const fresh = 'a brand new passphrase for Palermo';
    await resetPassword(rt.db, env, ctx, { token: reset, password: fresh, password_confirm: fresh });
    assert.equal(await resolveSession(rt.db, env, s.session.id), null, 'old session ended');
    await assert.rejects(resetPassword(rt.db, env, ctx, { token: reset, password: fresh, password_confirm: fresh }), AccountValidationError);
    await assert.rejects(signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, { ip: null, userAgent: null }), SignInFailedError);
    assert.equal((await signIn(rt.db, env, ctx, { email: addr, password: fresh }, client)).stage, 'active');
  });

  it('expires sessions after the idle time and at the absolute end', async () => {
    const { addr, token } = await registered();
    await verifyEmail(rt.db, ctx, { token });
    const s = await signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client);
    assert.ok(await resolveSession(rt.db, env, s.session.id));
    const realNow = env.now;
    env.now = () => new Date(Date.now() + (rt.config.sessionIdleMinutes + 1) * 60_000);
    try {
      assert.equal(await resolveSession(rt.db, env, s.session.id), null, 'idle');
    } finally {
      env.now = realNow;
    }
    const s2 = await signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client);
    await sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email_normalized = ${addr})`.execute(rt.db);
    assert.equal(await resolveSession(rt.db, env, s2.session.id), null, 'absolute');
  });

  it('scopes, expires and revokes API tokens', async () => {
    const adminId = await createAdministrator(rt.db, { actor: CLI_ACTOR }, { email: email('admin'), name: 'Admin', password: PASSWORD });
    const unenrolled = await actorOf(adminId);
    assert.deepEqual(unenrolled.grants, [], 'the role waits for the second factor');
    assert.equal(unenrolled.suspendedGrants[0]?.role, 'administrator');
    await rt.db.updateTable('users').set({ totp_enabled_at: new Date() }).where('id', '=', adminId).execute();
    const admin = userActor({ userId: adminId, name: 'Admin', email: 'admin@example.org', grants: [{ role: 'administrator' }], totpEnabled: true });
    const tctx = { ...ctx, actor: admin };
    await assert.rejects(createApiToken(rt.db, env, tctx, { name: 'x', scopes: ['knowledge.publish'] }), AccountValidationError, 'cannot scope beyond own rights');
    const created = await createApiToken(rt.db, env, tctx, { name: 'Audit export', scopes: ['audit.read'], expires_in_days: '30' });
    const stored = await rt.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, created.token);
    const tokenActor = (await authenticateToken(rt.db, env, created.token))!;
    assert.deepEqual([...tokenActor.scopes!], ['audit.read']);
    await searchAudit(rt.db, tokenActor, {});
    await assert.rejects(searchAudit(rt.db, { ...tokenActor, scopes: new Set() }, {}), ForbiddenError);
    await rt.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', created.id).execute();
    assert.equal(await authenticateToken(rt.db, env, created.token), null, 'expired');
    const second = await createApiToken(rt.db, env, tctx, { name: 'Second', scopes: ['users.read'] });
    await revokeToken(rt.db, tctx, second.id);
    assert.equal(await authenticateToken(rt.db, env, second.token), null, 'revoked');
    const audit = await searchAudit(rt.db, admin, { action: 'tokens.' });
    assert.deepEqual(audit.events.map((e) => e.action).sort(), ['tokens.create', 'tokens.create', 'tokens.revoke']);
  });

  it('lets a focal point decide on requests of their country only, mails the decision and audits it', async () => {
    const countries = new Set(['FRA', 'ITA', 'ESP', 'COL']);
    const { addr, token } = await registered(email('prac'), 'fr');
    await verifyEmail(rt.db, ctx, { token });
    const userId = (await rt.db.selectFrom('users').select('id').where('email_normalized', '=', addr).executeTakeFirstOrThrow()).id;
    const user = await actorOf(userId);
    const reqId = await requestPractitionerStatus(rt.db, { ...ctx, actor: user }, { authority_name: 'Parquet national financier', function: 'Procureur', country: 'FRA' }, countries);
    await assert.rejects(requestPractitionerStatus(rt.db, { ...ctx, actor: user }, { authority_name: 'x', function: 'y', country: 'FRA' }, countries), { status: 409 });

    const fpId = (await rt.db.insertInto('users').values({ email: email('fp'), email_normalized: email('fpn'), display_name: 'FP Italy', lang: 'en', password_hash: null, email_verified_at: new Date(), totp_enabled_at: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
    const italy = userActor({ userId: fpId, name: 'FP Italy', email: 'fp@example.org', grants: [{ role: 'focal_point', country: 'ITA' }], totpEnabled: true });
    await assert.rejects(decidePractitioner(rt.db, env, { ...ctx, actor: italy }, reqId, { decision: 'approve' }), ForbiddenError);
    const france = { ...italy, grants: [{ role: 'focal_point' as const, country: 'FRA' }] };
    await assert.rejects(decidePractitioner(rt.db, env, { ...ctx, actor: france }, reqId, { decision: 'refuse' }), AccountValidationError, 'a refusal needs a reason');
    await decidePractitioner(rt.db, env, { ...ctx, actor: france }, reqId, { decision: 'approve' });
    const roles = await rt.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
    assert.deepEqual(roles.map((r) => r.role), ['practitioner']);
    const mail = await rt.db.selectFrom('outbox').selectAll().where('to_address', '=', addr).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(mail.purpose, 'approved');
    assert.match(mail.subject, /praticien est approuvé/);
    const admin = userActor({ userId: 'a', name: 'a', email: 'a', grants: [{ role: 'administrator' }], totpEnabled: true });
    const audit = await searchAudit(rt.db, admin, { target_id: reqId });
    // Italy's attempt on a French request was refused and audited as such, in a transaction of its own.
    assert.deepEqual(audit.events.map((e) => `${e.action}:${e.outcome}`), ['practitioner.approve:success', 'practitioner.approve:refused', 'practitioner.request:success']);
    assert.deepEqual(audit.events.map((e) => e.actor_user_id), [fpId, fpId, userId]);
  });

  it('refuses and audits a focal point approving their own practitioner request, granting nothing', async () => {
    const countries = new Set(['FRA', 'ITA']);
    const { addr, token } = await registered(email('self'));
    await verifyEmail(rt.db, ctx, { token });
    const userId = (await rt.db.selectFrom('users').select('id').where('email_normalized', '=', addr).executeTakeFirstOrThrow()).id;
    const self = userActor({ userId, name: 'Self', email: addr, grants: [{ role: 'focal_point', country: 'ITA' }], totpEnabled: true });
    const reqId = await requestPractitionerStatus(rt.db, { ...ctx, actor: self }, { authority_name: 'Procura di Roma', function: 'Sostituto procuratore', country: 'ITA' }, countries);
    await assert.rejects(decidePractitioner(rt.db, env, { ...ctx, actor: self }, reqId, { decision: 'approve' }), ForbiddenError);
    const roles = await rt.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('role', '=', 'practitioner').execute();
    assert.equal(roles.length, 0);
    const status = await rt.db.selectFrom('practitioner_requests').select('status').where('id', '=', reqId).executeTakeFirstOrThrow();
    assert.equal(status.status, 'pending');
    const admin = userActor({ userId: 'a', name: 'a', email: 'a', grants: [{ role: 'administrator' }], totpEnabled: true });
    const audit = await searchAudit(rt.db, admin, { target_id: reqId });
    const refused = audit.events.find((e) => e.outcome === 'refused');
    assert.equal(refused?.action, 'practitioner.approve');
    assert.equal(refused?.actor_user_id, userId);
    assert.equal(refused?.target_type, 'practitioner_request');
  });

  it('assigns roles (administrators only) and audits them', async () => {
    const target = (await registered()).addr;
    const id = (await rt.db.selectFrom('users').select('id').where('email_normalized', '=', target).executeTakeFirstOrThrow()).id;
    const admin = userActor({ userId: null as never, name: 'a', email: 'a', grants: [{ role: 'administrator' }], totpEnabled: true });
    const countries = new Set(['FRA']);
    await assert.rejects(assignRole(rt.db, { ...ctx, actor: admin }, id, { role: 'focal_point' }, countries), AccountValidationError, 'a focal point needs a country');
    await assignRole(rt.db, { ...ctx, actor: admin }, id, { role: 'focal_point', country: 'FRA' }, countries);
    const curator = userActor({ userId: 'c', name: 'c', email: 'c', grants: [{ role: 'curator' }], totpEnabled: true });
    await assert.rejects(assignRole(rt.db, { ...ctx, actor: curator }, id, { role: 'administrator' }, countries), ForbiddenError);
    const audit = await searchAudit(rt.db, admin, { action: 'roles.assign', target_id: id });
    assert.deepEqual(audit.events[0]!.changes, { role: 'focal_point', country: 'FRA' });
  });

  it('keeps the audit log append-only at the database level', async () => {
    await assert.rejects(sql`UPDATE audit_events SET action = 'auth.tampered'`.execute(rt.db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_events`.execute(rt.db), /append-only/);
    await assert.rejects(sql`TRUNCATE audit_events`.execute(rt.db), /append-only/);
    const count = await rt.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.ok(Number(count.n) > 10);
  });

  it('searches the audit log by date range and pages with a cursor', async () => {
    const admin = userActor({ userId: 'a', name: 'a', email: 'a', grants: [{ role: 'administrator' }], totpEnabled: true });
    const today = new Date().toISOString().slice(0, 10);
    const page1 = await searchAudit(rt.db, admin, { from: today, to: today, limit: 3 });
    assert.equal(page1.events.length, 3);
    assert.ok(page1.next);
    const page2 = await searchAudit(rt.db, admin, { from: today, to: today, limit: 3, before: page1.next! });
    assert.ok(Number(page2.events[0]!.id) < Number(page1.events[2]!.id));
    assert.equal((await searchAudit(rt.db, admin, { to: '2000-01-01' })).events.length, 0);
    await assert.rejects(searchAudit(rt.db, admin, { from: '2024-02-30' }), (e: { issues?: { field: string }[] }) => e.issues?.[0]?.field === 'from');
    await assert.rejects(searchAudit(rt.db, ANONYMOUS, {}), { status: 401 });
  });

  it('lets an administrator reset a lost second factor, ending the sessions, audited', async () => {
    const { addr, token } = await registered();
    await verifyEmail(rt.db, ctx, { token });
    const s = await signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client);
    const me = (await resolveSession(rt.db, env, s.session.id))!;
    const enrol = (await startEnrolment(rt.db, env, me.userId))!;
    await confirmEnrolment(rt.db, env, { ...ctx, actor: me.actor! }, me.userId, { code: totpCode(enrol.secret) });
    const admin = userActor({ userId: '00000000-0000-4000-8000-000000000001', name: 'a', email: 'a', grants: [{ role: 'administrator' }], totpEnabled: true });
    const curator = userActor({ userId: 'cur-x', name: 'c', email: 'c', grants: [{ role: 'curator' }], totpEnabled: true });
    await assert.rejects(resetSecondFactor(rt.db, env, { ...ctx, actor: curator }, me.userId), ForbiddenError);
    await resetSecondFactor(rt.db, env, { ...ctx, actor: admin }, me.userId);
    assert.equal(await resolveSession(rt.db, env, s.session.id), null);
    assert.equal((await signIn(rt.db, env, ctx, { email: addr, password: PASSWORD }, client)).stage, 'active', 'no second factor any more');
    assert.equal(await rt.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', me.userId).executeTakeFirst(), undefined);
    const audit = await searchAudit(rt.db, admin, { action: 'auth.totp_reset', target_id: me.userId });
    assert.equal(audit.events.length, 1);
  });
});
