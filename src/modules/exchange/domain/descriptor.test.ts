import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportJWK, generateKeyPair } from 'jose';
import { checkDescriptor, DESCRIPTOR_VERSION, fingerprint, readableFingerprint } from './descriptor.js';
import type { PublicJwk } from '../tables.js';

async function key(use: 'sig' | 'enc') {
  const pair = use === 'sig' ? await generateKeyPair('Ed25519', { extractable: true }) : await generateKeyPair('ECDH-ES+A256KW', { crv: 'X25519', extractable: true });
  const j = (await exportJWK(pair.publicKey)) as PublicJwk;
  const pub = { kty: j.kty, crv: j.crv, x: j.x };
  return { ...pub, kid: await fingerprint(pub), use, alg: use === 'sig' ? 'EdDSA' : 'ECDH-ES+A256KW' };
}

const descriptor = async () => ({
  version: DESCRIPTOR_VERSION,
  id: 'node-ita',
  name: 'Ministry of Justice, Italy',
  country: 'ITA',
  endpoints: { inbox: 'https://palermo.example.it/api/v1/exchange/inbox', descriptor: 'https://palermo.example.it/.well-known/palermo/node.json' },
  jwks: { keys: [await key('sig'), await key('enc')] },
});

test('a well-formed descriptor passes; its keys are marked active', async () => {
  const r = await checkDescriptor(await descriptor());
  assert.equal(r.ok, true);
  if (r.ok) assert.deepEqual(r.value.jwks.keys.map((k) => k.status), ['active', 'active']);
});

test('a key whose kid is not its thumbprint, a private key, a wrong curve or URL are refused by field', async () => {
  const d = await descriptor();
  const cases: [unknown, string][] = [
    [{ ...d, jwks: { keys: [{ ...d.jwks.keys[0], kid: 'chosen-by-me' }, d.jwks.keys[1]] } }, 'descriptor.jwks.keys.0.kid'],
    [{ ...d, jwks: { keys: [{ ...d.jwks.keys[0], d: 'secret' }, d.jwks.keys[1]] } }, 'descriptor.jwks.keys.0.d'],
    [{ ...d, jwks: { keys: [{ ...d.jwks.keys[0], crv: 'X25519' }, d.jwks.keys[1]] } }, 'descriptor.jwks.keys.0.crv'],
    [{ ...d, jwks: { keys: [d.jwks.keys[0]] } }, 'descriptor.jwks.keys'],
    [{ ...d, endpoints: { ...d.endpoints, inbox: 'ftp://x' } }, 'descriptor.endpoints.inbox'],
    [{ ...d, country: 'Italy' }, 'descriptor.country'],
    [{ ...d, version: 2 }, 'descriptor.version'],
    ['not an object', 'descriptor'],
  ];
  for (const [input, field] of cases) {
    const r = await checkDescriptor(input);
    assert.equal(r.ok, false, field);
    if (!r.ok) assert.ok(r.issues.some((i) => i.field === field), `${field}: ${JSON.stringify(r.issues)}`);
  }
});

test('fingerprints read in groups of four', () => {
  assert.equal(readableFingerprint('abcdefghij'), 'abcd efgh ij');
});
