/**
 * The public statistics: what authorities published (casework_public_statistics), added up per
 * State and kind. No actor, no case scope: the table holds only suppressed aggregates.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import { CASE_KINDS } from '../domain/vocabulary.js';
import { OUTCOME_KEYS } from './domain/figures.js';
import { addUp, type PublicFigures, type PublicTotalRow } from './domain/public.js';
import { selectPublished } from './repository.js';

export interface PublicStatistics {
  /** ISO alpha-3 for a State's page, null for the global page. */
  country: string | null;
  /** The year shown, null: all years. */
  year: number | null;
  /** Years with published figures. */
  years: number[];
  /** Publishing authorities counted. */
  authorities: string[];
  /** Per State (global page) or per year (State page): totals and the UNTOC figure. */
  rows: { key: string; totals: PublicTotalRow; untoc: PublicTotalRow }[];
  byKind: PublicTotalRow[];
  byRegion: PublicTotalRow[];
  byOutcome: PublicTotalRow[];
  publishedAt: string | null;
}

function parseYear(v: unknown): number | null {
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || s === null || s === '') return null;
  if (typeof s === 'string' && /^\d{4}$/.test(s)) return Number(s);
  throw new ValidationError([{ field: 'year', message: 'must be a year (four digits)' }]);
}

/** Global figures (country undefined) or one State's, for a year or all years. */
export async function publicStatistics(db: Kysely<DB>, country: string | undefined, query: Record<string, unknown>): Promise<PublicStatistics> {
  const iso3 = country?.toUpperCase();
  if (iso3 !== undefined && !/^[A-Z]{3}$/.test(iso3)) throw new NotFoundError('No such State');
  const year = parseYear(query.year);
  const all = await selectPublished(db, iso3);
  if (iso3 && !all.length) throw new NotFoundError(`No authority of ${iso3} publishes casework figures`);
  const rows = all.filter((r) => year === null || r.year === year);
  const fig = (r: (typeof rows)[number]) => r.figures as PublicFigures;
  const groupKey = (r: (typeof rows)[number]) => (iso3 ? String(r.year) : r.country);
  const keys = [...new Set(rows.map(groupKey))].sort();
  return {
    country: iso3 ?? null,
    year,
    years: [...new Set(all.map((r) => r.year))].sort((a, b) => b - a),
    authorities: [...new Set(rows.map((r) => r.authority_id))].sort(),
    rows: keys.map((key) => {
      const of = rows.filter((r) => groupKey(r) === key);
      return { key, totals: { ...addUp(of.map((r) => [{ ...fig(r).totals, key: 'total' }]))[0]!, key }, untoc: { ...addUp(of.map((r) => [{ ...fig(r).untoc, key: 'untoc' }]))[0]!, key } };
    }),
    byKind: addUp(rows.map((r) => fig(r).byKind)).sort((a, b) => CASE_KINDS.indexOf(a.key as never) - CASE_KINDS.indexOf(b.key as never)),
    byRegion: addUp(rows.map((r) => fig(r).byRegion)),
    byOutcome: addUp(rows.map((r) => fig(r).byOutcome)).sort((a, b) => OUTCOME_KEYS.indexOf(a.key as never) - OUTCOME_KEYS.indexOf(b.key as never)),
    publishedAt: rows.length ? new Date(Math.max(...rows.map((r) => new Date(r.published_at).getTime()))).toISOString() : null,
  };
}
