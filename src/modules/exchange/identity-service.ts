/**
 * This node's identity (docs/EXCHANGE.md "Node identity"): an Ed25519 signing key and an X25519
 * encryption key, generated at the first start, private halves sealed with the installation secret;
 * rotation (the old key stays published as retired, for verifying older messages and decrypting late
 * ones) and revocation (withdrawn at once); the descriptor published at /.well-known/palermo/node.json.
 */
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { assertAllowed } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { ALG, CURVE, DESCRIPTOR_VERSION, fingerprint, type NodeDescriptor } from './domain/descriptor.js';
import type { SigningKey } from './domain/crypto.js';
import { seal, unseal } from './domain/seal.js';
import { identityOf, sealSecret } from './env.js';
import * as repo from './repository/keys.js';
import type { KeyUse, PublicJwk } from './tables.js';

async function newKey(db: Kysely<DB>, config: Config, use: KeyUse): Promise<string> {
  const pair = use === 'sig' ? await generateKeyPair('Ed25519', { extractable: true }) : await generateKeyPair(ALG.enc, { crv: CURVE.enc, extractable: true });
  const pub = (await exportJWK(pair.publicKey)) as PublicJwk;
  const publicJwk: PublicJwk = { kty: pub.kty, crv: pub.crv, x: pub.x };
  const kid = await fingerprint(publicJwk);
  const priv = await exportJWK(pair.privateKey);
  await repo.insertNodeKey(db, kid, use, publicJwk, seal(await sealSecret(db, config), JSON.stringify(priv)));
  return kid;
}

/** At every start: a signing and an encryption key exist (one transaction under a lock, so two nodes starting make one pair). */
export async function ensureNodeKeys(db: Kysely<DB>, config: Config): Promise<void> {
  await sealSecret(db, config);
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('palermo.exchange.keys'))`.execute(trx);
    const keys = await repo.listNodeKeys(trx);
    for (const use of ['sig', 'enc'] as const) if (!keys.some((k) => k.use === use && !k.retired_at)) await newKey(trx, config, use);
  });
}

/** Replace the active key of a use by a new one (exchange.manage, audited); the old one stays published as retired. */
export async function rotateKey(db: Kysely<DB>, config: Config, ctx: AuditContext, use: KeyUse): Promise<string> {
  assertAllowed(ctx.actor, 'exchange.manage');
  if (use !== 'sig' && use !== 'enc') throw new ValidationError([{ field: 'use', message: 'must be sig or enc' }]);
  await sealSecret(db, config);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('palermo.exchange.keys'))`.execute(trx);
    const kid = await newKey(trx, config, use);
    await repo.retireNodeKeys(trx, use, kid);
    await recordAudit(trx, ctx, { action: 'exchange.key_rotate', targetType: 'exchange_key', targetId: kid, changes: { use } });
    return kid;
  });
}

/** Withdraw one of this node's keys (compromised): no longer published, used or accepted for decryption. */
export async function revokeOwnKey(db: Kysely<DB>, ctx: AuditContext, kid: string): Promise<void> {
  assertAllowed(ctx.actor, 'exchange.manage');
  await db.transaction().execute(async (trx) => {
    if (!(await repo.revokeNodeKey(trx, kid))) throw new NotFoundError('No such key of this node (or already revoked)');
    await recordAudit(trx, ctx, { action: 'exchange.key_revoke', targetType: 'exchange_key', targetId: kid });
  });
}

/** The descriptor this node publishes: identity, endpoints, and its keys not revoked (retired ones marked). */
export async function nodeDescriptor(db: Kysely<DB>, config: Config): Promise<NodeDescriptor> {
  const me = identityOf(config);
  const keys = await repo.listNodeKeys(db);
  return {
    version: DESCRIPTOR_VERSION,
    id: me.id,
    name: me.name,
    country: me.country,
    authority_id: me.authorityId,
    endpoints: { inbox: `${me.publicUrl}/api/v1/exchange/inbox`, descriptor: `${me.publicUrl}/.well-known/palermo/node.json` },
    jwks: { keys: keys.map((k) => ({ ...k.public_jwk, kid: k.kid, use: k.use, alg: ALG[k.use], status: k.retired_at ? ('retired' as const) : ('active' as const) })) },
  };
}

export interface OwnKeyView {
  kid: string;
  use: KeyUse;
  createdAt: string;
  retiredAt: string | null;
  revokedAt: string | null;
}

export async function listOwnKeys(db: Kysely<DB>): Promise<OwnKeyView[]> {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return (await repo.listAllNodeKeys(db)).map((k) => ({ kid: k.kid, use: k.use, createdAt: new Date(k.created_at).toISOString(), retiredAt: iso(k.retired_at), revokedAt: iso(k.revoked_at) }));
}

/** The active signing key, unsealed. */
export async function signingKey(db: Kysely<DB>, config: Config): Promise<SigningKey> {
  const key = (await repo.listNodeKeys(db)).find((k) => k.use === 'sig' && !k.retired_at);
  if (!key) throw new Error('This node has no signing key (ensureNodeKeys runs at start)');
  return { kid: key.kid, privateJwk: JSON.parse(unseal(await sealSecret(db, config), key.private_sealed)) as JWK };
}

/** A private encryption key of this node by kid (retired ones too: messages encrypted before a rotation), null if unknown or revoked. */
export async function decryptionKey(db: Kysely<DB>, config: Config, kid: string): Promise<JWK | null> {
  const key = await repo.nodeKey(db, kid);
  if (!key || key.use !== 'enc' || key.revoked_at) return null;
  return JSON.parse(unseal(await sealSecret(db, config), key.private_sealed)) as JWK;
}

/** This node's own public signing keys (not revoked), for verifying evidence it signed. */
export async function ownVerificationKey(db: Kysely<DB>, kid: string): Promise<PublicJwk | null> {
  const key = await repo.nodeKey(db, kid);
  return key && key.use === 'sig' && !key.revoked_at ? key.public_jwk : null;
}
