import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seal, unseal } from './seal.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

test('sealed keys open with the same secret only, and not when changed', () => {
  const sealed = seal(SECRET, '{"d":"private"}');
  assert.ok(!sealed.includes('private'));
  assert.notEqual(seal(SECRET, '{"d":"private"}'), sealed, 'a fresh IV each time');
  assert.equal(unseal(SECRET, sealed), '{"d":"private"}');
  assert.throws(() => unseal(`${SECRET}x`, sealed));
  const [iv, body, tag] = sealed.split('.');
  const flipped = Buffer.from(body!, 'base64url');
  flipped[0] = flipped[0]! ^ 1;
  assert.throws(() => unseal(SECRET, [iv, flipped.toString('base64url'), tag].join('.')));
  assert.throws(() => unseal(SECRET, 'garbage'));
});
