/**
 * Casework benchmarks (issue 10 §10), on PGlite and, when TEST_DATABASE_URL or BENCH_DATABASE_URL is
 * set, on PostgreSQL. CASEWORK_BENCH_CASES requests (default 20,000; the figure is 1,000,000)
 * across CASEWORK_BENCH_AUTHORITIES authorities (default 4; the issue: 200), made by the demo
 * generator (casework/demo) and written by loadGeneratedCases (one JSON statement per table and
 * batch, the hash chains computed in JS). The largest authority holds CASEWORK_BENCH_BIGGEST of them
 * (default min(100,000, half)).
 *
 * Measured through the services the routes call, as a supervisor of the largest authority: the
 * worklist (listWorklist), the case page (getCase, with the history verified and the opening
 * logged), the statistics (authorityStatistics: first call, then the figures recomputed as on a
 * cache miss), transitions at 50 clients (applyTransition), history verification (verifyAll, the
 * `palermo casework verify` service, over a smaller authority), and the memory of the process.
 *
 * Loading a million requests takes long: CASEWORK_BENCH_PHASE=load loads and keeps the database
 * (PostgreSQL: CASEWORK_BENCH_DB, default bench_casework; PGlite: the directory
 * CASEWORK_BENCH_PGLITE_DIR, else in memory and not kept), CASEWORK_BENCH_PHASE=measure measures a
 * kept one, CASEWORK_BENCH_DROP=1 drops it after. Default: load, measure and drop.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import type { BenchContext } from './run.js';
import { createTestRuntime } from '../test/helpers/db.js';
import { serverTemplate } from '../test/helpers/template.js';
import { aSupervisor } from '../test/factories/casework.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { benchCases, benchCaseShape } from './casework-shape.js';
import { loadGeneratedCases } from '../src/modules/casework/demo/service.js';
import { withCaseScope } from '../src/modules/casework/repository/scope.js';
import { listWorklist } from '../src/modules/casework/worklist-service.js';
import { getCase } from '../src/modules/casework/service.js';
import { applyTransition } from '../src/modules/casework/transition-service.js';
import { verifyAll } from '../src/modules/casework/verify-service.js';
import { authorityStatistics, computeFigures } from '../src/modules/casework/statistics/service.js';
import { parseFilters } from '../src/modules/casework/statistics/domain/filters.js';

const CASES = Number(process.env.CASEWORK_BENCH_CASES ?? 20_000);
const AUTHORITIES = Number(process.env.CASEWORK_BENCH_AUTHORITIES ?? 4);
const RUNS = Number(process.env.CASEWORK_BENCH_RUNS ?? 30);
const CLIENTS = 50;
const TRANSITIONS = Number(process.env.CASEWORK_BENCH_TRANSITIONS ?? 1000);
const PHASE = process.env.CASEWORK_BENCH_PHASE ?? 'all';
const KEEP = PHASE === 'load' || (PHASE === 'measure' && process.env.CASEWORK_BENCH_DROP !== '1');
const BIG = 'bench-auth-0';
/** Cases of the largest authority (default min(100,000, half of all)). */
const BIGGEST = Number(process.env.CASEWORK_BENCH_BIGGEST ?? Math.min(100_000, Math.round(CASES / 2)));
/** Worklist queries a supervisor makes: the views, another page, a sort, a filter, a search. */
const WORKLIST_QUERIES: Record<string, string>[] = [{}, { view: 'team' }, { view: 'overdue' }, { view: 'due_week' }, { view: 'awaiting_executing' }, { view: 'team', page: '3' }, { view: 'team', sort: 'state_since' }, { kind: 'extradition' }, { view: 'mine' }, { q: 'MLI/2025/0001' }];

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
const round1 = (n: number) => Math.round(n * 10) / 10;

interface BenchDb {
  rt: Runtime;
  close(): Promise<void>;
}

/** The bench's database: a kept one (by name or directory) or a throw-away test database. */
async function openBenchDb(kind: 'pglite' | 'postgres'): Promise<BenchDb> {
  const config = { ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-bench-data-')) };
  const logger = createLogger(config.logLevel);
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (kind === 'postgres' && baseUrl) {
    const name = process.env.CASEWORK_BENCH_DB ?? 'bench_casework';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`CASEWORK_BENCH_DB: not a plain database name: ${name}`);
    const admin = async (q: string) => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        return await c.query(q);
      } finally {
        await c.end();
      }
    };
    if (PHASE !== 'measure') {
      const template = await serverTemplate(baseUrl, config);
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name} TEMPLATE "${template}"`);
    }
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolMax: 10 });
    const rt = await openRuntime(config, logger, { database });
    return {
      rt,
      async close() {
        await rt.jobs.stopWorkers();
        await database.close();
        if (!KEEP) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dir = process.env.CASEWORK_BENCH_PGLITE_DIR;
  if (dir) {
    if (PHASE !== 'measure') fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const database = await openDatabase({ embedded: dir });
    const rt = await openRuntime({ ...config, dataDir: dir }, logger, { database });
    return {
      rt,
      async close() {
        await rt.jobs.stopWorkers();
        await database.close();
        if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const saved = process.env.TEST_DATABASE_URL;
  delete process.env.TEST_DATABASE_URL;
  try {
    const rt = await createTestRuntime();
    return { rt, close: () => rt.close() };
  } finally {
    if (saved) process.env.TEST_DATABASE_URL = saved;
  }
}

async function load(rt: Runtime, log: (m: string) => void) {
  const shape = await benchCaseShape(rt.db);
  const big = Math.min(BIGGEST, CASES);
  const rest = AUTHORITIES > 1 ? CASES - big : 0;
  const sizes = [big, ...Array.from({ length: AUTHORITIES - 1 }, (_, i) => Math.floor(rest / (AUTHORITIES - 1)) + (i < rest % (AUTHORITIES - 1) ? 1 : 0))];
  const t = performance.now();
  let events = 0;
  let open = 0;
  for (const [i, count] of sizes.entries()) {
    const authorityId = `bench-auth-${i}`;
    const exec = `bench-exec-${i}`;
    const totals = await loadGeneratedCases(
      rt.db,
      benchCases(shape, i, authorityId, exec, count),
      { onBatch: (done) => (count >= 20_000 ? log(`  authority ${i}: ${done} of ${count} (${Math.round((performance.now() - t) / 1000)} s)`) : undefined) },
    );
    events += totals.events;
    open += totals.open;
    if (count >= 20_000 || i % 20 === 0) log(`  authority ${i}: ${count} cases loaded (${Math.round((performance.now() - t) / 1000)} s so far)`);
  }
  const seconds = (performance.now() - t) / 1000;
  // As autovacuum would leave it: statistics, and the visibility map the index-only counts need.
  await sql`VACUUM ANALYZE`.execute(rt.db);
  return { cases: CASES, authorities: AUTHORITIES, biggest_authority_cases: big, open, events, events_per_case: round1(events / CASES), load_s: Math.round(seconds), cases_per_s: Math.round(CASES / seconds), events_per_s: Math.round(events / seconds) };
}

/** What is in the kept database (measure phase). */
async function describe(rt: Runtime) {
  const r = await sql<{ cases: number; authorities: number; big: number; open: number; events: number }>`
    SELECT (SELECT count(*)::int FROM casework_cases) AS cases, (SELECT count(DISTINCT authority_id)::int FROM casework_cases) AS authorities,
           (SELECT count(*)::int FROM casework_cases WHERE authority_id = ${BIG}) AS big, (SELECT count(*)::int FROM casework_cases WHERE outcome IS NULL) AS open,
           (SELECT count(*)::int FROM case_events) AS events`.execute(rt.db);
  const x = r.rows[0]!;
  return { cases: x.cases, authorities: x.authorities, biggest_authority_cases: x.big, open: x.open, events: x.events, events_per_case: round1(x.events / x.cases) };
}

async function measure(kind: 'pglite' | 'postgres', ctx: BenchContext) {
  const { rt, close } = await openBenchDb(kind);
  try {
    let loaded: Record<string, unknown>;
    if (PHASE === 'measure') {
      await sql`VACUUM ANALYZE`.execute(rt.db);
      loaded = await describe(rt);
    }
    else {
      ctx.log(`${kind}: loading ${CASES} cases across ${AUTHORITIES} authorities`);
      loaded = await load(rt, ctx.log);
      ctx.log(`${kind}: loaded ${JSON.stringify(loaded)}`);
      if (PHASE === 'load') return { ...loaded, kept: true };
    }
    const supervisor = (await aSupervisor(rt.db, BIG, 'Bench supervisor')).actor;
    const ids = await withCaseScope(rt.db, [BIG], async (trx) => (await trx.selectFrom('casework_cases').select('id').where('authority_id', '=', BIG).orderBy('id').execute()).map((r) => r.id));
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;

    const worklistFirst = await timed(() => listWorklist(rt.db, supervisor, {}));
    const worklistTimes: number[] = [];
    const byQuery: Record<string, number[]> = {};
    for (let i = 0; i < RUNS * 2; i++) {
      const q = WORKLIST_QUERIES[i % WORKLIST_QUERIES.length]!;
      const ms = await timed(() => listWorklist(rt.db, supervisor, q));
      worklistTimes.push(ms);
      (byQuery[new URLSearchParams(q).toString() || 'view=all'] ??= []).push(ms);
    }
    const pageTimes: number[] = [];
    for (let i = 0; i < RUNS * 2; i++) pageTimes.push(await timed(() => getCase(rt.db, supervisor, pick(i))));
    const now = new Date();
    const statsFirst = await timed(() => authorityStatistics(rt.db, supervisor, { authority: BIG }, now));
    const statsCached = await timed(() => authorityStatistics(rt.db, supervisor, { authority: BIG }, now));
    const statsTimes: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 10); i++) statsTimes.push(await timed(() => computeFigures(rt.db, { authorityIds: [BIG] }, parseFilters({}), now)));

    // Transitions at 50 clients: each client takes its own incoming cases in assessment and moves each
    // one to "additional information requested" and back (two transitions, two events).
    const inAssessment = await withCaseScope(rt.db, [BIG], async (trx) =>
      (await trx.selectFrom('casework_cases').select('id').where('authority_id', '=', BIG).where('direction', '=', 'incoming').where('state', '=', 'assessment').limit(Math.ceil(TRANSITIONS / 2)).execute()).map((r) => r.id),
    );
    let next = 0;
    let done = 0;
    const tt = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (done + 2 <= TRANSITIONS && inAssessment.length) {
          const id = inAssessment[next++ % inAssessment.length]!;
          done += 2;
          await applyTransition(rt.db, supervisor, id, { transition: 'request_information', comment: 'Please send the bank statements' });
          await applyTransition(rt.db, supervisor, id, { transition: 'information_received' });
        }
      }),
    );
    const transitionsPerS = Math.round(done / ((performance.now() - tt) / 1000));

    const verified = await verifyAll(rt.db, ['bench-auth-1']);
    if (verified.failures.length) throw new Error(`history verification failed for ${verified.failures.length} cases`);
    const mem = process.memoryUsage();
    const out = {
      ...loaded,
      worklist_ms: { first: round1(worklistFirst), p50: pct(worklistTimes, 50), p95: pct(worklistTimes, 95), by_query_p50: Object.fromEntries(Object.entries(byQuery).map(([k, v]) => [k, pct(v, 50)])) },
      case_page_ms: { p50: pct(pageTimes, 50), p95: pct(pageTimes, 95) },
      statistics_ms: { first: Math.round(statsFirst), cached: round1(statsCached), recomputed_p50: pct(statsTimes, 50), recomputed_p95: pct(statsTimes, 95) },
      transitions_per_s_50_clients: transitionsPerS,
      transitions: done,
      verification: { authority: 'bench-auth-1', cases: verified.cases, events: verified.events, events_per_s: Math.round(verified.events / (verified.ms / 1000)) },
      memory_mb: { rss: mb(mem.rss), heap_used: mb(mem.heapUsed) },
      load_average: os.loadavg().map((x) => round1(x)),
      queries: 'the services (listWorklist, getCase, authorityStatistics/computeFigures, applyTransition, verifyAll)',
    };
    ctx.log(`${kind}: ${JSON.stringify(out)}`);
    return out;
  } finally {
    await close();
  }
}

/** Results of the databases not measured this time (CASEWORK_BENCH_ONLY, load phase) stay as they were. */
function previousResults(): Record<string, unknown> {
  try {
    return (JSON.parse(fs.readFileSync(new URL('./results/casework.json', import.meta.url), 'utf8')) as { results?: Record<string, unknown> }).results ?? {};
  } catch {
    return {};
  }
}

export default async function casework(ctx: BenchContext) {
  const only = process.env.CASEWORK_BENCH_ONLY as 'pglite' | 'postgres' | undefined;
  const results = previousResults();
  for (const kind of ctx.databases) {
    if (only && only !== kind) continue;
    const r = await measure(kind, ctx);
    if (PHASE !== 'load') results[kind] = r;
  }
  return results;
}
