/**
 * Directory benchmarks: search p95 with 20,000 authorities (public and practitioner readers, several
 * query shapes), and the time to render the full-directory books (PDF, DOCX) for 2,000 authorities.
 */
import type { BenchContext } from './run.js';
import { createTestRuntime } from '../test/helpers/db.js';
import { anAuthority } from '../test/factories/directory.js';
import { ANONYMOUS, userActor } from '../src/modules/access/actor.js';
import { checkAuthority } from '../src/modules/directory/domain/checks.js';
import { loadDirectoryRefs, writeLive } from '../src/modules/directory/live.js';
import { analyzeAuthorities } from '../src/modules/directory/repository.js';
import { searchDirectory } from '../src/modules/directory/service.js';
import { bookDocx } from '../src/modules/directory/export/docx.js';
import { bookPdf } from '../src/modules/directory/export/pdf.js';
import { inTransaction } from '../src/platform/db/batch.js';

const COUNTRIES = ['FRA', 'ITA', 'ESP', 'DEU', 'EGY', 'CHN', 'RUS', 'BRA', 'MEX', 'KEN', 'IND', 'JPN', 'NGA', 'ARG', 'CAN'];
const FUNCTIONS = ['mla', 'extradition', 'confiscation', 'cyber-24-7', 'firearms'] as const;

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! * 10) / 10;
}

async function seed(db: Parameters<typeof writeLive>[0], n: number) {
  const refs = await loadDirectoryRefs(db);
  for (let i = 0; i < n; i += 500) {
    await inTransaction(db, async (trx) => {
      for (let j = i; j < Math.min(n, i + 500); j++) {
        const country = COUNTRIES[j % COUNTRIES.length]!;
        const doc = anAuthority({
          id: `bench-${j}`,
          country,
          names: { en: `Prosecution Office ${j} of District ${j % 97}`, fr: `Parquet ${j} du district ${j % 97}`, zh: `第${j % 97}区检察院${j}` },
          functions: [{ code: FUNCTIONS[j % FUNCTIONS.length]! }],
          languages: j % 3 ? ['en', 'fr'] : ['es'],
        });
        const c = checkAuthority(doc, refs);
        if (!c.ok) throw new Error(JSON.stringify(c.issues));
        await writeLive(trx, c.doc, { origin: 'import', demo: false, verified: { on: '2025-01-01', by: 'bench', userId: null } });
      }
    });
  }
  await analyzeAuthorities(db);
}

export default async function run(ctx: BenchContext) {
  const results: Record<string, unknown> = {};
  for (const database of ctx.databases) {
    if (database === 'postgres' && !process.env.TEST_DATABASE_URL) continue;
    const saved = process.env.TEST_DATABASE_URL;
    if (database === 'pglite') delete process.env.TEST_DATABASE_URL;
    const rt = await createTestRuntime();
    if (saved) process.env.TEST_DATABASE_URL = saved;
    try {
      let t = performance.now();
      await seed(rt.db, 20_000);
      ctx.log(`${database}: 20,000 authorities written in ${Math.round(performance.now() - t)} ms`);
      const prac = userActor({ userId: '00000000-0000-0000-0000-000000000001', name: 'p', email: 'p@x', grants: [{ role: 'practitioner' }], totpEnabled: false });
      const queries = [{}, { q: 'prosecution' }, { q: 'district 42' }, { q: 'parq' }, { q: '检察院' }, { country: 'FRA' }, { function: 'extradition', language: 'fr' }, { region: '150', q: 'office' }, { page: '50' }];
      const search: Record<string, number> = {};
      for (const [who, actor] of [['public', ANONYMOUS], ['practitioner', prac]] as const) {
        const times: number[] = [];
        for (let round = 0; round < 5; round++) {
          for (const q of queries) {
            t = performance.now();
            await searchDirectory(rt.db, actor, q);
            times.push(performance.now() - t);
          }
        }
        search[`${who}_p95_ms`] = p95(times);
        search[`${who}_queries`] = times.length;
      }
      ctx.log(`${database}: search p95 ${JSON.stringify(search)}`);
      // Books for 2,000 authorities: a fresh database with 2,000.
      const rt2 = await (async () => {
        if (database === 'pglite') delete process.env.TEST_DATABASE_URL;
        const r = await createTestRuntime();
        if (saved) process.env.TEST_DATABASE_URL = saved;
        return r;
      })();
      try {
        await seed(rt2.db, 2000);
        t = performance.now();
        const docx = await bookDocx(rt2.db, { lang: 'en', viewer: { restricted: true }, site: 'http://bench' });
        const docxMs = Math.round(performance.now() - t);
        t = performance.now();
        const pdf = await bookPdf(rt2.db, { lang: 'en', viewer: { restricted: true }, site: `http://bench-${database}-${Date.now()}` });
        const pdfMs = Math.round(performance.now() - t);
        const { statSync } = await import('node:fs');
        results[database] = { authorities: 20_000, search, book_2000: { docx_ms: docxMs, docx_bytes: docx.length, pdf_ms: pdfMs, pdf_bytes: statSync(pdf).size } };
        ctx.log(`${database}: books for 2,000 authorities: DOCX ${docxMs} ms, PDF ${pdfMs} ms`);
      } finally {
        await rt2.close();
      }
    } finally {
      await rt.close();
    }
  }
  return results;
}
