import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference, referenceEntryIds } from '../factories/reference.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { search } from '../../src/modules/search/service.js';
import { parseSearchParams, type RawQuery } from '../../src/modules/search/domain/params.js';
import { buildTsQuery, parseQuery, termTexts } from '../../src/modules/search/domain/query.js';
import { UN_CONFIGS } from '../../src/modules/search/domain/text.js';
import { analyseTerms, facetCounts, preferIndexScans, resultPage } from '../../src/modules/search/repository/search.js';
import { inTransaction } from '../../src/platform/db/batch.js';
import { expandTerms } from '../../src/modules/search/thesaurus.js';
import { rankLimits } from '../../src/modules/search/title-rank.js';
import { setMatchCacheBytes } from '../../src/modules/search/facet-cache.js';

/**
 * Relevance on the whole entry with field weights (docs/SEARCH.md, "Ranking"): a small hand-made
 * corpus where a practitioner knows the expected order. The entries expected lower are given the
 * newer dates, so an order by date (the tie-break) would put them first.
 */
const filler = 'The requesting State transmitted the file through its central authority and the court examined the conditions of the treaty.';
const newer = (day: number) => `2024-01-${String(day).padStart(2, '0')}`;
const older = (day: number) => `2001-01-${String(day).padStart(2, '0')}`;
const entry = (id: string, decision_date: string, text: { title: string; summary?: string; facts?: string; decision?: string }, lang = 'en') =>
  aCase({ id, decision_date, cooperating_states: [], texts: { [lang]: { summary: filler, facts: filler, decision: 'Request granted.', ...text } } });

const CORPUS = [
  // "controlled delivery": title match, body at length, body once, summary once, words far apart.
  entry('r-title', older(1), { title: 'Controlled delivery of narcotics across the border' }),
  entry('r-long', older(2), {
    title: 'Judgment on a shipment of heroin',
    facts: `${filler} The police organised a controlled delivery of the container. The controlled delivery was agreed with the customs of the transit State. During the controlled delivery the consignment was watched until it reached the recipients, and the controlled delivery ended with their arrest.`,
  }),
  entry('r-summary', newer(3), { title: 'Judgment on a shipment of cocaine', summary: `${filler} A controlled delivery was authorised.` }),
  entry('r-once', newer(4), { title: 'Judgment on a shipment of cannabis', facts: `${filler} A controlled delivery was used once.` }),
  entry('r-apart', newer(5), {
    title: 'Judgment on a shipment of amphetamines',
    facts: `${filler} The controlled substances were seized in the port. ${filler} ${filler} Their delivery to the buyers was prevented.`,
  }),
  // French, stemmed: "livraisons surveillées" discussed at length, and mentioned once.
  entry('r-fr-long', older(6), {
    title: 'Arrêt relatif à une cargaison de cocaïne',
    facts: 'La police a organisé des livraisons surveillées. Les livraisons surveillées ont été convenues avec les douanes. La livraison surveillée a conduit à l’arrestation des destinataires.',
  }, 'fr'),
  entry('r-fr-once', newer(7), { title: 'Arrêt relatif à une cargaison d’héroïne', facts: 'Une livraison surveillée a été autorisée par le procureur.' }, 'fr'),
  // A broad query, "mutual legal assistance": the whole query in the title; the phrase in the body
  // (twice); a title holding one word whose body repeats the words apart; the words scattered.
  entry('b-title', older(8), { title: 'Mutual legal assistance for a fraud investigation' }),
  entry('b-phrase', older(9), {
    title: 'Judgment on a request from abroad',
    facts: `${filler} The court granted mutual legal assistance to the requesting State, and mutual legal assistance covered the bank records.`,
  }),
  entry('b-one-in-title', newer(10), {
    title: 'Legal aid, legal costs and legal fees of the defence',
    facts: `${filler} The parties acted by mutual agreement. ${filler} The assistance of counsel was provided. ${filler} Mutual trust and legal assistance of counsel were discussed; assistance was mutual.`,
  }),
  entry('b-scattered', newer(11), {
    title: 'Judgment on a shipment of tobacco',
    facts: `${filler} The parties acted by mutual agreement. ${filler} ${filler} The legal assistance of counsel was provided.`,
  }),
];
const OURS = new Set(CORPUS.map((e) => e.id));

describe('search: relevance on the whole entry, with field weights', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    await saveRecords(rt.db, CORPUS, { origin: 'import' });
  });
  after(async () => {
    Object.assign(rankLimits, { whole: 2_000, head: 100, byNumber: 5_000 });
    await rt?.close();
  });

  /** The test's own entries in the order found (first page of 100). */
  async function order(raw: RawQuery): Promise<string[]> {
    const p = parseSearchParams({ per_page: '100', ...raw });
    assert.ok(p.ok, JSON.stringify(p));
    const r = await search(rt.db, p.value);
    const reference = await referenceEntryIds(rt.db);
    return r.results.map((x) => x.id).filter((id) => !reference.has(id) && OURS.has(id));
  }

  /** What the SQL path (the fallback while an index is read again) orders. */
  async function orderInSql(raw: RawQuery): Promise<string[]> {
    const p = parseSearchParams({ per_page: '100', ...raw });
    assert.ok(p.ok);
    // Expanded with the thesaurus, as the service does before choosing the in-memory or the SQL path.
    const { query: parsed, equivalents } = await expandTerms(rt.db, parseQuery(p.value.q));
    const built = buildTsQuery(parsed, await analyseTerms(rt.db, UN_CONFIGS[p.value.hl], termTexts(parsed)), equivalents);
    const rows = await inTransaction(rt.db, async (trx) => {
      await preferIndexScans(trx);
      await facetCounts(trx, built.tsquery, p.value.filters);
      return resultPage(trx, built.tsquery, p.value.filters, { byRelevance: true, limit: 100, offset: 0 });
    });
    return rows.map((r) => r.doc_key).filter((id) => OURS.has(id));
  }

  const before_ = (ids: string[], a: string, b: string) => {
    assert.ok(ids.includes(a) && ids.includes(b), `${a} and ${b} found: ${ids.join(' ')}`);
    assert.ok(ids.indexOf(a) < ids.indexOf(b), `${a} ranks before ${b}: ${ids.join(' ')}`);
  };

  for (const mode of ['few matches: all ranked on the whole entry', 'many matches: title order, its head ranked on the whole entry'] as const) {
    describe(mode, () => {
      before(() => {
        setMatchCacheBytes(rt.db, 0);
        Object.assign(rankLimits, mode.startsWith('few') ? { whole: 2_000, head: 100 } : { whole: 0, head: 100 });
      });

      it('a title match outranks body-only matches; a body discussing the subject at length outranks one mentioning it once', async () => {
        const ids = await order({ q: 'controlled delivery', hl: 'en' });
        assert.equal(ids[0], 'r-title');
        before_(ids, 'r-long', 'r-once');
        assert.deepEqual(await orderInSql({ q: 'controlled delivery', hl: 'en' }), ids, 'the SQL path orders the same');
      });

      it('a summary match outranks the same match in the body', async () => {
        before_(await order({ q: 'controlled delivery', hl: 'en' }), 'r-summary', 'r-once');
      });

      it('the words together (the phrase) outrank the same words far apart', async () => {
        const ids = await order({ q: 'controlled delivery', hl: 'en' });
        before_(ids, 'r-once', 'r-apart');
        const quoted = await order({ q: '"controlled delivery"', hl: 'en' });
        assert.ok(!quoted.includes('r-apart'), 'a quoted phrase requires the words together');
        assert.equal(quoted[0], 'r-title');
        before_(quoted, 'r-long', 'r-once');
      });

      it('a broad query: the whole query in a title first, then the phrase in a body, then the words apart (even under a title holding one of them)', async () => {
        const ids = (await order({ q: 'mutual legal assistance', hl: 'en' })).filter((id) => id.startsWith('b-'));
        assert.deepEqual(ids, ['b-title', 'b-phrase', 'b-one-in-title', 'b-scattered']);
        assert.deepEqual((await orderInSql({ q: 'mutual legal assistance', hl: 'en' })).filter((id) => id.startsWith('b-')), ids, 'the SQL path orders the same');
      });

      it('matches in the body count in every language (French, stemmed)', async () => {
        const ids = await order({ q: 'livraison surveillée', hl: 'fr' });
        before_(ids, 'r-fr-long', 'r-fr-once');
        assert.deepEqual(await orderInSql({ q: 'livraison surveillée', hl: 'fr' }), ids, 'the SQL path orders the same');
      });
    });
  }

  it('with a rescoring window smaller than the matches, only the head of the title order is reordered (both paths)', async () => {
    Object.assign(rankLimits, { whole: 0, head: 2 });
    setMatchCacheBytes(rt.db, 0);
    const ids = await order({ q: 'controlled delivery', hl: 'en' });
    assert.equal(ids[0], 'r-title', 'the title match is in the head');
    assert.deepEqual(await orderInSql({ q: 'controlled delivery', hl: 'en' }), ids);
    Object.assign(rankLimits, { whole: 2_000, head: 100 });
  });

  it('with a window of one, the title holding the whole broad query heads the title order (both paths)', async () => {
    Object.assign(rankLimits, { whole: 0, head: 1 });
    setMatchCacheBytes(rt.db, 0);
    const ids = (await order({ q: 'mutual legal assistance', hl: 'en' })).filter((id) => id.startsWith('b-'));
    assert.equal(ids[0], 'b-title', 'before a title repeating one of its words');
    assert.deepEqual((await orderInSql({ q: 'mutual legal assistance', hl: 'en' })).filter((id) => id.startsWith('b-')), ids);
    Object.assign(rankLimits, { whole: 2_000, head: 100 });
  });
});
