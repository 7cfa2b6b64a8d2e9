/**
 * Casework benchmarks (issue 10 §10), on PGlite and, when TEST_DATABASE_URL or BENCH_DATABASE_URL is
 * set, on PostgreSQL. CASEWORK_BENCH_CASES requests (default 20,000; the figure is 1,000,000)
 * across CASEWORK_BENCH_AUTHORITIES authorities (default 4; the issue: 200), made by the demo
 * generator (casework/demo) and written with multi-row inserts, the hash chains computed in JS. The
 * largest authority holds min(100,000, half) of the requests. Measured: load rate; worklist p95
 * (first request and repeated); case page p95; statistics p95; transitions per second at 50 clients;
 * history verification in events per second; process memory. The queries are SQL equivalents of the
 * services (bench/casework-queries.ts: the hooks to switch to the services after the merge).
 */
import { sql } from 'kysely';
import type { BenchContext } from './run.js';
import { createTestRuntime, type TestRuntime } from '../test/helpers/db.js';
import { generateCases } from '../src/modules/casework/demo/generator.js';
import { writeGeneratedCases } from '../src/modules/casework/demo/service.js';
import { recordRefs } from '../src/modules/casework/import/service.js';
import { withCaseScope } from '../src/modules/casework/repository/scope.js';
import { casePage, statistics, transition, verifyCases, worklist } from './casework-queries.js';

const CASES = Number(process.env.CASEWORK_BENCH_CASES ?? 20_000);
const AUTHORITIES = Number(process.env.CASEWORK_BENCH_AUTHORITIES ?? 4);
const RUNS = Number(process.env.CASEWORK_BENCH_RUNS ?? 30);
const CLIENTS = 50;
const TRANSITIONS = Number(process.env.CASEWORK_BENCH_TRANSITIONS ?? 1000);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};
const timed = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
const mb = (n: number) => Math.round(n / 2 ** 20);

async function runtimeFor(kind: 'pglite' | 'postgres'): Promise<TestRuntime> {
  const saved = process.env.TEST_DATABASE_URL;
  if (kind === 'pglite') delete process.env.TEST_DATABASE_URL;
  try {
    return await createTestRuntime();
  } finally {
    if (saved) process.env.TEST_DATABASE_URL = saved;
  }
}

async function load(rt: TestRuntime, log: (m: string) => void) {
  const refs = await recordRefs(rt.db);
  const countries = await rt.db.selectFrom('countries').select(['iso3', 'region_code']).execute();
  const big = Math.min(100_000, Math.round(CASES / 2));
  const sizes = [big, ...Array.from({ length: AUTHORITIES - 1 }, (_, i) => Math.floor((CASES - big) / (AUTHORITIES - 1)) + (i < (CASES - big) % (AUTHORITIES - 1) ? 1 : 0))];
  const t = performance.now();
  let events = 0;
  let open = 0;
  for (const [i, count] of sizes.entries()) {
    const authorityId = `bench-auth-${i}`;
    const exec = `bench-exec-${i}`;
    const totals = await writeGeneratedCases(
      rt.db,
      [authorityId, exec],
      generateCases({
        seed: `bench-${i}`,
        count,
        today: new Date('2026-06-30T00:00:00Z'),
        years: 12,
        authorityId,
        country: 'FRA',
        demo: false,
        executors: [
          { id: exec, name: 'Executing authority', bodyKind: 'prosecution' },
          { id: null, name: 'Court', bodyKind: 'court' },
          { id: null, name: 'Police', bodyKind: 'police' },
        ],
        partners: countries.map((c) => ({ iso3: c.iso3, region: c.region_code })),
        measures: refs.measures,
        crimes: [...refs.crimes],
      }),
    );
    events += totals.events;
    open += totals.open;
    log(`  authority ${i}: ${count} cases loaded (${Math.round((performance.now() - t) / 1000)} s so far)`);
  }
  const seconds = (performance.now() - t) / 1000;
  return { cases: CASES, authorities: AUTHORITIES, biggest_authority_cases: big, open, events, events_per_case: Math.round((events / CASES) * 10) / 10, load_s: Math.round(seconds), cases_per_s: Math.round(CASES / seconds), events_per_s: Math.round(events / seconds) };
}

async function measure(kind: 'pglite' | 'postgres', ctx: BenchContext) {
  const rt = await runtimeFor(kind);
  try {
    ctx.log(`${kind}: loading ${CASES} cases across ${AUTHORITIES} authorities`);
    const loaded = await load(rt, ctx.log);
    await sql`ANALYZE`.execute(rt.db);
    const auth = 'bench-auth-0';
    const ids = await withCaseScope(rt.db, [auth], async (trx) => (await trx.selectFrom('casework_cases').select('id').where('authority_id', '=', auth).orderBy('id').execute()).map((r) => r.id));
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;

    const worklistFirst = await timed(() => worklist(rt.db, auth));
    const worklistTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) worklistTimes.push(await timed(() => worklist(rt.db, auth, i % 5)));
    const pageTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) pageTimes.push(await timed(() => casePage(rt.db, auth, pick(i))));
    const statsFirst = await timed(() => statistics(rt.db, auth));
    const statsTimes: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 10); i++) statsTimes.push(await timed(() => statistics(rt.db, auth)));

    // Transitions at 50 clients: each takes the next case and moves it (lock, update, event).
    let next = 0;
    const tt = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < TRANSITIONS) {
          const i = next++;
          await transition(rt.db, auth, pick(i + 1000), i % 2 ? 'assessment' : 'registered');
        }
      }),
    );
    const transitionsPerS = Math.round(TRANSITIONS / ((performance.now() - tt) / 1000));

    const sample = ids.slice(0, Math.min(ids.length, 2000));
    const tv = performance.now();
    const verified = await verifyCases(rt.db, auth, sample);
    const verifyPerS = Math.round(verified / ((performance.now() - tv) / 1000));
    const mem = process.memoryUsage();
    const out = {
      ...loaded,
      worklist_ms: { first: Math.round(worklistFirst * 10) / 10, p50: pct(worklistTimes, 50), p95: pct(worklistTimes, 95) },
      case_page_ms: { p50: pct(pageTimes, 50), p95: pct(pageTimes, 95) },
      statistics_ms: { first: Math.round(statsFirst), p50: pct(statsTimes, 50), p95: pct(statsTimes, 95) },
      transitions_per_s_50_clients: transitionsPerS,
      verification: { cases: sample.length, events: verified, events_per_s: verifyPerS },
      memory_mb: { rss: mb(mem.rss), heap_used: mb(mem.heapUsed) },
      queries: 'SQL equivalents (bench/casework-queries.ts), not yet the services',
    };
    ctx.log(`${kind}: ${JSON.stringify(out)}`);
    return out;
  } finally {
    await rt.close();
  }
}

export default async function casework(ctx: BenchContext) {
  const results: Record<string, unknown> = {};
  for (const kind of ctx.databases) results[kind] = await measure(kind, ctx);
  return results;
}
