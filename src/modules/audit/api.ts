/** GET /api/v1/audit: the audit log for administrators (session or token with the audit.read scope). */
import { Type } from 'typebox';
import type { RoutePlugin } from '../../platform/http/app.js';
import { searchAudit } from './service.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';

const Problem = ProblemSchema;

const Event = Type.Object({
  id: Type.String({ description: 'Sequence number' }),
  occurred_at: Type.String({ format: 'date-time' }),
  actor_user_id: Type.Union([Type.String(), Type.Null()]),
  actor_label: Type.Union([Type.String(), Type.Null()], { description: 'Name and e-mail of the actor at the time' }),
  actor_ip: Type.Union([Type.String(), Type.Null()]),
  via: Type.String({ description: 'web, api, cli or system' }),
  action: Type.String({ description: 'e.g. auth.sign_in, roles.assign' }),
  outcome: Type.String({ description: 'success, failure, or refused (a privileged action the policy refused)' }),
  target_type: Type.Union([Type.String(), Type.Null()]),
  target_id: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'What changed: {field: {from, to}} or event details' }),
  request_id: Type.Union([Type.String(), Type.Null()]),
});

export const auditApi: RoutePlugin = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log',
        description:
          'Administrators only (a browser session, or an API token with the audit.read scope). Newest first; pass `next` back as `before` for the next page. The log is append-only: there is no way to change or delete an event.',
        security: [{ bearerAuth: [] }],
        querystring: Type.Object(
          {
            actor: Type.Optional(Type.String({ maxLength: 200, description: 'User id, or text matched in the actor name/e-mail' })),
            action: Type.Optional(Type.String({ maxLength: 100, description: 'Exact action, or a prefix ending with "." (e.g. "auth.")' })),
            target_type: Type.Optional(Type.String({ maxLength: 60 })),
            target_id: Type.Optional(Type.String({ maxLength: 200 })),
            from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'First day (UTC), inclusive' })),
            to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Last day (UTC), inclusive' })),
            before: Type.Optional(Type.String({ pattern: '^\\d{1,18}$', description: 'Cursor from the previous page' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ events: Type.Array(Event), next: Type.Union([Type.String(), Type.Null()]) }), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => searchAudit(app.db, request.actor, request.query),
  );
};
