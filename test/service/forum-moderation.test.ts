/**
 * The forum's later parts on a real database: editing one's own post (history kept, "edited"),
 * hiding a post by a moderator with a reason (audited; members see it hidden), adding and removing
 * member authorities of a private space by its owner (audited; a removed member gets the stranger's
 * 403), unread markers per member and thread, and search that never reveals posts of spaces the
 * reader cannot see.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { forumWorld, type ForumWorld } from '../factories/forum.js';
import { AppError, ForbiddenError, ValidationError } from '../../src/platform/http/errors.js';
import { createSpace, createThread, listSpaces, openSpace, openThread, reply } from '../../src/modules/forum/service.js';
import { addMember, editPost, hidePost, removeMember } from '../../src/modules/forum/moderation-service.js';
import { searchPosts } from '../../src/modules/forum/search-service.js';

let rt: TestRuntime;
let w: ForumWorld;
let privateId: string;
let topicId: string;

const audits = async (action: string) => rt.db.selectFrom('audit_events').select(['actor_user_id', 'target_id', 'changes']).where('action', '=', action).where('outcome', '=', 'success').orderBy('id').execute();

before(async () => {
  rt = await createTestRuntime();
  w = await forumWorld(rt.db);
  privateId = (await createSpace(rt.db, w.officerA.ctx, { kind: 'private', title: 'Consultation 18(26)', description: '', authority_id: w.a, members: [w.b] })).id;
  topicId = (await createSpace(rt.db, w.curator.ctx, { kind: 'topic', title: 'Electronic evidence', description: '' })).id;
});
after(() => rt?.close());

describe('forum: edits and moderation', () => {
  it('lets an author edit their own post, keeping the earlier text, and nobody else', async () => {
    const t = await createThread(rt.db, w.officerB.ctx, rt.config, privateId, { title: 'Dual criminality', body: 'First text — النص الأول' });
    await assert.rejects(editPost(rt.db, w.officerA.ctx, t.postId, { body: 'Not mine' }), ForbiddenError);
    await assert.rejects(editPost(rt.db, w.officerC.ctx, t.postId, { body: 'Stranger' }), ForbiddenError);
    await assert.rejects(editPost(rt.db, w.officerB.ctx, t.postId, { body: '' }), (e: ValidationError) => e.issues?.[0]?.field === 'body');
    await editPost(rt.db, w.officerB.ctx, t.postId, { body: 'Second text — 第二稿' });
    const seen = await openThread(rt.db, w.officerA.ctx, t.thread.id);
    const post = seen.posts[0]!;
    assert.equal(post.body, 'Second text — 第二稿');
    assert.ok(post.editedAt);
    assert.deepEqual(post.history.map((h) => h.body), ['First text — النص الأول']);
    assert.equal(post.mayEdit, false, 'not the author');
    assert.equal((await openThread(rt.db, w.officerB.ctx, t.thread.id)).posts[0]!.mayEdit, true);
    assert.equal((await audits('forum.edit_post')).filter((a) => a.target_id === t.postId).length, 1);
  });

  it('lets the owner authority hide a post with a reason (audited); members see it hidden, without text or files', async () => {
    const t = await createThread(rt.db, w.officerB.ctx, rt.config, privateId, { title: 'Names of witnesses', body: 'Witness Z lives at …' });
    await assert.rejects(hidePost(rt.db, w.officerB.ctx, t.postId, { reason: 'x' }), ForbiddenError, 'a member that does not own the space');
    await assert.rejects(hidePost(rt.db, w.officerC.ctx, t.postId, { reason: 'x' }), ForbiddenError);
    await assert.rejects(hidePost(rt.db, w.supervisorA.ctx, t.postId, { reason: '' }), (e: ValidationError) => e.issues?.[0]?.field === 'reason');
    await hidePost(rt.db, w.supervisorA.ctx, t.postId, { reason: 'Personal data of a witness' });
    await assert.rejects(hidePost(rt.db, w.officerA.ctx, t.postId, { reason: 'again' }), (e: AppError) => e.status === 409);
    await assert.rejects(editPost(rt.db, w.officerB.ctx, t.postId, { body: 'Changed' }), (e: AppError) => e.status === 409);
    const seen = await openThread(rt.db, w.officerB.ctx, t.thread.id);
    assert.deepEqual(seen.posts[0]!.hidden?.reason, 'Personal data of a witness');
    assert.equal(seen.posts[0]!.body, '');
    const logged = (await audits('forum.hide_post')).find((a) => a.target_id === t.postId);
    assert.equal(logged?.actor_user_id, w.supervisorA.id);
    // In a topic space the curators moderate; practitioners do not.
    const tt = await createThread(rt.db, w.practitioner.ctx, rt.config, topicId, { title: 'Advert', body: 'Buy now' });
    await assert.rejects(hidePost(rt.db, w.officerA.ctx, tt.postId, { reason: 'spam' }), ForbiddenError);
    await hidePost(rt.db, w.curator.ctx, tt.postId, { reason: 'Advertising' });
    assert.equal((await searchPosts(rt.db, w.practitioner.ctx, 'Buy now')).results.length, 0, 'hidden posts are not found');
  });
});

describe('forum: members of a private space', () => {
  it('lets the owner add and remove members (audited); a removed member gets the same 403 as a stranger', async () => {
    const id = (await createSpace(rt.db, w.officerA.ctx, { kind: 'private', title: 'Three-way consultation', description: '', authority_id: w.a, members: [w.b] })).id;
    await assert.rejects(addMember(rt.db, w.officerB.ctx, id, { authority_id: w.c }), ForbiddenError, 'a member that is not the owner');
    await assert.rejects(addMember(rt.db, w.officerC.ctx, id, { authority_id: w.c }), ForbiddenError);
    await assert.rejects(addMember(rt.db, w.officerA.ctx, id, { authority_id: 'no-such-authority' }), (e: ValidationError) => e.issues?.[0]?.field === 'authority_id');
    await assert.rejects(addMember(rt.db, w.officerA.ctx, id, { authority_id: '../x' }), (e: ValidationError) => e.issues?.[0]?.field === 'authority_id');
    await addMember(rt.db, w.officerA.ctx, id, { authority_id: w.c });
    await assert.rejects(addMember(rt.db, w.officerA.ctx, id, { authority_id: w.c }), (e: AppError) => e.status === 409);
    assert.equal((await openSpace(rt.db, w.officerC.ctx, id)).space.title, 'Three-way consultation');
    await assert.rejects(removeMember(rt.db, w.officerA.ctx, id, w.a), (e: AppError) => e.status === 409, 'the owner stays');
    await removeMember(rt.db, w.supervisorA.ctx, id, w.c);
    const asRemoved = await openSpace(rt.db, w.officerC.ctx, id).then(() => null, (e: unknown) => e);
    const asStranger = await openSpace(rt.db, w.officerC.ctx, crypto.randomUUID()).then(() => null, (e: unknown) => e);
    assert.ok(asRemoved instanceof ForbiddenError && asStranger instanceof ForbiddenError);
    assert.equal(asRemoved.message, asStranger.message);
    assert.deepEqual((await audits('forum.add_member')).filter((a) => a.target_id === id).map((a) => (a.changes as { authority_id: string }).authority_id), [w.c]);
    assert.deepEqual((await audits('forum.remove_member')).filter((a) => a.target_id === id).map((a) => (a.changes as { authority_id: string }).authority_id), [w.c]);
    await assert.rejects(addMember(rt.db, w.curator.ctx, topicId, { authority_id: w.c }), ForbiddenError, 'a topic space has no members');
  });
});

describe('forum: unread markers', () => {
  it('counts posts by others not yet seen, per thread and space, and points at the first', async () => {
    const id = (await createSpace(rt.db, w.officerA.ctx, { kind: 'private', title: 'Unread test', description: '', authority_id: w.a, members: [w.b] })).id;
    const t = await createThread(rt.db, w.officerA.ctx, rt.config, id, { title: 'Hearing by video', body: 'One' });
    const r2 = await reply(rt.db, w.officerA.ctx, rt.config, t.thread.id, { body: 'Two' });
    await reply(rt.db, w.officerA.ctx, rt.config, t.thread.id, { body: 'Three' });
    const spaceOf = async (u: ForumWorld['officerB']) => (await listSpaces(rt.db, u.actor)).find((s) => s.id === id)!;
    assert.equal((await spaceOf(w.officerB)).unread, 3);
    assert.equal((await spaceOf(w.officerA)).unread, 0, 'one\'s own posts are not new');
    const before = (await openSpace(rt.db, w.officerB.ctx, id)).threads[0]!;
    assert.equal(before.unread, 3);
    assert.equal(before.firstUnreadPostId, t.postId);
    await openThread(rt.db, w.officerB.ctx, t.thread.id);
    assert.equal((await spaceOf(w.officerB)).unread, 0);
    const r4 = await reply(rt.db, w.officerA.ctx, rt.config, t.thread.id, { body: 'Four' });
    const after1 = (await openSpace(rt.db, w.officerB.ctx, id)).threads[0]!;
    assert.equal(after1.unread, 1);
    assert.equal(after1.firstUnreadPostId, r4.postId);
    assert.notEqual(r4.postId, r2.postId);
  });
});

describe('forum: search', () => {
  it('finds posts only in the spaces the reader may see, in any script; private hits are audited', async () => {
    const secret = await createSpace(rt.db, w.officerA.ctx, { kind: 'private', title: 'Secret consultation', description: '', authority_id: w.a, members: [w.b] });
    await createThread(rt.db, w.officerA.ctx, rt.config, secret.id, { title: 'Frozen assets', body: 'The zebracode account 证据冻结 is frozen' });
    await createThread(rt.db, w.practitioner.ctx, rt.config, topicId, { title: 'Public question', body: 'Is a zebracode request possible? 电子证据' });
    const found = async (u: ForumWorld['officerA'], q: string) => (await searchPosts(rt.db, u.ctx, q)).results.map((r) => r.spaceId).sort();
    assert.deepEqual(await found(w.officerA, 'zebracode'), [secret.id, topicId].sort());
    assert.deepEqual(await found(w.officerB, 'zebracode'), [secret.id, topicId].sort());
    assert.deepEqual(await found(w.officerC, 'zebracode'), [topicId], 'a non-member never sees the private post');
    assert.deepEqual(await found(w.practitioner, 'zebracode'), [topicId]);
    assert.deepEqual(await found(w.officerC, '证据冻结'), []);
    assert.deepEqual(await found(w.officerA, '证据冻结'), [secret.id]);
    assert.deepEqual(await found(w.practitioner, '电子证据'), [topicId]);
    const logged = (await audits('forum.read')).filter((a) => a.target_id === secret.id && a.actor_user_id === w.officerB.id);
    assert.ok(logged.length >= 1, 'a search that finds private posts is a read of the space');
    await assert.rejects(searchPosts(rt.db, w.officerA.ctx, 'x'), (e: ValidationError) => e.issues?.[0]?.field === 'q');
    await assert.rejects(searchPosts(rt.db, w.registered.ctx, 'zebracode'), ForbiddenError);
  });

  it('never reveals a private post to a non-member, whatever the query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 2, maxLength: 30 }), async (q) => {
        const got = await searchPosts(rt.db, w.officerC.ctx, q).then((r) => r.results, (e: unknown) => {
          assert.ok(e instanceof ValidationError && e.issues?.[0]?.field === 'q', String(e));
          return [];
        });
        assert.ok(got.every((r) => r.spaceKind === 'topic'), q);
      }),
      { numRuns: 40 },
    );
  });
});
