import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { search } from '../../src/modules/search/service.js';
import { parseSearchParams, type RawQuery } from '../../src/modules/search/domain/params.js';
import { setMatchCacheBytes } from '../../src/modules/search/facet-cache.js';
import { patchLimits, setTermIndexBytes } from '../../src/modules/search/term-cache.js';
import { postingsOf, titleRanks } from '../../src/modules/search/repository/postings.js';
import { phraseLimits } from '../../src/modules/search/term-match.js';
import { anyLexemeOf, rankLimits } from '../../src/modules/search/title-rank.js';
import { HeldRanks } from '../../src/modules/search/domain/ranked.js';
import { phraseKey, rankKey, splitKeys } from '../../src/modules/search/term-index.js';
import { Bits } from '../../src/modules/search/domain/bits.js';
import { changedSince, readGeneration } from '../../src/modules/search/repository/generation.js';
import { isNewer, parseGeneration } from '../../src/modules/search/domain/generation.js';
import { currentTermIndex, termIndexWithFresh } from '../helpers/search-index.js';

/**
 * The term index (postings of frequent words in memory, kept current from search_changes) must
 * match exactly what the database matches, before and after documents are added, changed and
 * removed: each search is compared with the same search with the term index off.
 */
const WORDS = ['extradition', 'assistance', 'evidence', 'mutual', 'legal', 'seizure', 'court', 'witness'];
const QUERIES: RawQuery[] = [
  { q: 'extradition', hl: 'en' },
  { q: 'extradition', hl: 'en', sort: 'date' },
  { q: 'mutual legal', hl: 'en' },
  { q: '"mutual legal"', hl: 'en' },
  { q: '"mutual legal" -court', hl: 'en' },
  { q: '"mutual court"', hl: 'en' },
  { q: '"legal witness" OR "seizure extradition" court', hl: 'en' },
  { q: '"mutual court"', hl: 'en', sort: 'date', page: '2', per_page: '5' },
  { q: 'legal', hl: 'en', country: 'FRA', year: '2012' },
  { q: 'assistance OR seizure -court', hl: 'en' },
  { q: '-witness', hl: 'en' },
  { q: 'entraide', hl: 'fr' },
  { q: '司法协助', hl: 'zh' },
];

function cases(from: number, n: number, offset: number) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const words = (m: number) => Array.from({ length: m }, (_, j) => WORDS[(i * 7 + j * 3 + offset) % WORDS.length]).join(' ');
    const texts = { en: { title: `${words(2)} ${i}`, summary: words(9) }, ...(i % 3 === 0 ? { fr: { title: `Entraide judiciaire ${i}` } } : {}), ...(i % 5 === 0 ? { zh: { title: `司法协助 ${i}` } } : {}) };
    return aCase({ id: `ti-c${i}`, country: 'FRA', cooperating_states: [], decision_date: `20${10 + (i % 9)}-01-0${1 + (i % 8)}`, texts });
  });
}

describe('search: term index', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    await saveRecords(rt.db, cases(0, 40, 0), { origin: 'import' });
    setMatchCacheBytes(rt.db, 0); // every search matches again (with the term index, or in the database)
  });
  after(async () => {
    phraseLimits.check = 20_000;
    rankLimits.byNumber = 5_000;
    rankLimits.whole = 2_000;
    await rt?.close();
  });

  async function run(raw: RawQuery, terms: boolean) {
    const p = parseSearchParams(raw);
    assert.ok(p.ok);
    setTermIndexBytes(rt.db, terms ? 2 ** 20 : 0);
    const r = await search(rt.db, p.value);
    return { total: r.total, ids: r.results.map((x) => x.id), facets: r.facets };
  }

  /**
   * Every query with the term index gives what the database gives; the index is kept between
   * them. Rounds 2 and 3 take the paths of a large collection: phrases read whole, title ranks of
   * every title holding a query word (held by the index).
   */
  async function compareAll(label: string) {
    const expected = [];
    for (const raw of QUERIES) expected.push(await run(raw, false));
    setTermIndexBytes(rt.db, 2 ** 20);
    for (let round = 0; round < 4; round++) {
      phraseLimits.check = round < 2 ? 20_000 : 0;
      rankLimits.byNumber = round < 2 ? 5_000 : 0;
      // A large collection's order: title ranks (held), the head of that order ranked on the whole
      // entry. The head holds every match here, so the order is the same as ranking them all.
      rankLimits.whole = round < 2 ? 2_000 : 0;
      for (const [i, raw] of QUERIES.entries()) {
        const p = parseSearchParams(raw);
        assert.ok(p.ok);
        const got = await search(rt.db, p.value);
        assert.equal(got.total, expected[i]!.total, `${label} ${JSON.stringify(raw)} round ${round}`);
        assert.deepEqual(got.results.map((x) => x.id), expected[i]!.ids, `${label} ${JSON.stringify(raw)} round ${round}`);
        assert.deepEqual(got.facets, expected[i]!.facets, `${label} ${JSON.stringify(raw)} round ${round}`);
      }
    }
    phraseLimits.check = 20_000;
    rankLimits.byNumber = 5_000;
    rankLimits.whole = 2_000;
  }

  it('matches what the database matches, and keeps frequent words', async () => {
    await compareAll('initial');
    const index = await currentTermIndex(rt.db);
    assert.ok(index, 'the term index is at the current generation');
    assert.ok(index.size >= 5, `words are held (${index.held().join(', ')})`);
    assert.ok(index.held().includes('extradit'));
    assert.ok(index.held().includes(phraseKey("('mutual' <-> 'court')")), `a phrase is held once the database found its documents (${JSON.stringify(index.held())})`);
    assert.ok(splitKeys(index.held()).ranked.length > 0, 'title ranks of a query are held');
  });

  it('logs each change of the documents under its writing transaction', async () => {
    const before = await readGeneration(rt.db);
    await saveRecords(rt.db, cases(100, 2, 1), { origin: 'import' });
    const after = await readGeneration(rt.db);
    assert.ok(isNewer(after, before), `${after} is newer than ${before}`);
    const logged = await sql<{ doc_no: number }>`${changedSince(before)}`.execute(rt.db);
    const docs = await sql<{ doc_no: number }>`SELECT doc_no FROM search_documents WHERE entry_id IN ('ti-c100', 'ti-c101')`.execute(rt.db);
    assert.equal(docs.rows.length, 2);
    for (const d of docs.rows) assert.ok(logged.rows.some((l) => l.doc_no === d.doc_no), `document ${d.doc_no} is logged`);
    // One writing transaction, recorded once, every change under it.
    const writers = await sql<{ xid: string; changes: number }>`
      SELECT t.xid::text AS xid, (SELECT count(*)::int FROM search_changes c WHERE c.xid = t.xid) AS changes
      FROM search_transactions t WHERE t.xid > ${String(parseGeneration(before).below)}::xid8 AND NOT (t.xid = ANY (${(parseGeneration(before).recent ?? []).map(String)}::text[]::xid8[]))`.execute(rt.db);
    assert.equal(writers.rows.length, 1);
    assert.equal(writers.rows[0]!.changes, logged.rows.length);
  });

  it('is patched, not rebuilt, when documents are added, changed and removed', async () => {
    setTermIndexBytes(rt.db, 2 ** 20);
    await compareAll('before changes');
    const held = (await currentTermIndex(rt.db))!;
    const words = held.held();

    await saveRecords(rt.db, cases(200, 5, 2), { origin: 'import' }); // new documents
    await saveRecords(rt.db, cases(0, 10, 5), { origin: 'import' }); // other words in existing ones
    await sql`DELETE FROM entries WHERE id IN ('ti-c11', 'ti-c12', 'ti-c201')`.execute(rt.db);

    // The same index object, brought to the new generation, still holding its words.
    // Each held word's documents are those the database finds now (read at the same changes).
    const { lexemes } = splitKeys(words);
    const { index: patched, fresh } = await termIndexWithFresh(rt.db, lexemes);
    assert.equal(patched, held);
    for (const w of words) assert.ok(patched.held().includes(w), `${w} is still held`);
    for (const w of lexemes) assert.deepEqual([...patched.get(w)!.values()], [...Bits.fromPacked(fresh.postings.get(w)!).values()], w);
    // So are the held phrases' (the database checks the changed documents only).
    const phrase = "('mutual' <-> 'court')";
    assert.ok(words.includes(phraseKey(phrase)));
    const freshPhrase = await postingsOf(rt.db, [{ key: 'p', tsquery: phrase }]);
    assert.ok(freshPhrase.postings.get('p')!.length > 0);
    assert.deepEqual([...patched.get(phraseKey(phrase))!.values()], [...Bits.fromPacked(freshPhrase.postings.get('p')!).values()], phrase);
    // And the held title ranks (the changed titles ranked again).
    const rankedQueries = splitKeys(words).ranked;
    assert.ok(rankedQueries.length > 0);
    for (const q of rankedQueries) {
      const fresh = await titleRanks(rt.db, q, anyLexemeOf(q));
      assert.deepEqual(patched.ranks(rankKey(q))!.toMap(), new HeldRanks(fresh.ranked, fresh.baseRank).toMap(), q);
    }

    // And it gives what the database gives (compareAll switches it off and on: a fresh index).
    const p = parseSearchParams({ q: 'extradition', hl: 'en' });
    assert.ok(p.ok);
    const viaPatched = await search(rt.db, p.value);
    const expected = await run({ q: 'extradition', hl: 'en' }, false);
    assert.equal(viaPatched.total, expected.total);
    assert.deepEqual(viaPatched.results.map((x) => x.id), expected.ids);
    await compareAll('after changes');
  });

  it('drops its phrases and ranks, keeping its words, when a change is too large to check them', async () => {
    setTermIndexBytes(rt.db, 2 ** 20);
    await compareAll('before a large change');
    const held = (await currentTermIndex(rt.db))!;
    assert.ok(splitKeys(held.held()).phrases.length > 0 && splitKeys(held.held()).ranked.length > 0);
    patchLimits.checks = 0;
    try {
      await saveRecords(rt.db, cases(300, 3, 3), { origin: 'import' });
      const patched = await currentTermIndex(rt.db);
      assert.equal(patched, held, 'patched, not started again');
      const keys = splitKeys(patched.held());
      assert.deepEqual([keys.phrases.length, keys.ranked.length], [0, 0]);
      assert.ok(keys.lexemes.length > 0);
    } finally {
      patchLimits.checks = 100_000;
    }
    // The patched index (phrases found again) answers as the database does.
    for (const raw of [{ q: '"mutual court" extradition', hl: 'en' }, { q: 'assistance', hl: 'en' }]) {
      const p = parseSearchParams(raw);
      assert.ok(p.ok);
      const got = await search(rt.db, p.value);
      const expected = await run(raw, false);
      assert.equal(got.total, expected.total, raw.q);
      assert.deepEqual(got.results.map((x) => x.id), expected.ids, raw.q);
    }
  });
});
