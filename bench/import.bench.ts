/**
 * Bulk import and export throughput: a generated JSON Lines file (BENCH_IMPORT_MB, default 100 MB)
 * imported into an empty database, imported again (all unchanged), validated (dry run), then
 * exported as JSON Lines and CSV. Peak RSS and heap are sampled every 50 ms during each step.
 * On PGlite the RSS includes the embedded database (WebAssembly memory of the worker thread).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from './run.js';
import { createTestRuntime, type TestRuntime } from '../test/helpers/db.js';
import { ensureTestReference } from '../test/factories/reference.js';
import { importFile } from '../src/modules/bulk/import/service.js';
import { datasetChunks } from '../src/modules/bulk/export/datasets.js';
import type { KnowledgeRecord } from '../src/modules/knowledge/domain/schemas.js';

const TARGET_MB = Number(process.env.BENCH_IMPORT_MB ?? 100);

const words = 'entraide judiciaire extradition confiscation des produits du crime groupe criminel organisé demande autorité centrale coopération internationale preuve électronique'.split(' ');
const text = (n: number, seed: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + seed) % words.length]).join(' ');

/** Writes laws (one per 100 extracts), extracts and cases until the file reaches the target size (MB; ~340 records a MB). */
export async function generate(file: string, targetMb = TARGET_MB): Promise<{ records: number; bytes: number }> {
  const out = fs.createWriteStream(file);
  let bytes = 0;
  let records = 0;
  let i = 0;
  const write = async (r: KnowledgeRecord) => {
    const line = `${JSON.stringify(r)}\n`;
    bytes += Buffer.byteLength(line);
    records++;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  while (bytes < targetMb * 1_000_000) {
    const lawId = `bench-law-${String(i).padStart(6, '0')}`;
    await write({ type: 'law', id: lawId, country: 'FRA', adopted_on: '2004-03-09', original_lang: 'fr', texts: { fr: { title: `Loi ${i}`, full_text: text(400, i) } } });
    for (let j = 0; j < 100; j++) {
      await write({
        type: 'legislation',
        id: `${lawId}.art-${j}`,
        country: 'FRA',
        law_id: lawId,
        article_ref: `Art. ${j}`,
        position: j,
        original_lang: 'fr',
        cooperation_types: ['mla'],
        texts: { fr: { title: `Article ${j}`, body: text(150, i + j) }, en: { title: `Article ${j}`, body: text(120, j), machine_translated: true, translated_from: 'fr' } },
      });
    }
    for (let j = 0; j < 10; j++) {
      await write({
        type: 'case',
        id: `bench-case-${i}-${j}`,
        country: 'ITA',
        decision_date: '2019-05-14',
        cooperating_states: ['ESP'],
        crime_types: ['drug-offences'],
        texts: { en: { title: `Case ${i}/${j}`, summary: text(80, j), facts: text(200, i), decision: text(100, i + 1) } },
      });
    }
    i++;
  }
  await new Promise((resolve) => out.end(resolve));
  return { records, bytes };
}

async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; rss_before_mb: number; peak_rss_mb: number; heap_before_mb: number; peak_heap_mb: number }> {
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const start = process.hrtime.bigint();
  try {
    const result = await fn();
    return {
      result,
      seconds: Number(process.hrtime.bigint() - start) / 1e9,
      rss_before_mb: Math.round(before.rss / 1e6),
      peak_rss_mb: Math.round(rss / 1e6),
      heap_before_mb: Math.round(before.heapUsed / 1e6),
      peak_heap_mb: Math.round(heap / 1e6),
    };
  } finally {
    clearInterval(timer);
  }
}

/** A fresh test runtime on PGlite or on the PostgreSQL server of TEST_DATABASE_URL. */
export async function runtimeFor(kind: 'pglite' | 'postgres'): Promise<TestRuntime> {
  const url = process.env.TEST_DATABASE_URL;
  if (kind === 'postgres') return createTestRuntime();
  delete process.env.TEST_DATABASE_URL;
  try {
    return await createTestRuntime();
  } finally {
    if (url) process.env.TEST_DATABASE_URL = url;
  }
}

export default async function bench(ctx: BenchContext) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-bench-'));
  const file = path.join(dir, 'bench.jsonl');
  try {
    const generated = await generate(file);
    const mb = generated.bytes / 1e6;
    ctx.log(`generated ${generated.records} records, ${mb.toFixed(1)} MB`);
    const results: Record<string, unknown> = { file: { records: generated.records, mb: Number(mb.toFixed(1)) } };
    for (const kind of ctx.databases) {
      const rt = await runtimeFor(kind);
      try {
        await ensureTestReference(rt.db);
        const rate = (records: number, seconds: number) => Math.round(records / seconds);
        const first = await measure(() => importFile(rt.db, file));
        if (first.result.outcome !== 'succeeded') throw new Error(`import ${first.result.outcome}: ${first.result.failure ?? JSON.stringify(first.result.issues.slice(0, 3))}`);
        ctx.log(`${kind}: import ${rate(generated.records, first.seconds)} records/s, RSS ${first.rss_before_mb} → peak ${first.peak_rss_mb} MB, heap ${first.heap_before_mb} → peak ${first.peak_heap_mb} MB`);
        const again = await measure(() => importFile(rt.db, file));
        ctx.log(`${kind}: re-import (unchanged) ${rate(generated.records, again.seconds)} records/s`);
        const dry = await measure(() => importFile(rt.db, file, { dryRun: true }));
        ctx.log(`${kind}: dry run ${rate(generated.records, dry.seconds)} records/s`);
        const exports: Record<string, unknown> = {};
        for (const format of ['jsonl', 'csv'] as const) {
          const run = await measure(async () => {
            let records = 0;
            let bytes = 0;
            for (const type of ['law', 'legislation', 'case'] as const) {
              for await (const chunk of datasetChunks(rt.db, type, format)) {
                records += chunk.records;
                bytes += Buffer.byteLength(chunk.text);
              }
            }
            return { records, bytes };
          });
          exports[format] = { records: run.result.records, mb: Math.round(run.result.bytes / 1e6), seconds: Number(run.seconds.toFixed(1)), records_per_s: rate(run.result.records, run.seconds), peak_rss_mb: run.peak_rss_mb, heap_before_mb: run.heap_before_mb, peak_heap_mb: run.peak_heap_mb };
          ctx.log(`${kind}: export ${format} ${rate(run.result.records, run.seconds)} records/s`);
        }
        const step = (m: Awaited<ReturnType<typeof measure>>) => ({
          seconds: Number(m.seconds.toFixed(1)),
          records_per_s: rate(generated.records, m.seconds),
          mb_per_s: Number((mb / m.seconds).toFixed(2)),
          rss_before_mb: m.rss_before_mb,
          peak_rss_mb: m.peak_rss_mb,
          heap_before_mb: m.heap_before_mb,
          peak_heap_mb: m.peak_heap_mb,
        });
        results[kind] = { import: step(first), reimport_unchanged: step(again), dry_run: step(dry), export: exports };
      } finally {
        await rt.close();
      }
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
