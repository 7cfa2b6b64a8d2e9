import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../config.js';
import { decrypt, deriveKeys, encrypt } from './domain/crypto.js';

describe('account settings', () => {
  it('has safe defaults', () => {
    const c = loadConfig({});
    assert.equal(c.sessionIdleMinutes, 60);
    assert.equal(c.sessionMaxHours, 12);
    assert.equal(c.signinMaxFailures, 5);
    assert.equal(c.signinLockMinutes, 15);
    assert.equal(c.secretKey, undefined);
    assert.equal(c.mailFrom, 'Palermo <no-reply@localhost>');
  });

  it('names the variable in errors', () => {
    assert.throws(() => loadConfig({ SECRET_KEY: 'short' }), (e: unknown) => e instanceof ConfigError && e.variable === 'SECRET_KEY');
    assert.throws(() => loadConfig({ SMTP_URL: 'http://mail' }), (e: unknown) => e instanceof ConfigError && e.variable === 'SMTP_URL');
    assert.throws(() => loadConfig({ SESSION_IDLE_MINUTES: '0' }), /SESSION_IDLE_MINUTES/);
    assert.throws(() => loadConfig({ SIGNIN_MAX_FAILURES: 'many' }), /SIGNIN_MAX_FAILURES/);
  });

  it('derives independent keys from the secret; encryption is authenticated', () => {
    const k = deriveKeys('x'.repeat(32));
    assert.notDeepEqual(k.csrf, k.recovery);
    const sealed = encrypt(k.encryption, 'JBSWY3DPEHPK3PXP');
    assert.equal(decrypt(k.encryption, sealed), 'JBSWY3DPEHPK3PXP');
    assert.throws(() => decrypt(deriveKeys('y'.repeat(32)).encryption, sealed));
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    assert.throws(() => decrypt(k.encryption, parts.join('.')));
  });
});
