/**
 * Page routes of casework under /{lang}/casework. Thin: each passes the actor and the form to a
 * service, then renders; bad input (400) and conflicts (409) re-render the page with the problem and
 * nothing written; 401/403/404 go to the error pages. Case pages are never stored by a cache.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { caseLinks } from './case-extensions.js';
import type { RoutePlugin } from '../../platform/http/app.js';
import { AppError } from '../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { scopeOf } from '../access/index.js';
import { listCountries, listTerms } from '../reference/index.js';
import { assignCase, createIncoming, createOutgoing, editCase, getCase, type CaseView } from './service.js';
import { applyTransition } from './transition-service.js';
import { listWorklist } from './worklist-service.js';
import { authoritiesFor } from './service-context.js';
import { WorklistPage } from './pages/worklist.js';
import { CasePage, type CaseSections } from './pages/case.js';
import { loadExecutionsSection } from './pages/executions.js';
import { caseworkNavLinks } from './pages/nav.js';
import { caseDocuments } from './documents-service.js';
import { listDeadlines } from './deadline-service.js';
import { CaseFormPage } from './pages/case-form.js';
import { caseFieldsFromForm, createBodyFromForm, formVersion, transitionFromForm } from './pages/form-parse.js';
import { cwT, type PageRefs } from './pages/ui.js';

async function pageRefs(db: Kysely<DB>): Promise<PageRefs> {
  const [countries, terms] = await Promise.all([listCountries(db), listTerms(db)]);
  return { countries, terms: terms.filter((x) => x.taxonomy === 'measure' || x.taxonomy === 'crime') };
}

/** A 400 or 409 from a service, to show on the page; anything else goes on to the error pages. */
function formProblem(e: unknown): AppError | null {
  return e instanceof AppError && (e.status === 400 || e.status === 409) ? e : null;
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

export const caseworkPages: RoutePlugin = pageRoutes((app) => {
  app.get('/casework', async (request, reply) => {
    noStore(reply);
    const ctx = pageContext(request);
    const mayCreate = scopeOf(request.actor, 'casework.create').some;
    try {
      const list = await listWorklist(app.db, request.actor, request.query as Record<string, unknown>);
      return sendPage(reply, <WorklistPage ctx={ctx} refs={await pageRefs(app.db)} list={list} issues={[]} mayCreate={mayCreate} nav={caseworkNavLinks(request.actor)} />);
    } catch (e) {
      const p = formProblem(e);
      if (!p) throw e;
      return sendPage(reply, <WorklistPage ctx={ctx} refs={await pageRefs(app.db)} list={null} issues={p.issues ?? []} mayCreate={mayCreate} nav={caseworkNavLinks(request.actor)} />, p.status);
    }
  });

  const directionOf = (request: FastifyRequest) => ((request.query as Record<string, unknown>).direction === 'outgoing' || (request.body as Record<string, unknown> | undefined)?.direction === 'outgoing' ? 'outgoing' : 'incoming');

  const newForm = async (request: FastifyRequest, values: Record<string, unknown>, issues: AppError['issues'] = [], message?: string) => {
    const ctx = pageContext(request);
    const t = cwT(ctx.lang);
    const direction = directionOf(request);
    return (
      <CaseFormPage
        ctx={ctx}
        refs={await pageRefs(app.db)}
        direction={direction}
        heading={direction === 'incoming' ? t('new_incoming_title') : t('new_outgoing_title')}
        values={values}
        issues={issues ?? []}
        message={message}
        authorities={authoritiesFor(request.actor, 'casework.create')}
      />
    );
  };

  app.get('/casework/new', async (request, reply) => {
    noStore(reply);
    authoritiesFor(request.actor, 'casework.create');
    return sendPage(reply, await newForm(request, { received_on: new Date().toISOString().slice(0, 10) }));
  });

  app.post('/casework/new', async (request, reply) => {
    noStore(reply);
    authoritiesFor(request.actor, 'casework.create');
    const direction = directionOf(request);
    try {
      const body = createBodyFromForm(request.body);
      const made = direction === 'incoming' ? await createIncoming(app.db, request.actor, body) : await createOutgoing(app.db, request.actor, body);
      return reply.redirect(href(pageContext(request), `/casework/cases/${made.id}`), 303);
    } catch (e) {
      const p = formProblem(e);
      if (!p) throw e;
      return sendPage(reply, await newForm(request, request.body as Record<string, unknown>, p.issues, p.issues ? undefined : p.message), p.status);
    }
  });

  /** The parts of the case page besides the case, each read by its service as the reader may see it. */
  const caseSections = async (request: FastifyRequest, view: CaseView): Promise<CaseSections> => {
    const lang = pageContext(request).lang;
    const [executions, documents, deadlines] = await Promise.all([
      loadExecutionsSection(app.db, request.actor, view.case.id, lang),
      caseDocuments(app.db, request.actor, view.case.id),
      listDeadlines(app.db, request.actor, view.case.id),
    ]);
    return { executions, documents, deadlines, maxMb: app.config.caseworkMaxUploadMb, nav: caseworkNavLinks(request.actor), links: await caseLinks({ lang, actor: request.actor, caseId: view.case.id, direction: view.case.direction, db: app.db }) };
  };

  const casePage = async (request: FastifyRequest, view: CaseView, extra: { issues?: AppError['issues']; message?: string; failed?: { transition: string; values: Record<string, unknown> } } = {}) => {
    const ctx = pageContext(request);
    const sections = await caseSections(request, view);
    return <CasePage ctx={ctx} refs={await pageRefs(app.db)} view={view} sections={sections} issues={extra.issues ?? []} message={extra.message} failed={extra.failed} done={(request.query as Record<string, unknown>).done === '1'} />;
  };

  app.get('/casework/cases/:id', async (request, reply) => {
    noStore(reply);
    const view = await getCase(app.db, request.actor, idOf(request));
    return sendPage(reply, await casePage(request, view));
  });

  app.post('/casework/cases/:id/transition', async (request, reply) => {
    noStore(reply);
    const id = idOf(request);
    const form = transitionFromForm(request.body);
    try {
      await applyTransition(app.db, request.actor, id, form);
      return reply.redirect(href(pageContext(request), `/casework/cases/${id}`, { done: 1 }), 303);
    } catch (e) {
      const p = formProblem(e);
      if (!p) throw e;
      const t = cwT(pageContext(request).lang);
      const view = await getCase(app.db, request.actor, id, { log: false });
      const message = p.status === 409 ? (/changed by someone else/.test(p.message) ? t('error_stale') : t('error_transition')) : undefined;
      return sendPage(reply, await casePage(request, view, { issues: p.status === 400 ? (p.issues ?? []) : [], message, failed: { transition: String(form.transition), values: form } }), p.status);
    }
  });

  app.post('/casework/cases/:id/assign', async (request, reply) => {
    noStore(reply);
    const id = idOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const userId = typeof body.user_id === 'string' && body.user_id ? body.user_id : null;
    try {
      await assignCase(app.db, request.actor, id, userId, formVersion(body) ?? 0);
      return reply.redirect(href(pageContext(request), `/casework/cases/${id}`, { done: 1 }), 303);
    } catch (e) {
      const p = formProblem(e);
      if (!p) throw e;
      const view = await getCase(app.db, request.actor, id, { log: false });
      return sendPage(reply, await casePage(request, view, { issues: p.status === 400 ? (p.issues ?? []) : [], message: p.status === 409 ? cwT(pageContext(request).lang)('error_stale') : undefined }), p.status);
    }
  });

  const editForm = async (request: FastifyRequest, view: CaseView, values: Record<string, unknown>, issues: AppError['issues'] = [], message?: string) => {
    const ctx = pageContext(request);
    const c = view.case;
    return (
      <CaseFormPage
        ctx={ctx}
        refs={await pageRefs(app.db)}
        direction={c.direction}
        caseId={c.id}
        version={c.version}
        heading={cwT(ctx.lang)('edit_title', { name: c.reference ?? c.title })}
        values={values}
        issues={issues ?? []}
        message={message}
        authorities={[]}
      />
    );
  };

  app.get('/casework/cases/:id/edit', async (request, reply) => {
    noStore(reply);
    authoritiesFor(request.actor, 'casework.edit');
    const view = await getCase(app.db, request.actor, idOf(request), { log: false });
    if (!view.may.edit) throw new AppError(403, 'forbidden', 'You are not allowed to do this (casework.edit)');
    return sendPage(reply, await editForm(request, view, view.case as unknown as Record<string, unknown>));
  });

  app.post('/casework/cases/:id/edit', async (request, reply) => {
    noStore(reply);
    const id = idOf(request);
    try {
      await editCase(app.db, request.actor, id, caseFieldsFromForm(request.body, true), formVersion(request.body) ?? 0);
      return reply.redirect(href(pageContext(request), `/casework/cases/${id}`, { done: 1 }), 303);
    } catch (e) {
      const p = formProblem(e);
      if (!p) throw e;
      const view = await getCase(app.db, request.actor, id, { log: false });
      const t = cwT(pageContext(request).lang);
      // A stale form keeps the reader's values but carries the version it was based on: saving again is refused until reloaded.
      const stale = p.status === 409;
      const values = request.body as Record<string, unknown>;
      const page = await editForm(request, stale ? { ...view, case: { ...view.case, version: formVersion(request.body) ?? view.case.version } } : view, values, p.issues && !stale ? p.issues : [], stale ? (/changed by someone else/.test(p.message) ? t('error_stale') : p.message) : undefined);
      return sendPage(reply, page, p.status);
    }
  });
});
