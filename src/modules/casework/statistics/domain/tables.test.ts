import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monthSeries, yearsOf } from './figures.js';
import { tableCsv } from './tables.js';

test('CSV: BOM, CRLF, quoted when needed, empty for a missing figure', () => {
  const csv = tableCsv({ columns: ['kind', 'median_days'], rows: [['a,b', 1.5], ['c"d', null]] });
  assert.equal(csv, '\uFEFFkind,median_days\r\n"a,b",1.5\r\n"c""d",\r\n');
});

test('months without requests are zeros, not gaps; years add up the months', () => {
  const z = (key: string, n: number) => ({ key, incoming: n, outgoing: 0, total: n });
  const s = monthSeries([z('2024-11', 2), z('2025-02', 3)]);
  assert.deepEqual(s.map((m) => m.key), ['2024-11', '2024-12', '2025-01', '2025-02']);
  assert.deepEqual(yearsOf(s), [z('2024', 2), z('2025', 3)]);
});
