/**
 * Page routes of the directory. Thin: each passes the request (actor, parameters, form body) to a
 * service (reader-service, editor-service, editing, service), which checks the body against its
 * schema and the permissions, then renders the answer. Responses carrying practitioners-only fields
 * are never stored by a cache (Cache-Control: private, no-store).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../platform/http/app.js';
import { pageContext, sendPage, href } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { auditContext } from '../audit/index.js';
import { viewerOf } from './domain/visibility.js';
import { workQueue } from './editing.js';
import { archiveAuthorityForm, authorityHistoryPage, creatableCountries, editAuthorityForm, linksFor, newAuthorityForm, revertAuthorityForm, saveAuthorityForm, transitionAuthorityForm, verifyAuthorityForm, type FormState } from './editor-service.js';
import { directoryFigures } from './figures.js';
import { authorityPage, lookupPage } from './reader-service.js';
import { searchDirectory } from './service.js';
import { DirectoryPage } from './pages/list.js';
import { AuthorityPage } from './pages/authority.js';
import { LookupPage } from './pages/lookup.js';
import { lookupSupplement } from './lookup-supplement.js';
import { AuthorityFormPage } from './pages/form.js';
import { HistoryPage, QueuePage } from './pages/history.js';
import { FiguresPage } from './pages/figures.js';
import { edT, nameText, pageRefs } from './pages/ui.js';

/** Pages that may show practitioners-only fields to this reader are not stored by any cache. */
function privacy(request: FastifyRequest, reply: FastifyReply): boolean {
  const restricted = viewerOf(request.actor).restricted;
  if (restricted) reply.header('cache-control', 'private, no-store');
  return restricted;
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

export const directoryPages: RoutePlugin = pageRoutes((app) => {
  app.get('/directory', async (request, reply) => {
    const ctx = pageContext(request);
    privacy(request, reply);
    const [results, refs] = await Promise.all([searchDirectory(app.db, request.actor, request.query as Record<string, string>), pageRefs(app.db)]);
    return sendPage(reply, <DirectoryPage ctx={ctx} results={results} refs={refs} links={linksFor(request.actor)} demo={results.items.some((i) => i.demo)} />);
  });

  app.get('/directory/lookup', async (request, reply) => {
    const ctx = pageContext(request);
    const restricted = privacy(request, reply);
    const [data, refs] = await Promise.all([lookupPage(app.db, auditContext(request), request.query), pageRefs(app.db)]);
    const supply = lookupSupplement();
    const extra = data.result && data.from && supply ? await supply(app.db, request.actor, ctx, { from: data.from, to: data.result.state, request: data.request ?? '', on: data.on }) : undefined;
    if (extra && 'issues' in extra) data.issues.push(...extra.issues);
    const supplement = extra && 'node' in extra ? extra.node : undefined;
    return sendPage(reply, <LookupPage ctx={ctx} refs={refs} {...data} supplement={supplement} restricted={restricted} />, data.issues.length ? 400 : 200);
  });

  app.get('/directory/authorities/:id', async (request, reply) => {
    const ctx = pageContext(request);
    const restricted = privacy(request, reply);
    const [p, refs] = await Promise.all([authorityPage(app.db, auditContext(request), idOf(request), request.query), pageRefs(app.db)]);
    const e = edT(ctx.lang);
    const done = p.done === 'verified' ? e('verified_done') : p.done === 'saved' ? e('saved') : p.done ? e('done') : undefined;
    return sendPage(reply, <AuthorityPage ctx={ctx} a={p.a} refs={refs} laws={p.laws} now={new Date()} restricted={restricted} transitions={p.transitions} done={done} />);
  });

  app.post('/directory/authorities/:id/verify', async (request, reply) => {
    const id = idOf(request);
    await verifyAuthorityForm(app.db, auditContext(request), id, request.body);
    return reply.redirect(href(pageContext(request), `/directory/authorities/${id}`, { done: 'verified' }), 303);
  });

  for (const action of ['archive', 'restore'] as const) {
    app.post(`/directory/authorities/:id/${action}`, async (request, reply) => {
      const id = idOf(request);
      await archiveAuthorityForm(app.db, auditContext(request), id, action === 'archive', request.body);
      return reply.redirect(href(pageContext(request), `/directory/authorities/${id}`, { done: action }), 303);
    });
  }

  app.post('/directory/authorities/:id/transition', async (request, reply) => {
    const id = idOf(request);
    const { name, live } = await transitionAuthorityForm(app.db, auditContext(request), id, request.body);
    return reply.redirect(href(pageContext(request), live ? `/directory/authorities/${id}` : `/directory/authorities/${id}/history`, live ? { done: name } : {}), 303);
  });

  app.post('/directory/authorities/:id/revert', async (request, reply) => {
    const id = idOf(request);
    await revertAuthorityForm(app.db, auditContext(request), id, request.body);
    return reply.redirect(href(pageContext(request), `/directory/authorities/${id}/history`), 303);
  });

  app.get('/directory/authorities/:id/history', async (request, reply) => {
    const ctx = pageContext(request);
    privacy(request, reply);
    const id = idOf(request);
    const h = await authorityHistoryPage(app.db, auditContext(request), id);
    return sendPage(reply, <HistoryPage ctx={ctx} id={id} name={h.doc.names ? nameText(h.doc.names, ctx.lang) : id} items={h.items} canRevert={h.canRevert} />);
  });

  const renderForm = async (request: FastifyRequest, form: FormState) => {
    const ctx = pageContext(request);
    const e = edT(ctx.lang);
    const names = (form.doc.names ?? {}) as Record<string, string>;
    const title = form.id ? e('edit_title', { name: nameText(names, ctx.lang) || form.id }) : e('new_title');
    return <AuthorityFormPage ctx={ctx} refs={await pageRefs(app.db)} id={form.id} title={title} doc={form.doc} langs={form.langs} countries={creatableCountries(request.actor)} issues={form.issues} note={form.note} />;
  };

  app.get('/directory/new', async (request, reply) => {
    privacy(request, reply);
    return sendPage(reply, await renderForm(request, newAuthorityForm(request.actor, request.query, pageContext(request).lang)));
  });

  app.get('/directory/authorities/:id/edit', async (request, reply) => {
    privacy(request, reply);
    return sendPage(reply, await renderForm(request, await editAuthorityForm(app.db, request.actor, idOf(request), request.query, pageContext(request).lang)));
  });

  const save = (existing: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    privacy(request, reply);
    const r = await saveAuthorityForm(app.db, auditContext(request), existing ? idOf(request) : undefined, request.body);
    if (!r.saved) return sendPage(reply, await renderForm(request, r.form), 400);
    return reply.redirect(href(pageContext(request), r.live ? `/directory/authorities/${r.id}` : `/directory/authorities/${r.id}/history`, r.live ? { done: 'saved' } : {}), 303);
  };
  app.post('/directory/new', save(false));
  app.post('/directory/authorities/:id/edit', save(true));

  app.get('/directory/figures', async (request, reply) => {
    return sendPage(reply, <FiguresPage ctx={pageContext(request)} figures={await directoryFigures(app.db)} />);
  });

  app.get('/directory/queue', async (request, reply) => {
    privacy(request, reply);
    const [queue, refs] = await Promise.all([workQueue(app.db, request.actor), pageRefs(app.db)]);
    return sendPage(reply, <QueuePage ctx={pageContext(request)} queue={queue} refs={refs} />);
  });
});
