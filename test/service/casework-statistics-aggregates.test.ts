/**
 * The monthly aggregates of the statistics (casework_stat_months, migration 0089) give exactly the
 * figures of the direct computation over the case rows (the statements the statistics ran before
 * 0089, kept here as the reference): after the bulk loader, after the scoped writes of the demo,
 * after edits (outcome, execution date, kind, partner, dates, measures, legal bases), updates that
 * change nothing counted, and deletes; the aggregates are visible only in the authority's scope.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { generateCases, type DemoSettings } from '../../src/modules/casework/demo/generator.js';
import { loadGeneratedCases, writeGeneratedCases } from '../../src/modules/casework/demo/service.js';
import { deleteDemoCases } from '../../src/modules/casework/import/repository.js';
import { computeFigures, regionLookup } from '../../src/modules/casework/statistics/service.js';
import { selectFigureRows, selectYears, type CountScope } from '../../src/modules/casework/statistics/repository.js';
import { shapeFigures, type FigureRows, type ProcessingRow, type TagRow } from '../../src/modules/casework/statistics/domain/figures.js';
import type { StatisticsFilters } from '../../src/modules/casework/statistics/domain/filters.js';
import { listCountries, listTerms } from '../../src/modules/reference/index.js';

const A = 'agg-central-a';
const B = 'agg-central-b';
const EXEC = 'agg-exec';
const NOW = new Date('2026-03-15T10:00:00Z');
const FILTERS: StatisticsFilters[] = [
  { year: null, direction: null, kind: null },
  { year: 2024, direction: null, kind: null },
  { year: 2025, direction: 'incoming', kind: null },
  { year: null, direction: 'outgoing', kind: 'mla' },
  { year: null, direction: null, kind: 'extradition' },
];

/** The statements of the statistics before migration 0089, over the case rows (as the owner). */
async function directRows(db: Kysely<DB>, scope: CountScope, f: StatisticsFilters): Promise<Pick<FigureRows, 'counts' | 'tags' | 'processing'>> {
  const opened = sql`coalesce(c.received_on, c.sent_on)`;
  const parts = [sql`c.authority_id IN (${sql.join(scope.authorityIds)})`, sql`${opened} IS NOT NULL`];
  if (scope.country) parts.push(sql`c.country = ${scope.country}`);
  if (f.year !== null) parts.push(sql`${opened} >= ${`${f.year}-01-01`}::date AND ${opened} < ${`${f.year + 1}-01-01`}::date`);
  if (f.direction) parts.push(sql`c.direction = ${f.direction}`);
  if (f.kind) parts.push(sql`c.kind = ${f.kind}`);
  const w = sql.join(parts, sql` AND `);
  const counts = await sql<{ direction: 'incoming' | 'outgoing'; kind: string; outcome: string | null; month: string; partner: string; n: number }>`
    SELECT c.direction, c.kind, c.outcome, to_char(${opened}, 'YYYY-MM') AS month, c.partner_country AS partner, count(*)::int AS n
    FROM casework_cases c WHERE ${w} GROUP BY 1, 2, 3, 4, 5`.execute(db);
  const tags = await sql<TagRow>`
    WITH c AS (SELECT c.direction, c.measures, c.crime_types, c.refusal_grounds, c.outcome, c.legal_basis_types FROM casework_cases c WHERE ${w})
    SELECT 'measure' AS dim, c.direction, t.code, count(*)::int AS n FROM c, unnest(c.measures) AS t(code) GROUP BY 2, 3
    UNION ALL SELECT 'offence', c.direction, t.code, count(*)::int FROM c, unnest(c.crime_types) AS t(code) GROUP BY 2, 3
    UNION ALL SELECT 'ground', c.direction, t.code, count(*)::int FROM c, unnest(c.refusal_grounds) AS t(code) WHERE c.outcome = 'refused' GROUP BY 2, 3
    UNION ALL SELECT 'basis', c.direction, t.code, count(*)::int FROM c, unnest(c.legal_basis_types) AS t(code) GROUP BY 2, 3
    UNION ALL SELECT 'untoc', c.direction, 'untoc', count(*)::int FROM c WHERE c.legal_basis_types && ARRAY['untoc', 'untoc_protocol'] GROUP BY 2`.execute(db);
  const processing = await sql<ProcessingRow>`
    SELECT c.direction, c.kind, count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY c.executed_on - ${opened}) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY c.executed_on - ${opened}) AS p90
    FROM casework_cases c WHERE ${w} AND c.executed_on IS NOT NULL AND c.executed_on >= ${opened}
    GROUP BY GROUPING SETS ((c.direction), (c.direction, c.kind)) ORDER BY 1, 2 NULLS FIRST`.execute(db);
  const partners = new Map<string, TagRow>();
  for (const r of counts.rows) {
    const key = `${r.direction} ${r.partner}`;
    const t = partners.get(key) ?? { dim: 'partner', direction: r.direction, code: r.partner, n: 0 };
    t.n += r.n;
    partners.set(key, t);
  }
  return {
    counts: counts.rows.map(({ partner: _p, ...r }) => r),
    tags: [...tags.rows, ...partners.values()],
    // Sorted again: on PostgreSQL before 18, with the kind filtered to one value, ORDER BY of the
    // grouping-set column may be planned on the constant and put the kind's row before its total.
    processing: processing.rows
      .map((p) => ({ ...p, median: p.median === null ? null : Number(p.median), p90: p.p90 === null ? null : Number(p.p90) }))
      .sort((a, b) => a.direction.localeCompare(b.direction) || (a.kind === b.kind ? 0 : a.kind === null ? -1 : b.kind === null ? 1 : a.kind < b.kind ? -1 : 1)),
  };
}

async function directYears(db: Kysely<DB>, scope: CountScope): Promise<number[]> {
  const r = await sql<{ y: number }>`SELECT DISTINCT extract(year FROM coalesce(c.received_on, c.sent_on))::int AS y FROM casework_cases c
    WHERE c.authority_id IN (${sql.join(scope.authorityIds)}) AND coalesce(c.received_on, c.sent_on) IS NOT NULL ${scope.country ? sql`AND c.country = ${scope.country}` : sql``} ORDER BY 1 DESC`.execute(db);
  return r.rows.map((x) => x.y);
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

async function assertSameFigures(db: Kysely<DB>, label: string): Promise<void> {
  const regionOf = await regionLookup(db);
  for (const scope of [{ authorityIds: [A] }, { authorityIds: [B] }, { authorityIds: [A, B], country: 'FRA' }] as CountScope[]) {
    for (const f of FILTERS) {
      const rows = await selectFigureRows(db, scope, f, '2026-03-15');
      const direct = { ...rows, ...(await directRows(db, scope, f)) };
      const what = `${label}: ${JSON.stringify(scope)} ${JSON.stringify(f)}`;
      assert.ok(direct.counts.length > 0 || f.kind !== null, `${what}: the data has cases`);
      assert.equal(rows.processing.length, direct.processing.length, `${what}: processing groups`);
      rows.processing.forEach((p, i) => {
        const d = direct.processing[i]!;
        assert.ok(p.direction === d.direction && p.kind === d.kind && p.n === d.n && close(p.median, d.median) && close(p.p90, d.p90), `${what}: processing ${JSON.stringify(p)} = ${JSON.stringify(d)}`);
      });
      assert.deepEqual(await computeFigures(db, scope, f, NOW), shapeFigures(direct, f, '2026-03-15', regionOf), what);
    }
    assert.deepEqual(await selectYears(db, scope), await directYears(db, scope), `${label}: years`);
  }
}

describe('casework statistics from the monthly aggregates', () => {
  let rt: TestRuntime;
  let base: Omit<DemoSettings, 'seed' | 'count' | 'authorityId'>;

  before(async () => {
    rt = await createTestRuntime();
    const [countries, measures, crimes] = await Promise.all([listCountries(rt.db), listTerms(rt.db, 'measure'), listTerms(rt.db, 'crime')]);
    base = {
      country: 'FRA',
      today: new Date('2026-03-01T00:00:00Z'),
      executors: [{ id: EXEC, name: 'Executing authority', bodyKind: 'prosecution' }, { id: null, name: 'Local court', bodyKind: 'court' }],
      partners: countries.filter((c) => c.iso3 !== 'FRA').slice(0, 25).map((c) => ({ iso3: c.iso3, region: c.region_code })),
      measures: new Set(measures.map((m) => m.code)),
      crimes: crimes.map((c) => c.code),
    };
  });
  after(async () => rt?.close());

  it('the bulk loader and the scoped writes of the demo leave the same figures as the direct computation', async () => {
    await loadGeneratedCases(rt.db, generateCases({ ...base, seed: 'agg-a', count: 300, authorityId: A }), { batch: 120 });
    await rt.db.transaction().execute((trx) => writeGeneratedCases(trx, [B, EXEC], generateCases({ ...base, seed: 'agg-b', count: 200, authorityId: B })));
    await assertSameFigures(rt.db, 'loaded');
  });

  it('edits, transitions, no-op updates and deletes keep them the same', async () => {
    const ids = (await sql<{ id: string }>`SELECT id FROM casework_cases WHERE authority_id = ${A} ORDER BY id`.execute(rt.db)).rows.map((r) => r.id);
    const pick = (k: number) => ids.filter((_, i) => i % k === 0);
    await withCaseScope(rt.db, [A], async (trx) => {
      // Transitions to an outcome, with and without an execution date; reopening; refusal with grounds.
      await sql`UPDATE casework_cases SET outcome = 'executed', executed_on = coalesce(received_on, sent_on) + (length(id::text) + extract(day FROM coalesce(received_on, sent_on))::int), updated_at = now() WHERE id = ANY (${pick(7)}::uuid[]) AND outcome IS NULL`.execute(trx);
      await sql`UPDATE casework_cases SET outcome = NULL, executed_on = NULL WHERE id = ANY (${pick(11)}::uuid[])`.execute(trx);
      await sql`UPDATE casework_cases SET outcome = 'refused', refusal_grounds = ARRAY['dual_criminality', 'political_offence'], executed_on = NULL WHERE id = ANY (${pick(13)}::uuid[])`.execute(trx);
      // Edits of the counted fields.
      await sql`UPDATE casework_cases SET kind = 'extradition', partner_country = 'ITA', measures = measures || ARRAY['taking-evidence'] WHERE id = ANY (${pick(5)}::uuid[])`.execute(trx);
      await sql`UPDATE casework_cases SET received_on = received_on - 40, crime_types = '{}' WHERE id = ANY (${pick(9)}::uuid[]) AND received_on IS NOT NULL`.execute(trx);
      await sql`UPDATE casework_cases SET sent_on = NULL WHERE id = ANY (${pick(17)}::uuid[]) AND direction = 'outgoing'`.execute(trx);
      // Nothing counted changes: no aggregate row is written.
      const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM casework_stat_months`.execute(trx);
      await sql`UPDATE casework_cases SET updated_at = now(), title = title || '.' WHERE authority_id = ${A}`.execute(trx);
      assert.equal((await sql<{ n: number }>`SELECT count(*)::int AS n FROM casework_stat_months`.execute(trx)).rows[0]!.n, before.rows[0]!.n);
    });
    // Legal bases through their row trigger (legal_basis_types on the case).
    await withCaseScope(rt.db, [A], async (trx) => {
      await sql`DELETE FROM case_legal_bases WHERE case_id = ANY (${pick(6)}::uuid[])`.execute(trx);
      await sql`INSERT INTO case_legal_bases (case_id, position, basis) SELECT id, 9, 'untoc_protocol' FROM casework_cases WHERE id = ANY (${pick(8)}::uuid[])`.execute(trx);
    });
    // An executing authority changes a case forwarded to it: the owner's aggregates follow.
    await withCaseScope(rt.db, [EXEC], async (trx) => {
      await sql`UPDATE casework_cases SET outcome = 'partly_executed', executed_on = coalesce(received_on, sent_on) + 3 WHERE authority_id = ${B} AND ${EXEC} = ANY (executing_authority_ids) AND outcome IS NULL`.execute(trx);
    });
    await assertSameFigures(rt.db, 'edited');
    // Deletes (the demo's cleanup): some of each authority's cases.
    await sql`UPDATE casework_cases SET demo = (id::text < '8')`.execute(rt.db);
    await rt.db.transaction().execute((trx) => deleteDemoCases(trx));
    await assertSameFigures(rt.db, 'deleted');
  });

  it('the aggregates are visible only in the authority\'s scope', async () => {
    const seen = async (scope: string[]) => withCaseScope(rt.db, scope, async (trx) => (await sql<{ a: string }>`SELECT DISTINCT authority_id AS a FROM casework_stat_months ORDER BY 1`.execute(trx)).rows.map((r) => r.a));
    assert.deepEqual(await seen([A]), [A]);
    assert.deepEqual(await seen([EXEC]), [], 'the executing authority sees no aggregate of the cases forwarded to it');
    assert.deepEqual(await seen([A, B]), [A, B]);
    await assert.rejects(withCaseScope(rt.db, [A], (trx) => sql`UPDATE casework_stat_months SET n = n + 1`.execute(trx)));
  });
});
