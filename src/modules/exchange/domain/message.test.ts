import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMessage, MESSAGE_VERSION, sha256Hex } from './message.js';

const data = Buffer.from('%PDF-1.7 letter');
const valid = () => ({
  v: MESSAGE_VERSION,
  id: '6f1c1d8e-3b0a-4c55-9a51-0d7f4c2b9e10',
  kind: 'request',
  from: 'node-fra',
  to: 'node-ita',
  sent_at: '2026-12-07T10:00:00.000Z',
  case: { reference: 'FRA/2026/1', kind: 'mla', title: 'Bank records', summary: '' },
  documents: [{ filename: 'a.pdf', media_type: 'application/pdf', title: 'Letter', sha256: sha256Hex(data), data: data.toString('base64') }],
});

test('a valid request passes', () => {
  assert.equal(checkMessage(valid(), 'node-ita').ok, true);
});

test('each defect is named by its field', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ v: 'other' }, 'v'],
    [{ id: 'x' }, 'id'],
    [{ kind: 'gossip' }, 'kind'],
    [{ to: 'node-deu' }, 'to'],
    [{ sent_at: 'yesterday' }, 'sent_at'],
    [{ case: undefined }, 'case'],
    [{ case: { reference: null, kind: 'mla', title: ' ', summary: '' } }, 'case.title'],
    [{ documents: 'none' }, 'documents'],
    [{ documents: [{ ...valid().documents[0], sha256: sha256Hex('other') }] }, 'documents.0.sha256'],
    [{ documents: [{ ...valid().documents[0], data: '***' }] }, 'documents.0.data'],
    [{ kind: 'result' }, 'in_reply_to'],
    [{ case: { reference: null, kind: 'mla', title: 'a\u0000b', summary: '' } }, 'case.title'],
    // The limits of the casework columns the content lands in.
    [{ case: { reference: null, kind: 'mla', title: 'x'.repeat(301), summary: '' } }, 'case.title'],
    [{ case: { reference: 'R'.repeat(121), kind: 'mla', title: 'T', summary: '' } }, 'case.reference'],
    [{ case: { reference: null, kind: 'mla', title: 'T', summary: 's'.repeat(20_001) } }, 'case.summary'],
    [{ documents: [{ ...valid().documents[0], title: 't'.repeat(301) }] }, 'documents.0.title'],
  ];
  for (const [change, field] of cases) {
    const r = checkMessage({ ...valid(), ...change }, 'node-ita');
    assert.equal(r.ok, false, field);
    if (!r.ok) assert.ok(r.issues.some((i) => i.field === field), `${field}: ${JSON.stringify(r.issues)}`);
  }
});
