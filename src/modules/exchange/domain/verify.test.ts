import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportJWK, generateKeyPair } from 'jose';
import { signJws } from './crypto.js';
import { fingerprint } from './descriptor.js';
import { EVIDENCE_TYPE, evidenceContent } from './evidence.js';
import { verifyEvidence } from './verify.js';
import type { PublicJwk } from '../tables.js';

test('evidence verifies with a JWKS or a descriptor holding the signer key, and only then', async () => {
  const pair = await generateKeyPair('Ed25519', { extractable: true });
  const j = (await exportJWK(pair.publicKey)) as PublicJwk;
  const pub = { kty: j.kty, crv: j.crv, x: j.x };
  const kid = await fingerprint(pub);
  const content = evidenceContent({ event: 'Delivery', message_id: '6f1c1d8e-3b0a-4c55-9a51-0d7f4c2b9e10', message_sha256: 'a'.repeat(64), sender: 'node-fra', recipient: 'node-ita', signer: 'node-ita', at: '2026-12-07T10:00:00.000Z' });
  assert.equal(content.event_uri, 'http://uri.etsi.org/19522/Event/Delivery');
  const jws = await signJws(content, { kid, privateJwk: await exportJWK(pair.privateKey) }, EVIDENCE_TYPE);
  const jwks = { keys: [{ ...pub, kid, use: 'sig' }] };
  const ok = await verifyEvidence(jws, jwks);
  assert.ok(ok.ok);
  assert.ok((await verifyEvidence(`${jws}\n`, { jwks })).ok, 'a descriptor, trailing newline of a file');
  assert.equal((await verifyEvidence(jws, { keys: [] })).ok, false);
  const [h, , s] = jws.split('.');
  const forged = Buffer.from(JSON.stringify({ ...content, event: 'NonDelivery' })).toString('base64url');
  assert.equal((await verifyEvidence(`${h}.${forged}.${s}`, jwks)).ok, false);
  const wrongType = await signJws(content, { kid, privateJwk: await exportJWK(pair.privateKey) }, 'palermo-message+jws');
  assert.equal((await verifyEvidence(wrongType, jwks)).ok, false, 'a message is not evidence');
});
