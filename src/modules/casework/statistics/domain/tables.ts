/**
 * The tables of the figures, as named columns and rows of codes and numbers: the CSV downloads
 * (one per table) and the page tables are both made from these, so they cannot disagree. Pure.
 */
import { stringify } from 'csv-stringify/sync';
import { OUTCOME_KEYS, type CaseworkFigures, type DirCount, type DurationFigure } from './figures.js';

export type Cell = string | number | null;

export interface StatTable {
  /** Identifier (also the CSV file name): kinds, measures, ... */
  id: TableId;
  /** Machine names of the columns (CSV header); the first is the row key. */
  columns: string[];
  rows: Cell[][];
}

export const TABLE_IDS = [
  'kinds',
  'legal-bases',
  'measures',
  'partners',
  'regions',
  'offences',
  'outcomes',
  'outcomes-by-kind',
  'refusal-grounds',
  'processing',
  'time-in-state',
  'backlog',
  'years',
  'months',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

const dirTable = (id: TableId, key: string, rows: readonly DirCount[]): StatTable => ({
  id,
  columns: [key, 'incoming', 'outgoing', 'total'],
  rows: rows.map((r) => [r.key, r.incoming, r.outgoing, r.total]),
});

const duration = (d: DurationFigure): Cell[] => [d.count, d.medianDays, d.p90Days];

/** One table of the figures. */
export function statTable(f: CaseworkFigures, id: TableId): StatTable {
  switch (id) {
    case 'kinds':
      return dirTable(id, 'kind', [...f.byKind, { ...f.totals, key: 'total' }]);
    case 'legal-bases':
      return dirTable(id, 'legal_basis', [...f.byLegalBasis, { ...f.untoc, key: 'untoc_as_legal_basis' }]);
    case 'measures':
      return dirTable(id, 'measure', f.byMeasure);
    case 'partners':
      return dirTable(id, 'partner_state', f.byPartner);
    case 'regions':
      return dirTable(id, 'region_m49', f.byRegion);
    case 'offences':
      return dirTable(id, 'offence', f.byOffence);
    case 'outcomes':
      return dirTable(id, 'outcome', f.byOutcome);
    case 'outcomes-by-kind':
      return { id, columns: ['kind', ...OUTCOME_KEYS], rows: f.outcomesByKind.map((r) => [r.kind, ...OUTCOME_KEYS.map((o) => r.counts[o])]) };
    case 'refusal-grounds':
      return dirTable(id, 'refusal_ground', f.refusalGrounds);
    case 'processing':
      return { id, columns: ['direction', 'kind', 'executed', 'median_days', 'p90_days'], rows: f.processing.map((p) => [p.direction, p.kind ?? 'all', ...duration(p)]) };
    case 'time-in-state':
      return { id, columns: ['state', 'stays', 'median_days', 'p90_days'], rows: f.timeInState.map((s) => [s.state, ...duration(s)]) };
    case 'backlog':
      return dirTable(id, 'age_days', f.backlog);
    case 'years':
      return dirTable(id, 'year', f.byYear);
    case 'months':
      return dirTable(id, 'month', f.byMonth);
  }
}

export function isTableId(x: unknown): x is TableId {
  return typeof x === 'string' && (TABLE_IDS as readonly string[]).includes(x);
}

/**
 * CSV of a table: RFC 4180 (CRLF line ends, fields quoted when needed), UTF-8 with a byte-order
 * mark so that spreadsheet programs read it as UTF-8, a header row of named columns; an empty cell
 * for a figure that does not exist (a median of nothing).
 */
export function tableCsv(t: { columns: string[]; rows: Cell[][] }): string {
  return stringify([t.columns, ...t.rows.map((r) => r.map((c) => (c === null ? '' : c)))], { bom: true, record_delimiter: 'windows'});
}
