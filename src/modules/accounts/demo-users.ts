/**
 * Demo sign-ins (only when the demo is seeded: `palermo seed --demo`): accounts with a role for a demo
 * authority, a fresh random password and a fresh random TOTP secret at every seed, returned once for
 * the command to print. Never a fixed password. Audited as the command line.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { CLI_ACTOR, type RoleName } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { encrypt } from './domain/crypto.js';
import { hashPassword } from './domain/passwords.js';
import { newTotpSecret, provisioningUri } from './domain/totp.js';
import { accountsEnv } from './env.js';
import { replaceRecoveryCodes } from './repository/sessions.js';
import { findUserByEmail, insertGrant, insertUser, selectGrants, updateUser } from './repository/users.js';
import { endOtherSessions } from './sessions.js';
import { ISSUER } from './second-factor.js';
import { normaliseEmail } from './validation.js';

export interface DemoUserSpec {
  email: string;
  name: string;
  roles: { role: RoleName; authorityId?: string; country?: string }[];
}

export interface DemoSignIn {
  email: string;
  name: string;
  password: string;
  totpSecret: string;
  otpauthUri: string;
}

/** A random password of 24 characters (about 140 bits). */
function randomPassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}

/**
 * Create each demo account, or give an existing one a new password and a new second-factor secret
 * (its sessions end); grant the roles it lacks. Returns the credentials to print.
 */
export async function provisionDemoSignIns(db: Kysely<DB>, config: Config, users: readonly DemoUserSpec[]): Promise<DemoSignIn[]> {
  const env = await accountsEnv(db, config);
  const prepared = await Promise.all(
    users.map(async (u) => {
      const password = randomPassword();
      return { u, password, secret: newTotpSecret(), hash: await hashPassword(password) };
    }),
  );
  return inTransaction(db, async (trx) => {
    const out: DemoSignIn[] = [];
    for (const { u, password, secret, hash } of prepared) {
      const normalized = normaliseEmail(u.email);
      let user = await findUserByEmail(trx, normalized);
      if (!user) {
        const created = await insertUser(trx, { email: u.email, email_normalized: normalized, display_name: u.name, lang: 'en', password_hash: hash, email_verified_at: new Date() });
        user = await findUserByEmail(trx, normalized);
        if (!created || !user) throw new Error(`demo account ${u.email} could not be created`);
      }
      await updateUser(trx, user.id, { password_hash: hash, totp_secret: encrypt(env.keys.encryption, secret), totp_pending_secret: null, totp_enabled_at: new Date(), totp_last_step: null, disabled_at: null });
      await replaceRecoveryCodes(trx, user.id, []);
      await endOtherSessions(trx, user.id);
      const held = (await selectGrants(trx, [user.id])).get(user.id) ?? [];
      for (const r of u.roles) {
        if (held.some((g) => g.role === r.role && (g.authorityId ?? null) === (r.authorityId ?? null) && (g.country ?? null) === (r.country ?? null))) continue;
        await insertGrant(trx, { user_id: user.id, role: r.role, country: r.country ?? null, authority_id: r.authorityId ?? null, granted_by: null });
      }
      await recordAudit(trx, { actor: CLI_ACTOR }, { action: 'auth.demo_account', targetType: 'user', targetId: user.id, changes: { email: u.email, roles: u.roles } });
      out.push({ email: u.email, name: u.name, password, totpSecret: secret, otpauthUri: provisioningUri(secret, u.email, ISSUER) });
    }
    return out;
  });
}

/** Disable the demo accounts (with the demo removal): they can no longer sign in. */
export async function disableDemoSignIns(db: Kysely<DB>, emails: readonly string[]): Promise<number> {
  let n = 0;
  await inTransaction(db, async (trx) => {
    for (const email of emails) {
      const user = await findUserByEmail(trx, normaliseEmail(email));
      if (!user || user.disabled_at) continue;
      await updateUser(trx, user.id, { disabled_at: new Date() });
      await endOtherSessions(trx, user.id);
      n++;
    }
  });
  return n;
}
