/**
 * The forum on a real database: topic and private spaces, the 403 before anything of a private
 * space is revealed (the same answer for a space that does not exist), every read of a private
 * space in the audit log, mail to members queued in the posting transaction (author and opted-out
 * users left out), attachments with their SHA-256, bad input refused field by field with nothing written.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { forumWorld, type ForumWorld } from '../factories/forum.js';
import { ANONYMOUS } from '../../src/modules/access/actor.js';
import { AppError, ForbiddenError, UnauthorizedError, ValidationError } from '../../src/platform/http/errors.js';
import { createSpace, createThread, listSpaces, openAttachment, openSpace, openThread, reply, setForumMail } from '../../src/modules/forum/service.js';

let rt: TestRuntime;
let w: ForumWorld;
let privateId: string;
let topicId: string;

const count = async (table: 'forum_spaces' | 'forum_threads' | 'forum_posts' | 'forum_attachments' | 'outbox') => Number((await rt.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const reads = async (userId: string) => rt.db.selectFrom('audit_events').select(['action', 'target_type', 'target_id']).where('actor_user_id', '=', userId).where('action', '=', 'forum.read').where('outcome', '=', 'success').orderBy('id').execute();
const anon = { actor: ANONYMOUS, ip: null, requestId: null };

before(async () => {
  rt = await createTestRuntime();
  w = await forumWorld(rt.db);
  privateId = (await createSpace(rt.db, w.officerA.ctx, { kind: 'private', title: 'Consultation before refusal (art. 18(26))', description: 'Secret subject', authority_id: w.a, members: [w.b] })).id;
  topicId = (await createSpace(rt.db, w.curator.ctx, { kind: 'topic', title: 'Electronic evidence', description: '' })).id;
});
after(() => rt?.close());

describe('forum spaces', () => {
  it('lists topic spaces to practitioners and private spaces to their members only', async () => {
    const titles = async (actor: ForumWorld['officerA']) => (await listSpaces(rt.db, actor.actor)).map((s) => s.title).sort();
    assert.deepEqual(await titles(w.officerA), ['Consultation before refusal (art. 18(26))', 'Electronic evidence']);
    assert.deepEqual(await titles(w.officerB), ['Consultation before refusal (art. 18(26))', 'Electronic evidence']);
    assert.deepEqual(await titles(w.officerC), ['Electronic evidence']);
    assert.deepEqual(await titles(w.practitioner), ['Electronic evidence']);
    await assert.rejects(listSpaces(rt.db, w.registered.actor), ForbiddenError);
    await assert.rejects(listSpaces(rt.db, ANONYMOUS), UnauthorizedError);
  });

  it('refuses non-members with 403 before revealing anything, the same for a space that does not exist', async () => {
    const messages: string[] = [];
    for (const id of [privateId, crypto.randomUUID(), 'not-a-uuid']) {
      for (const u of [w.officerC, w.practitioner, w.curator]) {
        const err = await openSpace(rt.db, u.ctx, id).then(() => null, (e: unknown) => e);
        assert.ok(err instanceof ForbiddenError, `${u.actor.name} on ${id}`);
        assert.doesNotMatch(err.message, /Consultation|Secret|18\(26\)/);
        messages.push(err.message);
      }
    }
    assert.equal(new Set(messages).size, 1, 'one answer whether the space exists or not');
    const refusals = await rt.db.selectFrom('audit_events').select(['target_id']).where('actor_user_id', '=', w.officerC.id).where('outcome', '=', 'refused').where('action', '=', 'forum.read').execute();
    assert.deepEqual(refusals.map((r) => r.target_id), [privateId], 'the attempt on the existing private space is audited as refused');
    await assert.rejects(openSpace(rt.db, anon, privateId), UnauthorizedError);
  });

  it('opens a private space to members and logs every read', async () => {
    const before = (await reads(w.officerB.id)).length;
    const { space, mayPost } = await openSpace(rt.db, w.officerB.ctx, privateId);
    assert.equal(space.title, 'Consultation before refusal (art. 18(26))');
    assert.deepEqual(space.members.map((m) => m.id).sort(), [w.a, w.b].sort());
    assert.ok(space.members.every((m) => m.name !== m.id), 'names from the directory');
    assert.equal(mayPost, true);
    await openSpace(rt.db, w.officerB.ctx, privateId);
    const after = await reads(w.officerB.id);
    assert.equal(after.length, before + 2);
    assert.deepEqual(after.at(-1), { action: 'forum.read', target_type: 'forum_space', target_id: privateId });
  });

  it('does not log reads of topic spaces', async () => {
    await openSpace(rt.db, w.practitioner.ctx, topicId);
    assert.equal((await reads(w.practitioner.id)).length, 0);
  });

  it('lets only curators open topic spaces and officers open private spaces for their own authority', async () => {
    await assert.rejects(createSpace(rt.db, w.practitioner.ctx, { kind: 'topic', title: 'x' }), ForbiddenError);
    await assert.rejects(createSpace(rt.db, w.officerA.ctx, { kind: 'topic', title: 'x' }), ForbiddenError);
    await assert.rejects(createSpace(rt.db, w.officerA.ctx, { kind: 'private', title: 'x', authority_id: w.c, members: [w.b] }), ForbiddenError);
    await assert.rejects(createSpace(rt.db, w.curator.ctx, { kind: 'private', title: 'x', authority_id: w.a, members: [w.b] }), ForbiddenError);
  });

  it('names the field of bad space input, and writes nothing', async () => {
    const n = await count('forum_spaces');
    const issue = async (raw: Record<string, unknown>) => {
      const err = await createSpace(rt.db, w.officerA.ctx, raw).then(() => null, (e: unknown) => e);
      assert.ok(err instanceof ValidationError, JSON.stringify(raw));
      return err.issues!.map((i) => i.field);
    };
    assert.deepEqual(await issue({ kind: 'private', title: '', authority_id: w.a, members: [w.b] }), ['title']);
    assert.deepEqual(await issue({ kind: 'open', title: 'x' }), ['kind']);
    assert.deepEqual(await issue({ kind: 'private', title: 'x', authority_id: w.a, members: [] }), ['members']);
    assert.deepEqual(await issue({ kind: 'private', title: 'x', authority_id: w.a, members: ['no-such-authority'] }), ['members[0]']);
    assert.deepEqual(await issue({ kind: 'private', title: 'x'.repeat(201), authority_id: w.a, members: [w.b] }), ['title']);
    assert.equal(await count('forum_spaces'), n);
  });

  it('refuses any generated space input with a 4xx naming a field, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ kind: fc.oneof(fc.constantFrom('topic', 'private'), fc.string(), fc.integer()), title: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null), fc.integer()), members: fc.oneof(fc.array(fc.string()), fc.string(), fc.constant(null)), authority_id: fc.oneof(fc.constant('zz-none'), fc.string()) }, { requiredKeys: [] }),
        async (raw) => {
          const err = await createSpace(rt.db, w.officerA.ctx, raw as Record<string, unknown>).then(() => null, (e: unknown) => e);
          if (err === null) return;
          assert.ok(err instanceof AppError && err.status >= 400 && err.status < 500, String(err));
          if (err.status === 400) assert.ok(err.issues?.length && err.issues.every((i) => typeof i.field === 'string' && i.field.length > 0), JSON.stringify(err.issues));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('forum threads and posts', () => {
  let threadId: string;

  it('starts a thread and queues mail to the other members in the same transaction', async () => {
    await setForumMail(rt.db, w.supervisorA.actor, false);
    const outbox = await count('outbox');
    const r = await createThread(rt.db, w.officerA.ctx, rt.config, privateId, { title: 'Dual criminality', body: 'Can you execute this?\n\nسؤال عاجل' });
    threadId = r.thread.id;
    // officerB only: not the author, not the supervisor who turned forum mail off, not officerC.
    assert.equal(r.mailed, 1);
    assert.equal(await count('outbox'), outbox + 1);
    const mail = await rt.db.selectFrom('outbox').select(['to_address', 'subject', 'body', 'purpose']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(mail.to_address, w.officerB.email);
    assert.equal(mail.purpose, 'forum.thread');
    assert.doesNotMatch(`${mail.subject} ${mail.body}`, /Dual criminality|Consultation|execute this/);
    assert.match(mail.body ?? '', new RegExp(`/forum/threads/${threadId}`));
    await setForumMail(rt.db, w.supervisorA.actor, true);
  });

  it('shows the thread to members, logging the read; 403 to others with nothing revealed', async () => {
    const { thread, posts } = await openThread(rt.db, w.officerB.ctx, threadId);
    assert.equal(thread.title, 'Dual criminality');
    assert.equal(posts[0]!.body, 'Can you execute this?\n\nسؤال عاجل');
    assert.equal(posts[0]!.actingAuthority?.id, w.a);
    assert.deepEqual((await reads(w.officerB.id)).at(-1), { action: 'forum.read', target_type: 'forum_thread', target_id: threadId });
    for (const u of [w.officerC, w.practitioner]) {
      const err = await openThread(rt.db, u.ctx, threadId).then(() => null, (e: unknown) => e);
      assert.ok(err instanceof ForbiddenError);
      assert.doesNotMatch(err.message, /Dual/);
      await assert.rejects(reply(rt.db, u.ctx, rt.config, threadId, { body: 'intrusion' }), ForbiddenError);
      await assert.rejects(createThread(rt.db, u.ctx, rt.config, privateId, { title: 'x', body: 'y' }), ForbiddenError);
    }
  });

  it('stores an attachment with its SHA-256; members download it (logged), others get 403', async () => {
    const content = Buffer.from('Minutes of the call\n');
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    const r = await reply(rt.db, w.officerB.ctx, rt.config, threadId, { body: 'See the minutes.' }, { filename: 'minutes.txt', mediaType: 'text/plain', byteSize: content.length, sha256, content });
    assert.equal(r.attachment?.sha256, sha256);
    assert.equal(r.mailed, 2, 'officer and supervisor of the other member authority');
    const got = await openAttachment(rt.db, w.officerA.ctx, r.attachment!.id);
    assert.deepEqual(got.content, content);
    assert.deepEqual((await reads(w.officerA.id)).at(-1), { action: 'forum.read', target_type: 'forum_attachment', target_id: r.attachment!.id });
    await assert.rejects(openAttachment(rt.db, w.officerC.ctx, r.attachment!.id), ForbiddenError);
    await assert.rejects(openAttachment(rt.db, w.officerC.ctx, crypto.randomUUID()), ForbiddenError);
  });

  it('lets every practitioner post in a topic space, with no mail and no read log', async () => {
    const outbox = await count('outbox');
    const t = await createThread(rt.db, w.practitioner.ctx, rt.config, topicId, { title: '<script>alert(1)</script>', body: '数据保全请求' });
    await reply(rt.db, w.officerC.ctx, rt.config, t.thread.id, { body: 'Réponse' });
    assert.equal(await count('outbox'), outbox);
    const { posts } = await openThread(rt.db, w.curator.ctx, t.thread.id);
    assert.deepEqual(posts.map((p) => p.body), ['数据保全请求', 'Réponse']);
    assert.equal((await reads(w.curator.id)).length, 0);
    await assert.rejects(createThread(rt.db, w.registered.ctx, rt.config, topicId, { title: 'x', body: 'y' }), ForbiddenError);
  });

  it('names the field of a bad post and writes nothing', async () => {
    const n = [await count('forum_threads'), await count('forum_posts'), await count('outbox')];
    const fields = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as ValidationError).issues!.map((i) => i.field);
    assert.deepEqual(await fields(createThread(rt.db, w.officerA.ctx, rt.config, privateId, { title: ' ', body: '' })), ['title', 'body']);
    assert.deepEqual(await fields(reply(rt.db, w.officerA.ctx, rt.config, threadId, { body: 'x'.repeat(20001) })), ['body']);
    assert.deepEqual(await fields(reply(rt.db, w.officerA.ctx, rt.config, threadId, { body: 'bad\u0000byte' })), ['body']);
    assert.deepEqual(await fields(createThread(rt.db, w.officerA.ctx, rt.config, privateId, { title: 'two\nlines', body: 'ok' })), ['title']);
    assert.deepEqual([await count('forum_threads'), await count('forum_posts'), await count('outbox')], n);
  });

  it('refuses any generated post input with a 400 naming the field, or accepts it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ body: fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.integer(), fc.constant(null), fc.array(fc.string())) }, { requiredKeys: [] }), async (raw) => {
        const err = await reply(rt.db, w.practitioner.ctx, rt.config, (await openSpace(rt.db, w.practitioner.ctx, topicId)).threads[0]!.id, raw as Record<string, unknown>).then(() => null, (e: unknown) => e);
        if (err === null) return;
        assert.ok(err instanceof ValidationError, String(err));
        assert.deepEqual(err.issues!.map((i) => i.field), ['body']);
      }),
      { numRuns: 60 },
    );
  });
});
