/**
 * Search at scale: builds a synthetic corpus (default 100,000 entries; BENCH_SEARCH_ENTRIES to
 * change) through saveRecords, then times typical searches (p50/p95 of the whole search service:
 * term analysis, facet counts, result page, snippets, labels) on PGlite and, when
 * TEST_DATABASE_URL or BENCH_DATABASE_URL is set, on PostgreSQL, with EXPLAIN ANALYZE there.
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { json } from '../src/platform/db/types.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { saveRecords, loadReferenceSets } from '../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../src/modules/knowledge/domain/schemas.js';
import { search } from '../src/modules/search/service.js';
import { parseSearchParams, type RawQuery } from '../src/modules/search/domain/params.js';
import { buildTsQuery, parseQuery, termTexts } from '../src/modules/search/domain/query.js';
import { UN_CONFIGS } from '../src/modules/search/domain/text.js';
import { analyseTerms, explain, facetCountsQuery, preferIndexScans, resultPageQuery } from '../src/modules/search/repository/search.js';
import { inTransaction } from '../src/platform/db/batch.js';
import { ensureTestReference } from '../test/factories/reference.js';
import type { BenchContext } from './run.js';

const ENTRIES = Number(process.env.BENCH_SEARCH_ENTRIES ?? 100_000);
const BATCH = 1000;
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 12);

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

const WORDS: Record<string, string[]> = {
  en: 'request assistance extradition court evidence offence person proceeds confiscation authority state law criminal group organized trafficking money laundering seizure witness investigation prosecution judicial mutual legal cooperation article convention transfer sentence freezing property bank records service documents hearing video conference dual criminality refusal grounds execution central'.split(' '),
  fr: 'demande entraide extradition tribunal preuve infraction personne produit confiscation autorité État loi pénale groupe criminel organisé traite blanchiment saisie témoin enquête poursuite judiciaire coopération article convention transfèrement peine gel biens documents audition vidéoconférence double incrimination refus motifs exécution centrale'.split(' '),
  es: 'solicitud asistencia extradición tribunal prueba delito persona producto decomiso autoridad Estado ley penal grupo delictivo organizado trata blanqueo incautación testigo investigación enjuiciamiento judicial recíproca cooperación artículo convención traslado condena embargo bienes documentos audiencia videoconferencia doble incriminación denegación motivos ejecución central'.split(' '),
  ru: 'запрос помощь выдача суд доказательство преступление лицо доходы конфискация орган государство закон уголовный группа организованный торговля отмывание арест свидетель расследование преследование судебный взаимный сотрудничество статья конвенция передача приговор замораживание имущество документы заслушивание видеоконференция двойная преступность отказ основания исполнение центральный'.split(' '),
  ar: 'طلب المساعدة تسليم المحكمة الأدلة الجريمة الشخص العائدات المصادرة السلطة الدولة القانون الجنائي الجماعة الإجرامية المنظمة الاتجار غسل الحجز الشاهد التحقيق الملاحقة القضائية المتبادلة التعاون المادة الاتفاقية نقل الحكم تجميد الممتلكات المستندات الاستماع التداول بالفيديو ازدواجية التجريم الرفض الأسباب التنفيذ المركزية'.split(' '),
  zh: '请求 司法协助 引渡 法院 证据 犯罪 人员 收益 没收 主管机关 国家 法律 刑事 有组织 犯罪集团 贩运 洗钱 扣押 证人 调查 起诉 司法 合作 条款 公约 移交 判决 冻结 财产 文件 听证 视频会议 双重犯罪 拒绝 理由 执行 中央机关'.split(' '),
};
const LANG_MIX = ['en', 'en', 'en', 'fr', 'es', 'en', 'ru', 'ar', 'fr', 'zh', 'es', 'en'];

function text(lang: string, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(WORDS[lang]!));
  const s = out.join(lang === 'zh' ? '' : ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function texts(): Record<string, { title: string; summary?: string; body?: string }> {
  const first = pick(LANG_MIX);
  const langs = random() < 0.3 ? [first, first === 'en' ? 'fr' : 'en'] : [first];
  return Object.fromEntries(langs.map((l) => [l, { title: text(l, 6), summary: text(l, 25), body: text(l, 90) }]));
}

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

const QUERIES: [name: string, raw: RawQuery][] = [
  ['browse everything (no query, no filter)', {}],
  ['database page: legislation', { type: 'legislation' }],
  ['common word, en', { q: 'assistance', hl: 'en' }],
  ['two words + country + crime facets', { q: 'extradition request', hl: 'en', country: 'FRA', crime: 'drug-offences' }],
  ['phrase, en', { q: '"mutual legal"', hl: 'en' }],
  ['rare word', { q: 'videoconference', hl: 'en' }],
  ['fr through labels', { q: 'entraide judiciaire', hl: 'fr' }],
  ['zh 4 characters', { q: '司法协助', hl: 'zh' }],
  ['ar', { q: 'المساعدة القانونية', hl: 'ar' }],
  ['exclusion + OR', { q: 'confiscation OR seizure -bank', hl: 'en' }],
  ['region + year + lang facets, no query', { region: '150', year: ['2010', '2011'], lang: 'fr' }],
  ['deep page (page 50), sort by date', { q: 'court', hl: 'en', sort: 'date', page: '50' }],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

async function runOn(kind: 'pglite' | 'postgres', ctx: BenchContext) {
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (kind === 'postgres' && url) {
    const name = `palermo_bench_${Date.now()}`;
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ url: u.toString(), poolMax: 5 });
    drop = async () => {
      const c = new pg.default.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else database = await openDatabase({ embedded: 'memory://' });
  const rt = await openRuntime({ ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: 'silent' }) }, createLogger('silent'), { database });
  try {
    const countries = await setupReference(rt);
    const refs = await loadReferenceSets(rt.db);
    const started = Date.now();
    for (let i = 0; i < ENTRIES; i += BATCH) {
      await saveRecords(rt.db, batch(i, Math.min(BATCH, ENTRIES - i), countries), { origin: 'import', checked: true, refs });
      if ((i / BATCH) % 10 === 0) ctx.log(`${kind}: ${i + BATCH} entries in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const buildSeconds = (Date.now() - started) / 1000;
    // Settle before timing: statistics, hint bits and visibility map (VACUUM), dirty buffers written (CHECKPOINT).
    await sql`VACUUM ANALYZE`.execute(rt.db);
    if (kind === 'postgres') await sql`CHECKPOINT`.execute(rt.db);
    const size = await sql<{ docs: number; bytes: string }>`SELECT count(*)::int AS docs, pg_size_pretty(pg_total_relation_size('search_documents')) AS bytes FROM search_documents`.execute(rt.db);
    const queries: Record<string, { p50_ms: number; p95_ms: number; total: number }> = {};
    for (const [name, raw] of QUERIES) {
      const p = parseSearchParams(raw);
      if (!p.ok) throw new Error(`${name}: ${JSON.stringify(p.issues)}`);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS + 2; i++) {
        const t0 = performance.now();
        total = (await search(rt.db, p.value)).total;
        if (i >= 2) times.push(performance.now() - t0);
      }
      queries[name] = { p50_ms: pct(times, 50), p95_ms: pct(times, 95), total };
      ctx.log(`${kind}: ${name}: p50 ${queries[name].p50_ms} ms, p95 ${queries[name].p95_ms} ms (${total} results)`);
    }
    const plans: Record<string, string[]> = {};
    if (kind === 'postgres') {
      for (const [name, raw] of [QUERIES[0]!, QUERIES[3]!]) {
        const p = parseSearchParams(raw);
        if (!p.ok) continue;
        const parsed = parseQuery(p.value.q);
        const built = buildTsQuery(parsed, await analyseTerms(rt.db, UN_CONFIGS[p.value.hl], termTexts(parsed)));
        // As the service runs them: in a transaction preferring index scans for text queries.
        await inTransaction(rt.db, async (trx) => {
          if (built.tsquery) await preferIndexScans(trx);
          plans[`facets: ${name}`] = await explain(trx, facetCountsQuery(built.tsquery, p.value.filters));
          plans[`page: ${name}`] = await explain(trx, resultPageQuery(built.tsquery, p.value.filters, { byRelevance: Boolean(built.tsquery), limit: 20, offset: 0 }));
        });
      }
    }
    return { entries: ENTRIES, build_seconds: Math.round(buildSeconds), entries_per_second: Math.round(ENTRIES / buildSeconds), documents: size.rows[0]?.docs, search_documents_size: size.rows[0]?.bytes, queries, plans };
  } finally {
    await database.close();
    await drop?.();
  }
}

export default async function (ctx: BenchContext) {
  const out: Record<string, unknown> = {};
  for (const kind of ctx.databases) out[kind] = await runOn(kind, ctx);
  return out;
}
