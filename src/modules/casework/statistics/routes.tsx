/**
 * Pages of casework statistics (thin: the services check permissions and filters): an authority's
 * figures, a State's, the CSV of every table, the supervisor's publication switch, and the public
 * pages of published figures (/{lang}/statistics: the portal has no page of that name).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../../platform/http/app.js';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../../platform/web/page.js';
import { pageRoutes } from '../../../platform/web/routes.js';
import { auditContext } from '../../audit/index.js';
import { isTableId, statTable, tableCsv } from './domain/tables.js';
import { labelsFor, st } from './pages/labels.js';
import { PublicStatisticsPage } from './pages/public.js';
import { StatisticsPage } from './pages/statistics.js';
import { caseworkNavLinks } from '../pages/nav.js';
import { publicationOf, setPublication } from './publication.js';
import { publicStatistics } from './public-service.js';
import { authorityStatistics, stateStatistics, statesOf, type StatisticsView } from './service.js';

const query = (request: FastifyRequest) => request.query as Record<string, unknown>;
const params = (request: FastifyRequest) => request.params as { country?: string; table?: string };

function sendCsv(reply: FastifyReply, view: StatisticsView, table: string | undefined) {
  if (!isTableId(table)) throw new NotFoundError('No such table');
  const name = `casework-${view.country ?? view.authorityId}-${table}${view.figures.filters.year ? `-${view.figures.filters.year}` : ''}.csv`;
  return reply
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .type('text/csv; charset=utf-8; header=present')
    .send(tableCsv(statTable(view.figures, table)));
}

export const statisticsPages: RoutePlugin = pageRoutes((app) => {
  app.get('/casework/statistics', async (request, reply) => {
    const ctx = pageContext(request);
    const view = await authorityStatistics(app.db, request.actor, query(request));
    const [labels, published, states] = await Promise.all([labelsFor(app.db, ctx.lang), publicationOf(app.db, request.actor, view.authorityId!), statesOf(app.db, request.actor)]);
    reply.header('cache-control', 'private, no-store');
    const title = st(ctx.lang)('title_authority', { authority: view.authorityId! });
    const stateLink = states[0] ? { iso3: states[0], name: labels.country(states[0]) } : null;
    return sendPage(reply, <StatisticsPage ctx={ctx} view={view} labels={labels} title={title} stateLink={stateLink} publication={published === null ? null : { published, saved: query(request).saved === '1' }} nav={caseworkNavLinks(request.actor)} />);
  });

  app.get('/casework/statistics/csv/:table', async (request, reply) => sendCsv(reply, await authorityStatistics(app.db, request.actor, query(request)), params(request).table));

  const statePage = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = pageContext(request);
    const view = await stateStatistics(app.db, request.actor, params(request).country, query(request));
    const labels = await labelsFor(app.db, ctx.lang);
    reply.header('cache-control', 'private, no-store');
    const title = st(ctx.lang)('title_state', { country: labels.country(view.country!) });
    return sendPage(reply, <StatisticsPage ctx={ctx} view={view} labels={labels} title={title} publication={null} nav={caseworkNavLinks(request.actor)} />);
  };
  app.get('/casework/statistics/state', statePage);
  app.get('/casework/statistics/state/:country', statePage);
  app.get('/casework/statistics/state/:country/csv/:table', async (request, reply) => sendCsv(reply, await stateStatistics(app.db, request.actor, params(request).country, query(request)), params(request).table));

  app.post('/casework/statistics/publication', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const authority = typeof body.authority === 'string' ? body.authority : '';
    if (!authority) throw new ValidationError([{ field: 'authority', message: 'is required' }]);
    if (body.publish !== 'true' && body.publish !== 'false') throw new ValidationError([{ field: 'publish', message: 'must be true or false' }]);
    await setPublication(app.db, auditContext(request), authority, body.publish === 'true');
    return reply.redirect(href(pageContext(request), '/casework/statistics', { authority, saved: '1' }), 303);
  });

  const publicPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = pageContext(request);
    const data = await publicStatistics(app.db, params(request).country, query(request));
    return sendPage(reply, <PublicStatisticsPage ctx={ctx} data={data} labels={await labelsFor(app.db, ctx.lang)} />);
  };
  app.get('/statistics', publicPage);
  app.get('/statistics/:country', publicPage);
});
