import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CACHE_TTL_MS, FiguresCache } from './cache.js';

test('entries expire after the TTL and the least recently used go first', () => {
  let now = 0;
  const c = new FiguresCache<number>(() => now);
  c.set('a', 1);
  assert.equal(c.get('a'), 1);
  now = CACHE_TTL_MS + 1;
  assert.equal(c.get('a'), undefined);
  for (let i = 0; i < 201; i++) c.set(`k${i}`, i);
  assert.equal(c.get('k0'), undefined);
  assert.equal(c.get('k200'), 200);
});
