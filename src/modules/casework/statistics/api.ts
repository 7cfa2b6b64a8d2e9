/** The statistics API: an authority's or a State's figures (casework.statistics), and the public figures. */
import { Type } from 'typebox';
import type { App, RoutePlugin } from '../../../platform/http/app.js';
import { ProblemSchema } from '../../../platform/http/problem-schema.js';
import { authorityStatistics, stateStatistics, type StatisticsView } from './service.js';
import { publicStatistics } from './public-service.js';
import { PublicOut, StatisticsOut } from './schemas.js';

const Q = (description: string) => Type.Optional(Type.String({ description, maxLength: 120 }));
const FILTERS = {
  year: Q('Calendar year of receipt (incoming) or sending (outgoing); all years when absent'),
  direction: Q('incoming or outgoing'),
  kind: Q('Kind of request (mla, extradition, …)'),
};
const problems = {
  400: { ...ProblemSchema, description: 'Invalid parameter (errors names it)' },
  401: { ...ProblemSchema, description: 'Not signed in' },
  403: { ...ProblemSchema, description: 'No casework.statistics right for this authority or State' },
};
const out = (v: StatisticsView) => ({ authority: v.authorityId, country: v.country, authorities: v.authorityIds, years: v.years, figures: v.figures });

export const statisticsApi: RoutePlugin = async (app: App) => {
  app.get(
    '/api/v1/casework/statistics',
    {
      schema: {
        tags: ['casework'],
        summary: 'Casework figures of an authority',
        description: 'Aggregate figures of the requests the authority received and sent (scope casework.statistics: its officers and supervisors). Never case data.',
        querystring: Type.Object({ authority: Q('Directory identifier of the authority; the first of the caller\'s when absent'), ...FILTERS }, { additionalProperties: false }),
        response: { 200: StatisticsOut, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return out(await authorityStatistics(app.db, request.actor, request.query as Record<string, unknown>));
    },
  );

  app.get(
    '/api/v1/casework/statistics/state/:country',
    {
      schema: {
        tags: ['casework'],
        summary: 'Casework figures of a State across its authorities',
        description: 'The figures of every authority of the State added up (scope casework.statistics: the focal point of the State, or a supervisor of one of its authorities).',
        params: Type.Object({ country: Type.String({ description: 'ISO 3166-1 alpha-3 code of the State' }) }),
        querystring: Type.Object(FILTERS, { additionalProperties: false }),
        response: { 200: StatisticsOut, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return out(await stateStatistics(app.db, request.actor, (request.params as { country: string }).country, request.query as Record<string, unknown>));
    },
  );

  app.get(
    '/api/v1/statistics',
    {
      schema: {
        tags: ['casework'],
        summary: 'Published casework figures',
        description:
          'The aggregate figures authorities chose to publish: per State (or per year for one State), by kind, by region of the partner State, by outcome, and UNTOC as legal basis. Cells of fewer than 5 requests are suppressed; a sum that includes one is marked partial.',
        querystring: Type.Object({ country: Q('ISO 3166-1 alpha-3 code: one State\'s figures per year'), year: Q('One year only') }, { additionalProperties: false }),
        response: { 200: PublicOut, 400: problems[400], 404: { ...ProblemSchema, description: 'No authority of that State publishes figures' } },
      },
    },
    async (request) => {
      const q = request.query as { country?: string; year?: string };
      return publicStatistics(app.db, q.country || undefined, q);
    },
  );
};
