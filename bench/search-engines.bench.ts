/**
 * The engine bake-off (issue 13 §4) on the natural-vocabulary corpus of search.bench.ts, on
 * PostgreSQL: a corpus kept by that benchmark (BENCH_SEARCH_DATABASE, required) is searched by
 *
 * - Palermo's engine (the search service in this process: thesaurus, both analyses, in-memory
 *   facet and term indexes, whole-entry ranking), without HTTP;
 * - plain PostgreSQL full text: websearch_to_tsquery in the query language, the same tsvector
 *   column and GIN index, ts_rank_cd (cover density), counts by type and country in SQL;
 * - MiniSearch (an in-process BM25+ engine: title, summary and body fields with boosts, fuzzy
 *   matching), every published language version indexed in this process.
 *
 * For each: the first time each query is seen and the same query repeated (p50/p95 of 20), memory,
 * start-up (index build), and the quality of the first 10 results of judged queries (a result is
 * relevant when the concept, in any of its listed forms, is in its title or summary, or at least
 * twice in its text).
 */
import os from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import MiniSearch from 'minisearch';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime } from '../src/runtime.js';
import { search } from '../src/modules/search/service.js';
import { parseSearchParams } from '../src/modules/search/domain/params.js';
import { UN_CONFIGS } from '../src/modules/search/domain/text.js';
import { setMatchCacheBytes } from '../src/modules/search/facet-cache.js';
import { PRACTITIONER_QUERIES, naturalCorpus } from './search-corpus.js';
import { rng, stats } from './search.bench.js';
import type { BenchContext } from './run.js';

const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 20);
/** BENCH_ENGINES=palermo,postgres,minisearch (default all). */
const ENGINES = process.env.BENCH_ENGINES?.split(',') ?? ['palermo', 'postgres', 'minisearch'];
const NAME = naturalCorpus(rng(7)).models.en.names[400]!;
const QUERIES = PRACTITIONER_QUERIES.map(([name, kind, raw]) => [name, kind, raw.q === 'NAME' ? { ...raw, q: NAME } : raw] as const);

/** Judged queries: the concept's forms (any language); relevant = in title or summary, or twice in the text. */
const JUDGED: Record<string, RegExp> = {
  'mutual legal assistance': /mutual legal assistance|\bMLAT?\b|entraide judiciaire|asistencia judicial|правов(ой|ая) помощ|المساعدة القانونية|司法协助/giu,
  extradition: /extradi|remise|выдач|экстради|تسليم|引渡/giu,
  'confiscation of proceeds': /confiscat|decomiso|конфиск|مصادر|没收/giu,
  '"joint investigation team" (phrase)': /joint investigation team|équipe commune d.enquête|equipo conjunto de investigación|совместн\S+ следственн|联合调查/giu,
  'controlled delivery + type case': /controlled deliver|livraison surveillée|entrega vigilada|контролируем\S+ поставк|التسليم المراقب|控制下交付/giu,
  'witness protection': /(protection|protect\S*) (of )?witness|witness protection|protection des témoins|protección de testigos|защит\S+ свидетел|حماية الشهود|保护证人/giu,
};

function relevant(concept: RegExp, e: { title: string; summary: string; text: string }): boolean {
  const count = (s: string) => (s.match(concept) ?? []).length;
  return count(e.title) + count(e.summary) > 0 || count(e.text) >= 2;
}

interface Engine {
  name: string;
  /** Ids of the first 10 results and the total. */
  run(raw: Record<string, string | string[]>): Promise<{ ids: string[]; total: number }>;
}

async function measure(engine: Engine, texts: Map<string, { title: string; summary: string; text: string }>) {
  const first: Record<string, number> = {};
  const repeated: Record<string, ReturnType<typeof stats> & { total: number }> = {};
  const all: number[] = [];
  const quality: Record<string, { relevant_in_top_10: number; found: number; top_3: string[] }> = {};
  for (const [name, , raw] of QUERIES) {
    const t0 = performance.now();
    const r = await engine.run(raw);
    first[name] = Math.round((performance.now() - t0) * 10) / 10;
    const judged = JUDGED[name];
    if (judged) {
      quality[name] = {
        relevant_in_top_10: r.ids.filter((id) => texts.has(id) && relevant(judged, texts.get(id)!)).length,
        found: r.total,
        top_3: r.ids.slice(0, 3).map((id) => texts.get(id)?.title.slice(0, 80) ?? id),
      };
    }
  }
  for (const [name, , raw] of QUERIES) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      total = (await engine.run(raw)).total;
      times.push(performance.now() - t0);
    }
    all.push(...times);
    repeated[name] = { total, ...stats(times) };
  }
  const firsts = Object.values(first);
  return { first_time_seen_ms: first, first_time_seen: stats(firsts), repeated, repeated_overall: stats(all), quality, precision_at_10: Object.values(quality).reduce((s, q) => s + q.relevant_in_top_10, 0) / (10 * Object.keys(quality).length) };
}

const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};

export default async function (ctx: BenchContext) {
  const name = process.env.BENCH_SEARCH_DATABASE;
  if (!name || !process.env.TEST_DATABASE_URL) throw new Error('search-engines: set TEST_DATABASE_URL and BENCH_SEARCH_DATABASE (a corpus kept by search.bench.ts)');
  const u = new URL(process.env.TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolMax: 10 });
  const rt = await openRuntime({ ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: 'silent' }), rateLimitPerMinute: 10_000_000 }, createLogger('silent'), { database });
  const out: Record<string, unknown> = { load_average_at_start: os.loadavg().map((x) => Math.round(x * 10) / 10), judged_rule: 'relevant = the concept (its forms in the six languages) in the title or summary, or at least twice in the text' };
  try {
    // The published texts, for judging (and for MiniSearch).
    const t0 = performance.now();
    const rows = await sql<{ id: string; type: string; country: string | null; lang: string; title: string; summary: string | null; text: string | null }>`
      SELECT e.id, e.type, e.country, t.lang, t.title, t.summary, concat_ws(' ', t.body, t.facts, t.decision, t.commentary) AS text
      FROM entries e JOIN entry_texts t ON t.entry_id = e.id WHERE t.status = 'published'`.execute(rt.db);
    ctx.log(`read ${rows.rows.length} language versions in ${Math.round(performance.now() - t0)} ms`);
    const texts = new Map<string, { title: string; summary: string; text: string }>();
    for (const r of rows.rows) {
      const had = texts.get(r.id);
      texts.set(r.id, { title: `${had?.title ?? ''} ${r.title}`, summary: `${had?.summary ?? ''} ${r.summary ?? ''}`, text: `${had?.text ?? ''} ${r.text ?? ''}` });
    }

    // Palermo: the service (no HTTP), match cache off for "repeated" (every search matched again).
    const heap0 = heapMb();
    const palermo: Engine = {
      name: 'palermo',
      async run(raw) {
        const p = parseSearchParams({ per_page: '10', ...raw });
        if (!p.ok) throw new Error(JSON.stringify(p));
        const r = await search(rt.db, p.value);
        return { ids: r.results.map((x) => x.id), total: r.total };
      },
    };
    setMatchCacheBytes(rt.db, 0);
    if (ENGINES.includes('palermo')) out.palermo = { ...(await measure(palermo, texts)), heap_mb_after: heapMb(), heap_mb_added: heapMb() - heap0 };
    ctx.log(`palermo: ${JSON.stringify((out.palermo as { repeated_overall: unknown } | undefined)?.repeated_overall)}`);

    // Plain PostgreSQL: the same vectors and GIN index, websearch_to_tsquery, ts_rank_cd.
    const pool = new pg.Pool({ connectionString: u.toString(), max: 4 });
    const postgres: Engine = {
      name: 'postgres',
      async run(raw) {
        const cfg = UN_CONFIGS[(raw.hl as keyof typeof UN_CONFIGS) ?? 'en'];
        const types = raw.type ? [raw.type].flat() : null;
        const countries = raw.country ? [raw.country].flat() : null;
        const r = await pool.query<{ total: number; ids: string[] | null; by_type: unknown; by_country: unknown }>(
          `WITH q AS (SELECT websearch_to_tsquery($1::regconfig, $2) AS q),
                hits AS (SELECT d.entry_id, d.type, d.country, d.date, m.document FROM search_match m JOIN search_documents d ON d.doc_no = m.doc_no, q
                         WHERE m.document @@ q.q AND ($3::text[] IS NULL OR d.type = ANY($3)) AND ($4::text[] IS NULL OR d.country = ANY($4)))
           SELECT (SELECT count(*)::int FROM hits) AS total,
                  (SELECT array_agg(entry_id) FROM (SELECT h.entry_id::text AS entry_id FROM hits h, q ORDER BY ts_rank_cd(h.document, q.q) DESC, h.date DESC NULLS LAST, h.entry_id LIMIT 10) t) AS ids,
                  (SELECT json_object_agg(type, n) FROM (SELECT type, count(*) AS n FROM hits GROUP BY type) t) AS by_type,
                  (SELECT json_object_agg(country, n) FROM (SELECT country, count(*) AS n FROM hits WHERE country IS NOT NULL GROUP BY country ORDER BY n DESC LIMIT 20) t) AS by_country`,
          [cfg, raw.q, types, countries],
        );
        return { ids: r.rows[0]!.ids ?? [], total: r.rows[0]!.total };
      },
    };
    if (ENGINES.includes('postgres')) out.postgres_fts = { ...(await measure(postgres, texts)), gin_index: (await sql<{ s: string }>`SELECT pg_size_pretty(pg_relation_size('search_match_document_idx')) AS s`.execute(rt.db)).rows[0]!.s };
    ctx.log(`postgres: ${JSON.stringify((out.postgres_fts as { repeated_overall: unknown } | undefined)?.repeated_overall)}`);
    await pool.end();

    if (!ENGINES.includes('minisearch')) return out;
    // MiniSearch: every language version a document (title, summary, body fields), facets counted from the results.
    const heap1 = heapMb();
    const t1 = performance.now();
    const mini = new MiniSearch<{ id: string; entry: string; type: string; country: string | null; title: string; summary: string; text: string }>({
      fields: ['title', 'summary', 'text'],
      storeFields: ['entry', 'type', 'country'],
      searchOptions: { boost: { title: 3, summary: 1.5 }, fuzzy: (term) => (term.length >= 6 ? 0.2 : 0), combineWith: 'AND' },
    });
    for (const r of rows.rows) mini.add({ id: `${r.id}:${r.lang}`, entry: r.id, type: r.type, country: r.country, title: r.title, summary: r.summary ?? '', text: r.text ?? '' });
    const buildMs = Math.round(performance.now() - t1);
    const heapMini = heapMb() - heap1;
    ctx.log(`minisearch: built in ${buildMs} ms, ${heapMini} MB`);
    const minisearch: Engine = {
      name: 'minisearch',
      async run(raw) {
        const types = raw.type ? [raw.type].flat() : undefined;
        const countries = raw.country ? [raw.country].flat() : undefined;
        const q = String(raw.q ?? '').replace(/"/g, '');
        const results = mini.search(q, { filter: (x) => (!types || types.includes(x.type)) && (!countries || countries.includes(x.country)) });
        const byType = new Map<string, number>();
        const seen = new Set<string>();
        const ids: string[] = [];
        for (const x of results) {
          if (seen.has(x.entry)) continue;
          seen.add(x.entry);
          byType.set(x.type, (byType.get(x.type) ?? 0) + 1);
          if (ids.length < 10) ids.push(x.entry);
        }
        return { ids, total: seen.size };
      },
    };
    out.minisearch = { ...(await measure(minisearch, texts)), build_ms: buildMs, heap_mb: heapMini, documents: mini.documentCount };
    ctx.log(`minisearch: ${JSON.stringify((out.minisearch as { repeated_overall: unknown }).repeated_overall)}`);
    out.load_average_at_end = os.loadavg().map((x) => Math.round(x * 10) / 10);
    return out;
  } finally {
    await database.close();
  }
}
