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
