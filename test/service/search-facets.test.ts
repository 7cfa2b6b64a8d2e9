import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, aStrategy, aTreaty, anExtract } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { runSearch, search, type SearchOutcome } from '../../src/modules/search/service.js';
import { parseSearchParams, type FacetName, type RawQuery } from '../../src/modules/search/domain/params.js';

async function run(rt: TestRuntime, raw: RawQuery): Promise<SearchOutcome> {
  const p = parseSearchParams(raw);
  assert.ok(p.ok, JSON.stringify(p));
  return search(rt.db, p.value);
}

/** {value: count} of one facet, leaving out zero counts of unselected values. */
function counts(r: SearchOutcome, facet: FacetName): Record<string, number> {
  return Object.fromEntries(r.facets[facet].filter((v) => v.count > 0).map((v) => [v.value, v.count]));
}

/**
 * The database also holds the real reference instruments (UNTOC, UNCAC, ...), loaded at start-up.
 * Facet counts are compared as what the fixtures add to the same search run before they were saved.
 */
function added(r: SearchOutcome, base: SearchOutcome, facet: FacetName): Record<string, number> {
  const before = counts(base, facet);
  return Object.fromEntries(
    Object.entries(counts(r, facet))
      .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
      .filter(([, v]) => v !== 0),
  );
}

describe('search facets', () => {
  let rt: TestRuntime;
  const inst = aTreaty({
    id: 'tst-inst',
    kind: 'universal',
    short_name: 'TST',
    adopted_on: '2000-11-15',
    parties: [],
    texts: { en: { title: 'Test convention' } },
    provisions: [
      { number: '16', titles: { en: 'Extradition', fr: 'Extradition' }, terms: ['cooperation:extradition'] },
      { number: '18', titles: { en: 'Mutual legal assistance', fr: 'Entraide judiciaire' }, terms: ['cooperation:mla'] },
    ],
  });
  const t1 = aTreaty({ id: 'f-t1' }); // bilateral FRA-ITA, 2001
  const c1 = aCase({ id: 'f-c1', country: 'ITA', cooperating_states: ['ESP'], crime_types: ['drug-offences'], cooperation_types: ['extradition'], decision_date: '2019-05-14', articles: ['tst-inst:16'] });
  const c2 = aCase({
    id: 'f-c2',
    country: 'FRA',
    cooperating_states: ['COL'],
    crime_types: ['trafficking-in-persons'],
    cooperation_types: ['mla'],
    decision_date: '2020-02-01',
    articles: ['tst-inst:18'],
    texts: { en: { title: 'Mutual legal assistance in a trafficking case' }, fr: { title: 'Entraide judiciaire dans une affaire de traite' } },
  });
  const c3 = aCase({
    id: 'f-c3',
    country: 'ESP',
    cooperating_states: [],
    crime_types: ['drug-offences'],
    cooperation_types: ['mla', 'extradition'],
    decision_date: '2020-07-01',
    texts: { es: { title: 'Decomiso de bienes de una organización', summary: 'La Audiencia Nacional ordenó el decomiso.' } },
  });
  const law = aLaw({ id: 'f-law' });
  const l1 = anExtract(law.id, { id: 'f-l1', cooperation_types: ['mla'], articles: ['tst-inst:18'] });
  const s1 = aStrategy({ id: 'f-s1', crime_types: ['drug-offences'] });

  /** The same searches on the reference data alone, before the fixtures are saved. */
  const baseline = new Map<string, SearchOutcome>();
  const BASELINE_QUERIES: RawQuery[] = [{}, { type: 'case' }, { type: 'case', crime: 'drug-offences' }, { year: '2020', lang: 'es' }, { region: '419' }];
  const base = (raw: RawQuery) => baseline.get(JSON.stringify(raw))!;

  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    for (const raw of BASELINE_QUERIES) baseline.set(JSON.stringify(raw), await run(rt, raw));
    await saveRecords(rt.db, [inst], { origin: 'import' });
    await saveRecords(rt.db, [t1, c1, c2, c3, law, l1, s1], { origin: 'import' });
  });
  after(async () => rt?.close());

  it('counts every facet without filters', async () => {
    const r = await run(rt, {});
    const b = base({});
    assert.equal(r.total - b.total, 7);
    assert.deepEqual(added(r, b, 'type'), { legislation: 1, case: 3, treaty: 2, strategy: 1 });
    assert.deepEqual(added(r, b, 'country'), { FRA: 3, ITA: 2, ESP: 3, COL: 1 });
    assert.deepEqual(added(r, b, 'region'), { '150': 6, '155': 3, '039': 4, '019': 1, '419': 1 });
    assert.deepEqual(added(r, b, 'instrument'), { 'tst-inst': 3 });
    assert.deepEqual(added(r, b, 'article'), { 'tst-inst:16': 1, 'tst-inst:18': 2 });
    assert.deepEqual(added(r, b, 'crime'), { 'drug-offences': 3, 'trafficking-in-persons': 1 });
    assert.deepEqual(added(r, b, 'cooperation'), { mla: 3, extradition: 2 });
    assert.deepEqual(added(r, b, 'year'), { '2000': 1, '2001': 1, '2004': 1, '2019': 2, '2020': 2 });
    assert.deepEqual(added(r, b, 'lang'), { en: 5, fr: 2, es: 2 });
    assert.deepEqual(added(r, b, 'issue'), {});
  });

  it('counts each facet with all filters except its own', async () => {
    const r = await run(rt, { type: 'case' });
    const b = base({ type: 'case' });
    assert.equal(r.total, 3, 'the reference data holds no cases');
    assert.deepEqual(added(r, b, 'type'), { legislation: 1, case: 3, treaty: 2, strategy: 1 }, 'the type facet ignores the type filter');
    assert.deepEqual(counts(r, 'country'), { ITA: 1, ESP: 2, FRA: 1, COL: 1 });
    assert.deepEqual(counts(r, 'cooperation'), { mla: 2, extradition: 2 });
    assert.deepEqual(counts(r, 'year'), { '2019': 1, '2020': 2 });

    const both = await run(rt, { type: 'case', crime: 'drug-offences' });
    assert.equal(both.total, 2);
    assert.deepEqual(added(both, base({ type: 'case', crime: 'drug-offences' }), 'type'), { case: 2, strategy: 1 }, 'type counts apply the crime filter only');
    assert.deepEqual(counts(both, 'crime'), { 'drug-offences': 2, 'trafficking-in-persons': 1 }, 'crime counts apply the type filter only');
    assert.deepEqual(counts(both, 'country'), { ITA: 1, ESP: 2 });
    assert.deepEqual(counts(both, 'cooperation'), { mla: 1, extradition: 2 });

    const langYear = await run(rt, { year: '2020', lang: 'es' });
    assert.equal(langYear.total, 1);
    assert.deepEqual(counts(langYear, 'lang'), { en: 1, fr: 1, es: 1 });
    assert.deepEqual(added(langYear, base({ year: '2020', lang: 'es' }), 'year'), { '2020': 1, '2019': 1 });
  });

  it('ORs values within a facet and ANDs facets', async () => {
    assert.equal((await run(rt, { crime: ['drug-offences', 'trafficking-in-persons'] })).total, 4);
    assert.equal((await run(rt, { country: ['FRA', 'COL'] })).total, 3);
    assert.equal((await run(rt, { country: ['FRA', 'COL'], type: 'treaty' })).total, 1);
    const region = await run(rt, { region: '419' });
    assert.deepEqual(region.results.map((x) => x.id), ['f-c2']);
    assert.deepEqual(added(region, base({ region: '419' }), 'region'), { '150': 6, '155': 3, '039': 4, '019': 1, '419': 1 });
    const article = await run(rt, { article: 'tst-inst:18' });
    assert.deepEqual(article.results.map((x) => x.id), ['f-c2', 'f-l1']);
  });

  it('keeps a selected value listed with count 0 and combines facets with a query', async () => {
    const r = await run(rt, { q: 'extradition', hl: 'en', country: 'COL' });
    assert.equal(r.total, 0);
    assert.deepEqual(r.facets.country.find((v) => v.value === 'COL'), { value: 'COL', label: 'Colombia', count: 0 });
    const q = await run(rt, { q: 'extradition', hl: 'en', type: 'case' });
    assert.deepEqual(q.results.map((x) => x.id), ['f-c1', 'f-c3'], 'the title match outranks the label match');
    assert.equal(counts(q, 'type').case, 2);
    assert.deepEqual(counts(q, 'country'), { ITA: 1, ESP: 2 });
  });

  it('labels values in the reader\u2019s language and orders sub-regions under their region', async () => {
    const r = await run(rt, { hl: 'fr' });
    const label = (f: FacetName, v: string) => r.facets[f].find((x) => x.value === v)?.label;
    assert.equal(label('country', 'ITA'), 'Italie');
    assert.equal(label('region', '039'), 'Europe méridionale');
    assert.equal(label('cooperation', 'mla'), 'Entraide judiciaire');
    assert.equal(label('article', 'tst-inst:18'), 'TST 18 — Entraide judiciaire');
    assert.equal(label('instrument', 'tst-inst'), 'Test convention');
    assert.equal(label('lang', 'es'), 'Espagnol');
    assert.equal(label('type', 'case'), 'Jurisprudence');
    assert.deepEqual(r.facets.region.map((v) => v.value), ['150', '039', '155', '019', '419']);
    assert.equal(r.facets.region.find((v) => v.value === '419')?.parent, '019');
  });

  it('sorts by date without a query, paginates with a stable total', async () => {
    const total = (await run(rt, {})).total;
    const pages = await Promise.all([1, 2].map((page) => run(rt, { per_page: '2', page: String(page) })));
    assert.deepEqual(pages.map((p) => p.results.map((x) => x.id)), [['f-c3', 'f-c2'], ['f-c1', 'f-s1']]);
    const last = await run(rt, { per_page: '2', page: String(Math.ceil(total / 2)) });
    assert.equal(last.results.length, total % 2 || 2, 'the last page holds the remainder');
    assert.ok([...pages, last].every((p) => p.total === total));
    const all = await run(rt, { per_page: '100' });
    const dates = all.results.map((x) => x.date ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    const beyond = await run(rt, { per_page: '2', page: '99' });
    assert.equal(beyond.total, total);
    assert.deepEqual(beyond.results, []);
    const byDate = await run(rt, { q: 'extradition', sort: 'date', type: 'case' });
    assert.deepEqual(byDate.results.map((x) => x.id), ['f-c3', 'f-c1']);
  });

  it('shows each result in the reader\u2019s language, a filtered language, or a fallback, with its badges', async () => {
    const title = async (raw: RawQuery, id: string) => (await run(rt, { per_page: '100', ...raw })).results.find((x) => x.id === id);
    assert.equal((await title({ hl: 'fr' }, 'f-c2'))?.title, 'Entraide judiciaire dans une affaire de traite');
    assert.equal((await title({ hl: 'ru' }, 'f-c2'))?.lang, 'en');
    assert.equal((await title({ hl: 'en', lang: 'fr' }, 'f-c2'))?.lang, 'fr');
    const mt = await title({ hl: 'en' }, 'f-l1');
    assert.equal(mt?.machine_translated, true);
    assert.equal(mt?.url, '/en/legislation/f-l1');
    assert.match(mt?.context ?? '', /Art\. 694/);
    assert.equal((await title({ hl: 'fr' }, 'f-l1'))?.machine_translated, false);
    assert.equal((await title({ hl: 'zh' }, 'f-c2'))?.url, '/zh/cases/f-c2');
  });

  it('records every search for statistics, without personal data', async () => {
    const p = parseSearchParams({ q: 'extradition\u0000', hl: 'en', type: 'case' });
    assert.ok(p.ok);
    const lines: object[] = [];
    const log = { info: (o: object) => lines.push(o), warn: (o: object) => lines.push(o) };
    const r = await runSearch(rt.db, p.value, { source: 'api', log });
    const rows = await sql<{ query: string; hl: string; filters: Record<string, string[]>; total: number; duration_ms: number; source: string }>`
      SELECT query, hl, filters, total, duration_ms, source FROM search_queries ORDER BY id DESC LIMIT 1`.execute(rt.db);
    assert.deepEqual({ ...rows.rows[0], duration_ms: 0 }, { query: 'extradition', hl: 'en', filters: { type: ['case'] }, total: r.total, duration_ms: 0, source: 'api' });
    assert.ok(rows.rows[0]!.duration_ms >= 0);
    const line = lines[0] as { search: { q_length: number; total: number; ms: number; filters: object } };
    assert.equal(line.search.q_length, 12);
    assert.equal(line.search.total, r.total);
    assert.deepEqual(line.search.filters, { type: ['case'] });
  });
});
