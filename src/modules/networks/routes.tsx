/** Pages of the networks: public figures /{lang}/networks; a network's log /{lang}/networks/{id}/log (its secretariat). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../platform/http/app.js';
import { ValidationError } from '../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { auditContext } from '../audit/index.js';
import { listStates, listTerms, termLabel } from '../reference/index.js';
import { FiguresPage } from './pages/figures.js';
import { LogPage } from './pages/log.js';
import { EntryPage } from './pages/entry.js';
import { correctEntry, networkEntry } from './corrections-service.js';
import { logCase, networkFigures, networkLog, networksKeptBy } from './service.js';

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
    return sendPage(reply, <FiguresPage ctx={ctx} figures={figures} byKind={byKind} byOffence={byOffence} offenceLabel={(id) => termLabel(offences, 'crime', id, ctx.lang)} networks={networks} kept={kept} />);
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
});
