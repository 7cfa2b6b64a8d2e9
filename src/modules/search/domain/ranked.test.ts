import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HeldRanks } from './ranked.js';

const pack = (m: Map<number, number>) => {
  const b = Buffer.alloc(m.size * 8);
  let p = 0;
  for (const [d, r] of m) {
    b.writeInt32BE(d, p);
    b.writeFloatBE(r, p + 4);
    p += 8;
  }
  return b;
};

describe('held title ranks', () => {
  it('patches like a map: removed documents out, changed ones with their new rank', () => {
    const doc = fc.integer({ min: 0, max: 200 });
    const rank = fc.float({ noNaN: true, min: 0, max: 1 }).map((r) => Math.fround(r) + 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(doc, rank)), fc.array(fc.tuple(doc, rank)), fc.array(doc), (start, add, remove) => {
        const initial = new Map(start);
        const held = new HeldRanks(pack(initial), 1e-20);
        const expected = new Map(initial);
        for (const d of remove) expected.delete(d);
        const added = new Map(add);
        for (const [d, r] of added) expected.set(d, r);
        const got = held.patched([...added], remove);
        assert.deepEqual(got.toMap(), expected);
        assert.equal(got.size, expected.size);
        assert.equal(got.baseRank, 1e-20);
        assert.deepEqual(held.toMap(), initial, 'the original is unchanged');
      }),
    );
  });
});
