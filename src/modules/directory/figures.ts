/** The directory in figures: authorities listed and registered practitioners at the end of each year. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { practitionerGrantYears } from '../accounts/index.js';
import { authorityYears } from './repository.js';

export interface YearRow {
  year: number;
  added: number;
  removed: number;
  total: number;
}

export interface DirectoryFigures {
  authorities: YearRow[];
  practitioners: YearRow[];
}

/** Running totals per year, every year from the first to the current one. */
export function runningTotals(rows: { year: number; added: number; removed: number }[], lastYear: number): YearRow[] {
  if (!rows.length) return [];
  const first = Math.min(...rows.map((r) => r.year));
  const out: YearRow[] = [];
  let total = 0;
  for (let y = first; y <= Math.max(lastYear, ...rows.map((r) => r.year)); y++) {
    const r = rows.filter((x) => x.year === y);
    const added = r.reduce((n, x) => n + x.added, 0);
    const removed = r.reduce((n, x) => n + x.removed, 0);
    total += added - removed;
    out.push({ year: y, added, removed, total });
  }
  return out;
}

export async function directoryFigures(db: Kysely<DB>, now: Date = new Date()): Promise<DirectoryFigures> {
  const [a, p] = await Promise.all([authorityYears(db), practitionerGrantYears(db)]);
  const year = now.getUTCFullYear();
  return {
    authorities: runningTotals(a.map((r) => ({ year: r.year, added: r.created, removed: r.archived })), year),
    practitioners: runningTotals(p.map((r) => ({ year: r.year, added: r.granted, removed: 0 })), year),
  };
}
