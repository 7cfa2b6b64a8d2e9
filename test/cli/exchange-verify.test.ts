/** `palermo exchange verify <evidence> --keys <file>`: exit 0 for genuine evidence, 1 for changed or foreign, 2 for unreadable files. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { exportJWK, generateKeyPair } from 'jose';
import { signJws } from '../../src/modules/exchange/domain/crypto.js';
import { fingerprint } from '../../src/modules/exchange/domain/descriptor.js';
import { EVIDENCE_TYPE, evidenceContent } from '../../src/modules/exchange/domain/evidence.js';
import type { PublicJwk } from '../../src/modules/exchange/tables.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-verify-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'exchange', 'verify', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });

async function signer() {
  const pair = await generateKeyPair('Ed25519', { extractable: true });
  const j = (await exportJWK(pair.publicKey)) as PublicJwk;
  const pub = { kty: j.kty, crv: j.crv, x: j.x };
  const kid = await fingerprint(pub);
  return { kid, pub: { ...pub, kid, use: 'sig', alg: 'EdDSA' }, privateJwk: await exportJWK(pair.privateKey) };
}

test('verifies evidence with the signer\'s descriptor and refuses changed or foreign evidence', async () => {
  const ita = await signer();
  const other = await signer();
  const content = evidenceContent({ event: 'Delivery', message_id: '6f1c1d8e-3b0a-4c55-9a51-0d7f4c2b9e10', message_sha256: 'b'.repeat(64), sender: 'node-fra', recipient: 'node-ita', signer: 'node-ita', at: '2026-12-07T10:00:00.000Z' });
  const jws = await signJws(content, ita, EVIDENCE_TYPE);
  const files = {
    evidence: path.join(dir, 'evidence.jws'),
    descriptor: path.join(dir, 'node.json'),
    jwks: path.join(dir, 'other.jwks.json'),
    changed: path.join(dir, 'changed.jws'),
  };
  fs.writeFileSync(files.evidence, `${jws}\n`);
  fs.writeFileSync(files.descriptor, JSON.stringify({ version: 'palermo-node/1', id: 'node-ita', jwks: { keys: [ita.pub] } }));
  fs.writeFileSync(files.jwks, JSON.stringify({ keys: [other.pub] }));
  const [h, , s] = jws.split('.');
  fs.writeFileSync(files.changed, `${h}.${Buffer.from(JSON.stringify({ ...content, message_sha256: 'c'.repeat(64) })).toString('base64url')}.${s}`);

  const ok = run(files.evidence, '--keys', files.descriptor);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /VERIFIED Delivery/);
  assert.match(ok.stdout, /6f1c1d8e-3b0a-4c55-9a51-0d7f4c2b9e10/);
  const changed = run(files.changed, '--keys', files.descriptor);
  assert.equal(changed.status, 1);
  assert.match(changed.stderr, /NOT VERIFIED/);
  assert.equal(run(files.evidence, '--keys', files.jwks).status, 1);
  assert.equal(run(path.join(dir, 'missing.jws'), '--keys', files.descriptor).status, 2);
});
