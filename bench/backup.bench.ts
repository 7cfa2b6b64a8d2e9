/**
 * Backup and restore (issue 11): time and size of `palermo backup` (plain and age-encrypted), its
 * verification, and a restore into an empty database, for a corpus of BENCH_BACKUP_ENTRIES
 * legislation extracts (default 2,000; the issue asks for 100,000) plus a quarter as many cases; and
 * the cost of metrics on a request (GET /healthz through Fastify's inject, with and without metrics).
 * On PGlite, and on PostgreSQL when TEST_DATABASE_URL or BENCH_DATABASE_URL is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench } from './run.js';
import { createTestRuntime } from '../test/helpers/db.js';
import { emptyDatabase } from '../test/helpers/backup.js';
import { saveRecords } from '../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../src/modules/knowledge/domain/schemas.js';
import { aCase, aLaw, anExtract } from '../test/factories/knowledge.js';
import { readKeyFile, writeNewKeyFile } from '../src/platform/backup/crypto.js';
import { takeBackup } from '../src/platform/backup/dump.js';
import { verifyBackup } from '../src/platform/backup/read.js';
import { restoreBackup } from '../src/platform/backup/restore.js';
import { createApp, createRuntimeMetrics } from '../src/server.js';

const ENTRIES = Number(process.env.BENCH_BACKUP_ENTRIES ?? 2000);
const REQUESTS = Number(process.env.BENCH_METRICS_REQUESTS ?? 3000);
const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 100) / 100;
const s = (ms: number) => Math.round(ms / 100) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

const bench: Bench = async (ctx) => {
  const out: Record<string, unknown> = { entries: ENTRIES };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-backup-bench-'));
  const keyFile = path.join(dir, 'key');
  await writeNewKeyFile(keyFile);
  const key = await readKeyFile(keyFile);
  try {
    for (const database of ctx.databases) {
      const saved = process.env.TEST_DATABASE_URL;
      if (database === 'pglite') delete process.env.TEST_DATABASE_URL;
      const rt = await createTestRuntime();
      try {
        const laws = Array.from({ length: Math.max(1, Math.round(ENTRIES / 200)) }, () => aLaw());
        await saveRecords(rt.db, laws, { origin: 'import' });
        for (let i = 0; i < ENTRIES; i += 1000) {
          const batch: KnowledgeRecord[] = [];
          for (let j = i; j < Math.min(ENTRIES, i + 1000); j++) {
            batch.push(anExtract(laws[j % laws.length]!.id, { position: j }));
            if (j % 4 === 0) batch.push(aCase());
          }
          await saveRecords(rt.db, batch, { origin: 'import' });
        }
        ctx.log(`${database}: ${ENTRIES} extracts seeded`);
        const plain = path.join(dir, `${database}.backup.gz`);
        const [result, backupMs] = await timed(() => takeBackup(rt.database.pool, plain, { database: rt.database.mode }));
        const encrypted = path.join(dir, `${database}.backup.age`);
        const [enc, encMs] = await timed(() => takeBackup(rt.database.pool, encrypted, { database: rt.database.mode, key }));
        const [, verifyMs] = await timed(() => verifyBackup(plain));
        const target = await emptyDatabase();
        let restoreMs = 0;
        try {
          [, restoreMs] = await timed(() => restoreBackup(target.database.pool, plain));
        } finally {
          await target.drop();
        }
        const rows = Object.values(result.manifest.rows).reduce((a, b) => a + b, 0);
        const r = {
          rows,
          backup_s: s(backupMs),
          backup_mb: mb(result.bytes),
          encrypted_backup_s: s(encMs),
          encrypted_mb: mb(enc.bytes),
          verify_s: s(verifyMs),
          restore_s: s(restoreMs),
          rows_per_s_backup: Math.round(rows / (backupMs / 1000)),
          rows_per_s_restore: Math.round(rows / (restoreMs / 1000)),
        };
        ctx.log(`${database}: ${JSON.stringify(r)}`);
        out[database] = r;

        // The cost of metrics on a request.
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
        const without = median(a);
        const withMetrics = median(b);
        const metrics = createRuntimeMetrics(rt);
        const [scrapeText, scrapeMs] = await timed(() => metrics.registry.metrics());
        await plainApp.close();
        await metricsApp.close();
        out[`${database}_metrics`] = { healthz_us_without: without, healthz_us_with: withMetrics, cost_us: withMetrics - without, scrape_ms: Math.round(scrapeMs), scrape_kb: Math.round(scrapeText.length / 1024) };
        ctx.log(`${database}: /healthz ${without} µs without metrics, ${withMetrics} µs with; a scrape ${Math.round(scrapeMs)} ms`);
      } finally {
        await rt.close();
        if (saved) process.env.TEST_DATABASE_URL = saved;
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
};

export default bench;
