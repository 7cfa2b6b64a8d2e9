/**
 * Changing what is in a space (docs/FORUM.md): an author edits their own post (the replaced text is
 * kept and the post shows "edited"); a moderator hides a post with a reason (topic spaces: curators;
 * a private space: its owner authority's officers and supervisors); the owner adds and removes
 * member authorities of a private space. Every change is audited in its own transaction; permission
 * is asked of access/policy.ts after the same gate as every other entry (the same 403 for what does
 * not exist), before the input is looked at.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, ForbiddenError, UnauthorizedError, ValidationError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/languages.js';
import { allow } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { authorityNames } from '../directory/index.js';
import { checkHide, checkMember, checkPost, isUuid } from './domain/input.js';
import * as marks from './repository-moderation.js';
import * as repo from './repository.js';
import { gate, spaceResource, type Gate } from './service.js';

/** The post and its space's gate (forum.read: a non-member gets the same 403 as for a post that does not exist). */
async function postGate(db: Kysely<DB>, ctx: AuditContext, postId: string) {
  if (ctx.actor.userId === null) throw new UnauthorizedError();
  const post = isUuid(postId) ? await repo.selectPostThread(db, postId) : undefined;
  const g = await gate(db, ctx, post?.space_id, 'forum.read');
  return { post: post!, g };
}

/** Edit one's own post: the text it replaces is kept (its history); hidden posts stay as they are. */
export async function editPost(db: Kysely<DB>, ctx: AuditContext, postId: string, raw: Record<string, unknown>): Promise<{ postId: string; threadId: string }> {
  const first = await postGate(db, ctx, postId);
  if (!allow(ctx.actor, 'forum.edit_post', spaceResource(first.g, first.post.author_id))) throw new ForbiddenError('Only its author may edit a post (forum.edit_post)');
  const { value, issues } = checkPost(raw);
  if (!value) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const { post, g } = await postGate(trx, ctx, postId);
    if (!allow(ctx.actor, 'forum.edit_post', spaceResource(g, post.author_id))) throw new ForbiddenError('Only its author may edit a post (forum.edit_post)');
    if (post.hidden) throw new ConflictError('A moderator hid this post: it can no longer be edited');
    await marks.editPost(trx, postId, value.body, ctx.actor.userId);
    await recordAudit(trx, ctx, { action: 'forum.edit_post', targetType: 'forum_post', targetId: postId, changes: { space: g.spaceId, thread: post.thread_id } });
    return { postId, threadId: post.thread_id };
  });
}

function assertModerator(ctx: AuditContext, g: Gate): void {
  if (!allow(ctx.actor, 'forum.moderate', spaceResource(g))) throw new ForbiddenError('Only a moderator of this space may hide posts (forum.moderate)');
}

/** Hide a post with a reason: members then see that it is hidden and why, not its text or files. */
export async function hidePost(db: Kysely<DB>, ctx: AuditContext, postId: string, raw: Record<string, unknown>): Promise<{ postId: string; threadId: string }> {
  assertModerator(ctx, (await postGate(db, ctx, postId)).g);
  const { value, issues } = checkHide(raw);
  if (!value) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const { post, g } = await postGate(trx, ctx, postId);
    assertModerator(ctx, g);
    if (post.hidden) throw new ConflictError('This post is already hidden');
    await marks.hidePost(trx, postId, ctx.actor.userId, value.reason);
    await recordAudit(trx, ctx, { action: 'forum.hide_post', targetType: 'forum_post', targetId: postId, changes: { space: g.spaceId, thread: post.thread_id, reason: value.reason } });
    return { postId, threadId: post.thread_id };
  });
}

async function memberGate(db: Kysely<DB>, ctx: AuditContext, spaceId: string): Promise<Gate> {
  const g = await gate(db, ctx, spaceId, 'forum.read');
  if (!allow(ctx.actor, 'forum.manage_members', spaceResource(g))) throw new ForbiddenError("Only the space's owner authority may change its members (forum.manage_members)");
  return g;
}

/** Add a member authority (a published authority of the directory) to a private space. */
export async function addMember(db: Kysely<DB>, ctx: AuditContext, spaceId: string, raw: Record<string, unknown>, lang: Lang = 'en'): Promise<{ members: string[] }> {
  await memberGate(db, ctx, spaceId);
  const { value, issues } = checkMember(raw);
  if (!value) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const g = await memberGate(trx, ctx, spaceId);
    if (!(await authorityNames(trx, [value.authorityId], lang)).has(value.authorityId)) throw new ValidationError([{ field: 'authority_id', message: `no published authority "${value.authorityId}" in the directory` }]);
    if (g.members.length >= 20) throw new ValidationError([{ field: 'authority_id', message: 'a private space has at most 20 member authorities' }]);
    if (!(await marks.insertMember(trx, spaceId, value.authorityId))) throw new ConflictError('This authority is already a member');
    await recordAudit(trx, ctx, { action: 'forum.add_member', targetType: 'forum_space', targetId: spaceId, changes: { authority_id: value.authorityId } });
    return { members: [...g.members, value.authorityId].sort() };
  });
}

/** Remove a member authority: its users then get the same 403 as a stranger. The owner authority stays. */
export async function removeMember(db: Kysely<DB>, ctx: AuditContext, spaceId: string, authorityId: string): Promise<{ members: string[] }> {
  return db.transaction().execute(async (trx) => {
    const g = await memberGate(trx, ctx, spaceId);
    if (authorityId === g.owner) throw new ConflictError('The authority that opened the space stays a member', [{ field: 'authority_id', message: 'is the owner of the space' }]);
    if (!g.members.includes(authorityId)) throw new ValidationError([{ field: 'authority_id', message: 'is not a member of this space' }]);
    await marks.deleteMember(trx, spaceId, authorityId);
    await recordAudit(trx, ctx, { action: 'forum.remove_member', targetType: 'forum_space', targetId: spaceId, changes: { authority_id: authorityId } });
    return { members: g.members.filter((m) => m !== authorityId) };
  });
}
