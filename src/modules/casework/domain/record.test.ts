import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCaseRecord, recordHash, type RecordRefs } from './record.js';

const refs: RecordRefs = { countries: new Set(['FRA', 'ITA', 'DEU']), measures: new Set(['taking-evidence', 'data-preservation']), crimes: new Set(['corruption', 'cybercrime']) };

const good = () => ({
  reference: 'MLI/2024/00042',
  direction: 'incoming',
  kind: 'mla',
  state: 'forwarded',
  partner: { country: 'ITA', reference: 'RG 123/24' },
  title: 'Bank records of a shell company',
  measures: ['taking-evidence'],
  crime_types: ['corruption'],
  urgency: 'urgent',
  urgency_reason: 'Suspect in custody',
  dates: { received_on: '2024-03-01' },
  persons: [{ role: 'suspect', family_name: 'Rossi', nationalities: ['ITA'] }],
  executions: [{ executing_name: 'Prosecutor', state: 'in_execution', forwarded_on: '2024-03-10' }],
  deadlines: [{ kind: 'partner', label: 'Partner deadline', due_on: '2024-06-01', execution: 0 }],
});

test('a complete record parses', () => {
  const r = parseCaseRecord(good(), refs);
  assert.equal(r.ok, true, JSON.stringify(r));
});

test('each problem names its field', () => {
  const bad = good() as Record<string, unknown>;
  bad.state = 'draft';
  bad.measures = ['taking-evidence', 'teleportation'];
  bad.partner = { country: 'XXX' };
  bad.urgency_reason = undefined;
  (bad.dates as Record<string, string>).closed_on = '2024-02-30';
  (bad.deadlines as { execution: number }[])[0]!.execution = 3;
  const r = parseCaseRecord(JSON.parse(JSON.stringify(bad)), refs);
  assert.equal(r.ok, false);
  const fields = r.ok ? [] : r.issues.map((i) => i.field).sort();
  assert.deepEqual(fields, ['dates.closed_on', 'deadlines.0.execution', 'measures.1', 'partner.country', 'state', 'urgency_reason']);
});

test('shape errors name the field; unknown fields are refused', () => {
  const r = parseCaseRecord({ ...good(), kind: 'teleport', colour: 'red' }, refs);
  assert.equal(r.ok, false);
  const fields = r.ok ? [] : r.issues.map((i) => i.field);
  assert.ok(fields.includes('kind'));
  assert.ok(fields.includes('colour'));
});

test('the content hash ignores history and origin id, and key order', () => {
  const a = good();
  const b = { ...JSON.parse(JSON.stringify(a)), id: '00000000-0000-0000-0000-000000000000', history: [] };
  const r1 = parseCaseRecord(a, refs);
  const r2 = parseCaseRecord(b, refs);
  assert.ok(r1.ok && r2.ok);
  assert.equal(recordHash(r1.record), recordHash(r2.record));
});

test('random input never throws and every issue names a field', () => {
  fc.assert(
    fc.property(fc.oneof(fc.anything(), fc.record({ direction: fc.constantFrom('incoming', 'outgoing', 'x'), kind: fc.string(), state: fc.string(), partner: fc.anything(), title: fc.string(), dates: fc.dictionary(fc.string(), fc.string()) }, { requiredKeys: [] })), (v) => {
      const r = parseCaseRecord(v, refs);
      if (!r.ok) {
        assert.ok(r.issues.length > 0);
        for (const i of r.issues) assert.ok(typeof i.field === 'string' && i.field.length > 0 && i.message.length > 0);
      }
    }),
    { numRuns: 500 },
  );
});

test('mutations of a good record never throw and name fields', () => {
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(good())), fc.anything(), (key, value) => {
      const r = parseCaseRecord({ ...good(), [key]: value }, refs);
      if (!r.ok) for (const i of r.issues) assert.ok(i.field.length > 0);
    }),
    { numRuns: 500 },
  );
});
