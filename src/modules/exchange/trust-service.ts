/**
 * Trust between nodes (docs/EXCHANGE.md "Trust"): an administrator adds a partner node by its
 * descriptor (fetched from its URL or pasted), reads its key fingerprints, confirms them after checking
 * them out of band, and may revoke a key or the partner. Only confirmed, unrevoked keys of a confirmed
 * partner are used: nothing is accepted from an unknown, unconfirmed or revoked key.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { assertAllowed } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { getCountry } from '../reference/index.js';
import type { KeyVerdict } from './domain/crypto.js';
import { checkDescriptor, readableFingerprint, type NodeDescriptor } from './domain/descriptor.js';
import { isUuid } from './domain/message.js';
import * as keys from './repository/keys.js';
import * as repo from './repository/partners.js';
import type { PartnerState, PublicJwk } from './tables.js';

const MAX_DESCRIPTOR_BYTES = 256 * 1024;

export interface PartnerKeyView {
  kid: string;
  use: 'sig' | 'enc';
  fingerprint: string;
  retired: boolean;
  confirmedAt: string | null;
  revokedAt: string | null;
}

export interface PartnerView {
  id: string;
  nodeId: string;
  name: string;
  country: string;
  authorityId: string | null;
  inboxUrl: string;
  state: PartnerState;
  confirmedAt: string | null;
  keys: PartnerKeyView[];
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

async function view(db: Kysely<DB>, p: repo.PartnerRow): Promise<PartnerView> {
  const ks = await keys.partnerKeys(db, p.id);
  return {
    id: p.id,
    nodeId: p.node_id,
    name: p.name,
    country: p.country,
    authorityId: p.authority_id,
    inboxUrl: p.inbox_url,
    state: p.state,
    confirmedAt: iso(p.confirmed_at),
    keys: ks.map((k) => ({ kid: k.kid, use: k.use, fingerprint: readableFingerprint(k.kid), retired: k.retired, confirmedAt: iso(k.confirmed_at), revokedAt: iso(k.revoked_at) })),
  };
}

/** Read a descriptor from a URL (http/https, 10 s, 256 KB at most); failures are 400 naming `url`. */
export async function fetchDescriptor(url: string): Promise<unknown> {
  let u: URL;
  try {
    u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw new ValidationError([{ field: 'url', message: 'must be an http(s) URL' }]);
  }
  try {
    const res = await fetch(u, { signal: AbortSignal.timeout(10_000), redirect: 'error', headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    if (text.length > MAX_DESCRIPTOR_BYTES) throw new Error('too large');
    return JSON.parse(text);
  } catch (err) {
    throw new ValidationError([{ field: 'url', message: `could not read a descriptor there (${(err as Error).message})` }]);
  }
}

/** Add a partner node by its descriptor (or refresh a known one: new keys arrive unconfirmed). exchange.manage, audited. */
export async function addPartner(db: Kysely<DB>, config: Config, ctx: AuditContext, input: { url?: string; descriptor?: unknown }): Promise<PartnerView> {
  assertAllowed(ctx.actor, 'exchange.manage');
  let raw = input.descriptor;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new ValidationError([{ field: 'descriptor', message: 'is not JSON' }]);
    }
  }
  if (raw === undefined || raw === null || raw === '') {
    if (!input.url) throw new ValidationError([{ field: 'url', message: 'give the descriptor\'s URL or paste the descriptor' }]);
    raw = await fetchDescriptor(input.url);
  }
  const checked = await checkDescriptor(raw);
  if (!checked.ok) throw new ValidationError(checked.issues);
  const d: NodeDescriptor = checked.value;
  if (d.id === config.exchangeNodeId) throw new ValidationError([{ field: 'descriptor.id', message: 'is this node itself' }]);
  if (!(await getCountry(db, d.country))) throw new ValidationError([{ field: 'descriptor.country', message: 'is not a State or area of the reference list' }]);
  return db.transaction().execute(async (trx) => {
    const { id, created } = await repo.upsertPartner(trx, d, ctx.actor.userId);
    const known = new Map((await keys.partnerKeys(trx, id)).map((k) => [k.kid, k]));
    for (const k of d.jwks.keys) {
      const other = (await keys.partnerKeyByKid(trx, k.kid)).find((o) => o.partner_id !== id);
      if (other) throw new ValidationError([{ field: 'descriptor.jwks.keys', message: `key ${k.kid} already belongs to node ${other.node_id}` }]);
      const jwk: PublicJwk = { kty: k.kty, crv: k.crv, x: k.x };
      await keys.upsertPartnerKey(trx, id, k.kid, k.use, jwk, k.status === 'retired');
    }
    await recordAudit(trx, ctx, { action: created ? 'exchange.partner_add' : 'exchange.partner_refresh', targetType: 'exchange_partner', targetId: id, changes: { node_id: d.id, keys: d.jwks.keys.filter((k) => !known.has(k.kid)).map((k) => k.kid) } });
    return view(trx, (await repo.partner(trx, id))!);
  });
}

async function partnerOr404(db: Kysely<DB>, id: string): Promise<repo.PartnerRow> {
  const p = isUuid(id) ? await repo.partner(db, id) : undefined;
  if (!p) throw new NotFoundError('No such partner node');
  return p;
}

export async function listPartners(db: Kysely<DB>, ctx: AuditContext): Promise<PartnerView[]> {
  assertAllowed(ctx.actor, 'exchange.manage');
  return Promise.all((await repo.listPartners(db)).map((p) => view(db, p)));
}

export async function getPartner(db: Kysely<DB>, ctx: AuditContext, id: string): Promise<PartnerView> {
  assertAllowed(ctx.actor, 'exchange.manage');
  return view(db, await partnerOr404(db, id));
}

/** Partners a supervisor may send to: confirmed ones (id, name, State). */
export async function sendablePartners(db: Kysely<DB>): Promise<{ id: string; name: string; country: string; nodeId: string }[]> {
  return (await repo.listPartners(db)).filter((p) => p.state === 'confirmed').map((p) => ({ id: p.id, name: p.name, country: p.country, nodeId: p.node_id }));
}

const normalise = (fp: string) => fp.replace(/\s/g, '');

/**
 * Confirm a partner's keys: the administrator gives the fingerprints they checked out of band; each must
 * be one of the partner's pending keys. The partner is confirmed once it has a confirmed signing and
 * encryption key. A revoked partner stays revoked.
 */
export async function confirmPartner(db: Kysely<DB>, ctx: AuditContext, id: string, fingerprints: unknown): Promise<PartnerView> {
  assertAllowed(ctx.actor, 'exchange.manage');
  if (!Array.isArray(fingerprints) || fingerprints.length === 0 || fingerprints.length > 50 || !fingerprints.every((f) => typeof f === 'string' && f.length <= 100)) {
    throw new ValidationError([{ field: 'fingerprints', message: 'list the fingerprints you checked with the partner' }]);
  }
  return db.transaction().execute(async (trx) => {
    const p = await partnerOr404(trx, id);
    if (p.state === 'revoked') throw new ConflictError('This partner was revoked; add it again under a new node id to trust it');
    const ks = await keys.partnerKeys(trx, id);
    const kids: string[] = [];
    for (const [i, f] of (fingerprints as string[]).entries()) {
      const k = ks.find((x) => x.kid === normalise(f));
      if (!k) throw new ValidationError([{ field: `fingerprints.${i}`, message: 'is not a fingerprint of this partner\'s keys' }]);
      if (k.revoked_at) throw new ValidationError([{ field: `fingerprints.${i}`, message: 'this key was revoked' }]);
      kids.push(k.kid);
    }
    await keys.confirmPartnerKeys(trx, id, kids);
    const after = await keys.partnerKeys(trx, id);
    const usable = (use: string) => after.some((k) => k.use === use && k.confirmed_at && !k.revoked_at && !k.retired);
    if (usable('sig') && usable('enc') && p.state !== 'confirmed') await repo.setPartnerState(trx, id, 'confirmed', ctx.actor.userId);
    await recordAudit(trx, ctx, { action: 'exchange.partner_confirm', targetType: 'exchange_partner', targetId: id, changes: { keys: kids } });
    return view(trx, (await repo.partner(trx, id))!);
  });
}

/** Revoke one key of a partner (compromised): nothing signed with it is accepted any more. */
export async function revokePartnerKey(db: Kysely<DB>, ctx: AuditContext, id: string, kid: string): Promise<PartnerView> {
  assertAllowed(ctx.actor, 'exchange.manage');
  return db.transaction().execute(async (trx) => {
    await partnerOr404(trx, id);
    if (!(await keys.revokePartnerKey(trx, id, normalise(kid)))) throw new NotFoundError('No such key of this partner (or already revoked)');
    await recordAudit(trx, ctx, { action: 'exchange.partner_key_revoke', targetType: 'exchange_partner', targetId: id, changes: { kid: normalise(kid) } });
    return view(trx, (await repo.partner(trx, id))!);
  });
}

/** Stop trusting a partner altogether. */
export async function revokePartner(db: Kysely<DB>, ctx: AuditContext, id: string): Promise<PartnerView> {
  assertAllowed(ctx.actor, 'exchange.manage');
  return db.transaction().execute(async (trx) => {
    await partnerOr404(trx, id);
    await repo.setPartnerState(trx, id, 'revoked', ctx.actor.userId);
    await recordAudit(trx, ctx, { action: 'exchange.partner_revoke', targetType: 'exchange_partner', targetId: id });
    return view(trx, (await repo.partner(trx, id))!);
  });
}

/** The key a partner signed with, if trusted: confirmed, not revoked, partner confirmed. */
export async function trustedSigner(db: Kysely<DB>, kid: string): Promise<{ verdict: KeyVerdict; partnerId?: string; nodeId?: string }> {
  const found = (await keys.partnerKeyByKid(db, kid)).find((k) => k.use === 'sig');
  if (!found || !found.confirmed_at) return { verdict: null };
  if (found.revoked_at || found.state === 'revoked') return { verdict: { revoked: true }, partnerId: found.partner_id, nodeId: found.node_id };
  if (found.state !== 'confirmed') return { verdict: null };
  return { verdict: { jwk: found.jwk }, partnerId: found.partner_id, nodeId: found.node_id };
}

/** The partner and its active, confirmed encryption key, for sending; 409 when it cannot receive. */
/**
 * The partner a message may go to and its confirmed encryption key, or why it may not (a pending or
 * revoked partner, no confirmed key): the sender records that as a SubmissionRejection (send-service.ts).
 * An unknown partner is a 404.
 */
export async function recipientOf(db: Kysely<DB>, partnerId: string): Promise<{ partner: repo.PartnerRow; key: PublicJwk & { kid: string } } | { partner: repo.PartnerRow; refused: string }> {
  const p = await partnerOr404(db, partnerId);
  if (p.state !== 'confirmed') return { partner: p, refused: `Partner ${p.name} is ${p.state}: messages go only to confirmed partners` };
  const k = (await keys.partnerKeys(db, p.id)).find((x) => x.use === 'enc' && x.confirmed_at && !x.revoked_at && !x.retired);
  if (!k) return { partner: p, refused: `Partner ${p.name} has no confirmed encryption key` };
  return { partner: p, key: { ...k.jwk, kid: k.kid } };
}

/** Names of partner nodes by local id (for showing messages to a case's staff; no keys). */
export async function partnerNames(db: Kysely<DB>): Promise<Record<string, string>> {
  return Object.fromEntries((await repo.listPartners(db)).map((p) => [p.id, `${p.name} (${p.country})`]));
}
