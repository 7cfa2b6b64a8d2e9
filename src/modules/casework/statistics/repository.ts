/**
 * All SQL of casework statistics: aggregates only, every statement inside withCaseScope with the
 * authorities counted (row-level security), and the published figures (no case data). Counts, tags
 * and processing time read the monthly aggregates casework_stat_months (migration 0089, kept by
 * triggers); time in each state and the backlog read the stays and the open cases.
 *
 * A case counts for the year and month it was received (incoming) or sent (outgoing); a draft not
 * yet sent is not counted. Cases forwarded to one of the authorities by another (they see them as
 * executing authority) are not theirs and are never counted: every query names the owners.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import { withCaseScope } from '../repository/scope.js';
import { BACKLOG_BUCKETS, processingFromDays, type BacklogRow, type CountRow, type DaysRow, type FigureRows, type ProcessingRow, type StateTimeRow, type TagRow } from './domain/figures.js';
import { yearRange, type StatisticsFilters } from './domain/filters.js';

/** Whose cases are counted: these owners (and, for a State, only cases of that country). */
export interface CountScope {
  authorityIds: readonly string[];
  country?: string | null;
}

const OPENED = sql`coalesce(c.received_on, c.sent_on)`;

/** The WHERE of the cases counted (the year filter is left out for the backlog, which is "now"). */
function where(scope: CountScope, f: StatisticsFilters, withYear = true): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`c.authority_id IN (${sql.join(scope.authorityIds.map((id) => sql`${id}`))})`, sql`${OPENED} IS NOT NULL`];
  if (scope.country) parts.push(sql`c.country = ${scope.country}`);
  if (withYear && f.year !== null) {
    const r = yearRange(f.year);
    parts.push(sql`${OPENED} >= ${r.from}::date AND ${OPENED} < ${r.to}::date`);
  }
  if (f.direction) parts.push(sql`c.direction = ${f.direction}`);
  if (f.kind) parts.push(sql`c.kind = ${f.kind}`);
  return sql.join(parts, sql` AND `);
}

/**
 * The WHERE of the monthly aggregates (casework_stat_months, migration 0089) of the same cases: the
 * month is that of receipt or sending, so the year filter selects whole months.
 */
function whereMonths(scope: CountScope, f: StatisticsFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`m.authority_id IN (${sql.join(scope.authorityIds.map((id) => sql`${id}`))})`, sql`m.n <> 0`];
  if (scope.country) parts.push(sql`m.country = ${scope.country}`);
  if (f.year !== null) {
    const r = yearRange(f.year);
    parts.push(sql`m.month >= ${r.from}::date AND m.month < ${r.to}::date`);
  }
  if (f.direction) parts.push(sql`m.direction = ${f.direction}`);
  if (f.kind) parts.push(sql`m.kind = ${f.kind}`);
  return sql.join(parts, sql` AND `);
}

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

async function counts(trx: Transaction<DB>, w: RawBuilder<unknown>): Promise<CountRow[]> {
  const r = await sql<CountRow & { outcome: string }>`
    SELECT m.direction, m.kind, m.code AS outcome, to_char(m.month, 'YYYY-MM') AS month, sum(m.n)::int AS n
    FROM casework_stat_months m WHERE ${w} AND m.dim = 'outcome'
    GROUP BY 1, 2, 3, 4`.execute(trx);
  return r.rows.map((x) => ({ ...x, outcome: x.outcome === 'open' ? null : x.outcome }));
}

async function tags(trx: Transaction<DB>, w: RawBuilder<unknown>): Promise<TagRow[]> {
  const r = await sql<TagRow>`
    SELECT m.dim, m.direction, m.code, sum(m.n)::int AS n
    FROM casework_stat_months m WHERE ${w} AND m.dim IN ('partner', 'measure', 'offence', 'ground', 'basis', 'untoc')
    GROUP BY 1, 2, 3`.execute(trx);
  return r.rows;
}

/** Processing time from the histogram of whole days (exactly percentile_cont over the cases). */
async function processing(trx: Transaction<DB>, w: RawBuilder<unknown>): Promise<ProcessingRow[]> {
  const r = await sql<DaysRow>`
    SELECT m.direction, m.kind, m.code::int AS days, sum(m.n)::int AS n
    FROM casework_stat_months m WHERE ${w} AND m.dim = 'days'
    GROUP BY 1, 2, 3`.execute(trx);
  return processingFromDays(r.rows);
}

/**
 * Time in each state, from the stays the history recorded (case_state_stays, migration 0064): a
 * transition event ends the stay in its data.from state that began at the previous lifecycle event.
 * Stays not yet ended are not measured.
 */
async function timeInState(trx: Transaction<DB>, w: RawBuilder<unknown>): Promise<StateTimeRow[]> {
  const r = await sql<StateTimeRow>`
    WITH s AS (
      SELECT s.state, extract(epoch FROM s.left_at - s.entered_at) / 86400.0 AS days
      FROM case_state_stays s JOIN casework_cases c ON c.id = s.case_id AND c.authority_id = s.authority_id
      WHERE ${w}
    )
    SELECT state, count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
    FROM s GROUP BY state ORDER BY state`.execute(trx);
  return r.rows.map((x) => ({ ...x, median: num(x.median), p90: num(x.p90) }));
}

async function backlog(trx: Transaction<DB>, w: RawBuilder<unknown>, asOf: string): Promise<BacklogRow[]> {
  const cases = BACKLOG_BUCKETS.map((b) => sql`WHEN ${asOf}::date - ${OPENED} >= ${b.from} ${b.to === null ? sql`` : sql`AND ${asOf}::date - ${OPENED} <= ${b.to}`} THEN ${b.key}`);
  const r = await sql<BacklogRow>`
    SELECT c.direction, CASE ${sql.join(cases, sql` `)} ELSE ${BACKLOG_BUCKETS[0].key} END AS bucket, count(*)::int AS n
    FROM casework_cases c WHERE ${w} AND c.outcome IS NULL AND c.closed_on IS NULL
    GROUP BY 1, 2`.execute(trx);
  return r.rows;
}

/** Every aggregate of the figures, in one scoped transaction (one snapshot). */
export async function selectFigureRows(db: Kysely<DB>, scope: CountScope, f: StatisticsFilters, asOf: string): Promise<FigureRows> {
  if (!scope.authorityIds.length) return { counts: [], tags: [], processing: [], timeInState: [], backlog: [] };
  return withCaseScope(db, scope.authorityIds, async (trx) => {
    // Compiling these short aggregates costs more than running them.
    await sql`SET LOCAL jit = off`.execute(trx);
    // The percentiles sort every measured stay: in memory, not on disk.
    await sql`SET LOCAL work_mem = '32MB'`.execute(trx);
    const m = whereMonths(scope, f);
    return {
      counts: await counts(trx, m),
      tags: await tags(trx, m),
      processing: await processing(trx, m),
      timeInState: await timeInState(trx, where(scope, f)),
      backlog: await backlog(trx, where(scope, f, false), asOf),
    };
  });
}

/** The last change of the authorities' cases (a key of the figures cache): one index probe per authority. */
export async function selectLastChange(db: Kysely<DB>, authorityIds: readonly string[]): Promise<string> {
  if (!authorityIds.length) return '';
  return withCaseScope(db, authorityIds, async (trx) => {
    const probes = authorityIds.map((id) => sql`(SELECT c.updated_at FROM casework_cases c WHERE c.authority_id = ${id} ORDER BY c.updated_at DESC LIMIT 1)`);
    const r = await sql<{ m: Date | string | null }>`SELECT greatest(${sql.join(probes)}) AS m`.execute(trx);
    const m = r.rows[0]?.m;
    return m ? new Date(m).toISOString() : '';
  });
}

/** The years in which the authorities received or sent requests (for the year filter). */
export async function selectYears(db: Kysely<DB>, scope: CountScope): Promise<number[]> {
  if (!scope.authorityIds.length) return [];
  return withCaseScope(db, scope.authorityIds, async (trx) => {
    const r = await sql<{ y: number }>`
      SELECT DISTINCT extract(year FROM m.month)::int AS y FROM casework_stat_months m
      WHERE ${whereMonths(scope, { year: null, direction: null, kind: null })} AND m.dim = 'outcome' ORDER BY 1 DESC`.execute(trx);
    return r.rows.map((x) => x.y);
  });
}

/** The authority's casework settings (its State, whether it publishes), read in its scope. */
export async function selectSettings(trx: Transaction<DB>): Promise<{ authority_id: string; country: string; publish_statistics: boolean }[]> {
  return trx.selectFrom('casework_settings').select(['authority_id', 'country', 'publish_statistics']).execute();
}

/** Switch publication on or off in the authority's settings (inside its scope); false when it has no settings. */
export async function updatePublication(trx: Transaction<DB>, authorityId: string, publish: boolean): Promise<boolean> {
  const r = await trx.updateTable('casework_settings').set({ publish_statistics: publish, updated_at: new Date() }).where('authority_id', '=', authorityId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- Published figures (migration 0064): no row-level security, aggregates only. Written and read
// by the application's own role, never inside a case scope.

export interface PublishedRow {
  authority_id: string;
  country: string;
  year: number;
  figures: unknown;
  published_at: Date;
}

/** Replace the published figures of an authority (all its years) in the caller's transaction. */
export async function replacePublished(db: Kysely<DB>, authorityId: string, country: string, years: { year: number; figures: unknown }[]): Promise<void> {
  await db.deleteFrom('casework_public_statistics').where('authority_id', '=', authorityId).execute();
  if (years.length) await db.insertInto('casework_public_statistics').values(years.map((y) => ({ authority_id: authorityId, country, year: y.year, figures: json(y.figures) }))).execute();
}

export async function deletePublished(db: Kysely<DB>, authorityId: string): Promise<void> {
  await db.deleteFrom('casework_public_statistics').where('authority_id', '=', authorityId).execute();
}

export async function selectPublished(db: Kysely<DB>, country?: string): Promise<PublishedRow[]> {
  let q = db.selectFrom('casework_public_statistics').select(['authority_id', 'country', 'year', 'figures', 'published_at']);
  if (country) q = q.where('country', '=', country);
  return (await q.orderBy('country').orderBy('year').orderBy('authority_id').execute()) as PublishedRow[];
}

/** Authorities with published figures (the nightly job refreshes them). */
export async function selectPublishingAuthorities(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('casework_public_statistics').select('authority_id').distinct().execute()).map((r) => r.authority_id);
}
