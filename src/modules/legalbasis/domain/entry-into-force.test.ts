import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fc from 'fast-check';
import { readStatusText, SHIPPED_STATUS } from '../import-service.js';
import { DEPOSITARY_INSTRUMENTS } from './depositary.js';
import { addDays, ENTRY_INTO_FORCE_RULES, entryIntoForceFor, inForceStatus, instrumentEntryIntoForce, isIsoDate } from './entry-into-force.js';

const UNTOC = ENTRY_INTO_FORCE_RULES.untoc!;
/** Dates of entry into force published by the depositary (UNTC chapter XVIII). */
const PUBLISHED: Record<string, string> = { untoc: '2003-09-29', 'untoc-tip': '2003-12-25', 'untoc-som': '2004-01-28', 'untoc-firearms': '2005-07-03', uncac: '2005-12-14' };

const isoDate = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('addDays', () => {
  it('counts calendar days across months, years and leap days', () => {
    assert.equal(addDays('2003-09-24', 30), '2003-10-24');
    assert.equal(addDays('2003-07-01', 90), '2003-09-29');
    assert.equal(addDays('2004-02-15', 30), '2004-03-16');
    assert.equal(addDays('2003-02-15', 30), '2003-03-17');
    assert.equal(addDays('2000-12-15', 30), '2001-01-14');
  });
  it('refuses what is not a date', () => {
    assert.throws(() => addDays('2003-02-30', 1), RangeError);
    assert.throws(() => addDays('24 Sep 2003', 1), RangeError);
  });
  it('is undone by the opposite count and yields real dates (fuzzed)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        const r = addDays(d, n);
        assert.ok(isIsoDate(r), r);
        assert.equal(addDays(r, -n), d);
        assert.equal(n > 0 ? r > d : n < 0 ? r < d : r === d, true);
      }),
    );
  });
});

describe('entry into force for a State', () => {
  it('UNTOC 38(2): the thirtieth day after a later deposit', () => {
    assert.deepEqual(entryIntoForceFor(UNTOC, '2003-09-29', { consent_kind: 'ratification', consent_on: '2003-09-24' }), { date: '2003-10-24', basis: 'after_deposit' });
    assert.deepEqual(entryIntoForceFor(UNTOC, '2003-09-29', { consent_kind: 'accession', consent_on: '2011-09-22' }), { date: '2011-10-22', basis: 'after_deposit' });
  });
  it('UNTOC 38(1): a State among the first forty is bound from the Convention\'s own entry into force', () => {
    assert.deepEqual(entryIntoForceFor(UNTOC, '2003-09-29', { consent_kind: 'ratification', consent_on: '2002-08-21' }), { date: '2003-09-29', basis: 'instrument_entry_into_force' });
  });
  it('a Protocol deposited after the fortieth instrument but before its entry into force: the later date', () => {
    const tip = ENTRY_INTO_FORCE_RULES['untoc-tip']!;
    assert.deepEqual(entryIntoForceFor(tip, '2003-12-25', { consent_kind: 'ratification', consent_on: '2003-11-20' }), { date: '2003-12-25', basis: 'instrument_entry_into_force' });
  });
  it('no date for a succession, no consent, or an instrument without a rule or date', () => {
    assert.deepEqual(entryIntoForceFor(UNTOC, '2003-09-29', { consent_kind: 'succession', consent_on: '2006-10-23' }), { basis: 'succession' });
    assert.deepEqual(entryIntoForceFor(UNTOC, '2003-09-29', {}), { basis: 'no_consent' });
    assert.deepEqual(entryIntoForceFor(undefined, '2003-09-29', { consent_kind: 'ratification', consent_on: '2006-10-23' }), { basis: 'no_rule' });
    assert.deepEqual(entryIntoForceFor(UNTOC, null, { consent_kind: 'ratification', consent_on: '2006-10-23' }), { basis: 'no_rule' });
  });
  it('is the later of deposit + 30 days and the instrument\'s date, never earlier than either, and keeps the order of deposits (fuzzed)', () => {
    const kind = fc.constantFrom('ratification', 'acceptance', 'approval', 'accession');
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(ENTRY_INTO_FORCE_RULES)), isoDate, isoDate, isoDate, kind, (id, inForce, a, b, k) => {
        const rule = ENTRY_INTO_FORCE_RULES[id]!;
        const ra = entryIntoForceFor(rule, inForce, { consent_kind: k, consent_on: a });
        const rb = entryIntoForceFor(rule, inForce, { consent_kind: k, consent_on: b });
        assert.ok(ra.date && rb.date);
        assert.ok(ra.date >= inForce && ra.date >= addDays(a, 30));
        assert.ok(ra.date === inForce || ra.date === addDays(a, 30));
        assert.equal(ra.basis === 'after_deposit', ra.date === addDays(a, 30));
        if (a <= b) assert.ok(ra.date <= rb.date);
        assert.equal(inForceStatus({ consent_kind: k, consent_on: a, entry_into_force_on: ra.date }, ra.date), 'in_force');
        assert.equal(inForceStatus({ consent_kind: k, consent_on: a, entry_into_force_on: ra.date }, addDays(ra.date, -1)), 'not_yet_in_force');
      }),
    );
  });
});

describe('status on a given day', () => {
  it('tells a party not yet bound in practice from one in force', () => {
    const p = { consent_kind: 'accession', consent_on: '2014-12-10', entry_into_force_on: '2015-01-09' };
    assert.equal(inForceStatus(p, '2014-12-31'), 'not_yet_in_force');
    assert.equal(inForceStatus(p, '2015-01-09'), 'in_force');
    assert.equal(inForceStatus({ consent_kind: 'succession', consent_on: '2006-10-23' }, '2014-12-31'), 'date_unknown');
    assert.equal(inForceStatus({}, '2014-12-31'), 'not_bound');
    assert.equal(inForceStatus(null, '2014-12-31'), 'not_bound');
  });
});

describe('the shipped depositary status (2014)', () => {
  it('gives back each instrument\'s published date of entry into force (para. 1) from the deposits it lists', () => {
    for (const [number, id] of Object.entries(DEPOSITARY_INSTRUMENTS)) {
      const file = `${SHIPPED_STATUS.dir}${number}.csv`;
      const { status, issues } = readStatusText(file, fs.readFileSync(file));
      assert.deepEqual(issues, []);
      const deposits = status!.parties.flatMap((p) => (p.consent_on && p.consent_kind !== 'succession' ? [p.consent_on] : []));
      const rule = ENTRY_INTO_FORCE_RULES[id]!;
      assert.equal(instrumentEntryIntoForce(rule, deposits, rule.notBefore ? PUBLISHED[rule.notBefore] : undefined), PUBLISHED[id], id);
    }
  });
  it('has no date before fewer than the needed instruments were deposited', () => {
    assert.equal(instrumentEntryIntoForce(UNTOC, ['2001-01-01', '2002-01-01']), undefined);
  });
});
