/**
 * Checking a piece of evidence offline (`palermo exchange verify`): the JWS against a set of public keys
 * given as a JWKS or a node descriptor (its `jwks`), then the content. Pure apart from the crypto.
 */
import { verifyJws, type KeyVerdict } from './crypto.js';
import { checkEvidence, EVIDENCE_TYPE, type EvidenceContent } from './evidence.js';
import type { PublicJwk } from '../tables.js';

export type VerifyResult = { ok: true; evidence: EvidenceContent; kid: string } | { ok: false; reason: string };

/** The keys of a JWKS ({keys: [...]}) or of a descriptor ({jwks: {keys: [...]}}). */
export function keysOf(doc: unknown): (PublicJwk & { kid: string })[] {
  const o = (doc && typeof doc === 'object' ? doc : {}) as { keys?: unknown; jwks?: { keys?: unknown } };
  const keys = Array.isArray(o.keys) ? o.keys : Array.isArray(o.jwks?.keys) ? o.jwks.keys : [];
  return (keys as (PublicJwk & { kid?: string })[]).filter((k): k is PublicJwk & { kid: string } => !!k && typeof k.kid === 'string' && k.kty === 'OKP' && k.crv === 'Ed25519');
}

export async function verifyEvidence(jws: string, keysDoc: unknown): Promise<VerifyResult> {
  const keys = keysOf(keysDoc);
  const lookup = async (kid: string): Promise<KeyVerdict> => {
    const k = keys.find((x) => x.kid === kid);
    return k ? { jwk: { kty: k.kty, crv: k.crv, x: k.x } } : null;
  };
  try {
    const { payload, kid } = await verifyJws(jws.trim(), lookup, EVIDENCE_TYPE);
    const checked = checkEvidence(payload);
    if (!checked.ok) return { ok: false, reason: `content: ${checked.issues.map((i) => `${i.field} ${i.message}`).join('; ')}` };
    return { ok: true, evidence: checked.value, kid };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
