import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it('requires 12 to 256 characters, counted as characters, not bytes', () => {
    assert.equal(passwordProblem('short pass'), 'too_short');
    assert.equal(passwordProblem('x'.repeat(257)), 'too_long');
    assert.equal(passwordProblem('ключ от двери'), null); // 13 Cyrillic characters
    assert.equal(passwordProblem('巴勒莫公约是打击跨国犯罪的'), null);
  });

  it('refuses common passwords and their obvious variants', () => {
    for (const pw of ['qwerty123456', '1q2w3e4r5t6y', 'password1234', 'P@ssw0rd2024!', 'Sunshine!!!!!', 'iloveyou2020!']) {
      assert.equal(passwordProblem(pw), 'common', pw);
    }
  });

  it('refuses repetition and the user’s own identity', () => {
    assert.equal(passwordProblem('abcabcabcabc'), 'repetitive');
    assert.equal(passwordProblem('aaaaaaaaaaaaaaaa'), 'repetitive');
    assert.equal(passwordProblem('maria.rossi-2024-x', { email: 'maria.rossi@example.org' }), 'contains_identity');
  });

  it('accepts passphrases', () => {
    assert.equal(passwordProblem('correct horse battery staple'), null);
    assert.equal(passwordProblem('Extradition treaty of 1957, art. 12'), null);
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('correct horse battery staple');
    assert.match(h, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(h, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(h, 'correct horse battery stapler'), false);
    assert.equal(await verifyPassword('not a hash', 'x'), false);
  });
});
