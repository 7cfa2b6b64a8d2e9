/**
 * Second factor: TOTP enrolment (secret shown as text and as an otpauth:// URI), confirmation with a
 * code, ten single-use recovery codes (stored as keyed hashes), disabling. Secrets are encrypted at rest.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { decrypt, encrypt, hmacHex } from './domain/crypto.js';
import { verifyPassword } from './domain/passwords.js';
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, provisioningUri, verifyTotp } from './domain/totp.js';
import type { AccountsEnv } from './env.js';
import { consumeRecoveryCode, countUnusedRecoveryCodes, replaceRecoveryCodes } from './repository/sessions.js';
import { advanceTotpStep, findUserById, updateUser } from './repository/users.js';
import { assertNotLocked, keys, recordFailure, clearThrottle } from './throttle.js';
import { AccountValidationError, Fields, issue, type Input } from './validation.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export const ISSUER = 'Palermo';

/** Check a TOTP code (no reuse) or a recovery code (single use). Returns the method that matched. */
export async function checkSecondFactor(db: Kysely<DB>, env: AccountsEnv, user: UserRow, code: string): Promise<'totp' | 'recovery_code' | null> {
  if (!user.totp_secret) return null;
  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const secret = decrypt(env.keys.encryption, user.totp_secret);
    const last = user.totp_last_step === null ? null : Number(user.totp_last_step);
    const step = verifyTotp(secret, compact, last, env.now().getTime());
    return step !== null && (await advanceTotpStep(db, user.id, step)) ? 'totp' : null;
  }
  const normalised = normaliseRecoveryCode(code);
  if (!/^[a-z0-9]{10}$/.test(normalised)) return null;
  return (await consumeRecoveryCode(db, user.id, hmacHex(env.keys.recovery, normalised))) ? 'recovery_code' : null;
}

export interface Enrolment {
  secret: string;
  uri: string;
}

/** The secret being enrolled (created on first call, kept until confirmed so that a reload shows the same one). */
export async function startEnrolment(db: Kysely<DB>, env: AccountsEnv, userId: string): Promise<Enrolment | null> {
  const user = await findUserById(db, userId);
  if (!user || user.totp_enabled_at) return null;
  let secret = user.totp_pending_secret ? decrypt(env.keys.encryption, user.totp_pending_secret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await updateUser(db, userId, { totp_pending_secret: encrypt(env.keys.encryption, secret) });
  }
  return { secret, uri: provisioningUri(secret, user.email, ISSUER) };
}

async function storeRecoveryCodes(trx: Kysely<DB>, env: AccountsEnv, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes(10);
  await replaceRecoveryCodes(trx, userId, codes.map((c) => hmacHex(env.keys.recovery, normaliseRecoveryCode(c))));
  return codes;
}

/** Confirm enrolment with a code from the app; returns the recovery codes (shown once). */
export async function confirmEnrolment(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, userId: string, input: Input): Promise<string[]> {
  const f = new Fields(input);
  const code = f.text('code', 20);
  f.check();
  await assertNotLocked(db, env, keys.secondFactor(userId));
  const user = await findUserById(db, userId);
  if (!user?.totp_pending_secret || user.totp_enabled_at) throw new AccountValidationError([issue('code', 'invalid')]);
  const secret = decrypt(env.keys.encryption, user.totp_pending_secret);
  const step = verifyTotp(secret, code!, null, env.now().getTime());
  if (step === null) {
    await recordFailure(db, env, keys.secondFactor(userId));
    throw new AccountValidationError([issue('code', 'wrong_code')]);
  }
  return inTransaction(db, async (trx) => {
    await updateUser(trx, userId, { totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: new Date(), totp_last_step: step });
    const codes = await storeRecoveryCodes(trx, env, userId);
    await clearThrottle(trx, keys.secondFactor(userId));
    await recordAudit(trx, ctx, { action: 'auth.totp_enable', targetType: 'user', targetId: userId });
    return codes;
  });
}

/** Disable the second factor: the password and a current code (or recovery code) are required. */
export async function disableSecondFactor(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, userId: string, input: Input): Promise<void> {
  const f = new Fields(input);
  const password = f.password('password');
  const code = f.text('code', 40);
  f.check();
  await assertNotLocked(db, env, keys.secondFactor(userId));
  const user = await findUserById(db, userId);
  if (!user?.totp_enabled_at) return;
  const issues = [];
  if (!user.password_hash || !(await verifyPassword(user.password_hash, password!))) issues.push(issue('password', 'wrong_password'));
  else if (!(await checkSecondFactor(db, env, user, code!))) issues.push(issue('code', 'wrong_code'));
  if (issues.length) {
    await recordFailure(db, env, keys.secondFactor(userId));
    throw new AccountValidationError(issues);
  }
  await inTransaction(db, async (trx) => {
    await updateUser(trx, userId, { totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null });
    await replaceRecoveryCodes(trx, userId, []);
    await recordAudit(trx, ctx, { action: 'auth.totp_disable', targetType: 'user', targetId: userId });
  });
}

/** New recovery codes (the old ones stop working); a current TOTP code is required. */
export async function regenerateRecoveryCodes(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, userId: string, input: Input): Promise<string[]> {
  const f = new Fields(input);
  const code = f.text('code', 20);
  f.check();
  await assertNotLocked(db, env, keys.secondFactor(userId));
  const user = await findUserById(db, userId);
  if (!user?.totp_enabled_at || !/^\d{6}$/.test(code!.replace(/\s/g, '')) || !(await checkSecondFactor(db, env, user, code!))) {
    await recordFailure(db, env, keys.secondFactor(userId));
    throw new AccountValidationError([issue('code', 'wrong_code')]);
  }
  return inTransaction(db, async (trx) => {
    const codes = await storeRecoveryCodes(trx, env, userId);
    await recordAudit(trx, ctx, { action: 'auth.recovery_codes_regenerate', targetType: 'user', targetId: userId });
    return codes;
  });
}

export async function secondFactorStatus(db: Kysely<DB>, userId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const user = await findUserById(db, userId);
  return { enabled: !!user?.totp_enabled_at, recoveryCodesLeft: user?.totp_enabled_at ? await countUnusedRecoveryCodes(db, userId) : 0 };
}
