/**
 * Directory benchmarks (issue 3 §7), on PGlite and, when TEST_DATABASE_URL or BENCH_DATABASE_URL is
 * set, on PostgreSQL:
 *  - 20,000 authorities imported through the import service (as `palermo directory import`);
 *  - search over real HTTP, the API (GET /api/v1/authorities) and the page (/en/directory), as an
 *    anonymous reader and as a practitioner, for a fixed mix of queries: p50/p95/p99 per kind,
 *    "cold" (facet-count cache emptied before each request: a search nobody made since the last
 *    change) and "warm" (the same search again);
 *  - EXPLAIN ANALYZE of the facet and page queries of the broad query;
 *  - the PDF (Chromium print, /en/directory/book.pdf) and DOCX books of 2,000 authorities.
 * BENCH_DIRECTORY_AUTHORITIES and BENCH_DIRECTORY_RUNS change the size and the number of runs.
 */
import { sql } from 'kysely';
import type { BenchContext } from './run.js';
import { createTestRuntime, type TestRuntime } from '../test/helpers/db.js';
import { startTestServer, type TestServer } from '../test/helpers/server.js';
import { Client, makeUser, signInAs } from '../test/http/accounts-support.js';
import { pdfPageCount } from '../test/http/directory-files.js';
import { CLI_ACTOR } from '../src/modules/access/actor.js';
import { importAuthorities } from '../src/modules/directory/import/service.js';
import { explainQuery, facetCountsQuery, searchPageQuery, type SearchFilter } from '../src/modules/directory/repository.js';
import { authorityDocuments, jsonLines, PLACES } from './directory-corpus.js';

const AUTHORITIES = Number(process.env.BENCH_DIRECTORY_AUTHORITIES ?? 20_000);
const BOOK_AUTHORITIES = 2_000;
const RUNS = Number(process.env.BENCH_DIRECTORY_RUNS ?? 10);

/** The fixed mix: facets only, a selective name query, a broad query, filters, and both together. */
const QUERIES: [kind: string, query: Record<string, string>][] = [
  ['no query (facets only)', {}],
  ['selective name query', { q: PLACES[37]! }],
  ['broad query (word in every entry)', { q: 'office' }],
  ['filters: country, function, language, electronic', { country: 'ARG', function: 'extradition', language: 'fr', electronic: 'always' }],
  ['broad query + country', { q: 'office', country: 'AFG' }],
  ['no query, page 50', { page: '50' }],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

async function runtimeFor(kind: 'pglite' | 'postgres'): Promise<TestRuntime> {
  const saved = process.env.TEST_DATABASE_URL;
  if (kind === 'pglite') delete process.env.TEST_DATABASE_URL;
  try {
    return await createTestRuntime({ rateLimitPerMinute: 1_000_000 });
  } finally {
    if (saved) process.env.TEST_DATABASE_URL = saved;
  }
}

async function load(rt: TestRuntime, n: number): Promise<number> {
  const countries = (await rt.db.selectFrom('countries').select('iso3').orderBy('iso3').execute()).map((r) => r.iso3);
  const t = performance.now();
  const r = await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', () => jsonLines(authorityDocuments(n, countries)));
  if (r.created !== n) throw new Error(`imported ${r.created} of ${n}`);
  return (performance.now() - t) / 1000;
}

/** A change of the directory as far as caches know (statement trigger), without changing a row. */
async function forgetCaches(rt: TestRuntime): Promise<void> {
  await sql`UPDATE authorities SET state = state WHERE false`.execute(rt.db);
}

async function timeSearches(server: TestServer, practitioner: Client, ctx: BenchContext, kind: string) {
  const out: Record<string, Record<string, { p50_ms: number; p95_ms: number; p99_ms: number; total: number }>> = {};
  const all: Record<'cold' | 'warm', number[]> = { cold: [], warm: [] };
  for (const [name, query] of QUERIES) {
    const qs = new URLSearchParams(query).toString();
    for (const [who, get] of [
      ['anonymous', (p: string) => server.get(p)],
      ['practitioner', (p: string) => practitioner.get(p)],
    ] as const) {
      for (const [route, path] of [
        ['api', `/api/v1/authorities?${qs}`],
        ['page', `/en/directory?${qs}`],
      ] as const) {
        const times: Record<'cold' | 'warm', number[]> = { cold: [], warm: [] };
        let total = 0;
        for (let i = 0; i < RUNS + 1; i++) {
          for (const temp of ['cold', 'warm'] as const) {
            if (temp === 'cold') await forgetCaches(server.runtime);
            const t = performance.now();
            const res = await get(path);
            const body = await res.text();
            const ms = performance.now() - t;
            if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
            if (route === 'api') total = (JSON.parse(body) as { total: number }).total;
            if (i > 0) times[temp].push(ms); // the first round warms up the process
          }
        }
        for (const temp of ['cold', 'warm'] as const) {
          all[temp].push(...times[temp]);
          (out[`${name} — ${who} ${route} ${temp}`] ??= {})[kind] = { p50_ms: pct(times[temp], 50), p95_ms: pct(times[temp], 95), p99_ms: pct(times[temp], 99), total };
        }
        ctx.log(`${kind}: ${name}, ${who}, ${route}: cold p95 ${pct(times.cold, 95)} ms, warm p95 ${pct(times.warm, 95)} ms (${total} results)`);
      }
    }
  }
  const summary = Object.fromEntries((['cold', 'warm'] as const).map((t) => [t, { p50_ms: pct(all[t], 50), p95_ms: pct(all[t], 95), p99_ms: pct(all[t], 99), requests: all[t].length }]));
  return { per_query: out, mix: summary };
}

async function signedInPractitioner(server: TestServer): Promise<Client> {
  const user = await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Bench Practitioner' });
  const client = new Client(server);
  await signInAs(client, user);
  return client;
}

async function searchBench(kind: 'pglite' | 'postgres', ctx: BenchContext) {
  const rt = await runtimeFor(kind);
  const server = await startTestServer({}, rt);
  try {
    const importSeconds = await load(rt, AUTHORITIES);
    ctx.log(`${kind}: ${AUTHORITIES} authorities imported in ${importSeconds.toFixed(1)} s`);
    const size = await sql<{ heap: string; total: string }>`
      SELECT pg_size_pretty(pg_relation_size('authorities')) AS heap, pg_size_pretty(pg_total_relation_size('authorities')) AS total`.execute(rt.db);
    const practitioner = await signedInPractitioner(server);
    const search = await timeSearches(server, practitioner, ctx, kind);
    ctx.log(`${kind}: mix ${JSON.stringify(search.mix)}`);
    const broad: SearchFilter = { restricted: false, tsquery: 'office:*', like: '%office%' };
    const plans = {
      'facets: broad query (uncached)': await explainQuery(rt.db, facetCountsQuery(broad)),
      'page: broad query': await explainQuery(rt.db, searchPageQuery(broad, 20, 0)),
    };
    return {
      authorities: AUTHORITIES,
      import_seconds: Math.round(importSeconds * 10) / 10,
      import_per_second: Math.round(AUTHORITIES / importSeconds),
      table_size: size.rows[0],
      runs_per_query: RUNS,
      ...search,
      plans,
    };
  } finally {
    await server.close();
  }
}

async function bookBench(kind: 'pglite' | 'postgres', ctx: BenchContext) {
  const rt = await runtimeFor(kind);
  const server = await startTestServer({}, rt);
  try {
    await load(rt, BOOK_AUTHORITIES);
    const practitioner = await signedInPractitioner(server);
    const out: Record<string, unknown> = { authorities: BOOK_AUTHORITIES };
    for (const format of ['pdf', 'docx'] as const) {
      const t = performance.now();
      const res = await practitioner.get(`/en/directory/book.${format}`);
      const body = Buffer.from(await res.arrayBuffer());
      const seconds = Math.round((performance.now() - t) / 100) / 10;
      if (res.status !== 200) throw new Error(`book.${format}: ${res.status} ${body.toString().slice(0, 300)}`);
      out[format] = { seconds, bytes: body.length, ...(format === 'pdf' ? { pages: pdfPageCount(body) } : {}) };
      ctx.log(`${kind}: ${format.toUpperCase()} book of ${BOOK_AUTHORITIES} authorities: ${JSON.stringify(out[format])}`);
    }
    return out;
  } finally {
    await server.close();
  }
}

export default async function run(ctx: BenchContext) {
  const results: Record<string, unknown> = {};
  for (const kind of ctx.databases) {
    results[kind] = { search: await searchBench(kind, ctx), book: await bookBench(kind, ctx) };
  }
  return results;
}
