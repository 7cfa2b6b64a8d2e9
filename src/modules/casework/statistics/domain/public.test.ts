import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addUp, MIN_CELL, suppressColumn, suppressRows } from './public.js';

test('no published cell is from 1 to 4, and a lone suppressed cell cannot be found back from the total', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 12 }), (values) => {
      const out = suppressColumn(values);
      assert.equal(out.length, values.length);
      out.forEach((c, i) => {
        if (c !== null) assert.equal(c, values[i]);
        if (c !== null) assert.ok(c === 0 || c >= MIN_CELL);
      });
      const hidden = out.filter((c) => c === null).length;
      const nonZero = values.filter((v) => v > 0).length;
      assert.ok(hidden !== 1 || nonZero === 1, 'never exactly one suppressed cell when another could hide it');
    }),
  );
});

test('suppressRows keeps keys and drops all-zero rows; addUp marks partial sums', () => {
  const rows = suppressRows([
    { key: 'mla', incoming: 20, outgoing: 3, total: 23 },
    { key: 'extradition', incoming: 2, outgoing: 9, total: 11 },
    { key: 'other', incoming: 0, outgoing: 0, total: 0 },
  ]);
  assert.deepEqual(rows, [
    { key: 'mla', incoming: null, outgoing: null },
    { key: 'extradition', incoming: null, outgoing: null },
  ]);
  const sum = addUp([[{ key: 'mla', incoming: 7, outgoing: null }], [{ key: 'mla', incoming: 5, outgoing: 6 }]]);
  assert.deepEqual(sum, [{ key: 'mla', incoming: { value: 12, partial: false }, outgoing: { value: 6, partial: true } }]);
});
