/**
 * The request writer's legal basis step asks the legal basis finder: with the depositary's status
 * loaded, a draft between two parties to UNTOC is offered UNTOC with the article that governs its
 * kind; States bound by nothing for the kind are offered reciprocity and domestic law.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureFullTestReference } from '../factories/reference.js';
import { importShippedStatus } from '../../src/modules/legalbasis/import-service.js';
import { findLegalBasis } from '../../src/modules/legalbasis/index.js';
import { finderKind, suggestLegalBases, toSuggestions } from '../../src/modules/writer/legal-basis.js';
import { WRITER_KINDS } from '../../src/modules/writer/domain/kinds.js';

describe('request writer: legal basis suggestions from the finder', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureFullTestReference(rt.db);
    await importShippedStatus(rt.db);
  });
  after(async () => rt?.close());

  it('offers UNTOC with its article for MLA and extradition between two parties', async () => {
    const mla = await suggestLegalBases(rt.db, { from: 'FRA', to: 'ITA', kind: 'mla' });
    const untoc = mla.find((s) => s.basis === 'untoc');
    assert.ok(untoc, JSON.stringify(mla));
    assert.equal(untoc.instrumentId, 'untoc');
    assert.match(String(untoc.article), /^18/);
    const extradition = await suggestLegalBases(rt.db, { from: 'FRA', to: 'ITA', kind: 'extradition' });
    assert.match(String(extradition.find((s) => s.basis === 'untoc')?.article), /^16/);
    // The suggestions are the finder's binding instruments, in its order.
    const answer = await findLegalBasis(rt.db, { from: 'FRA', to: 'ITA', kind: 'mla' });
    assert.deepEqual(mla.map((s) => s.instrumentId), answer.binding.map((i) => i.id));
  });

  it('maps every writer kind to a kind the finder answers, and e-evidence forms to MLA', async () => {
    for (const kind of WRITER_KINDS) {
      const answer = await findLegalBasis(rt.db, { from: 'FRA', to: 'ITA', kind: finderKind(kind) });
      assert.equal(answer.kind, finderKind(kind), kind);
    }
    assert.equal(finderKind('preservation'), 'mla');
    assert.equal(finderKind('extradition'), 'extradition');
  });

  it('offers reciprocity and domestic law when nothing binds both, and nothing without a requested State', async () => {
    const answer = await findLegalBasis(rt.db, { from: 'FRA', to: 'ITA', kind: 'mla' });
    assert.deepEqual(toSuggestions({ ...answer, binding: [] }).map((s) => s.basis), ['reciprocity', 'domestic_law']);
    assert.deepEqual(await suggestLegalBases(rt.db, { from: 'FRA', to: '', kind: 'mla' }), []);
  });
});
