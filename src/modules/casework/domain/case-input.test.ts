import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCaseCreate, checkCaseEdit, checkPersonInput } from './case-input.js';

const refs = { measures: new Set(['taking-evidence']), crimes: new Set(['money-laundering']), countries: new Set(['ITA', 'FRA']) };
const fields = (r: { ok: boolean; issues?: { field: string }[] }) => (r.ok ? [] : r.issues!.map((i) => i.field).sort());

describe('case input', () => {
  it('accepts a complete request and names each bad field', () => {
    const good = { kind: 'mla', partner_country: 'ITA', title: 'Bank records', measures: ['taking-evidence'], crime_types: ['money-laundering'], persons: [{ role: 'suspect', family_name: 'Rossi', nationalities: ['ITA'] }], legal_bases: [{ basis: 'untoc', article: '18' }] };
    assert.equal(checkCaseCreate(good, refs).ok, true);
    assert.deepEqual(fields(checkCaseCreate({ ...good, kind: 'spying' }, refs)), ['kind']);
    assert.deepEqual(fields(checkCaseCreate({ ...good, partner_country: 'XYZ', measures: ['telepathy'], crime_types: ['jaywalking'] }, refs)), ['crime_types.0', 'measures.0', 'partner_country']);
    assert.deepEqual(fields(checkCaseCreate({ ...good, persons: [{ role: 'suspect', family_name: 'R', nationalities: ['DEU'] }] }, refs)), ['persons.0.nationalities.0']);
    assert.deepEqual(fields(checkCaseCreate({ ...good, urgency: 'urgent' }, refs)), ['urgency_reason']);
    assert.deepEqual(fields(checkCaseCreate({ ...good, received_on: '2026-02-30' }, refs)), ['received_on']);
    assert.deepEqual(fields(checkCaseCreate({ ...good, title: '   ' }, refs)), ['title']);
    assert.deepEqual(fields(checkCaseCreate({ ...good, secret: 1 }, refs)), ['secret']);
    assert.deepEqual(fields(checkCaseCreate({ kind: 'mla' }, refs)), ['partner_country', 'title']);
  });

  it('checks an edit together with the current values', () => {
    assert.equal(checkCaseEdit({ urgency_reason: '' }, refs, { urgency: 'normal' }).ok, true);
    assert.deepEqual(fields(checkCaseEdit({ urgency_reason: '' }, refs, { urgency: 'urgent', urgency_reason: 'custody' })), ['urgency_reason']);
    assert.deepEqual(fields(checkPersonInput({ role: 'witness', family_name: 'V', birth_date: '1980-13-01' }, refs)), ['person.birth_date']);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = checkCaseCreate(v, refs);
        assert.ok(r.ok || r.issues.length > 0);
        checkCaseEdit(v, refs, {});
      }),
    );
  });
});
