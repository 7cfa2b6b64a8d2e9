import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ANSWER_KINDS, kindRule } from './kinds.js';
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

test('answers: each kind needs its fields (refusal grounds and reasons, postponement until), named when missing', () => {
  const base = { v: MESSAGE_VERSION, id: '6f1c1d8e-3b0a-4c55-9a51-0d7f4c2b9e11', from: 'node-fra', to: 'node-ita', sent_at: '2026-12-07T10:00:00.000Z', in_reply_to: '6f1c1d8e-3b0a-4c55-9a51-0d7f4c2b9e10', documents: [] };
  for (const kind of ANSWER_KINDS) {
    const bare = checkMessage({ ...base, kind }, 'node-ita');
    const needs = kindRule(kind).needs;
    if (!needs.length) assert.equal(bare.ok, true, kind);
    else assert.deepEqual(!bare.ok && bare.issues.map((i) => i.field).sort(), [...needs].sort(), kind);
    assert.equal(checkMessage({ ...base, kind, text: 'Reasons.', grounds: ['other'], until: '2027-01-31' }, 'node-ita').ok, true, kind);
  }
  const bad = checkMessage({ ...base, kind: 'refusal', text: 'x', grounds: 'other', until: '31/01/2027' }, 'node-ita');
  assert.deepEqual(!bad.ok && bad.issues.map((i) => i.field).sort(), ['grounds', 'until']);
});

test('received fields, fuzzed: checkMessage never throws and accepts only well-formed answers', () => {
  fc.assert(
    fc.property(
      fc.record({ kind: fc.oneof(fc.constantFrom(...ANSWER_KINDS), fc.string()), text: fc.oneof(fc.string(), fc.jsonValue()), grounds: fc.oneof(fc.array(fc.string()), fc.jsonValue()), until: fc.oneof(fc.string(), fc.jsonValue()), in_reply_to: fc.oneof(fc.uuid(), fc.string()) }, { requiredKeys: [] }),
      (o) => {
        const r = checkMessage({ v: MESSAGE_VERSION, id: '6f1c1d8e-3b0a-4c55-9a51-0d7f4c2b9e11', from: 'node-fra', to: 'node-ita', sent_at: '2026-12-07T10:00:00.000Z', documents: [], ...o }, 'node-ita');
        if (r.ok) {
          assert.ok((ANSWER_KINDS as readonly string[]).includes(r.value.kind));
          assert.ok(r.value.grounds === undefined || (Array.isArray(r.value.grounds) && r.value.grounds.every((g) => typeof g === 'string' && g.length <= 60)));
          assert.ok(r.value.until === undefined || /^\d{4}-\d{2}-\d{2}$/.test(r.value.until));
          assert.ok(r.value.text === undefined || typeof r.value.text === 'string');
        }
      },
    ),
    { numRuns: 500 },
  );
});
