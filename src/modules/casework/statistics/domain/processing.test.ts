import assert from 'node:assert/strict';
import { it } from 'node:test';
import { histogramPercentile, processingFromDays, type DaysRow } from './figures.js';

/** percentile_cont over a list, as PostgreSQL computes it. */
function percentileCont(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  return pos === lo ? s[lo]! : s[lo]! + (s[lo + 1]! - s[lo]!) * (pos - lo);
}

it('the percentiles of a histogram of whole days are those of the days listed', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 200; round++) {
    const days = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => Math.floor(rnd() * (round % 3 === 0 ? 5 : 400)));
    const hist = new Map<number, number>();
    for (const d of days) hist.set(d, (hist.get(d) ?? 0) + 1);
    const sorted = [...hist.entries()].sort((a, b) => a[0] - b[0]);
    for (const p of [0, 0.5, 0.9, 1]) assert.equal(histogramPercentile(sorted, p), percentileCont(days, p), `${p} of ${days.join(',')}`);
  }
  assert.equal(histogramPercentile([], 0.5), null);
});

it('processing time per direction, then per kind, each direction\'s total first', () => {
  const rows: DaysRow[] = [
    { direction: 'outgoing', kind: 'mla', days: 10, n: 2 },
    { direction: 'incoming', kind: 'mla', days: 4, n: 1 },
    { direction: 'incoming', kind: 'extradition', days: 30, n: 3 },
    { direction: 'incoming', kind: 'mla', days: 8, n: 1 },
  ];
  assert.deepEqual(processingFromDays(rows), [
    { direction: 'incoming', kind: null, n: 5, median: 30, p90: 30 },
    { direction: 'incoming', kind: 'extradition', n: 3, median: 30, p90: 30 },
    { direction: 'incoming', kind: 'mla', n: 2, median: 6, p90: 7.6 },
    { direction: 'outgoing', kind: null, n: 2, median: 10, p90: 10 },
    { direction: 'outgoing', kind: 'mla', n: 2, median: 10, p90: 10 },
  ]);
});
