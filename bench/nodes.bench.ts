/**
 * The cost of running as one of several app nodes, per request: the rate limit counted in the
 * database (one upsert) instead of in memory, and the cache generation read (one indexed read of a
 * few rows, once per request that uses cached reference data). Over real HTTP, the same runtime
 * served by two apps that differ only in the rate-limit store, on a
 * light route (a taxonomy: reference data only) and a search with facets; sequential latency
 * (requests alternating between the two apps) and throughput at 20 concurrent clients (better of two); and the two statements alone. PGlite and PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/server.js';
import { readGeneration } from '../src/platform/db/generations.js';
import { hitWindow } from '../src/platform/http/rate-limit-repository.js';
import type { App } from '../src/platform/http/app.js';
import { createTestRuntime } from '../test/helpers/db.js';
import type { Bench } from './run.js';

const SAMPLES = 400;
const CLIENTS = 20;
const PER_CLIENT = 25;
const STATEMENTS = 500;

const ROUTES = { taxonomy: '/api/v1/taxonomies/crime', search: '/api/v1/search?q=convention&hl=en' } as const;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => +s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2);
  return { n: s.length, p50_ms: at(0.5), p95_ms: at(0.95), mean_ms: +(s.reduce((a, b) => a + b, 0) / s.length).toFixed(2) };
}

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

async function run(db: 'pglite' | 'postgres', log: (m: string) => void) {
  const saved = process.env.TEST_DATABASE_URL;
  if (db === 'pglite') delete process.env.TEST_DATABASE_URL;
  const rt = await createTestRuntime({ rateLimitPerMinute: 1_000_000 });
  if (saved) process.env.TEST_DATABASE_URL = saved;
  const apps = { database: await createApp(rt), memory: await createApp(rt, { rateLimitStore: 'memory' }) };
  try {
    const urls = { database: await listen(apps.database), memory: await listen(apps.memory) };
    const out: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(ROUTES)) {
      const samples = { database: [] as number[], memory: [] as number[] };
      for (const mode of ['database', 'memory'] as const) for (let i = 0; i < 10; i++) await timed(urls[mode] + path); // warm-up
      // Alternating request by request, so that the load of the machine weighs on both alike.
      for (let i = 0; i < SAMPLES; i++) {
        for (const mode of i % 2 ? (['memory', 'database'] as const) : (['database', 'memory'] as const)) samples[mode].push(await timed(urls[mode] + path));
      }
      const throughput = { database: 0, memory: 0 };
      for (const mode of ['memory', 'database', 'memory', 'database'] as const) {
        const t0 = performance.now();
        await Promise.all(Array.from({ length: CLIENTS }, async () => {
          for (let i = 0; i < PER_CLIENT; i++) await timed(urls[mode] + path);
        }));
        // The better of two runs each, alternated.
        throughput[mode] = Math.max(throughput[mode], +((CLIENTS * PER_CLIENT) / ((performance.now() - t0) / 1000)).toFixed(1));
      }
      const d = stats(samples.database);
      const m = stats(samples.memory);
      out[name] = { path, database_store: { ...d, requests_per_second_20_clients: throughput.database }, memory_store: { ...m, requests_per_second_20_clients: throughput.memory }, added_p50_ms: +(d.p50_ms - m.p50_ms).toFixed(2) };
      log(`${db} ${name}: p50 ${d.p50_ms} ms with the shared store vs ${m.p50_ms} ms in memory; ${throughput.database} vs ${throughput.memory} req/s at ${CLIENTS} clients`);
    }
    const hit: number[] = [];
    for (let i = 0; i < STATEMENTS; i++) {
      const t0 = performance.now();
      await hitWindow(rt.db, `bench:${i % 50}`, 60_000);
      hit.push(performance.now() - t0);
    }
    const generation: number[] = [];
    for (let i = 0; i < STATEMENTS; i++) {
      const t0 = performance.now();
      await readGeneration(rt.db, 'reference');
      generation.push(performance.now() - t0);
    }
    out.statements = { rate_limit_upsert: stats(hit), generation_read: stats(generation) };
    log(`${db} statements: rate-limit upsert p50 ${stats(hit).p50_ms} ms, generation read p50 ${stats(generation).p50_ms} ms`);
    return out;
  } finally {
    await apps.database.close();
    await apps.memory.close();
    await rt.close();
  }
}

const bench: Bench = async (ctx) => {
  const out: Record<string, unknown> = {};
  for (const db of ctx.databases) out[db] = await run(db, ctx.log);
  return out;
};
export default bench;
