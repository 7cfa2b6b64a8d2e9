/**
 * The exchange's configuration and the secret that seals this node's private keys: SECRET_KEY, or (for a
 * development installation without one) a secret generated once and kept in app_settings. A production
 * installation sets SECRET_KEY (docs/EXCHANGE.md "Keys"): the sealed keys are then useless without it.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { getSetting } from '../../platform/db/settings.js';
import { ConflictError } from '../../platform/http/errors.js';

const SETTING = 'exchange.seal_secret';
const cache = new WeakMap<object, Promise<string>>();

export function sealSecret(db: Kysely<DB>, config: Config): Promise<string> {
  if (config.secretKey) return Promise.resolve(config.secretKey);
  let s = cache.get(db);
  if (!s) {
    s = (async () => {
      let secret = await getSetting<string>(db, SETTING);
      if (!secret) {
        await db.insertInto('app_settings').values({ key: SETTING, value: JSON.stringify(crypto.randomBytes(32).toString('base64url')) }).onConflict((oc) => oc.doNothing()).execute();
        secret = (await getSetting<string>(db, SETTING))!;
      }
      return secret;
    })();
    s.catch(() => cache.delete(db));
    cache.set(db, s);
  }
  return s;
}

export interface NodeIdentity {
  id: string;
  name: string;
  country: string;
  authorityId: string;
  publicUrl: string;
}

/** This node as configured; 409 when the exchange is not configured (EXCHANGE_COUNTRY, EXCHANGE_AUTHORITY). */
export function identityOf(config: Config): NodeIdentity {
  if (!config.exchangeCountry || !config.exchangeAuthorityId) throw new ConflictError('The exchange is not configured on this node: set EXCHANGE_COUNTRY and EXCHANGE_AUTHORITY');
  return { id: config.exchangeNodeId, name: config.exchangeNodeName, country: config.exchangeCountry, authorityId: config.exchangeAuthorityId, publicUrl: config.publicUrl };
}

export const isConfigured = (config: Config) => !!config.exchangeCountry && !!config.exchangeAuthorityId;
