/**
 * The forum's services (docs/FORUM.md). Every entry into a space goes through gate(): it reads only
 * what the policy needs (the space's kind and member authorities), asks access/policy.ts, and refuses
 * a non-member with the same 403 whether the space exists or not — before its title or anything
 * else is read. Every read of a private space (space, thread, attachment) is written to the audit
 * log in the same transaction as the read; writes record their audit event and queue their mail in
 * the transaction of the change.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { ForbiddenError, UnauthorizedError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { allow, assertAllowed, type Actor } from '../access/index.js';
import { auditRefusal, recordAudit, type AuditContext } from '../audit/index.js';
import { authorityNames } from '../directory/index.js';
import { checkPost, checkSpace, checkThread, isUuid } from './domain/input.js';
import { notifyMembers } from './notifications.js';
import * as marks from './repository-moderation.js';
import * as repo from './repository.js';
import type { SpaceKind } from './tables.js';

export interface SpaceView {
  id: string;
  kind: SpaceKind;
  title: string;
  description: string;
  /** Member authorities of a private space (id and name); empty for topic spaces. */
  members: { id: string; name: string }[];
  createdAt: string;
}

export interface ThreadView {
  id: string;
  spaceId: string;
  title: string;
  posts: number;
  createdAt: string;
  lastPostAt: string;
  /** Posts by others the reader has not seen yet, and the first of them (to jump to). */
  unread?: number;
  firstUnreadPostId?: string | null;
}

export interface AttachmentView {
  id: string;
  postId: string;
  filename: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
}

export interface PostView {
  id: string;
  threadId: string;
  body: string;
  authorName: string;
  actingAuthority: { id: string; name: string } | null;
  createdAt: string;
  attachments: AttachmentView[];
  /** When its author last edited it (null: never), and the texts it replaced, oldest first. */
  editedAt: string | null;
  history: { body: string; editedAt: string }[];
  /** Hidden by a moderator: members see that and why, not the text (body, history and attachments are empty). */
  hidden: { reason: string; at: string } | null;
  mayEdit: boolean;
}

/** The same refusal for a space that does not exist and one the actor is not a member of. */
export function refused(actor: Actor, action: string): Error {
  if (actor.userId === null) return new UnauthorizedError();
  return new ForbiddenError(`This forum space does not exist or you are not a member of it (${action})`);
}

export interface Gate {
  spaceId: string;
  kind: SpaceKind;
  members: string[];
  /** The authority that opened a private space (its owner); null for topic spaces. */
  owner: string | null;
  /** The member authority the actor acts for (private spaces), else null. */
  actingFor: string | null;
}

/**
 * Permission first: only the space's kind and member authorities are read before the policy answers.
 * A signed-in non-member's attempt on an existing private space is audited as refused (in its own
 * transaction, when not called inside one); the answer is the same as for a space that does not exist.
 */
export async function gate(db: Kysely<DB>, ctx: AuditContext, spaceId: string | undefined, action: 'forum.read' | 'forum.post'): Promise<Gate> {
  const actor = ctx.actor;
  if (actor.userId === null) throw new UnauthorizedError();
  if (!spaceId || !isUuid(spaceId)) throw refused(actor, action);
  const access = await repo.selectSpaceAccess(db, spaceId);
  if (!access) throw refused(actor, action);
  if (!allow(actor, action, { forumSpace: access.kind, memberAuthorityIds: access.members })) {
    const err = refused(actor, action);
    if (access.kind === 'private' && !db.isTransaction) await auditRefusal(db, ctx, { action, targetType: 'forum_space', targetId: spaceId }, err.message);
    throw err;
  }
  const actingFor = access.kind === 'private' ? (actor.grants.map((g) => g.authorityId).find((a) => !!a && access.members.includes(a) && allow(actor, action, { forumSpace: 'private', memberAuthorityIds: [a] })) ?? null) : null;
  return { spaceId, kind: access.kind, members: access.members, owner: access.kind === 'private' ? access.owner : null, actingFor };
}

/** The policy's resource for a space behind a gate (the owner stands as its authority). */
export const spaceResource = (g: Gate, ownerId?: string | null) => ({ forumSpace: g.kind, memberAuthorityIds: g.members, authorityId: g.owner, ...(ownerId !== undefined ? { ownerId } : {}) });

/** Reads of a private space are logged (who, what, when), in the reading transaction. */
export async function logRead(trx: Kysely<DB>, ctx: AuditContext, g: Gate, targetType: string, targetId: string): Promise<void> {
  if (g.kind !== 'private') return;
  await recordAudit(trx, ctx, { action: 'forum.read', targetType, targetId, changes: { space: g.spaceId, acting_for: g.actingFor } });
}

/** The authorities the actor reads private spaces for (derived from the policy, grant by grant). */
export function memberAuthorities(actor: Actor): string[] {
  return [...new Set(actor.grants.flatMap((g) => (g.authorityId && allow(actor, 'forum.read', { forumSpace: 'private', memberAuthorityIds: [g.authorityId] }) ? [g.authorityId] : [])))];
}

/** What the actor may do in the forum at all (pages show links and forms by it). */
export function forumAbilities(actor: Actor) {
  const topics = allow(actor, 'forum.read', { forumSpace: 'topic' });
  const authorities = memberAuthorities(actor);
  const createFor = [...new Set(actor.grants.flatMap((g) => (g.authorityId && allow(actor, 'forum.create_private', { authorityId: g.authorityId }) ? [g.authorityId] : [])))];
  return { topics, authorities, createTopic: allow(actor, 'forum.create_topic'), createFor, any: topics || authorities.length > 0 };
}

export async function names(db: Kysely<DB>, ids: readonly string[], lang: Lang): Promise<Map<string, string>> {
  const found = await authorityNames(db, ids, lang);
  return new Map(ids.map((id) => [id, found.get(id)?.name ?? id]));
}

function spaceView(row: repo.SpaceRow, members: string[], named: Map<string, string>): SpaceView {
  return { id: row.id, kind: row.kind, title: row.title, description: row.description, members: members.map((id) => ({ id, name: named.get(id) ?? id })), createdAt: new Date(row.created_at).toISOString() };
}

const threadView = (t: repo.ThreadRow & { posts: number }): ThreadView => ({ id: t.id, spaceId: t.space_id, title: t.title, posts: t.posts, createdAt: new Date(t.created_at).toISOString(), lastPostAt: new Date(t.last_post_at).toISOString() });
const attachmentView = (a: repo.AttachmentMeta): AttachmentView => ({ id: a.id, postId: a.post_id, filename: a.filename, mediaType: a.media_type, byteSize: a.byte_size, sha256: a.sha256 });

/** The spaces the actor may read: topic spaces, and private spaces of its authorities. 401/403 for those who may read none. */
export async function listSpaces(db: Kysely<DB>, actor: Actor): Promise<(Omit<SpaceView, 'members'> & { threads: number; unread: number })[]> {
  if (actor.userId === null) throw new UnauthorizedError();
  const can = forumAbilities(actor);
  if (!can.any) throw new ForbiddenError('You are not allowed to read the forum (forum.read)');
  const rows = await repo.selectSpaces(db, can.topics, can.authorities);
  const unread = await marks.selectUnread(db, actor.userId, rows.map((r) => r.id));
  const count = (id: string) => unread.filter((u) => u.space_id === id).reduce((n, u) => n + u.unread, 0);
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, description: r.description, createdAt: new Date(r.created_at).toISOString(), threads: r.threads, unread: count(r.id) }));
}

/** Open a space: topic spaces by curators, private spaces by an officer or supervisor for their authority and named others. */
export async function createSpace(db: Kysely<DB>, ctx: AuditContext, raw: Record<string, unknown>, lang: Lang = 'en'): Promise<SpaceView> {
  const actor = ctx.actor;
  if (actor.userId === null) throw new UnauthorizedError();
  // 403 before the input is looked at when the actor may open no space at all.
  const can = forumAbilities(actor);
  if (!can.createTopic && !can.createFor.length) throw new ForbiddenError('You are not allowed to open forum spaces (forum.create_topic, forum.create_private)');
  const { value, issues } = checkSpace(raw);
  if (!value) throw new ValidationError(issues);
  if (value.kind === 'topic') assertAllowed(actor, 'forum.create_topic');
  else assertAllowed(actor, 'forum.create_private', { authorityId: value.authorityId });
  return db.transaction().execute(async (trx) => {
    const named = await authorityNames(trx, value.members, lang);
    const unknown: FieldIssue[] = [];
    const others = value.members.filter((m) => m !== value.authorityId);
    // The API names the item (members[i]); the page form's one text field is named as such.
    for (const m of others) {
      if (!named.has(m)) unknown.push({ field: Array.isArray(raw.members) ? `members[${raw.members.indexOf(m)}]` : 'members', message: `no published authority "${m}" in the directory` });
    }
    if (unknown.length) throw new ValidationError(unknown);
    const row = await repo.insertSpace(trx, { kind: value.kind, title: value.title, description: value.description, created_by: actor.userId, created_for_authority: value.authorityId }, value.members);
    await recordAudit(trx, ctx, { action: 'forum.create_space', targetType: 'forum_space', targetId: row.id, changes: { kind: value.kind, members: value.members } });
    return spaceView(row, value.members, new Map([...named].map(([k, v]) => [k, v.name])));
  });
}

/** A space and its threads (403 before anything is revealed; the read of a private space is logged). */
export async function openSpace(db: Kysely<DB>, ctx: AuditContext, spaceId: string, lang: Lang = 'en'): Promise<{ space: SpaceView; threads: ThreadView[]; mayPost: boolean; mayModerate: boolean; mayManageMembers: boolean; owner: string | null }> {
  const g = await gate(db, ctx, spaceId, 'forum.read');
  return db.transaction().execute(async (trx) => {
    const row = await repo.selectSpace(trx, spaceId);
    if (!row) throw refused(ctx.actor, 'forum.read');
    const threads = await repo.selectThreads(trx, spaceId);
    const unread = await marks.selectUnread(trx, ctx.actor.userId!, [spaceId]);
    await logRead(trx, ctx, g, 'forum_space', spaceId);
    return {
      space: spaceView(row, g.members, await names(trx, g.members, lang)),
      threads: threads.map((t) => {
        const u = unread.find((x) => x.thread_id === t.id);
        return { ...threadView(t), unread: u?.unread ?? 0, firstUnreadPostId: u?.first_unread ?? null };
      }),
      mayPost: allow(ctx.actor, 'forum.post', { forumSpace: g.kind, memberAuthorityIds: g.members }),
      mayModerate: allow(ctx.actor, 'forum.moderate', spaceResource(g)),
      mayManageMembers: allow(ctx.actor, 'forum.manage_members', spaceResource(g)),
      owner: g.owner,
    };
  });
}

/** A thread with its posts and their attachments. */
export async function openThread(db: Kysely<DB>, ctx: AuditContext, threadId: string, lang: Lang = 'en'): Promise<{ space: SpaceView; thread: ThreadView; posts: PostView[]; mayPost: boolean; mayModerate: boolean }> {
  if (ctx.actor.userId === null) throw new UnauthorizedError();
  const spaceId = isUuid(threadId) ? await repo.selectThreadSpace(db, threadId) : undefined;
  const g = await gate(db, ctx, spaceId, 'forum.read');
  return db.transaction().execute(async (trx) => {
    const [space, thread] = await Promise.all([repo.selectSpace(trx, g.spaceId), repo.selectThread(trx, threadId)]);
    if (!space || !thread) throw refused(ctx.actor, 'forum.read');
    const posts = await repo.selectPosts(trx, threadId);
    const shown = posts.filter((p) => !p.hidden_at).map((p) => p.id);
    const [files, edits] = await Promise.all([repo.selectAttachments(trx, shown), marks.selectEdits(trx, shown)]);
    const named = await names(trx, [...new Set([...g.members, ...posts.flatMap((p) => (p.acting_authority_id ? [p.acting_authority_id] : []))])], lang);
    const unread = (await marks.selectUnread(trx, ctx.actor.userId!, [g.spaceId])).find((u) => u.thread_id === threadId);
    await logRead(trx, ctx, g, 'forum_thread', threadId);
    await marks.markRead(trx, ctx.actor.userId!, threadId);
    const iso = (d: Date | string) => new Date(d).toISOString();
    return {
      space: spaceView(space, g.members, named),
      thread: { ...threadView({ ...thread, posts: posts.length }), unread: unread?.unread ?? 0, firstUnreadPostId: unread?.first_unread ?? null },
      posts: posts.map((p) => ({
        id: p.id,
        threadId: p.thread_id,
        body: p.hidden_at ? '' : p.body,
        authorName: p.author_name,
        actingAuthority: p.acting_authority_id ? { id: p.acting_authority_id, name: named.get(p.acting_authority_id) ?? p.acting_authority_id } : null,
        createdAt: iso(p.created_at),
        attachments: files.filter((f) => f.post_id === p.id).map(attachmentView),
        editedAt: p.edited_at ? iso(p.edited_at) : null,
        history: edits.filter((e) => e.post_id === p.id).map((e) => ({ body: e.previous_body, editedAt: iso(e.edited_at) })),
        hidden: p.hidden_at ? { reason: p.hidden_reason ?? '', at: iso(p.hidden_at) } : null,
        mayEdit: !p.hidden_at && allow(ctx.actor, 'forum.edit_post', spaceResource(g, p.author_id)),
      })),
      mayPost: allow(ctx.actor, 'forum.post', { forumSpace: g.kind, memberAuthorityIds: g.members }),
      mayModerate: allow(ctx.actor, 'forum.moderate', spaceResource(g)),
    };
  });
}

/** A file to store with a post: received (size, SHA-256, type) before the post's transaction begins. */
export interface ReceivedFile {
  filename: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  content: Buffer;
}

async function writePost(trx: Kysely<DB>, ctx: AuditContext, config: Config, g: Gate, thread: { id: string; title: string }, body: string, file: ReceivedFile | null, kind: 'thread' | 'reply') {
  const post = await repo.insertPost(trx, { thread_id: thread.id, body, author_id: ctx.actor.userId, author_name: (ctx.actor.name ?? '').slice(0, 300), acting_authority_id: g.actingFor });
  const attachment = file ? await repo.insertAttachment(trx, { post_id: post.id, filename: file.filename, media_type: file.mediaType, byte_size: file.byteSize, sha256: file.sha256, content: file.content }) : null;
  await recordAudit(trx, ctx, { action: kind === 'thread' ? 'forum.create_thread' : 'forum.post', targetType: 'forum_post', targetId: post.id, changes: { space: g.spaceId, thread: thread.id, ...(attachment ? { attachment: attachment.id, sha256: attachment.sha256 } : {}) } });
  const mailed = await notifyMembers(trx, config, { kind: g.kind, members: g.members, authorId: ctx.actor.userId, threadId: thread.id, event: kind });
  return { post, attachment, mailed };
}

/** Start a thread with its first post (and an attachment), notifying the members of a private space. */
export async function createThread(db: Kysely<DB>, ctx: AuditContext, config: Config, spaceId: string, raw: Record<string, unknown>, file: ReceivedFile | null = null): Promise<{ thread: ThreadView; postId: string; attachment: AttachmentView | null; mailed: number }> {
  await gate(db, ctx, spaceId, 'forum.post');
  const { value, issues } = checkThread(raw);
  if (!value) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const g = await gate(trx, ctx, spaceId, 'forum.post');
    const thread = await repo.insertThread(trx, { space_id: spaceId, title: value.title, created_by: ctx.actor.userId });
    const { post, attachment, mailed } = await writePost(trx, ctx, config, g, thread, value.body, file, 'thread');
    return { thread: threadView({ ...thread, posts: 1 }), postId: post.id, attachment: attachment ? attachmentView(attachment) : null, mailed };
  });
}

/** Reply in a thread (with an attachment), notifying the members of a private space. */
export async function reply(db: Kysely<DB>, ctx: AuditContext, config: Config, threadId: string, raw: Record<string, unknown>, file: ReceivedFile | null = null): Promise<{ postId: string; attachment: AttachmentView | null; mailed: number }> {
  await assertMayPostInThread(db, ctx, threadId);
  const { value, issues } = checkPost(raw);
  if (!value) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const g = await assertMayPostInThread(trx, ctx, threadId);
    const thread = await repo.selectThread(trx, threadId);
    if (!thread) throw refused(ctx.actor, 'forum.post');
    const { post, attachment, mailed } = await writePost(trx, ctx, config, g, thread, value.body, file, 'reply');
    return { postId: post.id, attachment: attachment ? attachmentView(attachment) : null, mailed };
  });
}

/** 401/403 unless the actor may post in the thread's space (the same refusal for a thread that does not exist). */
export async function assertMayPostInThread(db: Kysely<DB>, ctx: AuditContext, threadId: string): Promise<Gate> {
  if (ctx.actor.userId === null) throw new UnauthorizedError();
  const spaceId = isUuid(threadId) ? await repo.selectThreadSpace(db, threadId) : undefined;
  return gate(db, ctx, spaceId, 'forum.post');
}

/** 401/403 unless the actor may post in the space. */
export async function assertMayPostInSpace(db: Kysely<DB>, ctx: AuditContext, spaceId: string): Promise<Gate> {
  return gate(db, ctx, spaceId, 'forum.post');
}

/** An attachment's content (403 before anything is revealed; the download from a private space is logged). */
export async function openAttachment(db: Kysely<DB>, ctx: AuditContext, attachmentId: string): Promise<AttachmentView & { content: Buffer }> {
  if (ctx.actor.userId === null) throw new UnauthorizedError();
  const spaceId = isUuid(attachmentId) ? await repo.selectAttachmentSpace(db, attachmentId) : undefined;
  const g = await gate(db, ctx, spaceId, 'forum.read');
  return db.transaction().execute(async (trx) => {
    const a = await repo.selectAttachment(trx, attachmentId);
    if (!a) throw refused(ctx.actor, 'forum.read');
    if ((await repo.selectPostThread(trx, a.post_id))?.hidden) throw new ForbiddenError('The post of this attachment was hidden by a moderator');
    await logRead(trx, ctx, g, 'forum_attachment', attachmentId);
    return { ...attachmentView(a), content: a.content };
  });
}

/** Forum mail on or off for the signed-in user. */
export async function setForumMail(db: Kysely<DB>, actor: Actor, on: boolean): Promise<void> {
  if (actor.userId === null) throw new UnauthorizedError();
  await repo.setOptOut(db, actor.userId, !on);
}

export async function forumMailOn(db: Kysely<DB>, actor: Actor): Promise<boolean> {
  if (actor.userId === null) return false;
  return !(await repo.isOptedOut(db, actor.userId));
}
