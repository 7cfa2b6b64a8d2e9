/**
 * The forum's pages under /{lang}/forum and its API (api.ts), in one plugin that registers the
 * multipart parser for the post forms (a file may go with a post). Anonymous readers are sent to sign
 * in; a non-member of a private space gets the 403 error page, the same whether the space exists or not.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { AppError } from '../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { auditContext } from '../audit/index.js';
import { authorityNames } from '../directory/index.js';
import { forumApi } from './api.js';
import { forumChangesApi } from './api-changes.js';
import { MAX_ATTACHMENT_BYTES } from './domain/input.js';
import { addMember, editPost, hidePost, removeMember } from './moderation-service.js';
import { SearchBody } from './pages/changes.js';
import { ForumPage, ft, Problems, SpaceBody, SpacesBody, ThreadBody } from './pages/forum.js';
import { searchPosts } from './search-service.js';
import { assertMayPostInSpace, assertMayPostInThread, createSpace, createThread, forumAbilities, forumMailOn, listSpaces, openSpace, openThread, reply, setForumMail } from './service.js';
import { receivePostForm } from './uploads.js';

function signInFirst(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (request.actor.userId) return null;
  const ctx = pageContext(request);
  return reply.redirect(href(ctx, '/sign-in', { next: ctx.pathAndQuery }), 303);
}

/** Bad input (400), a file too large (413) or of a refused type (415): shown on the page again; anything else is thrown. */
function formProblem(err: unknown): AppError | undefined {
  return err instanceof AppError && [400, 409, 413, 415].includes(err.status) ? err : undefined;
}

const issuesOf = (err: AppError) => (err.issues?.length ? err.issues : [{ field: '', message: err.message }]);
const idOf = (r: FastifyRequest) => (r.params as { id: string }).id;

export const forumRoutes: RoutePlugin = async (app: App) => {
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 6, fieldSize: 64 * 1024, parts: 8, headerPairs: 50 } });
  await forumApi(app);
  await forumChangesApi(app);

  await pageRoutes(async (pages) => {
    const spacesPage = async (request: FastifyRequest, res: FastifyReply, err?: AppError) => {
      const ctx = pageContext(request);
      const can = forumAbilities(request.actor);
      const spaces = await listSpaces(app.db, request.actor);
      const named = await authorityNames(app.db, can.createFor, ctx.lang);
      const model = { spaces, createTopic: can.createTopic, createFor: can.createFor.map((id) => ({ id, name: named.get(id)?.name ?? id })), mailOn: await forumMailOn(app.db, request.actor) };
      res.header('cache-control', 'private, no-store');
      return sendPage(res, <ForumPage ctx={ctx} title={ft(ctx)('forum_title')}>{<SpacesBody ctx={ctx} model={model} issues={err ? issuesOf(err) : undefined} />}</ForumPage>, err?.status ?? 200);
    };
    const spacePage = async (request: FastifyRequest, res: FastifyReply, err?: AppError) => {
      const ctx = pageContext(request);
      const r = await openSpace(app.db, auditContext(request), idOf(request), ctx.lang);
      res.header('cache-control', 'private, no-store');
      return sendPage(res, <ForumPage ctx={ctx} title={r.space.title}>{<SpaceBody ctx={ctx} {...r} issues={err ? issuesOf(err) : undefined} />}</ForumPage>, err?.status ?? 200);
    };
    const threadPage = async (request: FastifyRequest, res: FastifyReply, err?: AppError) => {
      const ctx = pageContext(request);
      const r = await openThread(app.db, auditContext(request), idOf(request), ctx.lang);
      res.header('cache-control', 'private, no-store');
      return sendPage(res, <ForumPage ctx={ctx} title={r.thread.title}>{<ThreadBody ctx={ctx} {...r} issues={err ? issuesOf(err) : undefined} />}</ForumPage>, err?.status ?? 200);
    };

    pages.get('/forum', async (request, res) => signInFirst(request, res) ?? spacesPage(request, res));
    pages.get('/forum/spaces/:id', async (request, res) => signInFirst(request, res) ?? spacePage(request, res));
    pages.get('/forum/threads/:id', async (request, res) => signInFirst(request, res) ?? threadPage(request, res));

    pages.post('/forum/spaces', async (request, res) => {
      const ctx = pageContext(request);
      try {
        const space = await createSpace(app.db, auditContext(request), (request.body ?? {}) as Record<string, unknown>, ctx.lang);
        return res.redirect(href(ctx, `/forum/spaces/${space.id}`), 303);
      } catch (err) {
        const p = formProblem(err);
        if (!p) throw err;
        return spacesPage(request, res, p);
      }
    });

    pages.post('/forum/spaces/:id/threads', { config: { csrfInMultipart: true } }, async (request, res) => {
      const ctx = pageContext(request);
      await assertMayPostInSpace(app.db, auditContext(request), idOf(request));
      try {
        const { fields, file } = await receivePostForm(app, request, true);
        const r = await createThread(app.db, auditContext(request), app.config, idOf(request), fields, file);
        return res.redirect(href(ctx, `/forum/threads/${r.thread.id}`), 303);
      } catch (err) {
        const p = formProblem(err);
        if (!p) throw err;
        return spacePage(request, res, p);
      }
    });

    pages.post('/forum/threads/:id/posts', { config: { csrfInMultipart: true } }, async (request, res) => {
      const ctx = pageContext(request);
      await assertMayPostInThread(app.db, auditContext(request), idOf(request));
      try {
        const { fields, file } = await receivePostForm(app, request, true);
        const r = await reply(app.db, auditContext(request), app.config, idOf(request), fields, file);
        return res.redirect(`${href(ctx, `/forum/threads/${idOf(request)}`)}#post-${r.postId}`, 303);
      } catch (err) {
        const p = formProblem(err);
        if (!p) throw err;
        return threadPage(request, res, p);
      }
    });

    const thread = (r: FastifyRequest) => r.params as { id: string; postId: string };
    pages.post('/forum/threads/:id/posts/:postId/edit', async (request, res) => {
      const ctx = pageContext(request);
      try {
        const r = await editPost(app.db, auditContext(request), thread(request).postId, (request.body ?? {}) as Record<string, unknown>);
        return res.redirect(`${href(ctx, `/forum/threads/${r.threadId}`)}#post-${r.postId}`, 303);
      } catch (err) {
        const p = formProblem(err);
        if (!p) throw err;
        return threadPage(request, res, p);
      }
    });
    pages.post('/forum/threads/:id/posts/:postId/hide', async (request, res) => {
      const ctx = pageContext(request);
      try {
        const r = await hidePost(app.db, auditContext(request), thread(request).postId, (request.body ?? {}) as Record<string, unknown>);
        return res.redirect(`${href(ctx, `/forum/threads/${r.threadId}`)}#post-${r.postId}`, 303);
      } catch (err) {
        const p = formProblem(err);
        if (!p) throw err;
        return threadPage(request, res, p);
      }
    });
    const memberChange = (run: (request: FastifyRequest, body: Record<string, unknown>) => Promise<unknown>) => async (request: FastifyRequest, res: FastifyReply) => {
      const ctx = pageContext(request);
      try {
        await run(request, (request.body ?? {}) as Record<string, unknown>);
        return res.redirect(`${href(ctx, `/forum/spaces/${idOf(request)}`)}#members-heading`, 303);
      } catch (err) {
        const p = formProblem(err);
        if (!p) throw err;
        return spacePage(request, res, p);
      }
    };
    pages.post('/forum/spaces/:id/members', memberChange((request, body) => addMember(app.db, auditContext(request), idOf(request), body, pageContext(request).lang)));
    pages.post('/forum/spaces/:id/members/remove', memberChange((request, body) => removeMember(app.db, auditContext(request), idOf(request), typeof body.authority_id === 'string' ? body.authority_id : '')));

    pages.get('/forum/search', async (request, res) => {
      const early = signInFirst(request, res);
      if (early) return early;
      const ctx = pageContext(request);
      const { q } = request.query as { q?: unknown };
      res.header('cache-control', 'private, no-store');
      try {
        const r = await searchPosts(app.db, auditContext(request), q);
        return sendPage(res, <ForumPage ctx={ctx} title={ft(ctx)('search_title')}>{<SearchBody ctx={ctx} q={r.q} results={r.results} />}</ForumPage>);
      } catch (err) {
        const p = formProblem(err);
        if (!p) throw err;
        return sendPage(res, <ForumPage ctx={ctx} title={ft(ctx)('search_title')}>{<><Problems ctx={ctx} issues={issuesOf(p)} /><SearchBody ctx={ctx} q={typeof q === 'string' ? q : ''} results={[]} /></>}</ForumPage>, p.status);
      }
    });

    pages.post('/forum/mail', async (request, res) => {
      const ctx = pageContext(request);
      const { on } = (request.body ?? {}) as { on?: unknown };
      await setForumMail(app.db, request.actor, on === '1');
      return res.redirect(href(ctx, '/forum'), 303);
    });
  })(app);
};
