/**
 * Registration, e-mail verification, sign-in (with the second-factor step), sign-out, password reset
 * and change. Messages never reveal whether an e-mail address has an account.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { diffChanges, recordAudit, type AuditContext } from '../audit/index.js';
import { randomToken, sha256Hex } from './domain/crypto.js';
import { dummyHash, hashPassword, verifyPassword } from './domain/passwords.js';
import { revokeTokensAtSecurityEvent } from './api-tokens.js';
import type { AccountsEnv } from './env.js';
import { queueMail } from './mail.js';
import { consumeUserToken, expireUserTokens, insertUserToken, peekUserToken } from './repository/sessions.js';
import { findUserByEmail, findUserById, insertUser, updateUser } from './repository/users.js';
import { createSession, endOtherSessions, endSession, purgeSessions, type ClientInfo, type NewSession } from './sessions.js';
import { checkSecondFactor } from './second-factor.js';
import { assertNotLocked, clearThrottle, keys, recordFailure, recordMailAttempt } from './throttle.js';
import { EmailNotVerifiedError, Fields, SignInFailedError, TooManyAttemptsError, issue, AccountValidationError, normaliseEmail, type Input } from './validation.js';

export const VERIFY_HOURS = 48;
export const RESET_MINUTES = 60;
const MAIL_PER_HOUR_PER_ADDRESS = 20;
const MAIL_PER_HOUR_PER_EMAIL = 5;

function link(env: AccountsEnv, lang: Lang, path: string, token?: string): string {
  return `${env.config.publicUrl}/${lang}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

async function issueToken(trx: Kysely<DB>, env: AccountsEnv, userId: string, purpose: 'verify_email' | 'reset_password'): Promise<string> {
  await expireUserTokens(trx, userId, purpose);
  const token = randomToken(32);
  const ms = purpose === 'verify_email' ? VERIFY_HOURS * 3_600_000 : RESET_MINUTES * 60_000;
  await insertUserToken(trx, { token_hash: sha256Hex(token), user_id: userId, purpose, expires_at: new Date(env.now().getTime() + ms) });
  return token;
}

/** May this address and e-mail trigger another mail? Locked address → 429; locked e-mail → silently no mail. */
async function mayMail(db: Kysely<DB>, env: AccountsEnv, ip: string | null, emailNormalized: string): Promise<boolean> {
  if (ip) {
    await assertNotLocked(db, env, keys.mailIp(ip));
    await recordMailAttempt(db, keys.mailIp(ip), MAIL_PER_HOUR_PER_ADDRESS);
  }
  try {
    await assertNotLocked(db, env, keys.mailEmail(emailNormalized));
  } catch (err) {
    if (err instanceof TooManyAttemptsError) return false;
    throw err;
  }
  await recordMailAttempt(db, keys.mailEmail(emailNormalized), MAIL_PER_HOUR_PER_EMAIL);
  return true;
}

/**
 * Register an account. The answer is the same whether or not the address already has an account;
 * the owner of an existing account is told by e-mail instead.
 */
export async function register(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, input: Input, lang: Lang): Promise<void> {
  const f = new Fields(input);
  const name = f.text('name', 120);
  const email = f.email('email');
  const password = f.newPassword('password', { email, name });
  const confirm = f.password('password_confirm');
  if (password !== undefined && confirm !== password) f.add('password_confirm', 'password_mismatch');
  const userLang = f.lang('lang', lang);
  f.check();
  const normalized = normaliseEmail(email!);
  if (!(await mayMail(db, env, ctx.ip ?? null, normalized))) return;
  const passwordHash = await hashPassword(password!);
  await inTransaction(db, async (trx) => {
    const created = await insertUser(trx, { email: email!, email_normalized: normalized, display_name: name!, lang: userLang, password_hash: passwordHash });
    if (created) {
      const token = await issueToken(trx, env, created.id, 'verify_email');
      await queueMail(trx, env, { to: email!, lang: userLang, kind: 'verify', values: { name: name!, link: link(env, userLang, '/account/verify', token), hours: VERIFY_HOURS } });
      await recordAudit(trx, ctx, { action: 'auth.register', actorUserId: created.id, actorLabel: `${name} <${email}>`, targetType: 'user', targetId: created.id, changes: { email: email!, display_name: name!, lang: userLang } });
    } else {
      const existing = (await findUserByEmail(trx, normalized))!;
      await queueMail(trx, env, {
        to: existing.email,
        lang: existing.lang,
        kind: 'existing',
        values: { name: existing.display_name, signin: link(env, existing.lang, '/sign-in'), reset: link(env, existing.lang, '/account/forgot') },
      });
      await recordAudit(trx, ctx, { action: 'auth.register', outcome: 'failure', actorLabel: email!, targetType: 'user', targetId: existing.id, changes: { reason: 'email_taken' } });
    }
  });
}

/** Is this verification or reset token currently valid (for showing its form)? */
export async function tokenIsValid(db: Kysely<DB>, purpose: 'verify_email' | 'reset_password', token: unknown): Promise<boolean> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return !!(await peekUserToken(db, sha256Hex(token), purpose));
}

/** Confirm an e-mail address with the token from the mail (single use). */
export async function verifyEmail(db: Kysely<DB>, ctx: AuditContext, input: Input): Promise<void> {
  const token = input.token;
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) throw new AccountValidationError([issue('token', 'invalid_token')]);
  await inTransaction(db, async (trx) => {
    const used = await consumeUserToken(trx, sha256Hex(token), 'verify_email');
    if (!used) throw new AccountValidationError([issue('token', 'invalid_token')]);
    await updateUser(trx, used.user_id, { email_verified_at: new Date() });
    await recordAudit(trx, ctx, { action: 'auth.verify_email', actorUserId: used.user_id, targetType: 'user', targetId: used.user_id });
  });
}

export type SignInResult = { stage: 'active' | 'second_factor'; session: NewSession; userId: string; needsEnrolment: boolean };

/**
 * Check e-mail and password. Success creates a new session (a fresh id: the caller drops any previous
 * cookie): active, or waiting for the second factor when the user has one.
 */
export async function signIn(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, input: Input, client: ClientInfo, previousIdHash?: string | null): Promise<SignInResult> {
  const f = new Fields(input);
  const email = f.text('email', 254);
  const password = f.password('password');
  f.check();
  const normalized = normaliseEmail(email!);
  const throttleKeys = [keys.signinEmail(normalized), ...(client.ip ? [keys.signinIp(client.ip)] : [])];
  try {
    await assertNotLocked(db, env, ...throttleKeys);
  } catch (err) {
    await recordAudit(db, ctx, { action: 'auth.sign_in', outcome: 'failure', actorLabel: email!.slice(0, 254), changes: { reason: 'locked' } });
    throw err;
  }
  const user = await findUserByEmail(db, normalized);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password!);
  if (!user || !ok || !user.password_hash || user.disabled_at) {
    await inTransaction(db, async (trx) => {
      await recordFailure(trx, env, keys.signinEmail(normalized));
      if (client.ip) await recordFailure(trx, env, keys.signinIp(client.ip), true);
      await recordAudit(trx, ctx, {
        action: 'auth.sign_in',
        outcome: 'failure',
        actorUserId: user?.id ?? null,
        actorLabel: email!.slice(0, 254),
        ...(user ? { targetType: 'user', targetId: user.id } : {}),
        changes: { reason: !user ? 'unknown_email' : user.disabled_at ? 'disabled' : 'wrong_password' },
      });
    });
    throw new SignInFailedError();
  }
  if (!user.email_verified_at) {
    if (await mayMail(db, env, client.ip, normalized)) {
      await inTransaction(db, async (trx) => {
        const token = await issueToken(trx, env, user.id, 'verify_email');
        await queueMail(trx, env, { to: user.email, lang: user.lang, kind: 'verify', values: { name: user.display_name, link: link(env, user.lang, '/account/verify', token), hours: VERIFY_HOURS } });
      });
    }
    throw new EmailNotVerifiedError();
  }
  const stage = user.totp_enabled_at ? 'second_factor' : 'active';
  const session = await inTransaction(db, async (trx) => {
    if (previousIdHash) await endSession(trx, previousIdHash);
    await clearThrottle(trx, keys.signinEmail(normalized));
    const s = await createSession(trx, env, user.id, stage, client);
    if (stage === 'active') {
      await updateUser(trx, user.id, { last_sign_in_at: new Date() });
      await recordAudit(trx, ctx, { action: 'auth.sign_in', actorUserId: user.id, actorLabel: `${user.display_name} <${user.email}>`, targetType: 'user', targetId: user.id, changes: { second_factor: 'none' } });
    }
    return s;
  });
  if (Math.random() < 0.05) await purgeSessions(db, env);
  // needsEnrolment is resolved by the caller from the actor (elevated roles without a second factor).
  return { stage, session, userId: user.id, needsEnrolment: false };
}

/** Second step of sign-in: a TOTP code or a recovery code. Replaces the pending session by a new active one. */
export async function completeSignIn(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, pendingIdHash: string, userId: string, input: Input, client: ClientInfo): Promise<NewSession> {
  const f = new Fields(input);
  const code = f.text('code', 40);
  f.check();
  await assertNotLocked(db, env, keys.secondFactor(userId));
  const user = await findUserById(db, userId);
  if (!user) throw new SignInFailedError();
  const method = await checkSecondFactor(db, env, user, code!);
  if (!method) {
    await inTransaction(db, async (trx) => {
      await recordFailure(trx, env, keys.secondFactor(userId));
      await recordAudit(trx, ctx, { action: 'auth.second_factor', outcome: 'failure', actorUserId: userId, actorLabel: `${user.display_name} <${user.email}>`, targetType: 'user', targetId: userId });
    });
    throw new AccountValidationError([issue('code', 'wrong_code')]);
  }
  return inTransaction(db, async (trx) => {
    await endSession(trx, pendingIdHash);
    await clearThrottle(trx, keys.secondFactor(userId));
    const s = await createSession(trx, env, userId, 'active', client);
    await updateUser(trx, userId, { last_sign_in_at: new Date() });
    await recordAudit(trx, ctx, { action: 'auth.sign_in', actorUserId: userId, actorLabel: `${user.display_name} <${user.email}>`, targetType: 'user', targetId: userId, changes: { second_factor: method } });
    return s;
  });
}

export async function signOut(db: Kysely<DB>, ctx: AuditContext, idHash: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const ended = await endSession(trx, idHash);
    if (ended?.stage === 'active') await recordAudit(trx, ctx, { action: 'auth.sign_out', targetType: 'user', targetId: ended.user_id });
  });
}

/** Ask for a password reset link. Same answer whether or not the address has an account. */
export async function requestPasswordReset(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, input: Input): Promise<void> {
  const f = new Fields(input);
  const email = f.email('email');
  f.check();
  const normalized = normaliseEmail(email!);
  if (!(await mayMail(db, env, ctx.ip ?? null, normalized))) return;
  const user = await findUserByEmail(db, normalized);
  if (!user || user.disabled_at) return;
  await inTransaction(db, async (trx) => {
    const token = await issueToken(trx, env, user.id, 'reset_password');
    await queueMail(trx, env, { to: user.email, lang: user.lang, kind: 'reset', values: { name: user.display_name, link: link(env, user.lang, '/account/reset', token), minutes: RESET_MINUTES } });
    await recordAudit(trx, ctx, { action: 'auth.password_reset_request', actorUserId: user.id, actorLabel: `${user.display_name} <${user.email}>`, targetType: 'user', targetId: user.id });
  });
}

/** Set a new password with a reset token (single use); every session and API token of the user ends. */
export async function resetPassword(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, input: Input): Promise<void> {
  const token = input.token;
  const f = new Fields(input);
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) f.add('token', 'invalid_token');
  const peek = f.issues.length ? undefined : await peekUserToken(db, sha256Hex(token as string), 'reset_password');
  if (!f.issues.length && !peek) f.add('token', 'invalid_token');
  const user = peek ? await findUserById(db, peek.user_id) : undefined;
  const password = f.newPassword('password', { email: user?.email, name: user?.display_name });
  if (password !== undefined && input.password_confirm !== password) f.add('password_confirm', 'password_mismatch');
  f.check();
  const hash = await hashPassword(password!);
  await inTransaction(db, async (trx) => {
    const used = await consumeUserToken(trx, sha256Hex(token as string), 'reset_password');
    if (!used) throw new AccountValidationError([issue('token', 'invalid_token')]);
    // Following the link proves control of the address.
    await updateUser(trx, used.user_id, { password_hash: hash, ...(user?.email_verified_at ? {} : { email_verified_at: new Date() }) });
    await endOtherSessions(trx, used.user_id);
    await recordAudit(trx, ctx, { action: 'auth.password_reset', actorUserId: used.user_id, targetType: 'user', targetId: used.user_id });
    const owner = await findUserById(trx, used.user_id);
    if (owner) await revokeTokensAtSecurityEvent(trx, env, ctx, owner, 'password_reset');
  });
}

/** Change the password (current one required); other sessions and the API tokens end; the user is told by e-mail. */
export async function changePassword(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, userId: string, currentIdHash: string, input: Input): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw new SignInFailedError();
  await assertNotLocked(db, env, keys.signinEmail(user.email_normalized));
  const f = new Fields(input);
  const current = f.password('current_password');
  const password = f.newPassword('password', { email: user.email, name: user.display_name });
  if (password !== undefined && input.password_confirm !== password) f.add('password_confirm', 'password_mismatch');
  f.check();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, current!))) {
    await recordFailure(db, env, keys.signinEmail(user.email_normalized));
    throw new AccountValidationError([issue('current_password', 'wrong_password')]);
  }
  const hash = await hashPassword(password!);
  await inTransaction(db, async (trx) => {
    await updateUser(trx, userId, { password_hash: hash });
    await endOtherSessions(trx, userId, currentIdHash);
    await queueMail(trx, env, { to: user.email, lang: user.lang, kind: 'password_changed', values: { name: user.display_name, reset: link(env, user.lang, '/account/forgot') } });
    await recordAudit(trx, ctx, { action: 'auth.password_change', targetType: 'user', targetId: userId });
    await revokeTokensAtSecurityEvent(trx, env, ctx, user, 'password_change');
  });
}

/** Change one's name and language. */
export async function updateProfile(db: Kysely<DB>, ctx: AuditContext, userId: string, input: Input): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw new SignInFailedError();
  const f = new Fields(input);
  const name = f.text('name', 120);
  const lang = f.lang('lang', user.lang);
  f.check();
  const before = { display_name: user.display_name, lang: user.lang };
  const after = { display_name: name!, lang };
  if (before.display_name === after.display_name && before.lang === after.lang) return;
  await inTransaction(db, async (trx) => {
    await updateUser(trx, userId, after);
    await recordAudit(trx, ctx, { action: 'users.update_profile', targetType: 'user', targetId: userId, changes: diffChanges(before, after) });
  });
}
