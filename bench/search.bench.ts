/**
 * Search at scale, through the HTTP API: builds a synthetic corpus (default 100,000 entries;
 * BENCH_SEARCH_ENTRIES) through saveRecords, starts the application on a free port, and measures
 * GET /api/v1/search (facets included): p50/p95/p99 per query and per kind (browse, broad,
 * selective) and overall, "cold" (match cache off: every query is matched again, in memory from
 * the postings of frequent words, or in the database; the facet index is current), "warm" (match
 * cache on: the query was seen at this generation), and the first time each query is seen by a
 * process whose term index is empty; requests
 * per second at 50 concurrent clients for searches and for an entry page; the latency of /healthz
 * while broad searches run; reading the facet index whole and the first search after a write. On
 * PGlite and, with TEST_DATABASE_URL or BENCH_DATABASE_URL, on PostgreSQL (BENCH_SEARCH_DATABASES
 * =postgres or pglite runs one only), with EXPLAIN (ANALYZE, BUFFERS) of the statements.
 *
 * Generating 100,000 entries takes minutes; to reuse a corpus between runs set
 * BENCH_SEARCH_DATA_DIR (a directory for PGlite) and/or BENCH_SEARCH_DATABASE (a database name on
 * the server): a corpus found there is reused (and migrated), a new one is kept there.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { json } from '../src/platform/db/types.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { saveRecords, loadReferenceSets } from '../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../src/modules/knowledge/domain/schemas.js';
import { parseSearchParams, type RawQuery } from '../src/modules/search/domain/params.js';
import { buildTsQuery, parseQuery, termTexts } from '../src/modules/search/domain/query.js';
import { UN_CONFIGS } from '../src/modules/search/domain/text.js';
import { analyseTerms, explain, facetCountsQuery, preferIndexScans, resultPageQuery } from '../src/modules/search/repository/search.js';
import { inTransaction } from '../src/platform/db/batch.js';
import { ensureTestReference } from '../test/factories/reference.js';
import { startTestServer, type TestServer } from '../test/helpers/server.js';
import { FacetIndex } from '../src/modules/search/facet-index.js';
import { refreshIfReferenceChanged } from '../src/modules/search/indexer.js';
import { setMatchCacheBytes } from '../src/modules/search/facet-cache.js';
import { setTermIndexBytes } from '../src/modules/search/term-cache.js';
import { loadPackedDocuments, loadPackedDocumentsQuery, matchDocumentsQuery } from '../src/modules/search/repository/matches.js';
import type { BenchContext } from './run.js';
import { PRACTITIONER_QUERIES, naturalCorpus, naturalTexts } from './search-corpus.js';

const ENTRIES = Number(process.env.BENCH_SEARCH_ENTRIES ?? 100_000);
const BATCH = 1000;
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 20);
const CONCURRENCY = 50;
const LOAD_SECONDS = Number(process.env.BENCH_SEARCH_LOAD_SECONDS ?? 10);

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() ** 1.6 * xs.length)]!; // skewed: early items are common

// Natural vocabulary (bench/search-corpus.ts): sentences of the real instruments, judgments,
// French working papers and demo texts, with a Zipf-distributed tail of names in each language.
const CORPUS = naturalCorpus(rng(7));
const texts = () => naturalTexts(CORPUS, random);
/** A short synthetic phrase (titles of the bench instrument's articles and laws). */
const text = (lang: string, words: number) => naturalTexts(CORPUS, random)[lang === 'fr' ? 'fr' : 'en']?.title.split(' ').slice(0, words).join(' ') ?? 'Article';

const CRIMES = ['drug-offences', 'trafficking-in-persons', 'money-laundering'];
const COOPERATION = ['mla', 'extradition'];
const tagsOf = () => ({
  articles: [...new Set([`bench-untoc:${1 + Math.floor(random() ** 2 * 41)}`, `bench-untoc:${1 + Math.floor(random() * 41)}`])],
  crime_types: random() < 0.7 ? [pick(CRIMES)] : [],
  cooperation_types: random() < 0.6 ? [pick(COOPERATION)] : [],
  measures: random() < 0.2 ? ['taking-evidence'] : [],
  issues: random() < 0.1 ? ['gender'] : [],
});
const date = () => `${1995 + Math.floor(random() * 30)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`;

export async function setupReference(rt: Runtime): Promise<string[]> {
  await ensureTestReference(rt.db);
  // 150 more (synthetic) States spread over the test regions, so the country facet is realistic.
  const regions = [['150', '155'], ['150', '039'], ['019', '419'], ['002', '015'], ['142', '030'], ['150', '151']] as const;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rows = Array.from({ length: 150 }, (_, i) => {
    const [region_code, subregion_code] = regions[i % regions.length]!;
    const iso3 = `Q${letters[Math.floor(i / 26)]}${letters[i % 26]}`;
    const name = `State ${iso3}`;
    return { iso3, iso2: `${'JKMNOPQWXYZ'[Math.floor(i / 26)]}${letters[i % 26]}`, m49: String(900 - i), region_code, subregion_code, names: json({ en: name, fr: name, es: name, ru: name, ar: name, zh: name }) };
  });
  await rt.db.insertInto('countries').values(rows).onConflict((oc) => oc.doNothing()).execute();
  const instrument: KnowledgeRecord = {
    type: 'treaty',
    id: 'bench-untoc',
    kind: 'universal',
    short_name: 'BENCH',
    adopted_on: '2000-11-15',
    texts: { en: { title: 'Benchmark convention against transnational organized crime' } },
    provisions: Array.from({ length: 41 }, (_, i) => ({
      number: String(i + 1),
      titles: { en: `Article ${i + 1} ${text('en', 3)}`, fr: `Article ${i + 1} ${text('fr', 3)}` },
      terms: i === 17 ? ['cooperation:mla'] : i === 15 ? ['cooperation:extradition'] : [],
    })),
  };
  await saveRecords(rt.db, [instrument], { origin: 'import' });
  // The most common States first (pick() favours the start of the list).
  return (await rt.db.selectFrom('countries').select('iso3').orderBy('iso3').execute()).map((r) => r.iso3);
}

export function batch(start: number, size: number, countries: string[]): KnowledgeRecord[] {
  const out: KnowledgeRecord[] = [];
  let law: string | undefined;
  for (let i = start; i < start + size; i++) {
    const r = random();
    const country = pick(countries);
    if (r < 0.75) {
      if (!law || i % 10 === 0) {
        law = `bl-${i}`;
        out.push({ type: 'law', id: law, country, adopted_on: date(), citation: `Act No. ${i} of ${1990 + (i % 30)}`, texts: { en: { title: `Law ${text('en', 4)}` } } });
      }
      out.push({ type: 'legislation', id: `be-${i}`, country: (out.find((x) => x.id === law) as { country: string }).country, law_id: law, article_ref: `Art. ${i % 400}`, texts: texts(), ...tagsOf() });
    } else if (r < 0.95) {
      const coop = pick(countries);
      out.push({ type: 'case', id: `bc-${i}`, country, court: 'Supreme Court', case_number: `${i}/20`, decision_date: date(), cooperating_states: coop === country ? [] : [coop], texts: texts(), ...tagsOf() });
    } else if (r < 0.98) {
      out.push({ type: 'strategy', id: `bs-${i}`, country, period_start: 2000 + (i % 24), texts: texts(), ...tagsOf() });
    } else {
      const other = countries[(countries.indexOf(country) + 1) % countries.length]!;
      out.push({ type: 'treaty', id: `bt-${i}`, kind: 'bilateral', adopted_on: date(), parties: [{ country }, { country: other }], texts: texts(), ...tagsOf() });
    }
  }
  return out;
}

/**
 * The fixed mix: [name, kind, parameters]: browsing, practitioners' queries (search-corpus.ts;
 * "NAME" is a name of the English tail found in a few entries), a deep page and a citation.
 */
const QUERIES: [name: string, kind: 'browse' | 'broad' | 'selective', raw: RawQuery][] = [
  ['browse everything (no query, no filter)', 'browse', {}],
  ['database page: legislation', 'browse', { type: 'legislation' }],
  ...PRACTITIONER_QUERIES.map(([name, kind, raw]): [string, 'broad' | 'selective', RawQuery] => [name, kind, raw.q === 'NAME' ? { ...raw, q: CORPUS.models.en.names[400]! } : raw]),
  ['region + year + lang facets, no query', 'selective', { region: '150', year: ['2010', '2011'], lang: 'fr' }],
  ['deep page (page 50), sort by date', 'broad', { q: 'court', hl: 'en', sort: 'date', page: '50' }],
  ['citation phrase (one law)', 'selective', { q: '"Act No. 4710"', hl: 'en' }],
];

const url = (raw: RawQuery) => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, String(x));
  return `/api/v1/search?${qs}`;
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10 : 0;
};
export const stats = (xs: number[]) => ({ n: xs.length, p50_ms: pct(xs, 50), p95_ms: pct(xs, 95), p99_ms: pct(xs, 99), max_ms: pct(xs, 100) });

async function timed(server: TestServer, path: string): Promise<{ ms: number; body: string }> {
  const t0 = performance.now();
  const res = await server.get(path);
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
  return { ms, body };
}

/** Requests per second of `paths` (round robin) at `clients` concurrent clients for `seconds`. */
async function throughput(server: TestServer, paths: string[], clients: number, seconds: number) {
  const until = performance.now() + seconds * 1000;
  const times: number[] = [];
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const path = paths[next++ % paths.length]!;
        const t0 = performance.now();
        const res = await server.get(path);
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
        times.push(performance.now() - t0);
      }
    }),
  );
  return { clients, seconds, requests: times.length, errors, rps: Math.round((times.length / seconds) * 10) / 10, latency: stats(times) };
}

/** /healthz latency, one request every 25 ms, while `clients` clients run the broad search. */
async function healthDuringBroadSearch(server: TestServer, broad: string, clients: number, seconds: number) {
  const until = performance.now() + seconds * 1000;
  let searches = 0;
  const busy = Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        await (await server.get(broad)).arrayBuffer();
        searches++;
      }
    }),
  );
  const health: number[] = [];
  while (performance.now() < until) {
    health.push((await timed(server, '/healthz')).ms);
    await new Promise((r) => setTimeout(r, 25));
  }
  await busy;
  return { search_clients: clients, searches, healthz: stats(health) };
}

/** A database for the corpus: kept (and reused) when named by the environment, else temporary. */
async function openBenchDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop?: () => Promise<void>; kept: string | undefined }> {
  if (kind === 'pglite') {
    const dir = process.env.BENCH_SEARCH_DATA_DIR;
    if (dir) return { database: await openDatabase({ embedded: path.resolve(dir) }), kept: dir };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-search-bench-'));
    return { database: await openDatabase({ embedded: tmp }), drop: async () => fs.rmSync(tmp, { recursive: true, force: true }), kept: undefined };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const keep = process.env.BENCH_SEARCH_DATABASE;
  const name = keep ?? `palermo_bench_${Date.now()}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_SEARCH_DATABASE: not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolMax: 10 });
  const drop = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { database, kept: keep, ...(keep ? {} : { drop }) };
}

async function buildCorpus(rt: Runtime, kind: string, ctx: BenchContext): Promise<number | undefined> {
  const have = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM entries WHERE id LIKE 'b%-%'`.execute(rt.db)).rows[0]?.n ?? 0);
  if (have > 0) {
    ctx.log(`${kind}: reusing the corpus found (${have} generated entries)`);
    return undefined;
  }
  const countries = await setupReference(rt);
  // The synthetic States change the reference data copied into documents: record it now, or the
  // next start-up (a reused corpus) rebuilds every document.
  await refreshIfReferenceChanged(rt.db);
  const refs = await loadReferenceSets(rt.db);
  const started = Date.now();
  for (let i = 0; i < ENTRIES; i += BATCH) {
    await saveRecords(rt.db, batch(i, Math.min(BATCH, ENTRIES - i), countries), { origin: 'import', checked: true, refs });
    if ((i / BATCH) % 10 === 0) ctx.log(`${kind}: ${i + BATCH} entries in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return (Date.now() - started) / 1000;
}

/** EXPLAIN (ANALYZE, BUFFERS) of what a search runs (the in-memory path and the SQL path it replaced). */
async function plans(rt: Runtime): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, , raw] of [QUERIES[2]!, QUERIES[5]!]) {
    const p = parseSearchParams(raw);
    if (!p.ok) continue;
    const parsed = parseQuery(p.value.q);
    const built = buildTsQuery(parsed, await analyseTerms(rt.db, UN_CONFIGS[p.value.hl], termTexts(parsed)));
    await inTransaction(rt.db, async (trx) => {
      await preferIndexScans(trx);
      out[`match: ${name}`] = await explain(trx, matchDocumentsQuery(built.tsquery!));
      out[`SQL path, facets: ${name}`] = await explain(trx, facetCountsQuery(built.tsquery, p.value.filters));
      out[`SQL path, page: ${name}`] = await explain(trx, resultPageQuery(built.tsquery, p.value.filters, { byRelevance: true, limit: 20, offset: 0 }));
    });
  }
  out['facet index load'] = await explain(rt.db, loadPackedDocumentsQuery());
  return out;
}

async function runOn(kind: 'pglite' | 'postgres', ctx: BenchContext) {
  const { database, drop, kept } = await openBenchDatabase(kind);
  const config = { ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: 'silent' }), rateLimitPerMinute: 10_000_000 };
  let server: TestServer | undefined;
  try {
    const opened = performance.now();
    const rt = await openRuntime(config, createLogger('silent'), { database });
    const migrateSeconds = Math.round((performance.now() - opened) / 100) / 10;
    const buildSeconds = await buildCorpus(rt, kind, ctx);
    // Settle before timing: statistics, hint bits and visibility map (VACUUM), dirty buffers written (CHECKPOINT).
    await sql`VACUUM ANALYZE`.execute(rt.db);
    if (kind === 'postgres') await sql`CHECKPOINT`.execute(rt.db);
    const size = await sql<{ docs: number; total: string; heap: string }>`
      SELECT count(*)::int AS docs, pg_size_pretty(pg_total_relation_size('search_documents')) AS total, pg_size_pretty(pg_relation_size('search_documents')) AS heap
      FROM search_documents`.execute(rt.db);
    server = await startTestServer({}, { ...rt, close: async () => {} });
    const s = server;

    // Reading the facet index again after a change (one statement, then decoded in memory).
    const reads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      new FacetIndex(await loadPackedDocuments(rt.db));
      reads.push(performance.now() - t0);
    }
    // The first search after a write: ten documents change date (their place in the date order),
    // then the same search; the facet and term indexes are patched from the change log. Four
    // writes, alternately +1 and -1 day, leave a kept corpus as it was.
    const someCase = (await sql<{ id: string }>`SELECT id FROM entries WHERE type = 'case' ORDER BY id LIMIT 1`.execute(rt.db)).rows[0]!.id;
    const afterWrite: number[] = [];
    for (let i = 0; i < 4; i++) {
      await timed(s, url({ q: 'assistance', hl: 'en' })); // the indexes are current
      await sql`UPDATE search_documents SET date = date + ${i % 2 ? -1 : 1}::int
                WHERE doc_no IN (SELECT doc_no FROM search_documents WHERE date IS NOT NULL ORDER BY doc_no LIMIT 10)`.execute(rt.db);
      afterWrite.push((await timed(s, url({ q: 'assistance', hl: 'en' }))).ms);
      await new Promise((r) => setTimeout(r, 1000));
    }
    ctx.log(`${kind}: index read ${JSON.stringify(stats(reads))}; first search after a write ${JSON.stringify(stats(afterWrite))}`);

    // The first time a process sees each query: the term index starts empty (each word's
    // documents are read from the database once, and kept when frequent).
    setMatchCacheBytes(rt.db, 0);
    setTermIndexBytes(rt.db, config.searchTermsMb * 2 ** 20);
    const firstSeen: Record<string, number> = {};
    for (const [name, , raw] of QUERIES) firstSeen[name] = Math.round((await timed(s, url(raw))).ms * 10) / 10;
    ctx.log(`${kind}: first time each query is seen (empty term index): ${JSON.stringify(firstSeen)}`);

    // Each query repeated: "database" with neither the term index nor the match cache (matched
    // in the database every time), "cold" without the match cache (matched again every time, with
    // the term index as a running process has it), "warm" with both (a query seen before at this
    // generation). The facet index is current in all three.
    const phases: Record<string, unknown> = {};
    // BENCH_SEARCH_PHASES=cold,warm skips the slow "database" phase (on a busy machine).
    const only = process.env.BENCH_SEARCH_PHASES?.split(',');
    for (const phase of (['database', 'cold', 'warm'] as const).filter((x) => !only || only.includes(x))) {
      setMatchCacheBytes(rt.db, phase === 'warm' ? config.searchCacheMb * 2 ** 20 : 0);
      if (phase !== 'warm') setTermIndexBytes(rt.db, phase === 'database' ? 0 : config.searchTermsMb * 2 ** 20);
      const queries: Record<string, ReturnType<typeof stats> & { kind: string; total: number }> = {};
      const byKind: Record<string, number[]> = { all: [] };
      for (const [name, kindOf, raw] of QUERIES) {
        const times: number[] = [];
        let total = 0;
        for (let i = 0; i < RUNS + 2; i++) {
          const { ms, body } = await timed(s, url(raw));
          total = (JSON.parse(body) as { total: number }).total;
          if (i >= 2) times.push(ms);
        }
        queries[name] = { kind: kindOf, total, ...stats(times) };
        (byKind[kindOf] ??= []).push(...times);
        byKind.all!.push(...times);
        ctx.log(`${kind} ${phase}: ${name}: ${JSON.stringify(queries[name])}`);
      }
      const overall = Object.fromEntries(Object.entries(byKind).map(([k, xs]) => [k, stats(xs)]));
      ctx.log(`${kind} ${phase}: overall ${JSON.stringify(overall)}`);
      const load = await throughput(s, QUERIES.map(([, , raw]) => url(raw)), CONCURRENCY, LOAD_SECONDS);
      ctx.log(`${kind} ${phase}: search at ${CONCURRENCY} clients: ${JSON.stringify(load)}`);
      phases[phase] = { queries, overall, [`search_at_${CONCURRENCY}_clients`]: load };
    }
    const memory = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [`${k}_mb`, Math.round(v / 2 ** 20)]));
    ctx.log(`${kind}: memory of the node after the phases: ${JSON.stringify(memory)}`);
    const entryLoad = await throughput(s, [`/en/cases/${someCase}`], CONCURRENCY, LOAD_SECONDS);
    ctx.log(`${kind}: entry page at ${CONCURRENCY} clients: ${JSON.stringify(entryLoad)}`);
    setMatchCacheBytes(rt.db, 0);
    const health = await healthDuringBroadSearch(s, url({ q: 'mutual legal assistance', hl: 'en' }), 4, LOAD_SECONDS);
    ctx.log(`${kind}: /healthz during broad searches (no match cache): ${JSON.stringify(health)}`);

    return {
      entries: ENTRIES,
      corpus: kept ? `kept in ${kept}` : 'temporary',
      ...(buildSeconds ? { build_seconds: Math.round(buildSeconds), entries_per_second: Math.round(ENTRIES / buildSeconds) } : { reused: true }),
      open_and_migrate_seconds: migrateSeconds,
      documents: size.rows[0]?.docs,
      search_documents_size: { total: size.rows[0]?.total, heap: size.rows[0]?.heap },
      load_average_at_end: os.loadavg().map((x) => Math.round(x * 10) / 10),
      facet_index_read: stats(reads),
      first_search_after_write: stats(afterWrite),
      first_time_each_query_is_seen_ms: firstSeen,
      ...phases,
      memory_after_phases: memory,
      corpus_vocabulary: CORPUS.vocabulary,
      [`entry_page_at_${CONCURRENCY}_clients`]: entryLoad,
      healthz_during_broad_search_without_match_cache: health,
      plans: await plans(rt),
    };
  } finally {
    await server?.app.close();
    await database.close();
    await drop?.();
  }
}

export default async function (ctx: BenchContext) {
  const out: Record<string, unknown> = { load_average_at_start: os.loadavg().map((x) => Math.round(x * 10) / 10) };
  // BENCH_SEARCH_DATABASES=postgres (or pglite) runs one of them only.
  const only = process.env.BENCH_SEARCH_DATABASES?.split(',');
  for (const kind of ctx.databases.filter((k) => !only || only.includes(k))) out[kind] = await runOn(kind, ctx);
  return out;
}
