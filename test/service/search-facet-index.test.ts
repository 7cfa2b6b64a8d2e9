import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, anExtract } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../../src/modules/knowledge/domain/schemas.js';
import { search } from '../../src/modules/search/service.js';
import { reindexAll } from '../../src/modules/search/indexer.js';
import { parseSearchParams, type RawQuery } from '../../src/modules/search/domain/params.js';
import { buildTsQuery, parseQuery, termTexts } from '../../src/modules/search/domain/query.js';
import { UN_CONFIGS } from '../../src/modules/search/domain/text.js';
import { analyseTerms, facetCounts, preferIndexScans, resultPage } from '../../src/modules/search/repository/search.js';
import { inTransaction } from '../../src/platform/db/batch.js';
import { expandTerms } from '../../src/modules/search/thesaurus.js';

/**
 * The in-memory facet index (counts, filters, order of pages) must give exactly what the SQL
 * it replaced gives: compared on a varied corpus for many parameter combinations.
 */
const WORDS = ['extradition', 'assistance', 'evidence', 'mutual', 'legal', 'confiscation', 'seizure', 'court', 'request', 'witness'];
const COUNTRIES = ['FRA', 'ITA', 'ESP', 'COL', 'DEU'];
const CRIMES = ['drug-offences', 'trafficking-in-persons', 'money-laundering'];

function corpus(): KnowledgeRecord[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const law = aLaw({ id: 'fi-law', country: 'FRA' });
  const out: KnowledgeRecord[] = [law];
  for (let i = 0; i < 60; i++) {
    const texts = { en: { title: `${words(3)} ${i}`, summary: words(12) }, ...(i % 4 === 0 ? { fr: { title: `Entraide ${i}` } } : {}) };
    const tags = { crime_types: i % 3 ? [pick(CRIMES)] : [], cooperation_types: i % 2 ? ['mla'] : ['extradition'] };
    if (i % 3 === 0) out.push(anExtract(law.id, { id: `fi-l${i}`, texts, ...tags }));
    else {
      // Some cases share a date, so the entry id decides their order.
      const date = `20${String(10 + (i % 7)).padStart(2, '0')}-0${1 + (i % 5)}-1${i % 2}`;
      const country = pick(COUNTRIES);
      out.push(aCase({ id: `fi-c${i}`, country, cooperating_states: [pick(COUNTRIES.filter((c) => c !== country))], decision_date: date, texts, ...tags }));
    }
  }
  return out;
}

const QUERIES: RawQuery[] = [
  {},
  { type: 'case' },
  { type: 'case', crime: 'drug-offences' },
  { country: ['FRA', 'COL'], cooperation: 'mla', year: ['2012', '2013'] },
  { q: 'extradition', hl: 'en' },
  { q: 'extradition', hl: 'en', sort: 'date' },
  { q: 'mutual legal', hl: 'en', country: 'ITA' },
  { q: '"mutual legal"', hl: 'en' },
  { q: 'assistance OR seizure -court', hl: 'en', per_page: '7', page: '2' },
  { q: '-witness', hl: 'en' },
  { q: 'evidence request', hl: 'en', crime: ['drug-offences', 'money-laundering'], type: 'case', per_page: '5' },
  { q: 'confiscation', hl: 'en', page: '3', per_page: '4' },
  { q: 'entraide', hl: 'fr', lang: 'fr' },
  { q: 'extradition', hl: 'en', country: 'ZZZ' },
];

describe('search: in-memory facet index', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    await saveRecords(rt.db, corpus(), { origin: 'import' });
  });
  after(async () => rt?.close());

  /** What the SQL path gives: one pass for the facets, one for the page. */
  async function inSql(raw: RawQuery) {
    const p = parseSearchParams(raw);
    assert.ok(p.ok);
    // Expanded with the thesaurus, as the service does before choosing the in-memory or the SQL path.
    const { query: parsed, equivalents } = await expandTerms(rt.db, parseQuery(p.value.q));
    const built = buildTsQuery(parsed, await analyseTerms(rt.db, UN_CONFIGS[p.value.hl], termTexts(parsed)), equivalents);
    const byRelevance = (p.value.sort ?? (p.value.q.trim() ? 'relevance' : 'date')) === 'relevance' && built.positive;
    return inTransaction(rt.db, async (trx) => {
      if (built.tsquery) await preferIndexScans(trx);
      const counts = await facetCounts(trx, built.tsquery, p.value.filters);
      const rows = await resultPage(trx, built.tsquery, p.value.filters, { byRelevance, limit: p.value.perPage, offset: (p.value.page - 1) * p.value.perPage });
      return { counts, ids: rows.map((r) => r.entry_id) };
    });
  }

  async function inMemory(raw: RawQuery) {
    const p = parseSearchParams(raw);
    assert.ok(p.ok);
    return search(rt.db, p.value);
  }

  it('gives the totals, facet counts and pages of the SQL path', async () => {
    for (const raw of QUERIES) {
      const expected = await inSql(raw);
      const got = await inMemory(raw);
      const label = JSON.stringify(raw);
      assert.equal(got.total, expected.counts.find((c) => c.facet === '')?.count ?? 0, label);
      assert.deepEqual(got.results.map((r) => r.id), expected.ids, label);
      for (const c of expected.counts.filter((x) => x.facet !== '')) {
        assert.equal(got.facets[c.facet as Exclude<typeof c.facet, ''>].find((v) => v.value === c.value)?.count, c.count, `${label} ${c.facet}:${c.value}`);
      }
      const listed = Object.values(got.facets).flatMap((vs) => vs.filter((v) => v.count > 0)).length;
      assert.equal(listed, expected.counts.filter((x) => x.facet !== '').length, `${label}: no other value counted`);
    }
  });

  it('serves a query again from its cached match, and sees every change of the documents', async () => {
    const first = await inMemory({ q: 'extradition', hl: 'en' });
    assert.deepEqual((await inMemory({ q: 'extradition', hl: 'en' })).results, first.results);
    assert.deepEqual((await inMemory({ q: 'extradition', hl: 'en', sort: 'date', page: '2', per_page: '3' })).results.map((r) => r.id), (await inSql({ q: 'extradition', hl: 'en', sort: 'date', page: '2', per_page: '3' })).ids);

    await saveRecords(rt.db, [aCase({ id: 'fi-new', country: 'COL', cooperating_states: [], decision_date: '2030-01-01', texts: { en: { title: 'Extradition extradition extradition', summary: 'Extradition requested; extradition granted; the extradition law applies.', facts: 'The extradition request and the extradition hearing.' } } })], { origin: 'import' });
    const added = await inMemory({ q: 'extradition', hl: 'en' });
    assert.equal(added.total, first.total + 1);
    // The reference's European Convention on Extradition may rank first (extradition throughout its text).
    assert.equal(added.results.find((r) => r.id.startsWith('fi-'))?.id, 'fi-new', 'the new entry about extradition (title, summary and facts) ranks first of the corpus');
    assert.equal((await inMemory({ country: 'COL', year: '2030' })).total, 1);

    await sql`DELETE FROM entries WHERE id = 'fi-new'`.execute(rt.db);
    assert.equal((await inMemory({ q: 'extradition', hl: 'en' })).total, first.total);
    assert.equal((await inMemory({ country: 'COL', year: '2030' })).total, 0);
  });

  it('keeps document numbers across a full rebuild', async () => {
    const before = await sql<{ entry_id: string; doc_no: number }>`SELECT entry_id, doc_no FROM search_documents ORDER BY entry_id`.execute(rt.db);
    await reindexAll(rt.db);
    const afterRebuild = await sql<{ entry_id: string; doc_no: number }>`SELECT entry_id, doc_no FROM search_documents ORDER BY entry_id`.execute(rt.db);
    assert.deepEqual(afterRebuild.rows, before.rows);
    for (const raw of QUERIES.slice(0, 6)) assert.deepEqual((await inMemory(raw)).results.map((r) => r.id), (await inSql(raw)).ids);
  });
});
