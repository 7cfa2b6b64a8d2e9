import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { currentFacetIndex, facetSnapshot } from '../helpers/search-index.js';
import { FacetIndex } from '../../src/modules/search/facet-index.js';
import { facetIndex, setMatchCacheBytes } from '../../src/modules/search/facet-cache.js';
import { loadPackedDocuments } from '../../src/modules/search/repository/matches.js';
import { readGeneration } from '../../src/modules/search/repository/generation.js';
import { parseSearchParams } from '../../src/modules/search/domain/params.js';
import { search } from '../../src/modules/search/service.js';

/**
 * After a change, the facet index is patched from the documents changed (not read whole): the
 * patched index must be exactly the one a fresh read gives — same documents in the same date
 * order (ties on the date broken by entry id, undated last), same facet values — whatever the
 * changes. Random changes on a real database, compared after each batch.
 */
const COUNTRIES = ['FRA', 'ITA', 'ESP', 'COL', 'DEU'];
const DATES = [undefined, '2015-03-01', '2015-03-01', '2018-07-15', '2020-01-31', '2030-12-31'];


const op = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), n: fc.integer({ min: 0, max: 30 }), date: fc.constantFrom(...DATES), country: fc.constantFrom(...COUNTRIES), crime: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), n: fc.integer({ min: 0, max: 30 }) }),
);

describe('search: facet index patched after changes', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    const initial = Array.from({ length: 20 }, (_, i) =>
      aCase({ id: `fp-${i}`, country: COUNTRIES[i % 5]!, cooperating_states: [], ...(DATES[i % DATES.length] ? { decision_date: DATES[i % DATES.length]! } : {}), texts: { en: { title: `Extradition ${i}` } } }),
    );
    await saveRecords(rt.db, initial, { origin: 'import' });
    setMatchCacheBytes(rt.db, 0);
  });
  after(async () => rt?.close());

  it('gives what a fresh read gives, for any adds, updates and deletes', async () => {
    assert.ok(await facetIndex(rt.db, await readGeneration(rt.db)), 'the first index is read');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), async (batches) => {
        for (const batch of batches) {
          for (const o of batch) {
            const id = `fp-${o.n}`;
            if (o.kind === 'delete') await sql`DELETE FROM entries WHERE id = ${id}`.execute(rt.db);
            else
              await saveRecords(
                rt.db,
                [aCase({ id, country: o.country, cooperating_states: [], ...(o.date ? { decision_date: o.date } : {}), ...(o.crime ? { crime_types: ['drug-offences'] } : {}), texts: { en: { title: `Extradition ${o.n} ${o.country}` } } })],
                { origin: 'import' },
              );
          }
          const patched = await currentFacetIndex(rt.db);
          assert.ok(patched, 'patched, not read again in the background');
          assert.deepEqual(facetSnapshot(patched), facetSnapshot(new FacetIndex(await loadPackedDocuments(rt.db))));
        }
      }),
      { numRuns: 8 },
    );
  });

  it('answers searches from the patched index as SQL would count them', async () => {
    await saveRecords(rt.db, [aCase({ id: 'fp-new', country: 'COL', cooperating_states: [], decision_date: '2031-01-01', texts: { en: { title: 'Extradition extradition' } } })], { origin: 'import' });
    const p = parseSearchParams({ country: 'COL', year: '2031' });
    assert.ok(p.ok);
    const r = await search(rt.db, p.value);
    assert.equal(r.total, 1);
    assert.equal(r.results[0]?.id, 'fp-new');
    const index = await currentFacetIndex(rt.db);
    assert.ok(index?.slot(await docNoOf('fp-new')));
  });

  async function docNoOf(id: string): Promise<number> {
    return (await sql<{ doc_no: number }>`SELECT doc_no FROM search_documents WHERE entry_id = ${id}`.execute(rt.db)).rows[0]!.doc_no;
  }
});
