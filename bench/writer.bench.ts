/**
 * Request writer benchmarks (issue 12 §4), on PGlite and, when TEST_DATABASE_URL or
 * BENCH_DATABASE_URL is set, on PostgreSQL:
 *  - a writer step over real HTTP: the step page (GET) and a save (POST, the 303 included), p50/p95/p99;
 *  - the final document of a complete MLA draft: DOCX (docx package) and PDF (Chromium print), time each.
 * BENCH_WRITER_STEPS, BENCH_WRITER_DOCX, BENCH_WRITER_PDF change the numbers of runs.
 */
import type { BenchContext } from './run.js';
import { startTestServer, type TestServer } from '../test/helpers/server.js';
import { Client, makeUser, signInAs } from '../test/http/accounts-support.js';
import { aWriterDirectory, completeAnswers, stepAnswers } from '../test/factories/writer.js';
import { userActor } from '../src/modules/access/actor.js';
import { STEPS } from '../src/modules/writer/domain/model.js';
import { renderDocument } from '../src/modules/writer/document/service.js';
import { openDraft, saveStep, startDraft } from '../src/modules/writer/service.js';

const STEP_RUNS = Number(process.env.BENCH_WRITER_STEPS ?? 200);
const DOCX_RUNS = Number(process.env.BENCH_WRITER_DOCX ?? 30);
const PDF_RUNS = Number(process.env.BENCH_WRITER_PDF ?? 5);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};
const summary = (xs: number[]) => ({ runs: xs.length, p50_ms: pct(xs, 50), p95_ms: pct(xs, 95), p99_ms: pct(xs, 99), max_ms: pct(xs, 100) });

async function serverFor(kind: 'pglite' | 'postgres'): Promise<TestServer> {
  const saved = process.env.TEST_DATABASE_URL;
  if (kind === 'pglite') delete process.env.TEST_DATABASE_URL;
  try {
    return await startTestServer({ rateLimitPerMinute: 1_000_000 });
  } finally {
    if (saved) process.env.TEST_DATABASE_URL = saved;
  }
}

async function one(kind: 'pglite' | 'postgres', ctx: BenchContext) {
  const server = await serverFor(kind);
  try {
    const db = server.runtime.db;
    const world = await aWriterDirectory(db);
    const u = await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: world.authorityId }], totp: true, name: 'Bench Officer' });
    const client = new Client(server);
    await signInAs(client, u);
    const actor = userActor({ userId: u.id, name: 'Bench Officer', email: u.email, grants: [{ role: 'authority_officer', authorityId: world.authorityId }], totpEnabled: true });
    const { caseId } = await startDraft(db, actor, { kind: 'mla', requested_country: world.requestedCountry });
    const { csrf } = await client.page(`/en/writer/${caseId}/facts`);
    const get: number[] = [];
    const post: number[] = [];
    for (let i = 0; i < STEP_RUNS; i++) {
      const step = STEPS[i % (STEPS.length - 1)]!;
      let t = performance.now();
      const page = await client.get(`/en/writer/${caseId}/${step}`);
      await page.text();
      if (page.status !== 200) throw new Error(`GET ${step}: ${page.status}`);
      get.push(performance.now() - t);
      t = performance.now();
      const res = await client.post(`/en/writer/${caseId}/facts`, { _csrf: csrf, facts_summary: `Facts, version ${i}: transfers through Orchid Ltd on 3 March.`, next: 'facts' });
      if (res.status !== 303) throw new Error(`POST: ${res.status}`);
      post.push(performance.now() - t);
    }
    ctx.log(`${kind}: step page p95 ${pct(get, 95)} ms, save p95 ${pct(post, 95)} ms`);
    // A complete draft for the documents.
    let view = await openDraft(db, actor, caseId);
    const all = completeAnswers('mla', view.directory.requested, (id) => `Text of ${id}: transfers through Orchid Ltd on 3 March.`, { ...view.draft.answers, doc_language: 'en', measures: ['records', 'witness_hearing', 'search_seizure'], records_type: 'bank' });
    for (const step of STEPS.filter((s) => s !== 'review')) view = await saveStep(db, actor, caseId, step, stepAnswers('mla', step, all, view.directory.requested), view.draft.version);
    const docx: number[] = [];
    let docxBytes = 0;
    for (let i = 0; i < DOCX_RUNS; i++) {
      const t = performance.now();
      docxBytes = (await renderDocument(db, actor, caseId, 'docx')).bytes.length;
      docx.push(performance.now() - t);
    }
    const pdf: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < PDF_RUNS; i++) {
      const t = performance.now();
      pdfBytes = (await renderDocument(db, actor, caseId, 'pdf')).bytes.length;
      pdf.push(performance.now() - t);
    }
    ctx.log(`${kind}: DOCX p50 ${pct(docx, 50)} ms, PDF p50 ${pct(pdf, 50)} ms`);
    return { step_page_get: summary(get), step_save_post: summary(post), docx: { ...summary(docx), bytes: docxBytes }, pdf: { ...summary(pdf), bytes: pdfBytes } };
  } finally {
    await server.close();
  }
}

export default async function writerBench(ctx: BenchContext) {
  const out: Record<string, unknown> = {};
  for (const kind of ctx.databases) out[kind] = await one(kind, ctx);
  return out;
}
