/**
 * The casework figures of an authority or a State, shaped from the aggregate rows the repository
 * returns (statistics/repository.ts). Pure: no SQL, no permission, no language.
 */
import { CASE_KINDS, OUTCOMES, type Direction } from '../../domain/vocabulary.js';
import type { StatisticsFilters } from './filters.js';

/** A count split by direction: the unit of every table (incoming, outgoing, both). */
export interface DirCount {
  key: string;
  incoming: number;
  outgoing: number;
  total: number;
}

/** How a request ended, for statistics: the outcomes of the vocabulary, and "open" while it runs. */
export const OUTCOME_KEYS = [...OUTCOMES, 'open'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** Age of an open case since it was received or sent, in days: [from, to] inclusive, to null = no end. */
export const BACKLOG_BUCKETS = [
  { key: '0-30', from: 0, to: 30 },
  { key: '31-90', from: 31, to: 90 },
  { key: '91-180', from: 91, to: 180 },
  { key: '181-365', from: 181, to: 365 },
  { key: '366+', from: 366, to: null },
] as const;

export interface DurationFigure {
  /** Cases (or stays in a state) measured. */
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface ProcessingFigure extends DurationFigure {
  direction: Direction;
  /** null: every kind of the direction. */
  kind: string | null;
}

export interface StateTimeFigure extends DurationFigure {
  state: string;
}

export interface OutcomeByKind {
  kind: string;
  counts: Record<OutcomeKey, number>;
}

export interface CaseworkFigures {
  filters: StatisticsFilters;
  /** Day the figures were computed (backlog ages are counted to it). */
  asOf: string;
  totals: DirCount;
  byKind: DirCount[];
  byMeasure: DirCount[];
  byLegalBasis: DirCount[];
  /** Requests with the UNTOC (or one of its Protocols) among their legal bases: the Conference's figure. */
  untoc: DirCount;
  byPartner: DirCount[];
  byRegion: DirCount[];
  byOffence: DirCount[];
  byOutcome: DirCount[];
  outcomesByKind: OutcomeByKind[];
  refusalGrounds: DirCount[];
  processing: ProcessingFigure[];
  timeInState: StateTimeFigure[];
  backlog: DirCount[];
  byYear: DirCount[];
  byMonth: DirCount[];
}

/** The aggregate rows of the repository (casework_stat_months, migration 0089). */
export interface CountRow {
  direction: Direction;
  kind: string;
  outcome: string | null;
  month: string;
  n: number;
}
export interface TagRow {
  dim: 'partner' | 'measure' | 'offence' | 'ground' | 'basis' | 'untoc';
  direction: Direction;
  code: string;
  n: number;
}
/** Executed cases by whole days from receipt or sending to execution (the processing-time histogram). */
export interface DaysRow {
  direction: Direction;
  kind: string;
  days: number;
  n: number;
}
export interface ProcessingRow {
  direction: Direction;
  kind: string | null;
  n: number;
  median: number | null;
  p90: number | null;
}
export interface StateTimeRow {
  state: string;
  n: number;
  median: number | null;
  p90: number | null;
}
export interface BacklogRow {
  direction: Direction;
  bucket: string;
  n: number;
}
export interface FigureRows {
  counts: CountRow[];
  tags: TagRow[];
  processing: ProcessingRow[];
  timeInState: StateTimeRow[];
  backlog: BacklogRow[];
}

/**
 * percentile_cont(p) of the values a histogram counts ([value, count], sorted by value): the
 * interpolation PostgreSQL does between the values at positions floor and ceil of p * (count - 1).
 */
export function histogramPercentile(sorted: readonly (readonly [number, number])[], p: number): number | null {
  const total = sorted.reduce((a, [, n]) => a + n, 0);
  if (!total) return null;
  const pos = p * (total - 1);
  const lo = Math.floor(pos);
  const at = (i: number): number => {
    let seen = 0;
    for (const [v, n] of sorted) if ((seen += n) > i) return v;
    return sorted[sorted.length - 1]![0];
  };
  const first = at(lo);
  return pos === lo ? first : first + (at(lo + 1) - first) * (pos - lo);
}

/** Processing time per direction (kind null) and per direction and kind, from the histogram rows; ordered as the figures list them. */
export function processingFromDays(rows: readonly DaysRow[]): ProcessingRow[] {
  const groups = new Map<string, { direction: Direction; kind: string | null; hist: Map<number, number> }>();
  for (const r of rows) {
    for (const kind of [null, r.kind]) {
      const key = `${r.direction}\u0000${kind ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { direction: r.direction, kind, hist: new Map() }));
      g.hist.set(r.days, (g.hist.get(r.days) ?? 0) + r.n);
    }
  }
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return [...groups.values()]
    .sort((a, b) => cmp(a.direction, b.direction) || cmp(a.kind, b.kind))
    .map((g) => {
      const sorted = [...g.hist.entries()].sort((a, b) => a[0] - b[0]);
      return { direction: g.direction, kind: g.kind, n: sorted.reduce((a, [, n]) => a + n, 0), median: histogramPercentile(sorted, 0.5), p90: histogramPercentile(sorted, 0.9) };
    });
}

const round1 = (x: number | null): number | null => (x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10);

/** Sum rows into DirCounts by a key; `order` fixes the order (and lists zero rows), else by total then key. */
export function tally<R extends { direction: Direction; n: number }>(rows: readonly R[], keyOf: (r: R) => string | null, order?: readonly string[]): DirCount[] {
  const m = new Map<string, DirCount>((order ?? []).map((k) => [k, { key: k, incoming: 0, outgoing: 0, total: 0 }]));
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    const c = m.get(key) ?? { key, incoming: 0, outgoing: 0, total: 0 };
    c[r.direction] += r.n;
    c.total += r.n;
    m.set(key, c);
  }
  const out = [...m.values()];
  if (order) return out.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return out.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** Every month from the first to the last present (a month without cases is a zero, not a gap). */
export function monthSeries(byMonth: readonly DirCount[]): DirCount[] {
  if (!byMonth.length) return [];
  const keys = byMonth.map((m) => m.key).sort();
  const [fy, fm] = keys[0]!.split('-').map(Number) as [number, number];
  const [ly, lm] = keys[keys.length - 1]!.split('-').map(Number) as [number, number];
  const have = new Map(byMonth.map((m) => [m.key, m]));
  const out: DirCount[] = [];
  for (let y = fy, mo = fm; y < ly || (y === ly && mo <= lm); mo === 12 ? ((mo = 1), y++) : mo++) {
    const key = `${y}-${String(mo).padStart(2, '0')}`;
    out.push(have.get(key) ?? { key, incoming: 0, outgoing: 0, total: 0 });
  }
  return out;
}

/** Shape the repository's rows; regionOf maps a partner State (ISO alpha-3) to its M49 region code. */
export function shapeFigures(rows: FigureRows, filters: StatisticsFilters, asOf: string, regionOf: (iso3: string) => string | null): CaseworkFigures {
  const tags = (dim: TagRow['dim']) => rows.tags.filter((t) => t.dim === dim);
  const total = tally(rows.counts, () => 'total')[0] ?? { key: 'total', incoming: 0, outgoing: 0, total: 0 };
  const kindsPresent = new Set(rows.counts.map((r) => r.kind));
  const kinds = CASE_KINDS.filter((k) => kindsPresent.has(k));
  const byMonth = monthSeries(tally(rows.counts, (r) => r.month));
  const outcomesByKind: OutcomeByKind[] = kinds.map((kind) => {
    const counts = Object.fromEntries(OUTCOME_KEYS.map((o) => [o, 0])) as Record<OutcomeKey, number>;
    for (const r of rows.counts) if (r.kind === kind) counts[(r.outcome ?? 'open') as OutcomeKey] += r.n;
    return { kind, counts };
  });
  const untoc = tally(tags('untoc'), () => 'untoc')[0] ?? { key: 'untoc', incoming: 0, outgoing: 0, total: 0 };
  return {
    filters,
    asOf,
    totals: { ...total, key: 'total' },
    byKind: tally(rows.counts, (r) => r.kind, kinds),
    byMeasure: tally(tags('measure'), (r) => r.code),
    byLegalBasis: tally(tags('basis'), (r) => r.code),
    untoc,
    byPartner: tally(tags('partner'), (r) => r.code),
    byRegion: tally(tags('partner'), (r) => regionOf(r.code) ?? 'unknown'),
    byOffence: tally(tags('offence'), (r) => r.code),
    byOutcome: tally(rows.counts, (r) => r.outcome ?? 'open', OUTCOME_KEYS),
    outcomesByKind,
    refusalGrounds: tally(tags('ground'), (r) => r.code),
    processing: rows.processing.map((p) => ({ direction: p.direction, kind: p.kind, count: p.n, medianDays: round1(p.median), p90Days: round1(p.p90) })),
    timeInState: rows.timeInState.map((s) => ({ state: s.state, count: s.n, medianDays: round1(s.median), p90Days: round1(s.p90) })),
    backlog: tally(rows.backlog, (r) => r.bucket, BACKLOG_BUCKETS.map((b) => b.key)),
    byYear: yearsOf(byMonth),
    byMonth,
  };
}

/** Years from the month series (every year from the first to the last). */
export function yearsOf(byMonth: readonly DirCount[]): DirCount[] {
  const m = new Map<string, DirCount>();
  for (const c of byMonth) {
    const key = c.key.slice(0, 4);
    const y = m.get(key) ?? { key, incoming: 0, outgoing: 0, total: 0 };
    y.incoming += c.incoming;
    y.outgoing += c.outgoing;
    y.total += c.total;
    m.set(key, y);
  }
  return [...m.values()];
}
