import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnOfField, exportHeader, planHeader, recordToRow, rowToObject } from './csv-columns.js';
import type { CaseRecord } from '../domain/record.js';

test('a row becomes a record object and back', () => {
  const record: CaseRecord = {
    reference: 'MLI/2024/00001',
    direction: 'incoming',
    kind: 'mla',
    state: 'forwarded',
    partner: { country: 'ITA', reference: 'RG 1' },
    title: 'Evidence, "quoted"',
    measures: ['taking-evidence', 'documents-records'],
    confidential: true,
    dates: { received_on: '2024-01-02' },
    legal_bases: [{ basis: 'untoc', instrument_id: 'untoc', article: '18' }, { basis: 'reciprocity' }],
    persons: [{ role: 'suspect', family_name: 'Rossi', nationalities: ['ITA', 'FRA'] }],
    executions: [{ executing_name: 'Court', state: 'forwarded', forwarded_on: '2024-01-05' }],
  };
  const header = exportHeader(1, 1);
  const { plan, issues } = planHeader(header);
  assert.deepEqual(issues, []);
  assert.deepEqual(rowToObject(plan, recordToRow(record, 1, 1)), record);
});

test('unknown and missing columns are named; fields map to columns', () => {
  const { issues } = planHeader(['reference', 'colour', 'person1_shoe_size']);
  assert.deepEqual(issues.map((i) => i.field), ['colour', 'person1_shoe_size', 'direction', 'kind', 'state', 'partner_country', 'title']);
  assert.equal(columnOfField('persons.1.family_name'), 'person2_family_name');
  assert.equal(columnOfField('executions.0.executing_name'), 'execution1_name');
  assert.equal(columnOfField('partner.country'), 'partner_country');
  assert.equal(columnOfField('measures.3'), 'measures');
});

test('deadlines and identity documents travel in CSV too', () => {
  const record: CaseRecord = {
    direction: 'incoming',
    kind: 'provisional_arrest',
    state: 'forwarded',
    partner: { country: 'ITA' },
    title: 'Arrest',
    dates: { received_on: '2024-01-02' },
    persons: [{ role: 'suspect', family_name: 'Rossi', identity_documents: [{ type: 'passport', number: 'YA1234567', country: 'ITA' }, { type: 'id_card', number: 'CA:99' }] }],
    executions: [{ executing_name: 'Court', state: 'forwarded', forwarded_on: '2024-01-05' }, { executing_name: 'Police', state: 'forwarded', forwarded_on: '2024-01-06' }],
    deadlines: [
      { kind: 'statutory', label: 'End of provisional arrest', due_on: '2024-03-02' },
      { kind: 'custom', label: 'Police report', due_on: '2024-02-01', met_on: '2024-01-30', execution: 1 },
    ],
  };
  const header = exportHeader(1, 2, 2);
  assert.ok(header.includes('person1_documents') && header.includes('deadline2_execution'));
  const { plan, issues } = planHeader(header);
  assert.deepEqual(issues, []);
  const row = recordToRow(record, 1, 2, 2);
  assert.equal(row[header.indexOf('person1_documents')], 'passport:YA1234567:ITA|id_card:CA:99');
  assert.equal(row[header.indexOf('deadline2_execution')], '2', 'tracks are numbered from 1 as in execution2_…');
  assert.deepEqual(rowToObject(plan, row), record);
  const bad = planHeader(['direction', 'kind', 'state', 'partner_country', 'title', 'deadline1_execution']);
  assert.deepEqual(rowToObject(bad.plan, ['incoming', 'mla', 'received', 'ITA', 'x', 'first']), { direction: 'incoming', kind: 'mla', state: 'received', partner: { country: 'ITA' }, title: 'x', deadlines: [{ execution: 'first' }] });
  assert.equal(columnOfField('deadlines.0.execution'), 'deadline1_execution');
  assert.equal(columnOfField('persons.0.identity_documents.1.country'), 'person1_documents');
});
