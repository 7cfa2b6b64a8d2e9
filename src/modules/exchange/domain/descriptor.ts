/**
 * The node descriptor (GET /.well-known/palermo/node.json): who a node is and its public keys. Checking
 * a descriptor given by an administrator (fetched or pasted): every field named when wrong. Pure.
 */
import { calculateJwkThumbprint } from 'jose';
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { KeyUse, PublicJwk } from '../tables.js';

export const DESCRIPTOR_VERSION = 'palermo-node/1';

export interface DescriptorKey extends PublicJwk {
  kid: string;
  use: KeyUse;
  alg: string;
  /** Retired by rotation: verifies older messages only. */
  status?: 'active' | 'retired';
}

export interface NodeDescriptor {
  version: typeof DESCRIPTOR_VERSION;
  id: string;
  name: string;
  country: string;
  authority_id?: string;
  endpoints: { inbox: string; descriptor: string };
  jwks: { keys: DescriptorKey[] };
}

const NODE_ID = /^[A-Za-z0-9._:-]{1,200}$/;
const B64URL = /^[A-Za-z0-9_-]{43}$/;

export const ALG: Record<KeyUse, string> = { sig: 'EdDSA', enc: 'ECDH-ES+A256KW' };
export const CURVE: Record<KeyUse, string> = { sig: 'Ed25519', enc: 'X25519' };

/** The key's fingerprint as shown to administrators: its RFC 7638 thumbprint (SHA-256, base64url). */
export function fingerprint(jwk: PublicJwk): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'sha256');
}

/** The fingerprint grouped by four for reading aloud over the telephone: "AbCd EfGh …" (base64url has - and _ of its own). */
export function readableFingerprint(fp: string): string {
  return fp.match(/.{1,4}/g)!.join(' ');
}

export type DescriptorCheck = { ok: true; value: NodeDescriptor } | { ok: false; issues: FieldIssue[] };

/** Check a descriptor: shape, URLs, and that each key's kid is its thumbprint (so the fingerprint cannot lie). */
export async function checkDescriptor(input: unknown): Promise<DescriptorCheck> {
  const issues: FieldIssue[] = [];
  const o = (input && typeof input === 'object' && !Array.isArray(input) ? input : null) as Record<string, unknown> | null;
  if (!o) return { ok: false, issues: [{ field: 'descriptor', message: 'must be a JSON object' }] };
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  if (o.version !== DESCRIPTOR_VERSION) issues.push({ field: 'descriptor.version', message: `must be "${DESCRIPTOR_VERSION}"` });
  if (!str('id') || !NODE_ID.test(str('id')!)) issues.push({ field: 'descriptor.id', message: 'must be 1 to 200 letters, digits or . _ : -' });
  if (!str('name') || str('name')!.trim() === '' || str('name')!.length > 300) issues.push({ field: 'descriptor.name', message: 'is required (at most 300 characters)' });
  if (!str('country') || !/^[A-Z]{3}$/.test(str('country')!)) issues.push({ field: 'descriptor.country', message: 'must be an ISO alpha-3 code' });
  if (o.authority_id !== undefined && (typeof o.authority_id !== 'string' || !/^[A-Za-z0-9._:-]{1,120}$/.test(o.authority_id))) issues.push({ field: 'descriptor.authority_id', message: 'must be a directory identifier' });
  const endpoints = (o.endpoints && typeof o.endpoints === 'object' ? o.endpoints : {}) as Record<string, unknown>;
  for (const k of ['inbox', 'descriptor']) {
    const v = endpoints[k];
    let good = typeof v === 'string';
    if (good) {
      try {
        good = ['http:', 'https:'].includes(new URL(v as string).protocol);
      } catch {
        good = false;
      }
    }
    if (!good) issues.push({ field: `descriptor.endpoints.${k}`, message: 'must be an http(s) URL' });
  }
  const keys = (o.jwks as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 50) {
    issues.push({ field: 'descriptor.jwks.keys', message: 'must list 1 to 50 keys' });
  } else {
    for (const [i, k] of keys.entries()) {
      const key = (k && typeof k === 'object' ? k : {}) as Record<string, unknown>;
      const use = key.use as KeyUse;
      const field = `descriptor.jwks.keys.${i}`;
      if (use !== 'sig' && use !== 'enc') {
        issues.push({ field: `${field}.use`, message: 'must be sig or enc' });
        continue;
      }
      if (key.kty !== 'OKP' || key.crv !== CURVE[use]) issues.push({ field: `${field}.crv`, message: `must be an OKP ${CURVE[use]} key` });
      else if (typeof key.x !== 'string' || !B64URL.test(key.x)) issues.push({ field: `${field}.x`, message: 'must be a 32-byte base64url public key' });
      else if (key.d !== undefined) issues.push({ field: `${field}.d`, message: 'a descriptor must not contain a private key' });
      else if (key.kid !== (await fingerprint(key as unknown as PublicJwk))) issues.push({ field: `${field}.kid`, message: 'must be the key\'s RFC 7638 thumbprint' });
      if (key.status !== undefined && key.status !== 'active' && key.status !== 'retired') issues.push({ field: `${field}.status`, message: 'must be active or retired' });
    }
    for (const use of ['sig', 'enc'] as const) {
      if (!keys.some((k) => (k as DescriptorKey)?.use === use && (k as DescriptorKey).status !== 'retired')) issues.push({ field: 'descriptor.jwks.keys', message: `needs an active ${use} key` });
    }
  }
  if (issues.length) return { ok: false, issues };
  const value: NodeDescriptor = {
    version: DESCRIPTOR_VERSION,
    id: o.id as string,
    name: (o.name as string).trim(),
    country: o.country as string,
    ...(o.authority_id ? { authority_id: o.authority_id as string } : {}),
    endpoints: { inbox: endpoints.inbox as string, descriptor: endpoints.descriptor as string },
    jwks: { keys: (keys as DescriptorKey[]).map((k) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid, use: k.use, alg: ALG[k.use], status: k.status === 'retired' ? 'retired' : 'active' })) },
  };
  return { ok: true, value };
}
