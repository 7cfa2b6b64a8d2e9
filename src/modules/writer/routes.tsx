/**
 * Pages of the request writer under /{lang}/writer. Thin: parse, call one service, render. Bad input
 * (400) and a stale save (409) re-render the step with the problem and nothing written; 401/403/404
 * go to the error pages. Draft pages are never stored by a cache.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { AppError } from '../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { assertAllowedSomewhere, scopeOf } from '../access/index.js';
import { spoolDirOf } from '../casework/index.js';
import { listCountries } from '../reference/index.js';
import { isStep, type StepId } from './domain/model.js';
import { renderDocument } from './document/service.js';
import { suggestLegalBases } from './legal-basis.js';
import { StartPage } from './pages/start.js';
import { StepPage } from './pages/step.js';
import { myDrafts, openDraft, saveStep, startDraft, type DraftView } from './service.js';
import { wT } from './texts.js';

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');
const params = (r: FastifyRequest) => r.params as { caseId: string; step?: string; format?: string };
const formProblem = (e: unknown) => (e instanceof AppError && (e.status === 400 || e.status === 409) ? e : null);
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

export function attachOptions(app: App) {
  return { maxBytes: app.config.caseworkMaxUploadMb * 1024 * 1024, spoolDir: spoolDirOf(app.config.dataDir) };
}

export const writerPages = pageRoutes((app) => {
  const startPage = async (request: FastifyRequest, values: Record<string, string>, issues: AppError['issues'] = []) => {
    const [countries, drafts] = await Promise.all([listCountries(app.db), myDrafts(app.db, request.actor)]);
    return <StartPage ctx={pageContext(request)} countries={countries} authorities={scopeOf(request.actor, 'casework.create').authorities} drafts={drafts} values={values} issues={issues ?? []} />;
  };

  app.get('/writer', async (request, reply) => {
    noStore(reply);
    assertAllowedSomewhere(request.actor, 'casework.create');
    return sendPage(reply, await startPage(request, {}));
  });

  // The e-evidence hub links here with ?kind=preservation (and the other model forms).
  app.get('/writer/new', async (request, reply) => {
    noStore(reply);
    assertAllowedSomewhere(request.actor, 'casework.create');
    const q = request.query as Record<string, unknown>;
    return sendPage(reply, await startPage(request, { kind: str(q.kind), requested_country: str(q.to).toUpperCase() }));
  });

  app.post('/writer', async (request, reply) => {
    noStore(reply);
    assertAllowedSomewhere(request.actor, 'casework.create');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ctx = pageContext(request);
    try {
      const { caseId } = await startDraft(app.db, request.actor, { kind: str(body.kind), requested_country: str(body.requested_country), authority_id: str(body.authority_id) || undefined, title: str(body.title) }, ctx.lang);
      return reply.redirect(href(ctx, `/writer/${caseId}/authority`), 303);
    } catch (e) {
      const p = formProblem(e);
      if (!p) throw e;
      return sendPage(reply, await startPage(request, { kind: str(body.kind), requested_country: str(body.requested_country), title: str(body.title) }, p.issues), p.status);
    }
  });

  const stepPage = async (request: FastifyRequest, view: DraftView, step: StepId, extra: { issues?: AppError['issues']; message?: string; attached?: boolean } = {}) => {
    const ctx = pageContext(request);
    const suggestions = step === 'basis' ? await suggestLegalBases(app.db, { from: view.caseView.case.country, to: view.draft.requested_country, kind: view.kind }) : [];
    return <StepPage ctx={ctx} view={view} step={step} issues={extra.issues ?? []} message={extra.message} suggestions={suggestions} attached={extra.attached ?? false} />;
  };

  app.get('/writer/:caseId', async (request, reply) => reply.redirect(href(pageContext(request), `/writer/${params(request).caseId}/authority`), 303));

  app.get('/writer/:caseId/:step', async (request, reply) => {
    noStore(reply);
    assertAllowedSomewhere(request.actor, 'casework.read');
    const { caseId, step } = params(request);
    const view = await openDraft(app.db, request.actor, caseId, pageContext(request).lang);
    if (!isStep(step)) return reply.callNotFound();
    return sendPage(reply, await stepPage(request, view, step, { attached: (request.query as Record<string, unknown>).attached === '1' }));
  });

  app.post('/writer/:caseId/:step', async (request, reply) => {
    noStore(reply);
    assertAllowedSomewhere(request.actor, 'casework.edit');
    const { caseId, step } = params(request);
    const ctx = pageContext(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { version, next, _csrf, ...answers } = body;
    const v = Number(str(version));
    try {
      await saveStep(app.db, request.actor, caseId, step, answers, Number.isInteger(v) && v > 0 ? v : undefined, ctx.lang);
      const to = isStep(next) ? next : step;
      return reply.redirect(href(ctx, `/writer/${caseId}/${to}`), 303);
    } catch (e) {
      const p = formProblem(e);
      if (!p || !isStep(step)) throw e;
      const view = await openDraft(app.db, request.actor, caseId, ctx.lang);
      const shownView = p.status === 400 ? { ...view, draft: { ...view.draft, answers: { ...view.draft.answers, ...stringsOf(answers) } } } : view;
      return sendPage(reply, await stepPage(request, shownView, step, { issues: p.status === 400 ? p.issues : [], message: p.status === 409 ? wT(ctx.lang)('error_stale') : undefined }), p.status);
    }
  });

  app.get('/writer/:caseId/document/:format', async (request, reply) => {
    noStore(reply);
    assertAllowedSomewhere(request.actor, 'casework.read');
    const { caseId, format } = params(request);
    const doc = await renderDocument(app.db, request.actor, caseId, format, { lang: pageContext(request).lang });
    return reply.type(doc.mediaType).header('content-disposition', `attachment; filename="${doc.filename}"`).send(doc.bytes);
  });

  app.post('/writer/:caseId/attach', async (request, reply) => {
    noStore(reply);
    assertAllowedSomewhere(request.actor, 'casework.edit');
    const { caseId } = params(request);
    const ctx = pageContext(request);
    await renderDocument(app.db, request.actor, caseId, 'pdf', { attach: true, lang: ctx.lang, ...attachOptions(app) });
    return reply.redirect(href(ctx, `/writer/${caseId}/review`, { attached: 1 }), 303);
  });
});

/** The text values of a rejected form, shown back as typed. */
function stringsOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && v.length <= 20_000) out[k] = v;
  return out;
}
