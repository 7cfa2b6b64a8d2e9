/**
 * The request writer on a real database: a draft is a casework outgoing case (state draft, reference
 * given) with the writer's answers; every kind refuses its document while incomplete, naming each
 * missing item; a complete draft yields a DOCX in the chosen language, attached to the case on
 * request; the legal basis becomes the case's; permissions and stale saves; approval with four eyes
 * through casework's transitions, after which the draft can no longer be changed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser } from '../factories/users.js';
import { aWriterWorld, completeAnswers, stepAnswers, type WriterWorld } from '../factories/writer.js';
import { unzip } from '../http/directory-files.js';
import { AppError } from '../../src/platform/http/errors.js';
import { getCase } from '../../src/modules/casework/service.js';
import { applyTransition } from '../../src/modules/casework/transition-service.js';
import { caseDocuments } from '../../src/modules/casework/documents-service.js';
import { spoolDirOf } from '../../src/modules/casework/documents-spool.js';
import { WRITER_KINDS, type WriterKind } from '../../src/modules/writer/domain/kinds.js';
import { STEPS } from '../../src/modules/writer/domain/model.js';
import { renderDocument } from '../../src/modules/writer/document/service.js';
import { openDraft, saveStep, startDraft } from '../../src/modules/writer/service.js';

let rt: TestRuntime;
let w: WriterWorld;

before(async () => {
  rt = await createTestRuntime();
  w = await aWriterWorld(rt.db);
});
after(async () => rt.close());

async function status(p: Promise<unknown>): Promise<{ status: number; code: string; fields: string[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, code: e.code, fields: (e.issues ?? []).map((i) => i.field) };
    throw e;
  }
  return { status: 200, code: 'ok', fields: [] };
}

/** Save every step of a draft with complete answers (doc language given), as the pages would. */
async function complete(caseId: string, kind: WriterKind, over: Record<string, string | string[]> = {}): Promise<void> {
  let view = await openDraft(rt.db, w.officer.actor, caseId);
  const all = completeAnswers(kind, view.directory.requested, (id) => `Text of ${id}`, { ...view.draft.answers, doc_language: 'en', ...over });
  for (const step of STEPS.filter((s) => s !== 'review')) {
    view = await saveStep(rt.db, w.officer.actor, caseId, step, stepAnswers(kind, step, all, view.directory.requested), view.draft.version);
  }
}

test('start: bad kind and State are 400 naming the field, nothing written; a draft is a casework outgoing draft with the directory’s details', async () => {
  const before = await rt.db.selectFrom('writer_drafts').select(rt.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.deepEqual((await status(startDraft(rt.db, w.officer.actor, { kind: 'telepathy', requested_country: 'XXX' }))).fields, ['kind', 'requested_country']);
  const after1 = await rt.db.selectFrom('writer_drafts').select(rt.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after1.n), Number(before.n));
  const { caseId } = await startDraft(rt.db, w.officer.actor, { kind: 'preservation', requested_country: w.requestedCountry });
  const c = await getCase(rt.db, w.officer.actor, caseId);
  assert.equal(c.case.state, 'draft');
  assert.equal(c.case.direction, 'outgoing');
  assert.equal(c.case.partner_country, w.requestedCountry);
  assert.ok(c.case.reference);
  const view = await openDraft(rt.db, w.officer.actor, caseId);
  assert.equal(view.draft.answers.requesting_authority, w.authorityName);
  assert.match(String(view.draft.answers.authority_contact), /entraide@justice\.example/);
  assert.equal(view.directory.requested.authorityId, w.requestedAuthorityId);
  assert.deepEqual(view.directory.requested.languages, ['en', 'fr', 'ar', 'zh', 'de']);
});

test('every kind: an incomplete draft never yields a document (409 naming each missing item); complete, it yields a DOCX', async () => {
  for (const kind of WRITER_KINDS) {
    const { caseId } = await startDraft(rt.db, w.officer.actor, { kind, requested_country: w.requestedCountry });
    for (const format of ['docx', 'pdf']) {
      const r = await status(renderDocument(rt.db, w.officer.actor, caseId, format));
      assert.equal(r.status, 409, kind);
      assert.equal(r.code, 'draft-incomplete');
      assert.ok(r.fields.includes('investigation.subject_nature') && r.fields.includes('requested.doc_language'), `${kind}: ${r.fields.join()}`);
    }
    await complete(caseId, kind);
    // One answer short is still refused.
    const view = await openDraft(rt.db, w.officer.actor, caseId);
    await saveStep(rt.db, w.officer.actor, caseId, 'purpose', { purpose: '' }, view.draft.version);
    assert.deepEqual((await status(renderDocument(rt.db, w.officer.actor, caseId, 'docx'))).fields, ['purpose.purpose'], kind);
    await saveStep(rt.db, w.officer.actor, caseId, 'purpose', { purpose: 'Text of purpose' });
    const doc = await renderDocument(rt.db, w.officer.actor, caseId, 'docx');
    const xml = unzip(doc.bytes).get('word/document.xml')!.toString('utf8');
    for (const heading of ['(a) Requesting authority', '(b) Subject matter and nature', '(d) Assistance sought', '(f) Purpose of the request']) assert.ok(xml.includes(heading), `${kind}: ${heading}`);
    assert.ok(xml.includes('Text of purpose') && xml.includes(w.authorityName), kind);
  }
});

test('the document is in the chosen language; the drafter’s text as written; attached to the case as a request document', async () => {
  const { caseId } = await startDraft(rt.db, w.officer.actor, { kind: 'mla', requested_country: w.requestedCountry });
  await complete(caseId, 'mla', { doc_language: 'ar', measures: ['records', 'witness_hearing'], records_type: 'bank', facts_summary: 'Virement de 40 000 EUR le 3 mars' });
  const doc = await renderDocument(rt.db, w.officer.actor, caseId, 'docx', { attach: true, spoolDir: spoolDirOf(rt.config.dataDir) });
  assert.equal(doc.lang, 'ar');
  const xml = unzip(doc.bytes).get('word/document.xml')!.toString('utf8');
  assert.ok(xml.includes('طلب مساعدة قانونية متبادلة'), 'Arabic title');
  assert.ok(xml.includes('(أ) السلطة الطالبة') && xml.includes('(و) الغرض من الطلب'));
  assert.ok(xml.includes('Virement de 40 000 EUR le 3 mars'), 'the drafter’s text untouched');
  assert.match(xml, /<w:bidi\/>|<w:bidi w:val="(true|1)"\/>/);
  const docs = await caseDocuments(rt.db, w.officer.actor, caseId);
  const attached = JSON.stringify(docs);
  assert.ok(attached.includes('"kind":"request"') && attached.includes('"language":"ar"'), attached.slice(0, 400));
  // A language the requested State does not accept is refused at the step.
  assert.deepEqual((await status(saveStep(rt.db, w.officer.actor, caseId, 'requested', { doc_language: 'ru' }))).fields, ['doc_language']);
});

test('the legal basis chosen becomes the case’s; permissions; stale saves; four eyes, then the draft is closed to changes', async () => {
  const { caseId } = await startDraft(rt.db, w.officer.actor, { kind: 'extradition', requested_country: w.requestedCountry });
  await saveStep(rt.db, w.officer.actor, caseId, 'basis', { legal_basis: 'treaty', legal_basis_instrument: 'fra-deu-1951', legal_basis_article: '3' });
  const bases = (await getCase(rt.db, w.officer.actor, caseId)).legalBases;
  assert.equal(bases.length, 1);
  assert.equal(bases[0]!.basis, 'treaty');
  // Another authority's officer: the draft does not exist for them; a plain practitioner: 403.
  assert.equal((await status(openDraft(rt.db, w.stranger.actor, caseId))).status, 404);
  assert.equal((await status(saveStep(rt.db, w.stranger.actor, caseId, 'facts', { facts_summary: 'x' }))).status, 404);
  const prac = await aUser(rt.db, [{ role: 'practitioner' }]);
  assert.equal((await status(saveStep(rt.db, prac.actor, caseId, 'facts', { facts_summary: 'x' }))).status, 403);
  assert.equal((await status(startDraft(rt.db, prac.actor, { kind: 'mla', requested_country: 'DEU' }))).status, 403);
  // A save based on an old version is refused, the saved step kept.
  const v = (await openDraft(rt.db, w.officer.actor, caseId)).draft.version;
  await saveStep(rt.db, w.officer.actor, caseId, 'facts', { facts_summary: 'First tab' }, v);
  assert.equal((await status(saveStep(rt.db, w.officer.actor, caseId, 'facts', { facts_summary: 'Second tab' }, v))).status, 409);
  assert.equal((await openDraft(rt.db, w.officer.actor, caseId)).draft.answers.facts_summary, 'First tab');
  // Unknown step: 404.
  assert.equal((await status(saveStep(rt.db, w.officer.actor, caseId, 'nowhere', {}))).status, 404);
  // Submitted, approved by a second person (four eyes: not by the author).
  await applyTransition(rt.db, w.officer.actor, caseId, { transition: 'submit' });
  assert.equal((await status(applyTransition(rt.db, w.officer.actor, caseId, { transition: 'approve' }))).status, 403);
  await applyTransition(rt.db, w.supervisor.actor, caseId, { transition: 'approve' });
  assert.equal((await status(saveStep(rt.db, w.officer.actor, caseId, 'facts', { facts_summary: 'Late change' }))).status, 409);
  assert.equal((await openDraft(rt.db, w.officer.actor, caseId)).editable, false);
});
