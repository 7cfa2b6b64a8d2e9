import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalEntries, effectiveSort, parseSearchParams, toQueryString } from './params.js';

describe('search parameters', () => {
  it('accepts single and repeated values, normalises, dedupes and sorts them', () => {
    const p = parseSearchParams({ q: 'x', type: ['case', 'legislation', 'case'], country: 'fra', year: '2019', page: '2', per_page: 50, hl: 'fr' });
    assert.ok(p.ok);
    assert.deepEqual(p.value.filters.type, ['case', 'legislation']);
    assert.deepEqual(p.value.filters.country, ['FRA']);
    assert.deepEqual(p.value.filters.year, ['2019']);
    assert.equal(p.value.page, 2);
    assert.equal(p.value.perPage, 50);
    assert.equal(p.value.hl, 'fr');
  });

  it('names every bad parameter', () => {
    const p = parseSearchParams({ type: 'book', country: ['FRA', '12'], page: '0', per_page: '101', hl: 'de', sort: 'random', extra: '1', q: 'x'.repeat(1001) });
    assert.ok(!p.ok);
    assert.deepEqual(p.issues.map((i) => i.field).sort(), ['country.1', 'extra', 'hl', 'page', 'per_page', 'q', 'sort', 'type']);
  });

  it('limits how deep pagination goes', () => {
    assert.ok(parseSearchParams({ page: '100', per_page: '100' }).ok);
    const p = parseSearchParams({ page: '101', per_page: '100' });
    assert.ok(!p.ok && p.issues[0]?.field === 'page');
  });

  it('fixes the type on a database page and ignores empty values', () => {
    const p = parseSearchParams({ type: ['treaty'], country: '' }, { fixedType: 'case' });
    assert.ok(p.ok);
    assert.deepEqual(p.value.filters.type, ['case']);
    assert.deepEqual(p.value.filters.country, []);
  });

  it('sorts by relevance with a query and by date without', () => {
    assert.equal(effectiveSort({ q: 'x', sort: undefined }), 'relevance');
    assert.equal(effectiveSort({ q: '  ', sort: undefined }), 'date');
    assert.equal(effectiveSort({ q: 'x', sort: 'date' }), 'date');
  });

  it('builds one canonical query string per state', () => {
    const a = parseSearchParams({ country: ['ITA', 'FRA'], q: ' extradition ', type: 'case', sort: 'relevance', page: '3' });
    const b = parseSearchParams({ page: '3', type: 'case', country: ['FRA', 'ITA'], q: 'extradition' });
    assert.ok(a.ok && b.ok);
    const qa = toQueryString(canonicalEntries(a.value));
    assert.equal(qa, '?q=extradition&type=case&country=FRA&country=ITA&page=3');
    assert.equal(qa, toQueryString(canonicalEntries(b.value)));
    assert.equal(toQueryString(canonicalEntries(a.value, { omitType: true, page: 1 })), '?q=extradition&country=FRA&country=ITA');
  });

  it('searches as typed with verbatim=1 (the "search instead for" link), and names a bad value', () => {
    const p = parseSearchParams({ q: 'extradtion', verbatim: '1' });
    assert.ok(p.ok);
    assert.equal(p.value.verbatim, true);
    assert.equal(toQueryString(canonicalEntries(p.value)), '?q=extradtion&verbatim=1');
    const plain = parseSearchParams({ q: 'extradtion' });
    assert.ok(plain.ok && !plain.value.verbatim);
    assert.equal(toQueryString(canonicalEntries(plain.value)), '?q=extradtion');
    const bad = parseSearchParams({ q: 'x', verbatim: 'yes' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.issues.map((i) => i.field), ['verbatim']);
  });

  it('never throws on arbitrary input', () => {
    const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 60 }), fc.integer(), fc.constant(null), fc.object());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q', 'type', 'country', 'page', 'per_page', 'hl', 'sort', 'year', 'lang', 'article', 'verbatim', 'x'), value), (raw) => {
        const p = parseSearchParams(raw);
        return p.ok || p.issues.length > 0;
      }),
      { numRuns: 500 },
    );
  });
});
