import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatReference, patternIssue } from './references.js';

describe('case references', () => {
  it('fills year and padded number', () => {
    assert.equal(formatReference('MLI/{YYYY}/{NNNNN}', 2026, 42), 'MLI/2026/00042');
    assert.equal(formatReference('{YY}-{NNN}', 2026, 7), '26-007');
    assert.equal(formatReference('X{N}', 2026, 123456), 'X123456', 'longer numbers are not cut');
    assert.throws(() => formatReference('{N}', 2026, 0));
  });

  it('gives different references for different numbers of a pattern with a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(formatReference('MLA/{YYYY}/{NNNNN}', 2026, a), formatReference('MLA/{YYYY}/{NNNNN}', 2026, b));
      }),
    );
  });

  it('checks patterns', () => {
    assert.equal(patternIssue('MLI/{YYYY}/{NNNNN}'), null);
    assert.match(patternIssue('MLI/{YYYY}')!, /NNNNN/);
    assert.match(patternIssue('MLI/{Q}/{NN}')!, /unknown/);
    assert.match(patternIssue('{N')!, /characters|NNNNN/);
  });
});
