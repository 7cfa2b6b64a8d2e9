import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { highestNumbers, referenceMatcher } from './counters.js';

test('a reference of the pattern gives its year and number', () => {
  const m = referenceMatcher('MLI/{YYYY}/{NNNNN}');
  assert.deepEqual(m('MLI/2024/00042'), { year: 2024, number: 42 });
  assert.equal(m('MLO/2024/00042'), null);
  assert.equal(m('MLI/2024/42a'), null);
  assert.deepEqual(referenceMatcher('A.{NNN}-{YYYY}')('A.7-2020'), { year: 2020, number: 7 });
});

test('the highest number per direction and year', () => {
  const got = highestNumbers({ incoming: 'MLI/{YYYY}/{NNNNN}', outgoing: 'MLO/{YYYY}/{NNNNN}' }, [
    { direction: 'incoming', reference: 'MLI/2024/00007' },
    { direction: 'incoming', reference: 'MLI/2024/00003' },
    { direction: 'incoming', reference: 'MLO/2024/00099' },
    { direction: 'outgoing', reference: 'MLO/2023/00009' },
    { direction: 'outgoing', reference: 'their own numbering' },
    { direction: 'incoming' },
  ]);
  assert.deepEqual(got, [
    { direction: 'incoming', year: 2024, number: 7 },
    { direction: 'outgoing', year: 2023, number: 9 },
  ]);
});

test('any reference and any pattern: never throws', () => {
  fc.assert(fc.property(fc.string(), fc.string(), (pattern, ref) => {
    const r = referenceMatcher(pattern)(ref);
    if (r) assert.ok(Number.isSafeInteger(r.number));
  }));
});
