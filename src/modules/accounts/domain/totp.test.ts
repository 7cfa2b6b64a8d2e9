import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base32Decode, base32Encode, hotp, newRecoveryCodes, provisioningUri, totpCode, verifyTotp } from './totp.js';

// RFC 6238 appendix B test vectors (SHA-1, secret "12345678901234567890"), last 6 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const VECTORS: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors', () => {
    for (const [t, code] of VECTORS) assert.equal(totpCode(RFC_SECRET, t * 1000), code, `T=${t}`);
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const key = Buffer.from('12345678901234567890');
    assert.deepEqual([0, 1, 2, 9].map((c) => hotp(key, c)), ['755224', '287082', '359152', '520489']);
  });

  it('round-trips base32', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => base32Decode(base32Encode(Buffer.from(bytes))).equals(Buffer.from(bytes))));
  });

  it('accepts the current code and ±1 step, refuses ±2 steps', () => {
    const now = 1_700_000_000_000;
    assert.notEqual(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now), null, now), null);
    assert.notEqual(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), null, now), null);
    assert.notEqual(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), null, now), null);
    assert.equal(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), null, now), null);
    assert.equal(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 60_000), null, now), null);
  });

  it('refuses a reused code (step not after the last accepted one)', () => {
    const now = 1_700_000_000_000;
    const step = verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now), null, now);
    assert.ok(step !== null);
    assert.equal(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now), step, now), null);
  });

  it('refuses malformed codes without throwing', () => {
    fc.assert(fc.property(fc.string(), (s) => /^\d{6}$/.test(s.replace(/\s/g, '')) || verifyTotp(RFC_SECRET, s, null) === null));
  });

  it('builds a provisioning URI and distinct recovery codes', () => {
    const uri = provisioningUri(RFC_SECRET, 'a@example.org', 'Palermo');
    assert.match(uri, /^otpauth:\/\/totp\/Palermo%3Aa%40example\.org\?secret=[A-Z2-7]+&issuer=Palermo/);
    const codes = newRecoveryCodes();
    assert.equal(new Set(codes).size, 10);
    for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
  });
});
