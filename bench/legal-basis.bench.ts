/**
 * The legal basis finder (issue 12 section 4): findLegalBasis for every ordered pair of the 193 UN
 * Member States (193 × 192 = 37,056 calls) in one run, each through the service (parameters checked,
 * both States' participation, the depositary sources and the requested State's directory entry read
 * from the database), on the shipped depositary status of 2014 plus the small demo corpus (demo
 * parties of the Council of Europe conventions, demo directory authorities). Kinds alternate so that
 * every kind is asked. Time per pair: p50, p95, p99, max; total.
 */
import type { Bench } from './run.js';
import { createTestRuntime } from '../test/helpers/db.js';
import { ensureFullTestReference } from '../test/factories/reference.js';
import { seedDemo } from '../src/modules/demo/service.js';
import { findLegalBasis, LEGAL_BASIS_KINDS } from '../src/modules/legalbasis/index.js';
import { importShippedStatus } from '../src/modules/legalbasis/import-service.js';
import { UN_MEMBER_STATES } from '../src/modules/legalbasis/domain/un-names.js';

const pct = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;

const bench: Bench = async (ctx) => {
  const out: Record<string, unknown> = {};
  for (const database of ctx.databases) {
    const saved = process.env.TEST_DATABASE_URL;
    if (database === 'pglite') delete process.env.TEST_DATABASE_URL;
    const rt = await createTestRuntime();
    try {
      await ensureFullTestReference(rt.db);
      await seedDemo(rt.db, { size: 'small' });
      const imported = await importShippedStatus(rt.db);
      ctx.log(`${database}: demo (small) seeded, status imported (${imported.instruments.map((i) => `${i.instrument} ${i.parties}`).join(', ')})`);
      const times: number[] = [];
      let binding = 0;
      let nothing = 0;
      const started = performance.now();
      let n = 0;
      for (const from of UN_MEMBER_STATES) {
        for (const to of UN_MEMBER_STATES) {
          if (from === to) continue;
          const kind = LEGAL_BASIS_KINDS[n++ % LEGAL_BASIS_KINDS.length]!;
          const t0 = performance.now();
          const r = await findLegalBasis(rt.db, { from, to, kind });
          times.push(performance.now() - t0);
          binding += r.binding.length;
          if (r.steps.some((s) => s.code === 'nothing_binds')) nothing++;
        }
      }
      const totalS = Math.round((performance.now() - started) / 100) / 10;
      times.sort((a, b) => a - b);
      out[database] = {
        pairs: times.length,
        total_s: totalS,
        per_pair_ms: { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: pct(times, 100) },
        pairs_per_s: Math.round(times.length / totalS),
        instruments_binding_per_pair: Math.round((binding / times.length) * 100) / 100,
        pairs_nothing_binds: nothing,
      };
      ctx.log(`${database}: ${JSON.stringify(out[database])}`);
    } finally {
      await rt.close();
      if (saved !== undefined) process.env.TEST_DATABASE_URL = saved;
    }
  }
  return out;
};
export default bench;
