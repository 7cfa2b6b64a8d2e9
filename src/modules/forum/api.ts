/**
 * The forum's JSON API under /api/v1/forum (token scopes = action names: forum.read, forum.post,
 * forum.create_topic, forum.create_private). Permission first: a route's preValidation refuses
 * (401/403) before the body is validated — for a space or thread, with the same 403 whether it
 * exists or not, so that nothing about a private space reaches a non-member.
 */
import { Type, type TSchema } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { auditContext } from '../audit/index.js';
import { ACCEPTED_TYPES, attachmentDisposition, servedType } from '../casework/index.js';
import { LIMITS, MAX_ATTACHMENT_BYTES } from './domain/input.js';
import { assertMayPostInSpace, assertMayPostInThread, createSpace, createThread, listSpaces, openAttachment, openSpace, openThread, reply as postReply, type AttachmentView, type PostView } from './service.js';
import { receivePostForm } from './uploads.js';

const tags = ['forum'];
const security = [{ bearerAuth: [] }];
export const Id = Type.Object({ id: Type.String({ maxLength: 100 }) });
export const idOf = (r: FastifyRequest) => (r.params as { id: string }).id;
export const errors = (...codes: number[]) => Object.fromEntries([400, 401, 403, ...codes].map((c) => [c, ProblemSchema]));
export const route = (summary: string, description: string, extra: { params?: TSchema; body?: TSchema; querystring?: TSchema; response: Record<number, TSchema> }) => ({ schema: { tags, summary, description, security, ...extra } });
const Kind = Type.Union([Type.Literal('topic'), Type.Literal('private')], { description: 'topic: every registered practitioner; private: the member authorities only' });

const Space = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Kind,
  title: Type.String(),
  description: Type.String(),
  members: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: 'Member authorities of a private space; empty for a topic space' }),
  createdAt: Type.String({ format: 'date-time' }),
});
const SpaceItem = Type.Object({ id: Type.String({ format: 'uuid' }), kind: Kind, title: Type.String(), description: Type.String(), threads: Type.Integer(), unread: Type.Integer({ description: 'Posts by others the caller has not seen yet' }), createdAt: Type.String({ format: 'date-time' }) });
const Thread = Type.Object({
  id: Type.String({ format: 'uuid' }),
  spaceId: Type.String({ format: 'uuid' }),
  title: Type.String(),
  posts: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  lastPostAt: Type.String({ format: 'date-time' }),
  unread: Type.Optional(Type.Integer({ description: 'Posts by others the caller had not seen (before this read, for a thread read now)' })),
  firstUnreadPostId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'The first of them' })),
});
const Attachment = Type.Object({ id: Type.String({ format: 'uuid' }), postId: Type.String({ format: 'uuid' }), filename: Type.String(), mediaType: Type.String({ description: `Found from the content: ${Object.keys(ACCEPTED_TYPES).join(', ')}` }), byteSize: Type.Integer(), sha256: Type.String({ description: 'SHA-256 of the content, hex' }), contentUrl: Type.String() });
const Post = Type.Object({
  id: Type.String({ format: 'uuid' }),
  threadId: Type.String({ format: 'uuid' }),
  body: Type.String({ description: 'Plain text' }),
  authorName: Type.String(),
  actingAuthority: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()], { description: 'The member authority the author acted for (private spaces)' }),
  createdAt: Type.String({ format: 'date-time' }),
  attachments: Type.Array(Attachment),
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When its author last edited it' }),
  history: Type.Array(Type.Object({ body: Type.String(), editedAt: Type.String({ format: 'date-time' }) }), { description: 'The texts earlier edits replaced, oldest first' }),
  hidden: Type.Union([Type.Object({ reason: Type.String(), at: Type.String({ format: 'date-time' }) }), Type.Null()], { description: 'Hidden by a moderator: body, history and attachments are then empty' }),
  mayEdit: Type.Boolean(),
});
const Created = Type.Object({ postId: Type.String({ format: 'uuid' }), threadId: Type.String({ format: 'uuid' }), attachment: Type.Union([Attachment, Type.Null()]) });

const contentUrl = (id: string) => `/api/v1/forum/attachments/${id}/content`;
const attachmentOut = (a: AttachmentView) => ({ ...a, contentUrl: contentUrl(a.id) });
const postOut = (p: PostView) => ({ ...p, attachments: p.attachments.map(attachmentOut) });
const privateReply = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store').header('vary', 'Cookie, Authorization');

export const forumApi: RoutePlugin = async (app: App) => {
  const base = '/api/v1/forum';

  app.get(`${base}/spaces`, route('Forum spaces I may read', 'Topic spaces (every registered practitioner) and the private spaces of my authorities. 403 for those who may read none.', { response: { 200: Type.Object({ spaces: Type.Array(SpaceItem) }), ...errors() } }), async (request, reply) => {
    privateReply(reply);
    return { spaces: await listSpaces(app.db, request.actor) };
  });

  app.post(
    `${base}/spaces`,
    route('Open a forum space', 'forum.create_topic (curators) for a topic space; forum.create_private for a private space of the caller\'s authority (`authority_id`) and the other `members` (published directory identifiers).', {
      body: Type.Object(
        {
          kind: Kind,
          title: Type.String({ maxLength: LIMITS.title * 2 }),
          description: Type.Optional(Type.String({ maxLength: LIMITS.description * 2 })),
          authority_id: Type.Optional(Type.String({ maxLength: LIMITS.authorityId, description: 'Private spaces: the authority the caller acts for' })),
          members: Type.Optional(Type.Array(Type.String({ maxLength: LIMITS.authorityId }), { maxItems: LIMITS.members * 2, description: 'Private spaces: the other member authorities' })),
        },
        { additionalProperties: false },
      ),
      response: { 201: Space, ...errors() },
    }),
    async (request, reply) => reply.code(201).send(await createSpace(app.db, auditContext(request), request.body as Record<string, unknown>)),
  );

  app.get(`${base}/spaces/:id`, route('A forum space and its threads', 'forum.read. 403 (the same whether the space exists or not) for a non-member of a private space; every read of a private space is recorded in the audit log.', { params: Id, response: { 200: Type.Object({ space: Space, threads: Type.Array(Thread), mayPost: Type.Boolean(), mayModerate: Type.Boolean(), mayManageMembers: Type.Boolean(), owner: Type.Union([Type.String(), Type.Null()]) }), ...errors() } }), async (request, reply) => {
    privateReply(reply);
    return openSpace(app.db, auditContext(request), idOf(request));
  });

  app.post(
    `${base}/spaces/:id/threads`,
    {
      preValidation: async (request) => void (await assertMayPostInSpace(app.db, auditContext(request), idOf(request))),
      ...route('Start a thread', 'forum.post in the space. Plain text; the users of the other member authorities of a private space get an e-mail (unless they turned forum mail off).', {
        params: Id,
        body: Type.Object({ title: Type.String({ maxLength: LIMITS.title * 2 }), body: Type.String({ maxLength: LIMITS.body * 2 }) }, { additionalProperties: false }),
        response: { 201: Created, ...errors() },
      }),
    },
    async (request, reply) => {
      const r = await createThread(app.db, auditContext(request), app.config, idOf(request), request.body as Record<string, unknown>);
      return reply.code(201).send({ postId: r.postId, threadId: r.thread.id, attachment: null });
    },
  );

  app.get(`${base}/threads/:id`, route('A thread and its posts', 'forum.read in its space (403 otherwise, the same whether the thread exists or not); reads in a private space are recorded.', { params: Id, response: { 200: Type.Object({ space: Space, thread: Thread, posts: Type.Array(Post), mayPost: Type.Boolean(), mayModerate: Type.Boolean() }), ...errors() } }), async (request, reply) => {
    privateReply(reply);
    const r = await openThread(app.db, auditContext(request), idOf(request));
    return { ...r, posts: r.posts.map(postOut) };
  });

  app.post(
    `${base}/threads/:id/posts`,
    {
      preValidation: async (request) => void (await assertMayPostInThread(app.db, auditContext(request), idOf(request))),
      ...route('Reply in a thread', 'forum.post in its space. Plain text.', { params: Id, body: Type.Object({ body: Type.String({ maxLength: LIMITS.body * 2 }) }, { additionalProperties: false }), response: { 201: Created, ...errors() } }),
    },
    async (request, reply) => {
      const r = await postReply(app.db, auditContext(request), app.config, idOf(request), request.body as Record<string, unknown>);
      return replyCreated(reply, idOf(request), r);
    },
  );

  app.post(
    `${base}/threads/:id/attachments`,
    {
      preValidation: async (request) => void (await assertMayPostInThread(app.db, auditContext(request), idOf(request))),
      ...route('Reply with an attachment', `forum.post in its space. multipart/form-data: the field \`body\`, then the part \`file\` (at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB: 413; type found from the content: 415). Post and file are stored together or not at all.`, { params: Id, response: { 201: Created, ...errors(413, 415) } }),
    },
    async (request, reply) => {
      const { fields, file } = await receivePostForm(app, request, false);
      const r = await postReply(app.db, auditContext(request), app.config, idOf(request), fields, file);
      return replyCreated(reply, idOf(request), r);
    },
  );

  app.get(
    `${base}/attachments/:id/content`,
    { exposeHeadRoute: false, ...route('Download an attachment', 'forum.read in its space; downloads from a private space are recorded. Sandboxed (Content-Security-Policy sandbox), never cached by others.', { params: Id, response: { ...errors() } }) },
    async (request, reply) => {
      const a = await openAttachment(app.db, auditContext(request), idOf(request));
      return reply
        .type(servedType(a.mediaType))
        .header('content-disposition', attachmentDisposition(a.filename))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${a.sha256}"`)
        .header('vary', 'Cookie, Authorization')
        .send(a.content);
    },
  );
};

function replyCreated(res: FastifyReply, threadId: string, r: { postId: string; attachment: AttachmentView | null }) {
  return res.code(201).send({ postId: r.postId, threadId, attachment: r.attachment ? attachmentOut(r.attachment) : null });
}
