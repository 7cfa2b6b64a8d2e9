/** GET /api/v1/me: who the caller is and which actions it may take (useful to check an API token). */
import { Type } from 'typebox';
import type { RoutePlugin } from '../../platform/http/app.js';
import { allowedActions, ACTIONS } from '../access/index.js';

export const accountsApi: RoutePlugin = async (app) => {
  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The caller and its permissions',
        description:
          'Anonymous callers get `user: null`. With `Authorization: Bearer <token>` the caller is the token owner restricted to the token scopes; `actions` lists the actions allowed without a specific resource (scoped actions such as directory.edit depend on the object and are not listed).',
        response: {
          200: Type.Object({
            user: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }), Type.Null()]),
            via: Type.String(),
            roles: Type.Array(Type.Object({ role: Type.String(), country: Type.Optional(Type.String()), authority_id: Type.Optional(Type.String()) })),
            roles_waiting_for_second_factor: Type.Array(Type.String()),
            scopes: Type.Union([Type.Array(Type.String()), Type.Null()]),
            actions: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request) => {
      const a = request.actor;
      return {
        user: a.userId ? { id: a.userId, name: a.name ?? '', email: a.email ?? '' } : null,
        via: a.via,
        roles: a.grants.map((g) => ({ role: g.role, ...(g.country ? { country: g.country } : {}), ...(g.authorityId ? { authority_id: g.authorityId } : {}) })),
        roles_waiting_for_second_factor: a.suspendedGrants.map((g) => g.role),
        scopes: a.scopes ? [...a.scopes] : null,
        actions: allowedActions(a, { ownerId: a.userId }, ACTIONS),
      };
    },
  );
};
