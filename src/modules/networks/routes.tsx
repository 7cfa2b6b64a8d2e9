/** Pages of the networks: public figures /{lang}/networks; a network's log /{lang}/networks/{id}/log (its secretariat). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../platform/http/app.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { auditContext } from '../audit/index.js';
import { listStates, listTerms, termLabel } from '../reference/index.js';
import { FiguresPage } from './pages/figures.js';
import { LogPage } from './pages/log.js';
import { EntryPage } from './pages/entry.js';
import { correctEntry, networkEntry } from './corrections-service.js';
import { createNetwork, editNetwork, grantSecretariat, networkForAdmin, revokeSecretariat } from './admin-service.js';
import { NetworkAdminPage, NetworksAdminPage } from './pages/admin.js';
import { allow, assertAllowed } from '../access/index.js';
import { listNetworks, logCase, networkFigures, networkLog, networksKeptBy } from './service.js';

function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

export const networksPages: RoutePlugin = pageRoutes((app) => {
  app.get('/networks', async (request, reply) => {
    const { figures, byKind, byOffence, networks } = await networkFigures(app.db);
    const kept = await networksKeptBy(app.db, request.actor);
    const ctx = pageContext(request);
    const offences = await listTerms(app.db, 'crime');
    return sendPage(reply, <FiguresPage ctx={ctx} figures={figures} byKind={byKind} byOffence={byOffence} offenceLabel={(id) => termLabel(offences, 'crime', id, ctx.lang)} networks={networks} kept={kept} mayAdminister={allow(request.actor, 'networks.manage')} />);
  });

  const renderLog = async (request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; issues?: { field: string; message: string }[] } = {}, status = 200) => {
    const { network, cases } = await networkLog(app.db, request.actor, (request.params as { id: string }).id);
    const [countries, offences] = [await listStates(app.db), await listTerms(app.db, 'crime')];
    return sendPage(reply, <LogPage ctx={pageContext(request)} network={network} cases={cases} countries={countries} offences={offences} {...extra} />, status);
  };

  app.get('/networks/:id/log', async (request, reply) => renderLog(request, reply));
  app.post('/networks/:id/log', async (request, reply) => {
    const values = formValues(request.body);
    try {
      await logCase(app.db, auditContext(request), (request.params as { id: string }).id, values);
      return reply.redirect(href(pageContext(request), `/networks/${(request.params as { id: string }).id}/log`), 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderLog(request, reply, { values, issues: err.issues ?? [] }, 400);
    }
  });

  const renderEntry = async (request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; issues?: { field: string; message: string }[] } = {}, status = 200) => {
    const { id, caseId } = request.params as { id: string; caseId: string };
    const view = await networkEntry(app.db, request.actor, id, caseId);
    const [countries, offences] = [await listStates(app.db), await listTerms(app.db, 'crime')];
    reply.header('cache-control', 'private, no-store');
    return sendPage(reply, <EntryPage ctx={pageContext(request)} view={view} countries={countries} offences={offences} {...extra} />, status);
  };

  app.get('/networks/:id/log/:caseId', async (request, reply) => renderEntry(request, reply));
  app.post('/networks/:id/log/:caseId/corrections', async (request, reply) => {
    const { id, caseId } = request.params as { id: string; caseId: string };
    const values = formValues(request.body);
    try {
      await correctEntry(app.db, auditContext(request), id, caseId, values);
      return reply.redirect(href(pageContext(request), `/networks/${id}/log/${caseId}`) + '#net-history', 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return renderEntry(request, reply, { values, issues: err.issues ?? [] }, 400);
    }
  });

  // Administration (networks.manage): the networks, a new one, and each network's page.
  const renderAdmin = async (request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string>; issues?: { field: string; message: string }[] } = {}, status = 200) => {
    assertAllowed(request.actor, 'networks.manage');
    reply.header('cache-control', 'private, no-store');
    return sendPage(reply, <NetworksAdminPage ctx={pageContext(request)} networks={await listNetworks(app.db)} {...extra} />, status);
  };
  const renderNetworkAdmin = async (request: FastifyRequest, reply: FastifyReply, extra: { form?: 'network' | 'grant'; values?: Record<string, string>; issues?: { field: string; message: string }[] } = {}, status = 200) => {
    const { network, secretariat } = await networkForAdmin(app.db, request.actor, (request.params as { id: string }).id);
    reply.header('cache-control', 'private, no-store');
    return sendPage(reply, <NetworkAdminPage ctx={pageContext(request)} network={network} secretariat={secretariat} {...extra} />, status);
  };
  /** Run a change, back to the page (303), or the page again with the fields named (400) or the conflict (409). */
  const adminForm = (run: (request: FastifyRequest, values: Record<string, string>) => Promise<string>, again: (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, issues: { field: string; message: string }[], status: number) => Promise<unknown>) => async (request: FastifyRequest, reply: FastifyReply) => {
    const values = formValues(request.body);
    try {
      return reply.redirect(href(pageContext(request), await run(request, values)), 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      return again(request, reply, values, err.issues ?? [], err.status);
    }
  };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  app.get('/networks/admin', async (request, reply) => renderAdmin(request, reply));
  app.post('/networks/admin', adminForm(async (request, values) => `/networks/admin/${await createNetwork(app.db, auditContext(request), values)}`, (request, reply, values, issues, status) => renderAdmin(request, reply, { values, issues }, status)));
  app.get('/networks/admin/:id', async (request, reply) => renderNetworkAdmin(request, reply));
  app.post('/networks/admin/:id', adminForm(async (request, values) => (await editNetwork(app.db, auditContext(request), idOf(request), values), `/networks/admin/${idOf(request)}`), (request, reply, values, issues, status) => renderNetworkAdmin(request, reply, { form: 'network', values, issues }, status)));
  app.post('/networks/admin/:id/secretariat', adminForm(async (request, values) => (await grantSecretariat(app.db, auditContext(request), idOf(request), values.email), `/networks/admin/${idOf(request)}`), (request, reply, values, issues, status) => renderNetworkAdmin(request, reply, { form: 'grant', values, issues }, status)));
  app.post('/networks/admin/:id/secretariat/remove', adminForm(async (request, values) => (await revokeSecretariat(app.db, auditContext(request), idOf(request), values.user_id), `/networks/admin/${idOf(request)}`), (request, reply, values, issues, status) => renderNetworkAdmin(request, reply, { form: 'grant', values, issues }, status)));
});
