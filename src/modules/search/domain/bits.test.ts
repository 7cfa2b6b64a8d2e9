import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Bits } from './bits.js';

const set = fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 300 });
const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

describe('bit sets', () => {
  it('give the set operations of their members', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const A = Bits.of(a);
        const B = Bits.of(b);
        const inB = new Set(b);
        assert.deepEqual([...A.values()], sorted(a));
        assert.equal(A.size, a.length);
        assert.deepEqual([...A.and(B).values()], sorted(a.filter((x) => inB.has(x))));
        assert.deepEqual([...A.or(B).values()], sorted(new Set([...a, ...b])));
        assert.deepEqual([...A.andNot(B).values()], sorted(a.filter((x) => !inB.has(x))));
        assert.deepEqual([...Bits.fromPacked(A.packed()).values()], sorted(a));
        for (const x of b.slice(0, 20)) assert.equal(A.has(x), a.includes(x));
      }),
    );
  });

  it('patch a copy: additions win over removals, the original is unchanged', () => {
    fc.assert(
      fc.property(set, set, set, (a, add, remove) => {
        const A = Bits.of(a);
        const P = A.patched(add, remove);
        const expected = new Set(a.filter((x) => !remove.includes(x)));
        for (const x of add) expected.add(x);
        assert.deepEqual([...P.values()], sorted(expected));
        assert.deepEqual([...A.values()], sorted(a));
      }),
    );
  });

  it('reads the database packing (int4, big-endian)', () => {
    const buf = Buffer.alloc(12);
    [7, 0, 70_000].forEach((v, i) => buf.writeInt32BE(v, i * 4));
    assert.deepEqual([...Bits.fromPacked(buf).values()], [0, 7, 70_000]);
    assert.equal(Bits.fromPacked(Buffer.alloc(0)).size, 0);
  });
});
