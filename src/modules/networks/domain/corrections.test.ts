import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCorrection, correctionHash, diffEntry, GENESIS, verifyCorrections, type EntryValues } from './corrections.js';

const entry: EntryValues = { requesting_country: 'NGA', requested_country: 'GHA', kind: 'mla', offence: 'fraud', facilitated_on: '2021-01-02', concluded_on: null, outcome: 'pending' };

describe('network case corrections (pure)', () => {
  it('applies the given fields only, upper-cases States, clears the conclusion date with ""', () => {
    const next = applyCorrection(entry, { requested_country: 'sen', outcome: 'executed', concluded_on: '2021-03-01' });
    assert.deepEqual(diffEntry(entry, next), { requested_country: { from: 'GHA', to: 'SEN' }, concluded_on: { from: null, to: '2021-03-01' }, outcome: { from: 'pending', to: 'executed' } });
    assert.equal(applyCorrection(next, { concluded_on: '' }).concluded_on, null);
    assert.deepEqual(diffEntry(entry, applyCorrection(entry, { kind: 'mla' })), {});
  });

  it('chains corrections and finds the first one altered, reordered or dropped', () => {
    const rows: Parameters<typeof verifyCorrections>[0][number][] = [];
    let prev = GENESIS;
    for (let seq = 1; seq <= 3; seq++) {
      const c = { case_id: 'c1', seq, changes: { kind: { from: 'mla', to: `k${seq}` } }, reason: `r${seq}`, corrected_by: 'u1', corrected_at: `2026-01-0${seq}T00:00:00.000Z` };
      const hash = correctionHash(prev, c);
      rows.push({ ...c, prev_hash: prev, hash });
      prev = hash;
    }
    assert.deepEqual(verifyCorrections(rows), { ok: true });
    assert.deepEqual(verifyCorrections([rows[0]!, { ...rows[1]!, reason: 'edited' }, rows[2]!]), { ok: false, seq: 2 });
    assert.deepEqual(verifyCorrections([rows[0]!, rows[2]!]), { ok: false, seq: 3 });
    assert.deepEqual(verifyCorrections([rows[1]!, rows[0]!]), { ok: false, seq: 2 });
  });
});
