/**
 * JOSE for the exchange (library `jose`): a message is signed (JWS compact, EdDSA/Ed25519) by the sender,
 * then encrypted (JWE compact, ECDH-ES+A256KW with X25519, A256GCM) to the recipient's key; evidence is a
 * JWS. Keys are looked up by `kid` (the RFC 7638 thumbprint) through the caller's function, which decides
 * what is trusted (confirmed, not revoked). Pure apart from the crypto.
 */
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { ALG } from './descriptor.js';
import type { PublicJwk } from '../tables.js';

export const MESSAGE_TYPE = 'palermo-message+jws';
const enc = new TextEncoder();
const dec = new TextDecoder();

export class ExchangeCryptoError extends Error {
  constructor(
    /** unknown_key, revoked_key, bad_signature, bad_encryption, malformed */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExchangeCryptoError';
  }
}

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
}

export async function signJws(content: unknown, key: SigningKey, typ: string): Promise<string> {
  const k = await importJWK(key.privateJwk, ALG.sig);
  return new CompactSign(enc.encode(JSON.stringify(content))).setProtectedHeader({ alg: ALG.sig, kid: key.kid, typ }).sign(k);
}

/** A JWS over raw bytes (a document chunk), with extra protected header parameters. */
export async function signBytes(payload: Uint8Array, key: SigningKey, typ: string, extra: Record<string, unknown>): Promise<string> {
  const k = await importJWK(key.privateJwk, ALG.sig);
  return new CompactSign(payload).setProtectedHeader({ ...extra, alg: ALG.sig, kid: key.kid, typ }).sign(k);
}

export async function encryptTo(plaintext: string, recipient: PublicJwk & { kid: string }): Promise<string> {
  const k = await importJWK(recipient as JWK, ALG.enc);
  return new CompactEncrypt(enc.encode(plaintext)).setProtectedHeader({ alg: ALG.enc, enc: 'A256GCM', kid: recipient.kid, cty: MESSAGE_TYPE }).encrypt(k);
}

function headerOf(token: string): { kid?: string; alg?: string; typ?: string } {
  try {
    return decodeProtectedHeader(token) as { kid?: string; alg?: string; typ?: string };
  } catch {
    throw new ExchangeCryptoError('malformed', 'not a JOSE compact serialisation');
  }
}

/** Decrypt with the private key the JWE names (kid); the lookup gives null for a key this node does not hold. */
export async function decryptWith(jwe: string, privateKeyOf: (kid: string) => Promise<JWK | null>): Promise<string> {
  const h = headerOf(jwe);
  if (h.alg !== ALG.enc || typeof h.kid !== 'string') throw new ExchangeCryptoError('malformed', 'not a JWE for this node (alg, kid)');
  const jwk = await privateKeyOf(h.kid);
  if (!jwk) throw new ExchangeCryptoError('unknown_key', 'encrypted to a key this node does not hold');
  try {
    const { plaintext } = await compactDecrypt(jwe, await importJWK(jwk, ALG.enc), { keyManagementAlgorithms: [ALG.enc], contentEncryptionAlgorithms: ['A256GCM'] });
    return dec.decode(plaintext);
  } catch {
    throw new ExchangeCryptoError('bad_encryption', 'the message could not be decrypted (changed in transit?)');
  }
}

export type KeyVerdict = { jwk: PublicJwk } | { revoked: true } | null;

/** Verify a JWS with the key it names; unknown or revoked keys are refused. Returns the parsed payload and the kid. */
export async function verifyJws(jws: string, publicKeyOf: (kid: string) => Promise<KeyVerdict>, typ: string): Promise<{ payload: unknown; kid: string }> {
  const { payload, kid } = await verifyJwsBytes(jws, publicKeyOf, typ);
  try {
    return { payload: JSON.parse(dec.decode(payload)), kid };
  } catch {
    throw new ExchangeCryptoError('malformed', 'the signed content is not JSON');
  }
}

/** Verify a JWS over raw bytes; returns them with the protected header and the kid. */
export async function verifyJwsBytes(jws: string, publicKeyOf: (kid: string) => Promise<KeyVerdict>, typ: string): Promise<{ payload: Uint8Array; kid: string; header: Record<string, unknown> }> {
  const h = headerOf(jws);
  if (h.alg !== ALG.sig || typeof h.kid !== 'string') throw new ExchangeCryptoError('malformed', 'not an EdDSA JWS with a kid');
  if (h.typ !== typ) throw new ExchangeCryptoError('malformed', `typ must be ${typ}`);
  const verdict = await publicKeyOf(h.kid);
  if (!verdict) throw new ExchangeCryptoError('unknown_key', 'signed with a key that is not trusted here');
  if ('revoked' in verdict) throw new ExchangeCryptoError('revoked_key', 'signed with a revoked key');
  try {
    const { payload } = await compactVerify(jws, await importJWK(verdict.jwk as JWK, ALG.sig), { algorithms: [ALG.sig] });
    return { payload, kid: h.kid, header: h as Record<string, unknown> };
  } catch {
    throw new ExchangeCryptoError('bad_signature', 'the signature does not verify');
  }
}
