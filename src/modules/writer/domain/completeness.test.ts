import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { completeAnswers } from '../../../../test/factories/writer.js';
import { checkDraft, checkStep, risksOf } from './completeness.js';
import { KINDS, MODEL_FORMS, WRITER_KINDS } from './kinds.js';
import { NO_ENTRY, STEPS, type RequestedState } from './model.js';
import { parseStep } from './parse.js';
import { questionsOf } from './steps.js';

const requested: RequestedState = {
  ...NO_ENTRY('FRA'),
  authorityId: 'fr-ca',
  languages: ['fr', 'en'],
  channels: ['direct', 'diplomatic'],
  requirements: [
    { measure: 'taking-evidence', status: 'conditions', conditions: 'A sworn statement; assurances on the use of the evidence' },
    { measure: 'search-seizure-freezing', status: 'not_applicable', conditions: null },
  ],
  eEvidence: { preservation: 'Say how long.', disclosure: 'A judge’s order.' },
  untocExtradition: 'no',
};

test('the e-evidence model forms have the ids the hub links to', () => {
  assert.deepEqual([...MODEL_FORMS].sort(), ['emergency_disclosure', 'preservation', 'realtime_collection', 'stored_data_mla', 'voluntary_disclosure']);
});

test('every kind: an empty draft misses the art. 18(15) elements, a complete one misses nothing', () => {
  for (const kind of WRITER_KINDS) {
    const missing = checkDraft(kind, {}, requested).map((m) => `${m.step}.${m.field}`);
    for (const f of ['authority.requesting_authority', 'investigation.subject_nature', 'investigation.conducting_authority', 'persons.persons_known', 'purpose.purpose', 'requested.doc_language', 'basis.legal_basis']) assert.ok(missing.includes(f), `${kind}: ${f} missing`);
    assert.ok(missing.some((m) => m.startsWith('assistance.')), `${kind}: the assistance sought`);
    const a = completeAnswers(kind, requested);
    assert.deepEqual(checkDraft(kind, a, requested), [], kind);
    // Removing any required answer makes it incomplete again, naming that item.
    for (const step of STEPS) {
      for (const q of questionsOf(kind, step, a, requested)) {
        if (q.required === false || (q.when && !q.when(a))) continue;
        const { [q.id]: _gone, ...rest } = a;
        const req = typeof q.required === 'function' ? q.required(rest) : true;
        if (!req) continue;
        assert.ok(checkDraft(kind, rest, requested).some((m) => m.field === q.id), `${kind}: without ${q.id}`);
      }
    }
  }
});

test('MLA: bank records need account, bank and period; a witness hearing its person, questions, officials and videoconference', () => {
  const a = completeAnswers('mla', requested, undefined, { measures: ['records', 'witness_hearing'], records_type: 'bank' });
  assert.deepEqual(checkDraft('mla', a, requested), []);
  for (const f of ['bank_account', 'bank_name', 'period_from', 'period_to', 'witness_person', 'witness_questions', 'officials_present', 'videoconference', 'videoconference_details']) {
    const { [f]: _gone, ...rest } = a;
    assert.ok(checkStep('mla', 'assistance', rest, requested).some((m) => m.field === f), f);
  }
  assert.deepEqual(checkStep('mla', 'assistance', { ...a, period_from: '2026-01-01', period_to: '2025-01-01' }, requested), [{ step: 'assistance', field: 'period_to', reason: 'bad_date' }]);
});

test('service of documents alone needs no summary of facts (18(15)(c))', () => {
  assert.deepEqual(checkStep('mla', 'facts', { measures: ['service_documents'] }, requested), []);
  assert.equal(checkStep('mla', 'facts', { measures: ['service_documents', 'taking_evidence'] }, requested).length, 1);
});

test('the requested State decides: languages offered, conditions to meet, assurances, risks', () => {
  const q = questionsOf('mla', 'requested', { measures: ['taking_evidence'] }, requested);
  assert.deepEqual(q.find((x) => x.id === 'doc_language')?.options, ['en', 'fr']);
  assert.ok(q.some((x) => x.id === 'cond_taking_evidence'));
  assert.ok(q.some((x) => x.id === 'assurances'));
  assert.equal(checkStep('mla', 'requested', { measures: ['taking_evidence'], doc_language: 'ar' }, requested).find((m) => m.field === 'doc_language')?.reason, 'not_accepted');
  const risks = risksOf('mla', { measures: ['search_seizure', 'taking_evidence'], fiscal: 'yes' }, requested).map((r) => r.code);
  assert.deepEqual(risks.sort(), ['assurances', 'dual_criminality', 'fiscal_offence', 'measure_not_available']);
  assert.ok(risksOf('extradition', {}, requested).some((r) => r.code === 'untoc_not_extradition_basis'));
  assert.equal(KINDS.preservation.assistance.find((x) => x.id === 'mla_to_follow')?.mustBeYes, true);
  assert.equal(checkStep('preservation', 'assistance', completeAnswers('preservation', requested, undefined, { mla_to_follow: 'no' }), requested).find((m) => m.field === 'mla_to_follow')?.reason, 'must_be_yes');
});

test('parseStep: anything malformed names the field and merges nothing; other answers are kept', () => {
  fc.assert(
    fc.property(fc.constantFrom(...WRITER_KINDS), fc.constantFrom(...STEPS.filter((s) => s !== 'review')), fc.dictionary(fc.string({ maxLength: 30 }), fc.oneof(fc.string(), fc.array(fc.string()), fc.integer(), fc.constant(null), fc.object())), (kind, step, body) => {
      const current = completeAnswers(kind, requested);
      const r = parseStep(kind, step, body, current, requested);
      if (!r.ok) {
        assert.ok(r.issues.length > 0 && r.issues.every((i) => typeof i.field === 'string' && i.field.length > 0));
        return;
      }
      const ids = new Set([...questionsOf(kind, step, current, requested), ...questionsOf(kind, step, r.answers, requested)].map((q) => q.id));
      for (const [k, v] of Object.entries(current)) if (!ids.has(k)) assert.deepEqual(r.answers[k], v, `answer ${k} of another step kept`);
      assert.doesNotThrow(() => JSON.stringify(r.answers));
    }),
    { numRuns: 300 },
  );
  const bad = parseStep('mla', 'facts', { facts_summary: 'a\u0000b' }, {}, requested);
  assert.deepEqual(bad.ok ? [] : bad.issues.map((i) => i.field), ['facts_summary']);
  const surrogate = parseStep('mla', 'facts', { facts_summary: 'x\uD800' }, {}, requested);
  assert.equal(surrogate.ok, false);
});
