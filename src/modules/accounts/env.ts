/**
 * What the account services need besides the database: configuration and the keys derived from the
 * installation secret (SECRET_KEY, or one generated at first start and kept in app_settings).
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { getSetting } from '../../platform/db/settings.js';
import { deriveKeys, type Keys } from './domain/crypto.js';

export interface AccountsEnv {
  config: Config;
  keys: Keys;
  /** Cookies get Secure and the __Host- prefix when PUBLIC_URL is https. */
  secureCookies: boolean;
  /** Current time; tests of expiry may replace it. */
  now: () => Date;
}

const SETTING = 'accounts.secret';
const cache = new WeakMap<object, Promise<AccountsEnv>>();

/** The environment for a database handle (the root handle, not a transaction), created once. */
export function accountsEnv(db: Kysely<DB>, config: Config): Promise<AccountsEnv> {
  let env = cache.get(db);
  if (!env) {
    env = (async () => {
      let secret = config.secretKey;
      if (!secret) {
        secret = await getSetting<string>(db, SETTING);
        if (!secret) {
          // Concurrent first starts: the first write wins, everyone reads it back.
          await db.insertInto('app_settings').values({ key: SETTING, value: JSON.stringify(crypto.randomBytes(32).toString('base64url')) }).onConflict((oc) => oc.doNothing()).execute();
          secret = (await getSetting<string>(db, SETTING))!;
        }
      }
      return { config, keys: deriveKeys(secret), secureCookies: config.publicUrl.startsWith('https://'), now: () => new Date() };
    })();
    env.catch(() => cache.delete(db));
    cache.set(db, env);
  }
  return env;
}

