/** The filters of the statistics pages and API (year, direction, kind), parsed with the field named. Pure. */
import { ValidationError, type FieldIssue } from '../../../../platform/http/errors.js';
import { CASE_KINDS, DIRECTIONS, type CaseKind, type Direction } from '../../domain/vocabulary.js';

export interface StatisticsFilters {
  /** Calendar year of receipt (incoming) or sending (outgoing); null: every year. */
  year: number | null;
  direction: Direction | null;
  kind: CaseKind | null;
}

const one = (v: unknown): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
};

/** Read the filters from a query string; an empty value means "all". Throws ValidationError naming the field. */
export function parseFilters(query: Record<string, unknown>): StatisticsFilters {
  const issues: FieldIssue[] = [];
  const y = one(query.year);
  let year: number | null = null;
  if (y !== undefined) {
    if (/^\d{4}$/.test(y) && Number(y) >= 1900 && Number(y) <= 2999) year = Number(y);
    else issues.push({ field: 'year', message: 'must be a year from 1900 to 2999' });
  }
  const d = one(query.direction);
  if (d !== undefined && !(DIRECTIONS as readonly string[]).includes(d)) issues.push({ field: 'direction', message: `must be one of ${DIRECTIONS.join(', ')}` });
  const k = one(query.kind);
  if (k !== undefined && !(CASE_KINDS as readonly string[]).includes(k)) issues.push({ field: 'kind', message: `must be one of ${CASE_KINDS.join(', ')}` });
  if (issues.length) throw new ValidationError(issues);
  return { year, direction: (d as Direction | undefined) ?? null, kind: (k as CaseKind | undefined) ?? null };
}

/** The query string of filters (for links: CSV downloads, the same page in another language). */
export function filterQuery(f: StatisticsFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.year !== null) p.set('year', String(f.year));
  if (f.direction) p.set('direction', f.direction);
  if (f.kind) p.set('kind', f.kind);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** First and last day of a year filter, as ISO dates (half-open: [from, to)). */
export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}
