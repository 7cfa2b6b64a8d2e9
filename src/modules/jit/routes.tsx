/**
 * Pages of joint investigation team workspaces under /{lang}/jit (no JavaScript needed). Forms are
 * POSTed with their CSRF field (the upload's comes before the file); refused input shows the page
 * again with the fields named (400, 409 when closed), a 403 page for non-members.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { AppError, ConflictError, ValidationError } from '../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { auditContext } from '../audit/index.js';
import { listStates } from '../reference/index.js';
import { MAX_DOCUMENT_BYTES, viewDocument } from './documents-service.js';
import { DocumentPage } from './pages/document.js';
import { JitListPage } from './pages/list.js';
import { WorkspacePage, type WorkspaceForm } from './pages/workspace.js';
import { addMember, addTask, createTeam, getWorkspace, jitMailOn, listTeams, moveTask, recordAgreement, setJitMail } from './service.js';
import { shareUpload } from './upload.js';
import { linkCase, unlinkCase } from './links-service.js';

const MAX_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/** The submitted fields as strings, without the CSRF field; empty strings dropped by the services. */
function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

/** A refusal shown on the form (fields named, or a conflict such as a closed workspace); anything else is thrown. */
function refusal(err: unknown): { issues: { field: string; message: string }[]; problem?: string; status: number } | undefined {
  if (err instanceof ValidationError) return { issues: err.issues ?? [], status: 400 };
  if (err instanceof ConflictError) return { issues: err.issues ?? [], problem: err.message, status: 409 };
  if (err instanceof AppError && (err.status === 413 || err.status === 415)) return { issues: err.issues ?? [], problem: err.message, status: err.status };
  return undefined;
}

export const jitPages = (app: App) =>
  pageRoutes(async (pages) => {
    const renderList = async (request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; issues?: { field: string; message: string }[]; problem?: string } = {}, status = 200) => {
      const model = await listTeams(app.db, request.actor);
      const countries = model.mayCreateFor.length ? await listStates(app.db) : [];
      return sendPage(reply, <JitListPage ctx={pageContext(request)} teams={model.teams} mayCreateFor={model.mayCreateFor} countries={countries} mailOn={await jitMailOn(app.db, request.actor)} {...extra} />, status);
    };
    const renderWorkspace = async (request: FastifyRequest, reply: FastifyReply, extra: { form?: WorkspaceForm; values?: Record<string, string>; issues?: { field: string; message: string }[]; problem?: string } = {}, status = 200) => {
      const ws = await getWorkspace(app.db, request.actor, (request.params as { id: string }).id);
      const countries = await listStates(app.db);
      return sendPage(reply, <WorkspacePage ctx={pageContext(request)} ws={ws} countries={countries} maxMb={MAX_MB} {...extra} />, status);
    };

    pages.get('/jit', async (request, reply) => renderList(request, reply));
    pages.post('/jit', async (request, reply) => {
      const values = formValues(request.body);
      try {
        const id = await createTeam(app.db, auditContext(request), values);
        return reply.redirect(href(pageContext(request), `/jit/${id}`), 303);
      } catch (err) {
        const r = refusal(err);
        if (!r) throw err;
        return renderList(request, reply, { values, issues: r.issues, ...(r.problem ? { problem: r.problem } : {}) }, r.status);
      }
    });

    pages.post('/jit/mail', async (request, reply) => {
      const { on } = (request.body ?? {}) as { on?: unknown };
      await setJitMail(app.db, request.actor, on === '1');
      return reply.redirect(href(pageContext(request), '/jit'), 303);
    });

    pages.get('/jit/:id', async (request, reply) => renderWorkspace(request, reply));

    /** A workspace form: run the change, back to its section (303), or the page again with the refusal. */
    const form = (name: WorkspaceForm, run: (request: FastifyRequest, values: Record<string, string>) => Promise<unknown>) => async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = request.params as { id: string };
      const values = formValues(request.body);
      try {
        await run(request, values);
        return reply.redirect(href(pageContext(request), `/jit/${id}`) + `#${name}`, 303);
      } catch (err) {
        const r = refusal(err);
        if (!r) throw err;
        return renderWorkspace(request, reply, { form: name, values, issues: r.issues, ...(r.problem ? { problem: r.problem } : {}) }, r.status);
      }
    };
    const teamOf = (request: FastifyRequest) => (request.params as { id: string }).id;
    pages.post('/jit/:id/members', form('members', (request, values) => addMember(app.db, auditContext(request), teamOf(request), values)));
    pages.post('/jit/:id/agreements', form('agreements', (request, values) => recordAgreement(app.db, auditContext(request), teamOf(request), values)));
    pages.post('/jit/:id/tasks', form('tasks', (request, values) => addTask(app.db, auditContext(request), teamOf(request), values, {}, app.config)));
    pages.post('/jit/:id/tasks/:taskId', form('tasks', (request, values) => moveTask(app.db, auditContext(request), teamOf(request), (request.params as { taskId: string }).taskId, values)));
    pages.post('/jit/:id/cases', form('cases', (request, values) => linkCase(app.db, auditContext(request), teamOf(request), values)));
    pages.post('/jit/:id/cases/:linkId/remove', form('cases', (request) => unlinkCase(app.db, auditContext(request), teamOf(request), (request.params as { linkId: string }).linkId)));
    pages.post(
      '/jit/:id/documents',
      { config: { csrfInMultipart: true } },
      form('documents', (request) => shareUpload(app, request, teamOf(request), true)),
    );

    pages.get('/jit/documents/:docId', async (request, reply) => {
      const v = await viewDocument(app.db, request.actor, (request.params as { docId: string }).docId);
      const memberName = (id: string) => v.members.find((m) => m.authority_id === id)?.name ?? id;
      return sendPage(reply, <DocumentPage ctx={pageContext(request)} teamId={v.teamId} teamTitle={v.teamTitle} document={v.document} evidence={v.evidence} versions={v.versions} mayAddVersion={v.mayAddVersion} maxMb={MAX_MB} memberName={memberName} />);
    });
  })(app);
