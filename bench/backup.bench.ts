/**
 * Backup and restore (issue 11): time, size and memory of `palermo backup` (plain and age-encrypted),
 * its verification, and `palermo restore` into an empty database (rows loaded, then the installation
 * opened and verified: restoreInto), for
 * - the portal corpus: BENCH_BACKUP_ENTRIES legislation extracts (default 2,000; the issue asks for
 *   100,000) plus a quarter as many cases, on PGlite and on PostgreSQL (database bench_backup_portal);
 * - the casework corpus, when BENCH_BACKUP_CW_URL names a database loaded by
 *   bench/backup-casework-load.ts (PostgreSQL only);
 * and the cost of metrics on a request (GET /healthz through Fastify's inject, with and without
 * metrics; BENCH_METRICS_REQUESTS=0 skips it). BENCH_BACKUP_ONLY=pglite|postgres|casework runs one
 * part; the results of the other parts already in bench/results/backup.json are kept.
 * BENCH_BACKUP_KEEP=<folder> keeps a copy of each plain backup there. BENCH_BACKUP_FROM=<file> measures
 * PGlite without seeding it (seeding 100,000 entries through the application takes most of an hour
 * on PGlite): the portal corpus's backup (e.g. the one PostgreSQL's run kept) restored into an empty
 * PGlite, then backed up and verified from there.
 * Memory: the peak resident set of this process during each step (on PGlite the database runs in a
 * worker thread of the same process, so it is counted; a PostgreSQL server's is not).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Bench } from './run.js';
import { createTestRuntime } from '../test/helpers/db.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { saveRecords } from '../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../src/modules/knowledge/domain/schemas.js';
import { aCase, aLaw, anExtract } from '../test/factories/knowledge.js';
import { readKeyFile, writeNewKeyFile, type BackupKey } from '../src/platform/backup/crypto.js';
import { takeBackup } from '../src/platform/backup/dump.js';
import { verifyBackup } from '../src/platform/backup/read.js';
import { restoreInto } from '../src/restore.js';
import { createApp, createRuntimeMetrics } from '../src/server.js';

const ENTRIES = Number(process.env.BENCH_BACKUP_ENTRIES ?? 2000);
const REQUESTS = Number(process.env.BENCH_METRICS_REQUESTS ?? 3000);
const CW_URL = process.env.BENCH_BACKUP_CW_URL;
const ONLY = process.env.BENCH_BACKUP_ONLY;
const FROM = process.env.BENCH_BACKUP_FROM;
const RESULTS = new URL('./results/backup.json', import.meta.url);
const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 100) / 100;
const s = (ms: number) => Math.round(ms / 100) / 10;
const rssMb = () => Math.round(process.memoryUsage().rss / 1_048_576);

/** Run `fn`; its time (ms) and the peak rss (MB) seen while it ran. */
async function measured<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
  const started = performance.now();
  try {
    const value = await fn();
    return [value, performance.now() - started, Math.max(peak, rssMb())];
  } finally {
    clearInterval(timer);
  }
}

/** A database on the server of `baseUrl`, created empty (dropped first if a run left it). */
async function serverDatabase(baseUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const benchConfig = (dataDir: string) => ({ ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: 'silent' }), dataDir });

async function seedPortal(rt: Pick<Runtime, 'db'>, log: (m: string) => void): Promise<void> {
  const laws = Array.from({ length: Math.max(1, Math.round(ENTRIES / 200)) }, () => aLaw());
  await saveRecords(rt.db, laws, { origin: 'import' });
  for (let i = 0; i < ENTRIES; i += 1000) {
    const batch: KnowledgeRecord[] = [];
    for (let j = i; j < Math.min(ENTRIES, i + 1000); j++) {
      batch.push(anExtract(laws[j % laws.length]!.id, { position: j }));
      if (j % 4 === 0) batch.push(aCase());
    }
    await saveRecords(rt.db, batch, { origin: 'import' });
    if ((i / 1000) % 10 === 9) log(`  ${i + 1000} extracts seeded`);
  }
}

interface Step {
  ms: number;
  rss: number;
  bytes?: number;
}

/** The numbers of one corpus: backup (plain, encrypted), verification, restore (load, then open and verify). */
function summary(rows: number, backup: Step, encrypted: Step, verify: Step, restore: Step & { loadMs: number; verifyMs: number }) {
  return {
    rows,
    backup_s: s(backup.ms),
    backup_mb: mb(backup.bytes!),
    backup_rss_mb: backup.rss,
    encrypted_backup_s: s(encrypted.ms),
    encrypted_mb: mb(encrypted.bytes!),
    encrypted_rss_mb: encrypted.rss,
    verify_s: s(verify.ms),
    verify_rss_mb: verify.rss,
    restore_s: s(restore.ms),
    restore_load_s: s(restore.loadMs),
    restore_open_and_verify_s: s(restore.verifyMs),
    restore_rss_mb: restore.rss,
    rows_per_s_backup: Math.round(rows / (backup.ms / 1000)),
    rows_per_s_verify: Math.round(rows / (verify.ms / 1000)),
    rows_per_s_restore_load: Math.round(rows / (restore.loadMs / 1000)),
    rows_per_s_restore: Math.round(rows / (restore.ms / 1000)),
  };
}

/** Backup (plain, encrypted), verification and restore of the database behind `source`. */
async function measureBackup(source: Database, target: () => Promise<{ database: Database; drop(): Promise<void> }>, dir: string, label: string, key: BackupKey, log: (m: string) => void) {
  const plain = path.join(dir, `${label}.backup.gz`);
  const [result, backupMs, backupRss] = await measured(() => takeBackup(source.pool, plain, { database: source.mode }));
  const rows = Object.values(result.manifest.rows).reduce((a, b) => a + b, 0);
  log(`${label}: backup ${s(backupMs)} s, ${mb(result.bytes)} MB, ${rows} rows`);
  const encrypted = path.join(dir, `${label}.backup.age`);
  const [enc, encMs, encRss] = await measured(() => takeBackup(source.pool, encrypted, { database: source.mode, key }));
  fs.rmSync(encrypted);
  const [, verifyMs, verifyRss] = await measured(() => verifyBackup(plain));
  log(`${label}: encrypted ${s(encMs)} s, verify ${s(verifyMs)} s`);
  const t = await target();
  const dataDir = fs.mkdtempSync(path.join(dir, 'restore-data-'));
  let restore: Awaited<ReturnType<typeof restoreInto>>;
  let restoreMs: number;
  let restoreRss: number;
  try {
    [restore, restoreMs, restoreRss] = await measured(() => restoreInto(t.database, benchConfig(dataDir), createLogger('silent'), plain));
  } finally {
    await t.drop();
  }
  if (process.env.BENCH_BACKUP_KEEP) fs.copyFileSync(plain, path.join(process.env.BENCH_BACKUP_KEEP, path.basename(plain)));
  fs.rmSync(plain);
  if (restore.problems.length) throw new Error(`${label}: the restored installation does not verify: ${restore.problems.join('; ')}`);
  return summary(rows, { ms: backupMs, rss: backupRss, bytes: result.bytes }, { ms: encMs, rss: encRss, bytes: enc.bytes }, { ms: verifyMs, rss: verifyRss }, { ms: restoreMs, rss: restoreRss, ...restore });
}

/** PGlite from a backup file: restore it (timed), then back up and verify the restored database. */
async function pgliteFromFile(file: string, dir: string, key: BackupKey, log: (m: string) => void) {
  const database = await openDatabase({ embedded: 'memory://' });
  try {
    const dataDir = fs.mkdtempSync(path.join(dir, 'restore-data-'));
    const [restore, restoreMs, restoreRss] = await measured(() => restoreInto(database, benchConfig(dataDir), createLogger('silent'), file));
    if (restore.problems.length) throw new Error(`pglite: the restored installation does not verify: ${restore.problems.join('; ')}`);
    const rows = Object.values(restore.manifest.rows).reduce((a, b) => a + b, 0);
    log(`pglite: restored ${rows} rows in ${s(restoreMs)} s`);
    const plain = path.join(dir, 'pglite.backup.gz');
    const [result, backupMs, backupRss] = await measured(() => takeBackup(database.pool, plain, { database: 'embedded' }));
    const encrypted = path.join(dir, 'pglite.backup.age');
    const [enc, encMs, encRss] = await measured(() => takeBackup(database.pool, encrypted, { database: 'embedded', key }));
    const [, verifyMs, verifyRss] = await measured(() => verifyBackup(plain));
    fs.rmSync(plain);
    fs.rmSync(encrypted);
    return {
      from: "the PostgreSQL run's backup of the same corpus, restored into PGlite",
      ...summary(rows, { ms: backupMs, rss: backupRss, bytes: result.bytes }, { ms: encMs, rss: encRss, bytes: enc.bytes }, { ms: verifyMs, rss: verifyRss }, { ms: restoreMs, rss: restoreRss, ...restore }),
    };
  } finally {
    await database.close();
  }
}

async function metricsCost(rt: Runtime) {
  const plainApp = await createApp(rt);
  const metricsApp = await createApp(rt, { metrics: createRuntimeMetrics(rt) });
  const perRequest = async (app: typeof plainApp) => {
    for (let i = 0; i < 200; i++) await app.inject({ method: 'GET', url: '/healthz' });
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i++) await app.inject({ method: 'GET', url: '/healthz' });
    return Math.round(((performance.now() - started) / REQUESTS) * 1000);
  };
  // Alternate the two, three rounds each; the median of each.
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < 3; round++) {
    a.push(await perRequest(plainApp));
    b.push(await perRequest(metricsApp));
  }
  const median = (x: number[]) => x.sort((p, q) => p - q)[1]!;
  const metrics = createRuntimeMetrics(rt);
  const [scrapeText, scrapeMs] = await measured(() => metrics.registry.metrics());
  await plainApp.close();
  await metricsApp.close();
  return { healthz_us_without: median(a), healthz_us_with: median(b), cost_us: median(b) - median(a), scrape_ms: Math.round(scrapeMs), scrape_kb: Math.round(scrapeText.length / 1024) };
}

const bench: Bench = async (ctx) => {
  const out: Record<string, unknown> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-backup-bench-'));
  const keyFile = path.join(dir, 'key');
  await writeNewKeyFile(keyFile);
  const key = await readKeyFile(keyFile);
  const baseUrl = process.env.TEST_DATABASE_URL;
  try {
    if (FROM) {
      out.pglite = await pgliteFromFile(FROM, dir, key, ctx.log);
      ctx.log(`pglite: ${JSON.stringify(out.pglite)}`);
    }
    for (const database of ctx.databases) {
      if (ONLY && ONLY !== database) continue;
      if (FROM && database === 'pglite') continue;
      let rt: Runtime & { close(): Promise<void> };
      let dropSource: (() => Promise<void>) | undefined;
      if (database === 'pglite') {
        const saved = process.env.TEST_DATABASE_URL;
        delete process.env.TEST_DATABASE_URL;
        try {
          rt = await createTestRuntime();
        } finally {
          if (saved) process.env.TEST_DATABASE_URL = saved;
        }
      } else {
        const source = await serverDatabase(baseUrl!, 'bench_backup_portal');
        dropSource = source.drop;
        const db = await openDatabase({ url: source.url, poolMax: 3 });
        const runtime = await openRuntime({ ...benchConfig(fs.mkdtempSync(path.join(dir, 'data-'))), databaseUrl: source.url }, createLogger('silent'), { database: db });
        rt = { ...runtime, close: async () => (await runtime.jobs.stopWorkers(), await db.close()) };
      }
      try {
        const [, seedMs] = await measured(() => seedPortal(rt, ctx.log));
        ctx.log(`${database}: ${ENTRIES} extracts seeded in ${s(seedMs)} s`);
        const target =
          database === 'pglite'
            ? async () => {
                const db = await openDatabase({ embedded: 'memory://' });
                return { database: db, drop: () => db.close() };
              }
            : async () => {
                const t = await serverDatabase(baseUrl!, 'bench_backup_restore');
                const db = await openDatabase({ url: t.url, poolMax: 2 });
                return { database: db, drop: async () => (await db.close(), await t.drop()) };
              };
        const r = { entries: ENTRIES, seed_s: s(seedMs), ...(await measureBackup(rt.database, target, dir, database, key, ctx.log)) };
        ctx.log(`${database}: ${JSON.stringify(r)}`);
        out[database] = r;
        if (REQUESTS > 0) {
          out[`${database}_metrics`] = await metricsCost(rt);
          ctx.log(`${database}: metrics ${JSON.stringify(out[`${database}_metrics`])}`);
        }
      } finally {
        await rt.close();
        await dropSource?.();
      }
    }
    if (CW_URL && (!ONLY || ONLY === 'casework')) {
      const db = await openDatabase({ url: CW_URL, poolMax: 2 });
      try {
        const cases = Number((await db.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM casework_cases')).rows[0]!.n);
        ctx.log(`casework: ${cases} requests in ${CW_URL.replace(/.*\//, '')}`);
        const target = async () => {
          const t = await serverDatabase(baseUrl ?? CW_URL, 'bench_backup_cw_restore');
          const tdb = await openDatabase({ url: t.url, poolMax: 2 });
          return { database: tdb, drop: async () => (await tdb.close(), await t.drop()) };
        };
        out.casework_postgres = { requests: cases, ...(await measureBackup(db, target, dir, 'casework', key, ctx.log)) };
        ctx.log(`casework: ${JSON.stringify(out.casework_postgres)}`);
      } finally {
        await db.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Read last: parts may run at the same time, each in its own process.
  const previous = ONLY && fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, 'utf8')).results as Record<string, unknown>) : {};
  return { ...previous, ...out };
};

export default bench;
