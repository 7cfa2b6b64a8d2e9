/**
 * Lock-outs after repeated failures, counted in the database (shared by every app node):
 * per account (keyed by the hashed e-mail, whether or not an account exists, so a lock-out reveals
 * nothing) and per client address (4× the per-account limit).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { sha256Hex } from './domain/crypto.js';
import type { AccountsEnv } from './env.js';
import { clearThrottle, recordThrottle, selectLock } from './repository/sessions.js';
import { TooManyAttemptsError } from './validation.js';

export const WINDOW_MINUTES = 15;

export const keys = {
  signinEmail: (emailNormalized: string) => `signin:email:${sha256Hex(emailNormalized)}`,
  signinIp: (ip: string) => `signin:ip:${ip}`,
  secondFactor: (userId: string) => `second_factor:user:${userId}`,
  mailIp: (ip: string) => `mail:ip:${ip}`,
  mailEmail: (emailNormalized: string) => `mail:email:${sha256Hex(emailNormalized)}`,
};

/** Throw TooManyAttemptsError if any key is locked. */
export async function assertNotLocked(db: Kysely<DB>, env: AccountsEnv, ...keyList: string[]): Promise<void> {
  const until = await selectLock(db, keyList);
  if (until) throw new TooManyAttemptsError(Math.max(1, Math.ceil((until.getTime() - env.now().getTime()) / 1000)));
}

export async function recordFailure(db: Kysely<DB>, env: AccountsEnv, key: string, perAddress = false): Promise<void> {
  const max = env.config.signinMaxFailures * (perAddress ? 4 : 1);
  await recordThrottle(db, key, max, WINDOW_MINUTES, env.config.signinLockMinutes);
}

/** Count an e-mail sending request (registration, reset): at most `max` per hour per key. */
export async function recordMailAttempt(db: Kysely<DB>, key: string, max: number): Promise<void> {
  await recordThrottle(db, key, max, 60, 60);
}

export { clearThrottle };
