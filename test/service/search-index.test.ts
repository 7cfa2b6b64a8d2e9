import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, aTreaty, anExtract } from '../factories/knowledge.js';
import { removeDemoContent, saveRecords, saveTreatyParties } from '../../src/modules/knowledge/service.js';
import { search } from '../../src/modules/search/service.js';
import { refreshIfReferenceChanged, reindexAll } from '../../src/modules/search/indexer.js';
import { parseSearchParams, type RawQuery } from '../../src/modules/search/domain/params.js';

async function ids(rt: TestRuntime, raw: RawQuery): Promise<string[]> {
  const p = parseSearchParams({ per_page: '100', ...raw });
  assert.ok(p.ok);
  return (await search(rt.db, p.value)).results.map((r) => r.id).sort();
}

/** The stored document, with the facet keys regrouped by facet. */
async function doc(rt: TestRuntime, id: string) {
  const r = await sql<{ type: string; titles: Record<string, string>; mt_langs: string[]; facet_keys: string[] }>`
    SELECT type, titles, mt_langs, facet_keys FROM search_documents WHERE entry_id = ${id}`.execute(rt.db);
  const row = r.rows[0];
  if (!row) return undefined;
  const of = (facet: string) => row.facet_keys.filter((k) => k.startsWith(`${facet}:`)).map((k) => k.slice(facet.length + 1)).sort();
  return {
    type: row.type,
    countries: of('country'),
    regions: of('region'),
    langs: of('lang'),
    mt_langs: row.mt_langs,
    year: of('year').map(Number)[0] ?? null,
    titles: row.titles,
    cooperation: of('cooperation'),
    articles: of('article'),
  };
}

describe('search indexer', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
  });
  after(async () => rt?.close());

  it('indexes a new entry with its facet values in the same transaction', async () => {
    const kase = aCase({ id: 'i-case', country: 'ITA', cooperating_states: ['COL', 'ESP'], cooperation_types: ['mla'], decision_date: '2018-03-02' });
    await saveRecords(rt.db, [kase], { origin: 'import' });
    const d = await doc(rt, 'i-case');
    assert.deepEqual(d, {
      type: 'case',
      countries: ['COL', 'ESP', 'ITA'],
      regions: ['019', '039', '150', '419'],
      langs: ['en'],
      mt_langs: [],
      year: 2018,
      titles: { en: kase.texts.en!.title },
      cooperation: ['mla'],
      articles: [],
    });
    assert.deepEqual(await ids(rt, { q: 'cocaine' }), ['i-case']);
  });

  it('re-indexes an updated entry: the new text is found, the old one is not', async () => {
    await saveRecords(rt.db, [aCase({ id: 'i-upd', texts: { en: { title: 'Seizure of a yacht' } } })], { origin: 'import' });
    assert.deepEqual(await ids(rt, { q: 'yacht' }), ['i-upd']);
    await saveRecords(rt.db, [aCase({ id: 'i-upd', texts: { en: { title: 'Seizure of an aircraft' } } })], { origin: 'import' });
    assert.deepEqual(await ids(rt, { q: 'yacht' }), []);
    assert.deepEqual(await ids(rt, { q: 'aircraft' }), ['i-upd']);
  });

  it('leaves out unpublished language versions, and the entry when none is published', async () => {
    await saveRecords(
      rt.db,
      [aCase({ id: 'i-pub', texts: { en: { title: 'Helicopter smuggling case' }, fr: { title: 'Affaire de contrebande par hélicoptère', status: 'draft' } } })],
      { origin: 'editor' },
    );
    assert.deepEqual((await doc(rt, 'i-pub'))?.langs, ['en']);
    assert.deepEqual(await ids(rt, { q: 'hélicoptère', hl: 'fr' }), ['i-pub'], 'found through the published English version');
    assert.deepEqual(await ids(rt, { q: 'contrebande', hl: 'fr' }), [], 'the draft French text is not searchable');
    await saveRecords(rt.db, [aCase({ id: 'i-pub', texts: { en: { title: 'Helicopter smuggling case', status: 'in_review' } } })], { origin: 'editor' });
    assert.equal(await doc(rt, 'i-pub'), undefined);
    assert.deepEqual(await ids(rt, { q: 'helicopter' }), []);
  });

  it('removes deleted entries (demo removal)', async () => {
    await saveRecords(rt.db, [aCase({ id: 'i-demo', demo: true, texts: { en: { title: 'Synthetic submarine case' } } })], { origin: 'demo' });
    const p = parseSearchParams({ q: 'submarine' });
    assert.ok(p.ok);
    assert.equal((await search(rt.db, p.value)).results[0]?.demo, true);
    await removeDemoContent(rt.db);
    assert.equal(await doc(rt, 'i-demo'), undefined);
    assert.deepEqual(await ids(rt, { q: 'submarine' }), []);
  });

  it('re-indexes the extracts of a law when its title changes', async () => {
    const law = aLaw({ id: 'i-law', citation: 'Act No. 7 of 1999', texts: { en: { title: 'Prevention of Organised Crime Act' } } });
    const extract = anExtract(law.id, { id: 'i-extract', texts: { en: { title: 'Section 35: requests from foreign States' } } });
    await saveRecords(rt.db, [law, extract], { origin: 'import' });
    assert.deepEqual(await ids(rt, { q: 'organised crime act' }), ['i-extract']);
    assert.deepEqual(await ids(rt, { q: '"act no. 7 of 1999"' }), ['i-extract'], 'the citation is searchable');
    await saveRecords(rt.db, [{ ...law, texts: { en: { title: 'Proceeds of Crime Act' } } }], { origin: 'import' });
    assert.deepEqual(await ids(rt, { q: 'organised' }), []);
    assert.deepEqual(await ids(rt, { q: 'proceeds' }), ['i-extract']);
  });

  it('indexes the parties of a bilateral treaty as its countries, and follows party changes', async () => {
    const treaty = aTreaty({ id: 'i-treaty', parties: [{ country: 'FRA' }, { country: 'ITA' }] });
    await saveRecords(rt.db, [treaty], { origin: 'import' });
    assert.deepEqual((await doc(rt, 'i-treaty'))?.countries, ['FRA', 'ITA']);
    const universal = aTreaty({ id: 'i-universal', kind: 'universal', parties: [{ country: 'FRA' }] });
    await saveRecords(rt.db, [universal], { origin: 'import' });
    assert.deepEqual((await doc(rt, 'i-universal'))?.countries, [], 'parties of a multilateral treaty are not its countries');
    await saveTreatyParties(rt.db, 'i-universal', [{ country: 'ESP' }]);
    assert.deepEqual((await doc(rt, 'i-universal'))?.countries, []);
  });

  it('keeps facet counts of searches without a query fresh after every change', async () => {
    const count = async () => {
      const p = parseSearchParams({ type: 'case' });
      assert.ok(p.ok);
      const r = await search(rt.db, p.value);
      return { total: r.total, ita: r.facets.country.find((v) => v.value === 'ITA')?.count ?? 0 };
    };
    const before = await count();
    assert.deepEqual(await count(), before, 'the same answer twice (the second from the cache)');
    await saveRecords(rt.db, [aCase({ id: 'i-fresh', country: 'ITA', cooperating_states: [] })], { origin: 'import' });
    assert.deepEqual(await count(), { total: before.total + 1, ita: before.ita + 1 });
    await saveRecords(rt.db, [aCase({ id: 'i-fresh', country: 'ITA', cooperating_states: [], texts: { en: { title: 'Fresh', status: 'draft' } } })], { origin: 'editor' });
    assert.deepEqual(await count(), before);
    await saveRecords(rt.db, [aCase({ id: 'i-fresh-demo', demo: true, country: 'ITA', cooperating_states: [] })], { origin: 'demo' });
    assert.equal((await count()).total, before.total + 1);
    await removeDemoContent(rt.db); // deletes cascade to the documents without the indexer
    assert.deepEqual(await count(), before);
  });

  it('rebuilds everything with reindexAll, batch by batch', async () => {
    await sql`DELETE FROM search_documents`.execute(rt.db);
    assert.deepEqual(await ids(rt, { q: 'aircraft' }), []);
    const progress: number[] = [];
    const result = await reindexAll(rt.db, { batchSize: 2, onProgress: (p) => progress.push(p.done) });
    assert.equal(result.done, result.total);
    assert.ok(progress.length >= 3 && progress.every((n, i) => i === 0 || n > progress[i - 1]!));
    assert.deepEqual(await ids(rt, { q: 'aircraft' }), ['i-upd']);
    assert.equal(await doc(rt, 'i-pub'), undefined, 'an entry with no published version stays out');
  });

  it('rebuilds at start-up when labels of terms changed', async () => {
    assert.equal(await refreshIfReferenceChanged(rt.db), false);
    await sql`UPDATE taxonomy_terms SET labels = labels || '{"fr": "Coopération judiciaire mutuelle"}'::jsonb WHERE taxonomy = 'cooperation' AND code = 'mla'`.execute(rt.db);
    assert.equal(await refreshIfReferenceChanged(rt.db), true);
    assert.deepEqual(await ids(rt, { q: 'coopération mutuelle', hl: 'fr' }), ['i-case']);
    assert.equal(await refreshIfReferenceChanged(rt.db), false);
  });
});
