/**
 * The figures an authority publishes on the public portal: aggregates only, with small cells
 * suppressed. Pure.
 *
 * Why suppress: a casework figure of 1 to 4 requests (say, one extradition request from a small
 * State in a year) can point at a person the public may recognise, from the news or their
 * surroundings. Such a cell is published as null ("fewer than 5"). So that it cannot be found back
 * by subtracting the other cells of its column from the published total, a column with exactly one
 * suppressed cell also loses its next smallest cell (secondary suppression). Processing times of
 * fewer than 5 requests are not published either. Zero is published: it reveals nobody.
 */
import type { CaseworkFigures, DirCount } from './figures.js';

export const MIN_CELL = 5;

/** A published cell: a count of at least MIN_CELL, 0, or null (suppressed). */
export type Cell = number | null;

export interface PublicCount {
  key: string;
  incoming: Cell;
  outgoing: Cell;
}

export interface PublicDuration {
  direction: 'incoming' | 'outgoing';
  medianDays: number | null;
  p90Days: number | null;
}

/** What is published for one authority and year (casework_public_statistics.figures). */
export interface PublicFigures {
  totals: PublicCount;
  untoc: PublicCount;
  byKind: PublicCount[];
  byRegion: PublicCount[];
  byOutcome: PublicCount[];
  processing: PublicDuration[];
}

const small = (n: number) => n > 0 && n < MIN_CELL;

/** Suppress the small cells of one column; with exactly one suppressed, also the next smallest non-zero cell. */
export function suppressColumn(values: readonly number[]): Cell[] {
  const out: Cell[] = values.map((v) => (small(v) ? null : v));
  const hidden = out.filter((v) => v === null).length;
  if (hidden === 1) {
    let at = -1;
    out.forEach((v, i) => {
      if (v !== null && v > 0 && (at < 0 || v < (out[at] as number))) at = i;
    });
    if (at >= 0) out[at] = null;
  }
  return out;
}

/** A table's rows with each direction's column suppressed. */
export function suppressRows(rows: readonly DirCount[]): PublicCount[] {
  const inc = suppressColumn(rows.map((r) => r.incoming));
  const out = suppressColumn(rows.map((r) => r.outgoing));
  return rows.map((r, i) => ({ key: r.key, incoming: inc[i]!, outgoing: out[i]! })).filter((r) => r.incoming !== 0 || r.outgoing !== 0);
}

const one = (c: DirCount): PublicCount => ({ key: c.key, incoming: small(c.incoming) ? null : c.incoming, outgoing: small(c.outgoing) ? null : c.outgoing });

/** The public form of one year's figures: no case, no partner State, no offence; small cells suppressed. */
export function publicFigures(f: CaseworkFigures): PublicFigures {
  return {
    totals: one(f.totals),
    untoc: one(f.untoc),
    byKind: suppressRows(f.byKind),
    byRegion: suppressRows(f.byRegion),
    byOutcome: suppressRows(f.byOutcome),
    processing: f.processing
      .filter((p) => p.kind === null && p.count >= MIN_CELL)
      .map((p) => ({ direction: p.direction, medianDays: p.medianDays, p90Days: p.p90Days })),
  };
}

/** A sum of published cells: suppressed cells add nothing but make the sum a lower bound. */
export interface PublicSum {
  value: number;
  /** Some cells were suppressed: the true figure is higher. */
  partial: boolean;
}

export interface PublicTotalRow {
  key: string;
  incoming: PublicSum;
  outgoing: PublicSum;
}

/** Add up cells of several authorities or years by key. */
export function addUp(groups: readonly PublicCount[][], order?: readonly string[]): PublicTotalRow[] {
  const m = new Map<string, PublicTotalRow>();
  const zero = (key: string): PublicTotalRow => ({ key, incoming: { value: 0, partial: false }, outgoing: { value: 0, partial: false } });
  for (const k of order ?? []) m.set(k, zero(k));
  for (const rows of groups)
    for (const r of rows) {
      const t = m.get(r.key) ?? zero(r.key);
      for (const d of ['incoming', 'outgoing'] as const) {
        if (r[d] === null) t[d].partial = true;
        else t[d].value += r[d];
      }
      m.set(r.key, t);
    }
  const out = [...m.values()];
  return order ? out.filter((r) => order.includes(r.key) || r.incoming.value || r.outgoing.value) : out.sort((a, b) => b.incoming.value + b.outgoing.value - (a.incoming.value + a.outgoing.value) || a.key.localeCompare(b.key));
}
