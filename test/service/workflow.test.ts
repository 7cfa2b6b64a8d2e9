/**
 * The workflow service against the real database, policy and audit log. The subject is a small
 * test adapter whose live content is a row of app_settings: it exercises every path of the
 * service without depending on a particular module's tables.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import type { DB } from '../../src/platform/db/schema.js';
import { getSetting, setSetting } from '../../src/platform/db/settings.js';
import { ForbiddenError, ValidationError, ConflictError, UnauthorizedError } from '../../src/platform/http/errors.js';
import { ANONYMOUS } from '../../src/modules/access/actor.js';
import { compareRevisions, history, partStatuses, revertTo, saveDraft, transition, type WorkflowAdapter } from '../../src/modules/workflow/service.js';

const key = (id: string, part: string) => `wftest.${id}.${part === '*' ? 'meta' : part}`;

const adapter: WorkflowAdapter = {
  type: 'taxonomy_term',
  actions: { create: 'knowledge.create', edit: 'knowledge.edit', review: 'knowledge.review', publish: 'knowledge.publish', archive: 'knowledge.archive' },
  async resource() {
    return {};
  },
  async validate(_db, _id, _part, document) {
    const d = document as { label?: unknown };
    if (typeof d?.label !== 'string' || !d.label.trim()) throw new ValidationError([{ field: 'label', message: 'is required' }]);
    return { label: d.label.trim() };
  },
  async live(db, id, part) {
    const v = await getSetting<{ label: string; archived?: boolean }>(db, key(id, part));
    return v && !v.archived ? { label: v.label } : undefined;
  },
  async publish(trx, id, part, document, { reviewed }) {
    await setSetting(trx, key(id, part), { ...(document as object), reviewed });
  },
  async archive(trx, id, part) {
    const v = await getSetting<{ label: string }>(trx, key(id, part));
    await setSetting(trx, key(id, part), { ...v, archived: true });
  },
  async companions(_db, _id, part) {
    return part === '*' ? [] : ['*'];
  },
};

async function live(db: Kysely<DB>, id: string, part: string) {
  return getSetting<{ label: string; archived?: boolean; reviewed?: boolean }>(db, key(id, part));
}

describe('workflow service', () => {
  let rt: TestRuntime;
  let ana: TestUser;
  let ben: TestUser;
  let reader: TestUser;
  before(async () => {
    rt = await createTestRuntime();
    ana = await aUser(rt.db, [{ role: 'curator' }], 'Ana');
    ben = await aUser(rt.db, [{ role: 'curator' }], 'Ben');
    reader = await aUser(rt.db, [{ role: 'practitioner' }], 'Reader');
  });
  after(async () => rt?.close());

  it('takes a change from draft to published with four eyes, and records each step', async () => {
    const draft = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'alpha', part: 'fr', document: { label: ' Entraide ' }, note: 'first' });
    assert.equal(draft.state, 'draft');
    assert.deepEqual(draft.document, { label: 'Entraide' });
    assert.equal(await live(rt.db, 'alpha', 'fr'), undefined, 'nothing public yet');

    const again = await saveDraft(rt.db, ben.ctx, adapter, { subjectId: 'alpha', part: 'fr', document: { label: 'Entraide judiciaire' } });
    assert.equal(again.id, draft.id, 'one open revision per part');
    assert.deepEqual([...again.editor_ids].sort(), [ana.id, ben.id].sort());

    await transition(rt.db, ana.ctx, adapter, draft.id, 'submit');
    await assert.rejects(saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'alpha', part: 'fr', document: { label: 'x' } }), ConflictError);
    // Both Ana and Ben edited it: neither may publish.
    await assert.rejects(transition(rt.db, ana.ctx, adapter, draft.id, 'publish'), ForbiddenError);
    await assert.rejects(transition(rt.db, ben.ctx, adapter, draft.id, 'publish'), /four-eyes/);
    const carl = await aUser(rt.db, [{ role: 'curator' }], 'Carl');
    const published = await transition(rt.db, carl.ctx, adapter, draft.id, 'publish', { reviewed: true });
    assert.equal(published.state, 'published');
    assert.equal(published.decided_by, carl.id);
    assert.deepEqual(await live(rt.db, 'alpha', 'fr'), { label: 'Entraide judiciaire', reviewed: true });

    const events = await rt.db.selectFrom('revision_events').select(['event', 'to_state']).where('revision_id', '=', draft.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => e.event), ['create', 'edit', 'submit', 'publish']);
    const audited = await rt.db.selectFrom('audit_events').select('action').where('target_id', '=', 'alpha#fr').orderBy('id').execute();
    assert.deepEqual(audited.map((a) => a.action), ['revision.create', 'revision.edit', 'revision.submit', 'revision.publish']);
  });

  it('keeps the published version live while a new change is prepared, then supersedes it', async () => {
    const r1 = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'beta', part: 'en', document: { label: 'One' } });
    await transition(rt.db, ana.ctx, adapter, r1.id, 'submit');
    await transition(rt.db, ben.ctx, adapter, r1.id, 'publish');
    const r2 = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'beta', part: 'en', document: { label: 'Two' } });
    assert.equal(r2.base_number, r1.number);
    assert.equal((await live(rt.db, 'beta', 'en'))?.label, 'One');
    await transition(rt.db, ana.ctx, adapter, r2.id, 'submit');
    await transition(rt.db, ben.ctx, adapter, r2.id, 'publish');
    assert.equal((await live(rt.db, 'beta', 'en'))?.label, 'Two');
    const statuses = await partStatuses(rt.db, 'taxonomy_term', 'beta');
    assert.deepEqual(statuses, [{ part: 'en', live: { id: r2.id, number: 2, state: 'published' }, open: null }]);
    const old = await rt.db.selectFrom('revisions').select('state').where('id', '=', r1.id).executeTakeFirstOrThrow();
    assert.equal(old.state, 'superseded');

    const h = await history(rt.db, ben.ctx, adapter, 'beta');
    assert.equal(h.length, 2);
    assert.deepEqual(h[0]!.changes.map((c) => [c.path, c.kind]), [['label', 'changed']]);
    assert.deepEqual(h[0]!.changes[0]!.text?.filter((o) => o.op !== 'equal').map((o) => o.op), ['delete', 'insert']);
    const cmp = await compareRevisions(rt.db, ben.ctx, adapter, r1.id, r2.id);
    assert.equal(cmp.changes.length, 1);
  });

  it('returns with a reason, archives and restores, reverts through review', async () => {
    const r = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'gamma', part: 'es', document: { label: 'Uno' } });
    await transition(rt.db, ana.ctx, adapter, r.id, 'submit');
    await assert.rejects(transition(rt.db, ben.ctx, adapter, r.id, 'return', { comment: ' ' }), ValidationError);
    const returned = await transition(rt.db, ben.ctx, adapter, r.id, 'return', { comment: 'Use the official term' });
    assert.equal(returned.state, 'draft');
    assert.equal(returned.decision_comment, 'Use the official term');
    await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'gamma', part: 'es', document: { label: 'Dos' } });
    await transition(rt.db, ana.ctx, adapter, r.id, 'submit');
    await transition(rt.db, ben.ctx, adapter, r.id, 'publish');
    await assert.rejects(transition(rt.db, ana.ctx, adapter, r.id, 'archive', { comment: '' }), ValidationError);
    await transition(rt.db, ana.ctx, adapter, r.id, 'archive', { comment: 'Repealed' });
    assert.equal((await live(rt.db, 'gamma', 'es'))?.archived, true);
    await transition(rt.db, ana.ctx, adapter, r.id, 'restore');
    assert.equal((await live(rt.db, 'gamma', 'es'))?.label, 'Dos');

    const r2 = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'gamma', part: 'es', document: { label: 'Tres' } });
    await transition(rt.db, ana.ctx, adapter, r2.id, 'submit');
    await transition(rt.db, ben.ctx, adapter, r2.id, 'publish');
    const back = await revertTo(rt.db, ben.ctx, adapter, r.id);
    assert.equal(back.state, 'draft');
    assert.deepEqual(back.document, { label: 'Dos' });
    assert.equal(back.note, `Revert to revision ${r.number}`);
    assert.equal((await live(rt.db, 'gamma', 'es'))?.label, 'Tres', 'a revert is a proposal until published');
  });

  it('publishes the metadata together with the first language version', async () => {
    const meta = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'delta', part: '*', document: { label: 'meta' } });
    const en = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'delta', part: 'en', document: { label: 'English' } });
    await transition(rt.db, ana.ctx, adapter, en.id, 'submit');
    await assert.rejects(transition(rt.db, ben.ctx, adapter, en.id, 'publish'), /general information/);
    await transition(rt.db, ana.ctx, adapter, meta.id, 'submit');
    await transition(rt.db, ben.ctx, adapter, en.id, 'publish');
    assert.equal((await live(rt.db, 'delta', '*'))?.label, 'meta');
    assert.equal((await live(rt.db, 'delta', 'en'))?.label, 'English');
  });

  it('starts the history of imported content from a baseline revision', async () => {
    await setSetting(rt.db, key('epsilon', 'en'), { label: 'Imported' });
    const r = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'epsilon', part: 'en', document: { label: 'Edited' } });
    assert.equal(r.number, 2);
    assert.equal(r.base_number, 1);
    const h = await history(rt.db, ben.ctx, adapter, 'epsilon');
    assert.equal(h[1]!.revision.author_id, null);
    assert.deepEqual(h[0]!.changes.map((c) => c.path), ['label']);
  });

  it('refuses people without the permission, and anonymous ones with 401', async () => {
    await assert.rejects(saveDraft(rt.db, reader.ctx, adapter, { subjectId: 'zeta', part: 'en', document: { label: 'x' } }), ForbiddenError);
    await assert.rejects(saveDraft(rt.db, { actor: ANONYMOUS }, adapter, { subjectId: 'zeta', part: 'en', document: { label: 'x' } }), UnauthorizedError);
    await assert.rejects(saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'zeta', part: 'en', document: { label: '' } }), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'label');
    assert.deepEqual(await partStatuses(rt.db, 'taxonomy_term', 'zeta'), [], 'nothing written');
  });

  it('keeps history at the database level: no deletes, no edits of decided revisions or events', async () => {
    const r = await saveDraft(rt.db, ana.ctx, adapter, { subjectId: 'eta', part: 'en', document: { label: 'Kept' } });
    await transition(rt.db, ana.ctx, adapter, r.id, 'submit');
    await assert.rejects(rt.db.deleteFrom('revisions').where('id', '=', r.id).execute(), /never deleted/);
    await assert.rejects(rt.db.updateTable('revisions').set({ document: '{"label":"forged"}' }).where('id', '=', r.id).execute(), /only a draft/);
    await assert.rejects(rt.db.deleteFrom('revision_events').where('revision_id', '=', r.id).execute(), /append-only/);
    await assert.rejects(rt.db.updateTable('revision_events').set({ comment: 'x' }).where('revision_id', '=', r.id).execute(), /append-only/);
  });
});
