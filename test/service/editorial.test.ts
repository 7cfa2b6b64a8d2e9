/**
 * The editorial workflow of the knowledge portal against the real database, policy, search index and
 * audit log: four eyes, companions, machine translation marks, revert, archive, needs attention, and
 * taxonomy labels.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import { aCase, aLaw } from '../factories/knowledge.js';
import { ConflictError, ForbiddenError, UnauthorizedError, ValidationError } from '../../src/platform/http/errors.js';
import { ANONYMOUS } from '../../src/modules/access/actor.js';
import { getEntry, getLaw, saveRecords } from '../../src/modules/knowledge/service.js';
import { search } from '../../src/modules/search/service.js';
import { parseSearchParams } from '../../src/modules/search/domain/params.js';
import { invalidateReferenceCache, listTerms } from '../../src/modules/reference/service.js';
import { ensureReferenceData } from '../../src/modules/reference/loader.js';
import {
  editorialHistory,
  needsAttention,
  revertEditorial,
  saveEditorialDraft,
  subjectView,
  transitionEditorial,
} from '../../src/modules/editorial/service.js';

async function found(rt: TestRuntime, q: string): Promise<string[]> {
  const p = parseSearchParams({ q, per_page: '100' });
  assert.ok(p.ok);
  return (await search(rt.db, p.value)).results.map((r) => r.id);
}

const caseMeta = (over: Record<string, unknown> = {}) => ({ type: 'case', country: 'ITA', court: 'Corte di Cassazione', decision_date: '2021-03-04', crime_types: ['drug-offences'], ...over });

describe('editorial workflow (knowledge)', () => {
  let rt: TestRuntime;
  let ana: TestUser;
  let ben: TestUser;
  let prac: TestUser;

  before(async () => {
    rt = await createTestRuntime();
    ana = await aUser(rt.db, [{ role: 'curator' }], 'Ana Curator');
    ben = await aUser(rt.db, [{ role: 'curator' }], 'Ben Curator');
    prac = await aUser(rt.db, [{ role: 'practitioner' }], 'Prac');
  });
  after(async () => rt?.close());

  it('creates a case, keeps four eyes, and publishes it with its general information', async () => {
    const id = 'case-editorial-one';
    const meta = await saveEditorialDraft(rt.db, ana.ctx, 'entry', id, '*', caseMeta(), 'new case');
    const en = await saveEditorialDraft(rt.db, ana.ctx, 'entry', id, 'en', { title: 'Zanzibarian smuggling ruling', summary: 'Extradition granted.' });
    assert.equal(await getEntry(rt.db, id), undefined, 'nothing public while in draft');
    await transitionEditorial(rt.db, ana.ctx, 'entry', meta.id, 'submit');
    await transitionEditorial(rt.db, ana.ctx, 'entry', en.id, 'submit');

    await assert.rejects(transitionEditorial(rt.db, ana.ctx, 'entry', en.id, 'publish'), ForbiddenError, 'no one publishes their own change');
    await assert.rejects(transitionEditorial(rt.db, prac.ctx, 'entry', en.id, 'publish'), ForbiddenError);
    await assert.rejects(transitionEditorial(rt.db, { ...ana.ctx, actor: ANONYMOUS }, 'entry', en.id, 'publish'), UnauthorizedError);
    const view = await subjectView(rt.db, ana.ctx, 'entry', id);
    assert.deepEqual(view.parts.find((p) => p.part === 'en')?.actions, ['withdraw']);
    assert.deepEqual((await subjectView(rt.db, ben.ctx, 'entry', id)).parts.find((p) => p.part === 'en')?.actions, ['withdraw', 'return', 'publish']);

    await transitionEditorial(rt.db, ben.ctx, 'entry', en.id, 'publish');
    const pub = await getEntry(rt.db, id);
    assert.equal(pub?.type, 'case');
    assert.equal(pub?.texts.en?.title, 'Zanzibarian smuggling ruling');
    assert.equal(pub?.type === 'case' && pub.court, 'Corte di Cassazione');
    const states = await rt.db.selectFrom('revisions').select(['part', 'state']).where('subject_id', '=', id).orderBy('part').execute();
    assert.deepEqual(states, [{ part: '*', state: 'published' }, { part: 'en', state: 'published' }], 'the general information was published with it');
    assert.deepEqual(await found(rt, 'Zanzibarian'), [id]);
    const origin = await rt.db.selectFrom('entries').select('origin').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(origin.origin, 'editor');
    const audited = await rt.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('target_id', 'like', `${id}#%`).where('action', '=', 'revision.publish').execute();
    assert.equal(audited.length, 2);
    assert.ok(audited.every((a) => a.actor_user_id === ben.id));
  });

  it('names bad fields and writes nothing', async () => {
    await assert.rejects(saveEditorialDraft(rt.db, ana.ctx, 'entry', 'case-bad', '*', caseMeta({ country: 'XXX', crime_types: ['no-such-term'] })), (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.deepEqual(err.issues?.map((i) => i.field).sort(), ['country', 'crime_types.0']);
      return true;
    });
    await assert.rejects(saveEditorialDraft(rt.db, ana.ctx, 'entry', 'case-bad', '*', caseMeta({ decision_date: '4 March', court: 'x'.repeat(600) })), (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.deepEqual(err.issues?.map((i) => i.field).sort(), ['court', 'decision_date']);
      return true;
    });
    await assert.rejects(saveEditorialDraft(rt.db, ana.ctx, 'entry', 'case-bad', 'fr', { title: 'x' }), /general information/);
    await saveEditorialDraft(rt.db, ana.ctx, 'entry', 'case-bad2', '*', caseMeta());
    await assert.rejects(saveEditorialDraft(rt.db, ana.ctx, 'entry', 'case-bad2', 'fr', { title: '', extra: 1 }), (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.deepEqual(err.issues?.map((i) => i.field).sort(), ['extra', 'title']);
      return true;
    });
    await assert.rejects(saveEditorialDraft(rt.db, ana.ctx, 'entry', 'Bad Id', '*', caseMeta()), ValidationError);
    const n = await rt.db.selectFrom('revisions').select((eb) => eb.fn.countAll<string>().as('n')).where('subject_id', 'in', ['case-bad', 'Bad Id']).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0);
  });

  it('keeps a machine translation marked until a person reviews it', async () => {
    const doc = aCase({ id: 'case-mt' });
    await saveRecords(rt.db, [doc], { origin: 'import' });
    const fr = await saveEditorialDraft(rt.db, ana.ctx, 'entry', doc.id, 'fr', { title: 'Extradition (traduction automatique)', machine_translated: true, translated_from: 'en' });
    await transitionEditorial(rt.db, ana.ctx, 'entry', fr.id, 'submit');
    await transitionEditorial(rt.db, ben.ctx, 'entry', fr.id, 'publish');
    assert.equal((await getEntry(rt.db, doc.id))?.texts.fr?.machine_translated, true, 'published without review: still marked');
    const fr2 = await saveEditorialDraft(rt.db, ana.ctx, 'entry', doc.id, 'fr', { title: 'Extradition pour participation à un groupe criminel organisé', machine_translated: true, translated_from: 'en' });
    await transitionEditorial(rt.db, ana.ctx, 'entry', fr2.id, 'submit');
    await transitionEditorial(rt.db, ben.ctx, 'entry', fr2.id, 'publish', { reviewed: true });
    const text = (await getEntry(rt.db, doc.id))?.texts.fr;
    assert.equal(text?.machine_translated, undefined, 'reviewed: the mark is gone');
    assert.equal(text?.translated_from, 'en');
  });

  it('reverts to an earlier revision through review, with a readable history', async () => {
    const id = 'case-mt';
    const h = await editorialHistory(rt.db, ben.ctx, 'entry', id, 'fr');
    const first = h.find((i) => i.revision.number === 1)!;
    assert.equal(h[0]!.revision.state, 'published');
    assert.ok(h[0]!.changes.some((c) => c.path === 'title' && c.text?.some((o) => o.op === 'insert')));
    const back = await revertEditorial(rt.db, ben.ctx, 'entry', first.revision.id);
    assert.equal(back.state, 'draft');
    assert.deepEqual(back.document, first.revision.document);
    await transitionEditorial(rt.db, ben.ctx, 'entry', back.id, 'submit');
    await transitionEditorial(rt.db, ana.ctx, 'entry', back.id, 'publish');
    assert.equal((await getEntry(rt.db, id))?.texts.fr?.title, 'Extradition (traduction automatique)');
    await assert.rejects(editorialHistory(rt.db, prac.ctx, 'entry', id), ForbiddenError);
  });

  it('archives a language version or the whole entry off the public site, and restores it', async () => {
    const id = 'case-editorial-one';
    const view = await subjectView(rt.db, ana.ctx, 'entry', id);
    const enLive = view.parts.find((p) => p.part === 'en')!.live!;
    await assert.rejects(transitionEditorial(rt.db, ana.ctx, 'entry', enLive.id, 'archive', { comment: '' }), ValidationError);
    const fr = await saveEditorialDraft(rt.db, ana.ctx, 'entry', id, 'fr', { title: 'Arrêt zanzibarien' });
    await transitionEditorial(rt.db, ana.ctx, 'entry', fr.id, 'submit');
    await transitionEditorial(rt.db, ben.ctx, 'entry', fr.id, 'publish');
    await transitionEditorial(rt.db, ana.ctx, 'entry', enLive.id, 'archive', { comment: 'Wrong court' });
    assert.deepEqual(Object.keys((await getEntry(rt.db, id))!.texts), ['fr']);
    const metaLive = view.parts.find((p) => p.part === '*')!.live!;
    await transitionEditorial(rt.db, ana.ctx, 'entry', metaLive.id, 'archive', { comment: 'Duplicate' });
    assert.equal(await getEntry(rt.db, id), undefined, 'off the portal');
    assert.deepEqual(await found(rt, 'Zanzibarian'), []);
    await transitionEditorial(rt.db, ana.ctx, 'entry', metaLive.id, 'restore');
    assert.deepEqual(Object.keys((await getEntry(rt.db, id))!.texts), ['fr'], 'the version archived on its own stays archived');
  });

  it('edits laws by language and never archives a law as a whole', async () => {
    const law = aLaw({ id: 'law-editorial' });
    await saveRecords(rt.db, [law], { origin: 'import' });
    const en = await saveEditorialDraft(rt.db, ana.ctx, 'law', law.id, 'en', { title: 'Act adapting justice to developments in crime', machine_translated: true, translated_from: 'fr' });
    await transitionEditorial(rt.db, ana.ctx, 'law', en.id, 'submit');
    await transitionEditorial(rt.db, ben.ctx, 'law', en.id, 'publish', { reviewed: true });
    assert.deepEqual((await getLaw(rt.db, law.id))?.texts.en, { title: 'Act adapting justice to developments in crime', translated_from: 'fr' });
    const view = await subjectView(rt.db, ben.ctx, 'law', law.id);
    assert.ok(view.parts.find((p) => p.part === 'en')!.actions.includes('archive'));
    const meta = await saveEditorialDraft(rt.db, ana.ctx, 'law', law.id, '*', { type: 'law', country: 'FRA', citation: 'Loi n° 2004-204' });
    await transitionEditorial(rt.db, ana.ctx, 'law', meta.id, 'submit');
    await transitionEditorial(rt.db, ben.ctx, 'law', meta.id, 'publish');
    assert.equal((await getLaw(rt.db, law.id))?.citation, 'Loi n° 2004-204');
    assert.deepEqual((await subjectView(rt.db, ben.ctx, 'law', law.id)).parts.find((p) => p.part === '*')!.actions, []);
    await assert.rejects(transitionEditorial(rt.db, ben.ctx, 'law', meta.id, 'archive', { comment: 'x' }), ValidationError);
  });

  it('lists what needs attention', async () => {
    const old = aCase({ id: 'case-old', updated_at: '2020-01-01T00:00:00.000Z', texts: { en: { title: 'Old case' }, fr: { title: 'Ancienne affaire' } } });
    await saveRecords(rt.db, [old], { origin: 'import' });
    const draft = await saveEditorialDraft(rt.db, ana.ctx, 'entry', 'case-mt', 'es', { title: 'Extradición' });
    await transitionEditorial(rt.db, ana.ctx, 'entry', draft.id, 'submit');
    const n = await needsAttention(rt.db, ben.actor, 'en');
    assert.ok(n.inReview.items.some((i) => i.revisionId === draft.id && i.title === 'Extradición' && i.author === 'Ana Curator'));
    assert.equal(n.inReview.total, n.inReview.items.length);
    const untranslated = n.untranslated.items.find((i) => i.id === 'case-old');
    assert.deepEqual(untranslated?.missing, ['ar', 'zh', 'es', 'ru']);
    assert.ok(n.untranslated.total >= 2);
    assert.deepEqual(n.notReviewed.items.map((i) => i.id), ['case-old']);
    assert.equal(n.notReviewed.total, 1);
    assert.equal(untranslated?.date.toISOString(), '2020-01-01T00:00:00.000Z', 'dated by its last change');
    // A review published through the workflow counts even when the entry itself is older (the workflow's date).
    const review = await saveEditorialDraft(rt.db, ana.ctx, 'entry', 'case-old', 'fr', { title: 'Ancienne affaire (revue)' });
    await transitionEditorial(rt.db, ana.ctx, 'entry', review.id, 'submit');
    await transitionEditorial(rt.db, ben.ctx, 'entry', review.id, 'publish');
    await rt.db.updateTable('entries').set({ updated_at: new Date('2020-01-01T00:00:00.000Z') }).where('id', '=', 'case-old').execute();
    const reviewed = await needsAttention(rt.db, ben.actor, 'en');
    assert.deepEqual(reviewed.notReviewed, { total: 0, items: [] });
    const stillUntranslated = reviewed.untranslated.items.find((i) => i.id === 'case-old');
    assert.ok(stillUntranslated && Date.now() - stillUntranslated.date.getTime() < 3600_000, 'dated by the review');
    await assert.rejects(needsAttention(rt.db, prac.actor, 'en'), ForbiddenError);
  });

  it('changes the label of a taxonomy term shown everywhere once published', async () => {
    const before = (await listTerms(rt.db, 'crime')).find((t) => t.code === 'drug-offences')!;
    const labels = { ...before.labels, en: 'Drug trafficking offences' };
    const rev = await saveEditorialDraft(rt.db, ana.ctx, 'taxonomy_term', 'crime:drug-offences', '*', { labels });
    await assert.rejects(saveEditorialDraft(rt.db, ana.ctx, 'taxonomy_term', 'crime:no-such', '*', { labels }), ValidationError);
    await assert.rejects(saveEditorialDraft(rt.db, ben.ctx, 'taxonomy_term', 'crime:drug-offences', '*', { labels: { en: 'only one' } }), (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.ok(err.issues?.some((i) => i.field === 'labels.ar'));
      return true;
    });
    await transitionEditorial(rt.db, ana.ctx, 'taxonomy_term', rev.id, 'submit');
    await assert.rejects(transitionEditorial(rt.db, ana.ctx, 'taxonomy_term', rev.id, 'publish'), ForbiddenError);
    await assert.rejects(transitionEditorial(rt.db, ben.ctx, 'taxonomy_term', rev.id, 'archive', { comment: 'x' }), ValidationError);
    await transitionEditorial(rt.db, ben.ctx, 'taxonomy_term', rev.id, 'publish');
    const afterwards = (await listTerms(rt.db, 'crime')).find((t) => t.code === 'drug-offences')!;
    assert.equal(afterwards.labels.en, 'Drug trafficking offences');
    assert.ok((await found(rt, 'trafficking offences')).includes('case-editorial-one'), 'tagged entries are re-indexed with the new label');
    const reload = await ensureReferenceData(rt.db, { force: true });
    assert.equal(reload.loaded, true);
    invalidateReferenceCache();
    const reloaded = (await listTerms(rt.db, 'crime')).find((t) => t.code === 'drug-offences')!;
    assert.equal(reloaded.labels.en, 'Drug trafficking offences', 'a reload of the reference data keeps the curators\u2019 label');
    const untouched = (await listTerms(rt.db, 'crime')).find((t) => t.code === 'corruption')!;
    assert.equal(untouched.labels.en, 'Corruption', 'terms nobody edited still follow the reference data');
    await assert.rejects(saveEditorialDraft(rt.db, prac.ctx, 'taxonomy_term', 'crime:drug-offences', '*', { labels }), ForbiddenError);
    await assert.rejects(transitionEditorial(rt.db, ben.ctx, 'taxonomy_term', rev.id, 'publish'), ConflictError);
  });
});
