/**
 * Portal page models at scale: home (counts, recent), countries (counts per State), a country
 * profile, an article page (entries tagged with the article), an entry, a large law.
 * PORTAL_BENCH_ENTRIES (default 20000) legislation extracts + a quarter as many cases.
 */
import type { Bench } from './run.js';
import { createTestRuntime } from '../test/helpers/db.js';
import { seedPortal } from '../test/http/portal-fixture.js';
import { saveRecords } from '../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../src/modules/knowledge/domain/schemas.js';
import { aCase, aLaw, anExtract } from '../test/factories/knowledge.js';
import { articleModel, countriesModel, countryModel, entryModel, homeModel, lawModel } from '../src/modules/portal/service.js';
import { forgetOverview, getPublicEntry, refreshStatistics } from '../src/modules/knowledge/queries.js';

const COUNTRIES = ['FRA', 'DEU', 'ITA', 'ESP', 'RUS', 'COL', 'EGY', 'CHN'];

async function time(fn: () => Promise<unknown>, runs = 7): Promise<{ median_ms: number; max_ms: number }> {
  await fn(); // warm caches (reference lists, plans)
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { median_ms: Math.round(t[Math.floor(t.length / 2)]! * 10) / 10, max_ms: Math.round(t[t.length - 1]! * 10) / 10 };
}

const bench: Bench = async (ctx) => {
  const n = Number(process.env.PORTAL_BENCH_ENTRIES ?? 20000);
  const out: Record<string, unknown> = {};
  for (const database of ctx.databases) {
    if (database === 'postgres') process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
    const saved = process.env.TEST_DATABASE_URL;
    if (database === 'pglite') delete process.env.TEST_DATABASE_URL;
    const rt = await createTestRuntime();
    if (saved) process.env.TEST_DATABASE_URL = saved;
    try {
      const f = await seedPortal(rt.db);
      const article = `${f.instrument.id}:18`;
      const started = Date.now();
      const lawsPerCountry = Math.max(1, Math.round(n / 200 / COUNTRIES.length));
      const laws = COUNTRIES.flatMap((country) => Array.from({ length: lawsPerCountry }, () => aLaw({ country })));
      await saveRecords(rt.db, laws, { origin: 'import' });
      const bigLaw = laws[0]!;
      for (let i = 0; i < n; i += 2000) {
        const batch: KnowledgeRecord[] = [];
        for (let j = i; j < Math.min(n, i + 2000); j++) {
          const law = j < 600 ? bigLaw : laws[j % laws.length]!;
          batch.push(anExtract(law.id, { country: law.country, position: j, articles: j % 2 ? [article] : [], cooperation_types: ['mla'] }));
          if (j % 4 === 0) {
            batch.push(
              aCase({
                country: COUNTRIES[j % COUNTRIES.length]!,
                cooperating_states: [COUNTRIES[(j + 3) % COUNTRIES.length]!],
                decision_date: `20${String(10 + (j % 15)).padStart(2, '0')}-0${1 + (j % 9)}-1${j % 9}`,
                articles: j % 8 === 0 ? [article] : [],
              }),
            );
          }
        }
        await saveRecords(rt.db, batch, { origin: 'import', checked: true });
      }
      ctx.log(`${database}: seeded ${n} extracts and ${Math.ceil(n / 4)} cases in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      // Without planner statistics (PGlite has no autovacuum; a server may not have analyzed yet).
      const without_statistics = {
        country_profile: await time(() => countryModel(rt.db, 'FRA'), 3),
        article_page: await time(() => articleModel(rt.db, f.instrument.id, '18'), 3),
      };
      const s = performance.now();
      const analyzed = await refreshStatistics(rt.db);
      const analyze_ms = Math.round(performance.now() - s);
      out[database] = {
        entries: n + Math.ceil(n / 4),
        without_statistics,
        refresh_statistics: { tables: analyzed.length, ms: analyze_ms },
        home_uncached: await time(() => {
          forgetOverview(rt.db);
          return homeModel(rt.db);
        }),
        home_cached: await time(() => homeModel(rt.db)),
        countries_uncached: await time(() => {
          forgetOverview(rt.db);
          return countriesModel(rt.db);
        }),
        country_profile: await time(() => countryModel(rt.db, 'FRA')),
        article_page: await time(() => articleModel(rt.db, f.instrument.id, '18')),
        case_page: await time(() => entryModel(rt.db, 'case', f.hostileCase.id)),
        treaty_page: await time(() => entryModel(rt.db, 'treaty', f.instrument.id)),
        law_page_600_extracts: await time(() => lawModel(rt.db, bigLaw.id)),
        api_case: await time(() => getPublicEntry(rt.db, f.hostileCase.id, 'case')),
      };
      ctx.log(`${database}: ${JSON.stringify(out[database])}`);
    } finally {
      await rt.close();
    }
  }
  return out;
};

export default bench;
