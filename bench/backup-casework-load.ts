/**
 * Loads the casework corpus for the backup benchmark into a named PostgreSQL database
 * (BENCH_BACKUP_CW_URL, e.g. postgres://postgres@127.0.0.1:5432/bench_backup_cw, created if absent):
 * BENCH_BACKUP_CW_CASES requests (default 1,000,000) over 200 authorities of 5,000, from the casework
 * demo generator, as bench/casework.bench.ts loads them; it stops after BENCH_BACKUP_CW_MINUTES
 * (default 25) at an authority's end, and says how far it got. Run: npx tsx bench/backup-casework-load.ts
 */
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime } from '../src/runtime.js';
import { benchCases, benchCaseShape } from './casework-shape.js';
import { writeGeneratedCases } from '../src/modules/casework/demo/service.js';

const url = process.env.BENCH_BACKUP_CW_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_backup_cw';
const CASES = Number(process.env.BENCH_BACKUP_CW_CASES ?? 1_000_000);
const PER_AUTHORITY = 5000;
const MINUTES = Number(process.env.BENCH_BACKUP_CW_MINUTES ?? 25);

const admin = new URL(url);
const name = admin.pathname.slice(1);
admin.pathname = '/postgres';
const c = new pg.Client({ connectionString: admin.toString() });
await c.connect();
if (!(await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) await c.query(`CREATE DATABASE "${name}"`);
await c.end();

const config = { ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: 'silent' }), databaseUrl: url };
const database = await openDatabase({ url, poolMax: 3 });
const rt = await openRuntime(config, createLogger('silent'), { database });
try {
  const shape = await benchCaseShape(rt.db);
  const done = Number((await database.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM casework_cases')).rows[0]!.n);
  const started = performance.now();
  let loaded = done;
  let events = 0;
  for (let i = Math.floor(done / PER_AUTHORITY); loaded < CASES; i++) {
    if ((performance.now() - started) / 60_000 > MINUTES) break;
    const authorityId = `bench-auth-${i}`;
    const exec = `bench-exec-${i}`;
    const totals = await writeGeneratedCases(
      rt.db,
      [authorityId, exec],
      benchCases(shape, i, authorityId, exec, Math.min(PER_AUTHORITY, CASES - loaded)),
    );
    loaded += totals.cases;
    events += totals.events;
    const s = (performance.now() - started) / 1000;
    console.log(`authority ${i}: ${loaded} cases in all, ${events} events this run, ${Math.round(s)} s, ${Math.round((loaded - done) / s)} cases/s`);
  }
  console.log(JSON.stringify({ cases: loaded, cases_this_run: loaded - done, events_this_run: events, load_s: Math.round((performance.now() - started) / 1000) }));
} finally {
  await rt.jobs.stopWorkers();
  await database.close();
}
