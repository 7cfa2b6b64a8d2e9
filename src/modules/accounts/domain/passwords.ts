/**
 * Passwords: argon2id hashing with OWASP's recommended parameters, and the password policy.
 *
 * Policy (NIST SP 800-63B, OWASP ASVS 2.1): at least 12 characters (Unicode code points, NFC),
 * at most 256; any characters, spaces allowed (passphrases welcome); no composition rules; refused
 * when it is, or is built from, one of the ~49,000 most common passwords (zxcvbn-ts list), when it
 * repeats a short pattern, or when it contains the e-mail address or the name.
 */
import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';

/** OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. */
export const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist (same timing). */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`no-such-account-${Math.random()}`);
  return dummy;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const mod = require('@zxcvbn-ts/language-common/dist/passwords.json.js') as string[] | { default: string[] };
    common = new Set((Array.isArray(mod) ? mod : mod.default).map((p) => p.toLowerCase()));
  }
  return common;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i' };

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_identity';

/** Check a new password; returns the first problem, or null when it is acceptable. */
export function passwordProblem(password: string, identity: { email?: string; name?: string } = {}): PasswordProblem | null {
  const pw = password.normalize('NFC');
  const length = [...pw].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = pw.toLowerCase();
  const list = commonPasswords();
  const squeezed = lower.replace(/\s+/g, '');
  const unleet = squeezed.replace(/[0134578@$!]/g, (c) => LEET[c] ?? c);
  const stripped = squeezed.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  const stem = unleet.replace(/[\d\W_]+$/u, '');
  for (const candidate of [lower, squeezed, unleet, stripped, stem]) if (candidate && list.has(candidate)) return 'common';
  // "passwordpassword", "abcabcabcabc", "111111111111": a short unit repeated.
  if (/^(.{1,6}?)\1+$/u.test(squeezed) || new Set(squeezed).size < 5) return 'repetitive';
  const local = identity.email?.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && squeezed.includes(local)) return 'contains_identity';
  const name = identity.name?.toLowerCase().replace(/\s+/g, '') ?? '';
  if (name.length >= 4 && squeezed.includes(name)) return 'contains_identity';
  return null;
}
