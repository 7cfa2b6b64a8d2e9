import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findLegalBasis, mentionedParagraphs, type DirectoryInput, type InstrumentInput, type PartyStatus } from './finder.js';
import { LEGAL_BASIS_KINDS } from './kinds.js';

const party = (consent_on?: string, extra: Partial<PartyStatus> = {}): PartyStatus => ({ ...(consent_on ? { consent_on, consent_kind: 'ratification' } : { signed_on: '2000-12-12' }), demo: false, ...extra });
const inst = (id: string, kind: InstrumentInput['kind'], from?: PartyStatus, to?: PartyStatus, extra: Partial<InstrumentInput> = {}): InstrumentInput => ({ id, kind, short_name: id.toUpperCase(), parent_id: null, titles: { en: id }, demo: false, from, to, ...extra });
const dir = (basis: DirectoryInput['untocExtraditionBasis'] = 'unknown'): DirectoryInput => ({ authorities: [], untocExtraditionBasis: basis });

describe('findLegalBasis', () => {
  it('mla without a treaty: UNTOC art. 18 paras 9-29 apply (18(7))', () => {
    const r = findLegalBasis({ from: 'FRA', to: 'COL', kind: 'mla', instruments: [inst('uncac', 'universal', party('2005-07-11'), party('2008-10-27')), inst('untoc', 'universal', party('2002-10-29'), party('2004-08-04'), { as_of: '2014' })], directory: dir() });
    assert.deepEqual(
      r.binding.map((i) => i.id),
      ['untoc', 'uncac'],
    );
    assert.deepEqual(r.binding[0]!.articles, ['18']);
    assert.deepEqual(
      r.steps.map((s) => s.code),
      ['untoc_18_paras_9_29', 'uncac_provides'],
    );
    assert.deepEqual(r.as_of, ['2014']);
  });

  it('a treaty binding both applies first, bilateral before regional, UNTOC then under 18(7)', () => {
    const r = findLegalBasis({
      from: 'FRA',
      to: 'ITA',
      kind: 'mla',
      instruments: [inst('untoc', 'universal', party('2002-10-29'), party('2006-08-02')), inst('coe-mla', 'regional', party('1967-05-23'), party('1961-08-23')), inst('fra-ita-mla', 'bilateral', party('2010-01-01'), party('2010-01-01'))],
      directory: dir(),
    });
    assert.deepEqual(
      r.binding.map((i) => i.id),
      ['fra-ita-mla', 'coe-mla', 'untoc'],
    );
    assert.deepEqual(r.steps[0], { code: 'treaty_first', instruments: ['fra-ita-mla', 'coe-mla'] });
    assert.equal(r.steps[1]!.code, 'untoc_18_7_treaty');
  });

  it('extradition without a treaty: what the requested State says about UNTOC as a basis (16(4)-(5))', () => {
    for (const basis of ['yes', 'no', 'unknown'] as const) {
      const r = findLegalBasis({ from: 'FRA', to: 'COL', kind: 'extradition', instruments: [inst('untoc', 'universal', party('2002-10-29'), party('2004-08-04'))], directory: dir(basis) });
      assert.deepEqual(r.steps[0], { code: 'untoc_extradition_basis', accepted: basis });
    }
  });

  it('extradition with an extradition treaty: the treaty first, no UNTOC basis step', () => {
    const r = findLegalBasis({ from: 'FRA', to: 'ITA', kind: 'extradition', instruments: [inst('untoc', 'universal', party('2002-10-29'), party('2006-08-02')), inst('coe-extradition', 'regional', party('1986-02-11'), party('1963-08-06')), inst('coe-mla', 'regional', party('1967-05-23'), party('1961-08-23'))], directory: dir('yes') });
    assert.deepEqual(r.steps, [{ code: 'treaty_first', instruments: ['coe-extradition'] }]);
  });

  it('nothing binds both: says so (reciprocity, domestic law) and lists what binds one', () => {
    const r = findLegalBasis({ from: 'FRA', to: 'PRK', kind: 'mla', instruments: [inst('untoc', 'universal', party('2002-10-29'), undefined), inst('uncac', 'universal', party('2005-07-11'), party())], directory: dir() });
    assert.deepEqual(r.binding, []);
    assert.deepEqual(r.steps, [{ code: 'nothing_binds' }]);
    assert.deepEqual(
      r.not_binding.map((i) => i.id),
      ['untoc', 'uncac'],
    );
    assert.equal(r.not_binding[0]!.to, null);
  });

  it('protocols bind after the Convention and take its articles', () => {
    const r = findLegalBasis({ from: 'FRA', to: 'COL', kind: 'mla', instruments: [inst('untoc-firearms', 'universal', party('2019-01-01'), party('2019-01-01'), { parent_id: 'untoc' }), inst('untoc', 'universal', party('2002-10-29'), party('2004-08-04'))], directory: dir() });
    assert.deepEqual(
      r.binding.map((i) => [i.id, i.articles]),
      [
        ['untoc', ['18']],
        ['untoc-firearms', ['18']],
      ],
    );
  });

  it('reports declarations and reservations, those on 16(5), 18(13), 18(14) first', () => {
    const r = findLegalBasis({
      from: 'FRA',
      to: 'COL',
      kind: 'mla',
      instruments: [inst('untoc', 'universal', party('2002-10-29', { reservations: 'Article 35(2) does not bind.' }), party('2004-08-04', { declarations: 'Pursuant to article 18, paragraph 13, the central authority is the Fiscalía. Under article 18 (14), Spanish.' }))],
      directory: dir(),
    });
    assert.equal(r.statements[0]!.state, 'COL');
    assert.deepEqual(r.statements[0]!.mentions, ['18(13)', '18(14)']);
    assert.equal(r.statements[1]!.type, 'reservation');
  });

  it('finds the paragraphs declarations mention', () => {
    assert.deepEqual(mentionedParagraphs('in accordance with article 16(5), the Convention is the legal basis; 18(14): English'), ['16(5)', '18(14)']);
    assert.deepEqual(mentionedParagraphs('article 18, paragraph 13'), ['18(13)']);
    assert.deepEqual(mentionedParagraphs('article 35(2)'), []);
  });

  it('is total: any participation and kind gives steps, never throws', () => {
    const status = fc.option(fc.record({ consent_on: fc.option(fc.constant('2004-01-01'), { nil: undefined }), signed_on: fc.option(fc.constant('2001-01-01'), { nil: undefined }), demo: fc.boolean() }), { nil: undefined });
    fc.assert(
      fc.property(fc.constantFrom(...LEGAL_BASIS_KINDS), fc.array(fc.record({ id: fc.constantFrom('untoc', 'uncac', 'untoc-tip', 'coe-mla', 'coe-extradition', 'coe-cybercrime', 'x-bilateral', 'y-regional'), from: status, to: status }), { maxLength: 8 }), fc.constantFrom('yes', 'no', 'unknown' as const), (kind, list, basis) => {
        const seen = new Set<string>();
        const instruments = list.filter((i) => !seen.has(i.id) && seen.add(i.id)).map((i) => inst(i.id, i.id.startsWith('x') ? 'bilateral' : i.id.startsWith('coe') || i.id.startsWith('y') ? 'regional' : 'universal', i.from, i.to));
        const r = findLegalBasis({ from: 'AAA', to: 'BBB', kind, instruments, directory: dir(basis) });
        assert.ok(r.steps.length > 0);
        if (!r.binding.length) assert.deepEqual(r.steps, [{ code: 'nothing_binds' }]);
        assert.ok(r.binding.every((b) => b.from?.consent_on && b.to?.consent_on));
      }),
    );
  });
});
