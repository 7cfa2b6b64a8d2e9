import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ValidationError } from '../../../../platform/http/errors.js';
import { filterQuery, parseFilters } from './filters.js';

test('filters are read, named when wrong, and written back', () => {
  const f = parseFilters({ year: '2025', direction: 'incoming', kind: 'mla' });
  assert.deepEqual(f, { year: 2025, direction: 'incoming', kind: 'mla' });
  assert.equal(filterQuery(f, { authority: 'x' }), '?year=2025&direction=incoming&kind=mla&authority=x');
  assert.deepEqual(parseFilters({ year: '', direction: [''] }), { year: null, direction: null, kind: null });
  assert.throws(() => parseFilters({ year: '1800', direction: 'sideways' }), (e: unknown) => e instanceof ValidationError && e.issues!.map((i) => i.field).join() === 'year,direction');
});

test('any query string gives filters or a ValidationError, nothing else', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom('year', 'direction', 'kind', 'other'), fc.oneof(fc.string(), fc.array(fc.string()))), (q) => {
      try {
        const f = parseFilters(q);
        assert.ok(f.year === null || (f.year >= 1900 && f.year <= 2999));
      } catch (e) {
        assert.ok(e instanceof ValidationError);
      }
    }),
  );
});
