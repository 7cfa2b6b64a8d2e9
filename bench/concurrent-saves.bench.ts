/**
 * Curator saves during a large import: a generated JSON Lines file (BENCH_SAVES_MB, default 100 MB,
 * about 34,000 records) is imported (one transaction, as `palermo import` does) while
 * BENCH_SAVES_SESSIONS sessions (default 4) each save one case at a time through the knowledge
 * service (saveRecords, origin "editor", as the editorial workflow publishes), pausing
 * BENCH_SAVES_PAUSE_MS (default 200) between saves, and search for the entry just saved.
 *
 * Measured: the save latency before the import (baseline) and during its write pass (from its
 * second batch written, when its transaction holds search documents, to its commit), the search latency during the import, and how many saved
 * entries a search found right after their save committed. On PostgreSQL the sessions use their
 * own connections; PGlite is one session (one pooled connection), so there a save waits for the
 * connection the import's transaction holds whatever the database does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { BenchContext } from './run.js';
import { generate, runtimeFor } from './import.bench.js';
import { stats } from './search.bench.js';
import { ensureTestReference } from '../test/factories/reference.js';
import { aCase } from '../test/factories/knowledge.js';
import { importFile } from '../src/modules/bulk/import/service.js';
import { saveRecords } from '../src/modules/knowledge/service.js';
import { search } from '../src/modules/search/service.js';
import { parseSearchParams } from '../src/modules/search/domain/params.js';
import type { Runtime } from '../src/runtime.js';

const TARGET_MB = Number(process.env.BENCH_SAVES_MB ?? 100);
const SESSIONS = Number(process.env.BENCH_SAVES_SESSIONS ?? 4);
const PAUSE_MS = Number(process.env.BENCH_SAVES_PAUSE_MS ?? 200);
const BASELINE_SAVES = 10;
/** Records the import has written when the sessions start saving. */
const WRITTEN_FIRST = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sample {
  save_ms: number;
  search_ms: number;
  found: boolean;
  /** Started while the import's transaction was open (holding search documents). */
  during: boolean;
  /** Committed while the import was still running. */
  committedDuring: boolean;
}

/** One curator save (a case with a word of its own) and a search for that word. */
async function saveAndFind(rt: Runtime, session: number, n: number, committed: () => void = () => undefined): Promise<Omit<Sample, 'during' | 'committedDuring'>> {
  const word = `qz${session}x${n}w`;
  const t0 = performance.now();
  await saveRecords(rt.db, [aCase({ id: `curator-${session}-${n}`, country: 'ESP', cooperating_states: ['ITA'], texts: { en: { title: `Curator note ${word}`, summary: 'Mutual legal assistance in a cocaine trafficking case.' } } })], { origin: 'editor' });
  const t1 = performance.now();
  committed();
  const params = parseSearchParams({ q: word, hl: 'en' });
  if (!params.ok) throw new Error('bad search');
  const found = await search(rt.db, params.value);
  return { save_ms: t1 - t0, search_ms: performance.now() - t1, found: found.results.some((r) => r.id === `curator-${session}-${n}`) };
}

async function runOn(kind: 'pglite' | 'postgres', file: string, records: number, ctx: BenchContext) {
  const rt = await runtimeFor(kind);
  try {
    await ensureTestReference(rt.db);
    const baseline: number[] = [];
    for (let i = 0; i < BASELINE_SAVES; i++) baseline.push((await saveAndFind(rt, 0, i)).save_ms);

    let writing = false;
    let done = false;
    let writeAt = 0;
    let markWriting!: () => void;
    const writeStarted = new Promise<void>((resolve) => (markWriting = resolve));
    const t0 = performance.now();
    const imported = importFile(rt.db, file, {
      onProgress: (p) => {
        // From the second batch written on: the import's transaction has written search documents.
        if (p.pass !== 'write' || p.records < WRITTEN_FIRST || writing) return;
        writing = true;
        writeAt = performance.now();
        markWriting();
      },
    }).finally(() => {
      done = true;
    });
    // The import's transaction has committed when its first entry is visible to another session
    // (on PGlite this read waits for the connection, i.e. for the commit).
    let committedAt = 0;
    const watch = async () => {
      await writeStarted;
      while (!committedAt && !done) {
        const r = await sql<{ seen: boolean }>`SELECT EXISTS (SELECT 1 FROM entries WHERE id = 'bench-law-000000.art-0') AS seen`.execute(rt.db);
        if (r.rows[0]!.seen) committedAt = performance.now();
        else await sleep(50);
      }
      committedAt ||= performance.now();
    };
    const samples: Sample[] = [];
    const session = async (k: number) => {
      await writeStarted;
      await sleep(k * (PAUSE_MS / SESSIONS));
      for (let n = 1; !committedAt; n++) {
        let committedDuring = false;
        const sample = await saveAndFind(rt, k, n, () => (committedDuring = !committedAt));
        samples.push({ ...sample, during: true, committedDuring });
        await sleep(PAUSE_MS);
      }
    };
    const [report] = await Promise.all([imported, watch(), ...Array.from({ length: SESSIONS }, (_, k) => session(k + 1))]);
    const importSeconds = (performance.now() - t0) / 1000;
    const writeSeconds = (committedAt - writeAt) / 1000;
    if (report.outcome !== 'succeeded') throw new Error(`import ${report.outcome}: ${report.failure ?? JSON.stringify(report.issues.slice(0, 3))}`);
    const during = samples.filter((s) => s.during);
    const result = {
      records,
      sessions: SESSIONS,
      pause_ms: PAUSE_MS,
      import_s: Number(importSeconds.toFixed(1)),
      import_open_while_saving_s: Number(writeSeconds.toFixed(1)),
      save_before_import: stats(baseline),
      save_during_import: stats(during.map((s) => s.save_ms)),
      search_during_import: stats(during.map((s) => s.search_ms)),
      saves_committed_while_import_ran: samples.filter((s) => s.committedDuring).length,
      found_by_search_after_save: `${samples.filter((s) => s.found).length}/${samples.length}`,
    };
    ctx.log(
      `${kind}: ${records} records imported in ${result.import_s} s (transaction open ${result.import_open_while_saving_s} s after the sessions started); curator save before ${result.save_before_import.p50_ms} ms p50, during: n ${result.save_during_import.n}, p50 ${result.save_during_import.p50_ms} ms, p95 ${result.save_during_import.p95_ms} ms, max ${result.save_during_import.max_ms} ms; search during p95 ${result.search_during_import.p95_ms} ms; found ${result.found_by_search_after_save}`,
    );
    return result;
  } finally {
    await rt.close();
  }
}

export default async function bench(ctx: BenchContext) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-bench-'));
  const file = path.join(dir, 'saves.jsonl');
  try {
    const generated = await generate(file, TARGET_MB);
    ctx.log(`generated ${generated.records} records, ${(generated.bytes / 1e6).toFixed(1)} MB`);
    const only = process.env.BENCH_SAVES_DATABASES;
    const results: Record<string, unknown> = {};
    for (const kind of ctx.databases) if (!only || only === kind) results[kind] = await runOn(kind, file, generated.records, ctx);
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
