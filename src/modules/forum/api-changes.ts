/**
 * The forum API's changes and search (docs/FORUM.md): edit one's own post, hide a post (moderators),
 * add and remove member authorities of a private space (its owner), and search posts within the
 * spaces the caller may see. Permission is asked by the services before the input is looked at.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.js';
import { auditContext } from '../audit/index.js';
import { errors, Id, idOf, route } from './api.js';
import { LIMITS } from './domain/input.js';
import { addMember, editPost, hidePost, removeMember } from './moderation-service.js';
import { searchPosts } from './search-service.js';

const Changed = Type.Object({ postId: Type.String({ format: 'uuid' }), threadId: Type.String({ format: 'uuid' }) });
const Members = Type.Object({ members: Type.Array(Type.String(), { description: 'Member authorities after the change' }) });

export async function forumChangesApi(app: App): Promise<void> {
  const base = '/api/v1/forum';

  app.patch(
    `${base}/posts/:id`,
    route('Edit my post', 'forum.edit_post: its author, while allowed to post in its space. The replaced text is kept in the post\'s history and the post shows as edited. 409 for a hidden post.', {
      params: Id,
      body: Type.Object({ body: Type.String({ maxLength: LIMITS.body * 2 }) }, { additionalProperties: false }),
      response: { 200: Changed, ...errors(409) },
    }),
    async (request) => editPost(app.db, auditContext(request), idOf(request), request.body as Record<string, unknown>),
  );

  app.post(
    `${base}/posts/:id/hide`,
    route('Hide a post', 'forum.moderate: curators in topic spaces, the owner authority in a private space. Members then see that the post is hidden and why. Audited.', {
      params: Id,
      body: Type.Object({ reason: Type.String({ maxLength: LIMITS.reason * 2 }) }, { additionalProperties: false }),
      response: { 200: Changed, ...errors(409) },
    }),
    async (request) => hidePost(app.db, auditContext(request), idOf(request), request.body as Record<string, unknown>),
  );

  app.post(
    `${base}/spaces/:id/members`,
    route('Add a member authority to a private space', 'forum.manage_members: the officers and supervisors of the authority that opened the space. A published authority of the directory. Audited.', {
      params: Id,
      body: Type.Object({ authority_id: Type.String({ maxLength: LIMITS.authorityId }) }, { additionalProperties: false }),
      response: { 201: Members, ...errors(409) },
    }),
    async (request, reply) => reply.code(201).send(await addMember(app.db, auditContext(request), idOf(request), request.body as Record<string, unknown>)),
  );

  app.delete(
    `${base}/spaces/:id/members/:authorityId`,
    route('Remove a member authority from a private space', 'forum.manage_members. Its users then get the same 403 as a stranger. The owner authority stays (409). Audited.', {
      params: Type.Object({ id: Type.String({ maxLength: 100 }), authorityId: Type.String({ maxLength: LIMITS.authorityId }) }),
      response: { 200: Members, ...errors(409) },
    }),
    async (request) => {
      const { id, authorityId } = request.params as { id: string; authorityId: string };
      return removeMember(app.db, auditContext(request), id, authorityId);
    },
  );

  app.get(
    `${base}/search`,
    route('Search posts', 'forum.read: only posts of the spaces the caller may see (topic spaces, private spaces of the caller\'s authorities); hidden posts are never found. A search that finds posts of a private space is recorded as a read of it.', {
      querystring: Type.Object({ q: Type.String({ maxLength: LIMITS.query * 2, description: 'Words (full text) or a phrase found as written' }) }),
      response: {
        200: Type.Object({
          q: Type.String(),
          results: Type.Array(
            Type.Object({
              postId: Type.String({ format: 'uuid' }),
              threadId: Type.String({ format: 'uuid' }),
              threadTitle: Type.String(),
              spaceId: Type.String({ format: 'uuid' }),
              spaceTitle: Type.String(),
              spaceKind: Type.Union([Type.Literal('topic'), Type.Literal('private')]),
              excerpt: Type.String(),
              authorName: Type.String(),
              createdAt: Type.String({ format: 'date-time' }),
            }),
          ),
        }),
        ...errors(),
      },
    }),
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store').header('vary', 'Cookie, Authorization');
      return searchPosts(app.db, auditContext(request), (request.query as { q?: unknown }).q);
    },
  );
}
