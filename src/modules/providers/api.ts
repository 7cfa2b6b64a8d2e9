/**
 * The providers API: GET /api/v1/providers (search and filters) and /api/v1/providers/{id} for
 * everyone, with practitioners-only fields for registered practitioners (session, or a token with the
 * providers.read_restricted scope); curators' drafts and workflow transitions (a token with the
 * providers.* scopes).
 */
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { DEFAULT_LANG } from '../../platform/i18n/languages.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { auditContext } from '../audit/index.js';
import type { RevisionRow, TransitionName } from '../workflow/index.js';
import { DATA_CATEGORIES, ProviderDocumentSchema, SERVICES } from './domain/schema.js';
import { viewerOf } from './domain/visibility.js';
import { saveProviderDraft, transitionProvider } from './editing.js';
import { getProvider, searchProviders, type ProviderView } from './service.js';

const ProviderOut = Type.Object(
  {
    ...ProviderDocumentSchema.properties,
    url: Type.String({ description: `Path of the provider's page with the ${DEFAULT_LANG} interface; replace /${DEFAULT_LANG}/ by /ar/, /zh/, /fr/, /es/ or /ru/` }),
    state: Type.Enum(['published', 'archived']),
    withheld: Type.Boolean({ description: 'Some fields of this provider are restricted to registered practitioners and left out of this answer' }),
  },
  { additionalProperties: false, description: 'A service provider: practitioners-only fields (the emergency contact always; others as the curator set them) are absent unless the caller is a registered practitioner' },
);

function out(v: ProviderView) {
  return { ...v.doc, url: `/${DEFAULT_LANG}/e-evidence/providers/${v.doc.id}`, state: v.state, withheld: v.withheld };
}

const problems = (extra: Record<number, string> = {}) => ({
  400: { ...ProblemSchema, description: 'Invalid parameter (errors names it)' },
  ...Object.fromEntries(Object.entries(extra).map(([k, d]) => [k, { ...ProblemSchema, description: d }])),
});

/** Every answer depends on who asks; answers holding practitioners-only fields are never stored by a cache. */
function privacy(request: FastifyRequest, reply: FastifyReply, restricted: boolean): void {
  reply.header('vary', 'Cookie, Authorization');
  reply.header('cache-control', restricted || viewerOf(request.actor).restricted ? 'private, no-store' : 'public, max-age=60');
}

const Q = (description: string, extra: object = {}) => Type.Optional(Type.String({ description, ...extra }));
const IdParam = Type.Object({ id: Type.String({ maxLength: 128, description: 'Identifier of the provider' }) }, { additionalProperties: false });

const RevisionOut = Type.Object({
  id: Type.Integer(),
  subject_id: Type.String(),
  number: Type.Integer(),
  state: Type.String({ description: 'draft, in_review, published, archived, discarded or superseded' }),
  document: Type.Unknown({ description: 'The provider document of this revision' }),
  note: Type.Union([Type.String(), Type.Null()]),
});
const revisionOut = (r: RevisionRow) => ({ id: r.id, subject_id: r.subject_id, number: r.number, state: r.state, document: r.document, note: r.note });
const TRANSITIONS = ['submit', 'withdraw', 'return', 'publish', 'archive', 'restore', 'discard'] as const;

export const providersApi: RoutePlugin = async (app: App) => {
  app.get(
    '/api/v1/providers',
    {
      schema: {
        tags: ['e-evidence'],
        summary: 'Search the service providers of the electronic evidence hub',
        description:
          'Published service providers matching the filters, 20 per page, in name order. `q` matches names, services and the fields the caller may see. Practitioners-only fields are never returned, searched or filtered on for other callers (the `category` filter then uses only providers whose data held is public). Send `Authorization: Bearer <token>` to act as a practitioner; such answers carry `Cache-Control: private, no-store`.',
        querystring: Type.Object(
          {
            q: Q('Free text', { maxLength: 200 }),
            country: Q('ISO 3166-1 alpha-3 code of the State where the provider is established'),
            service: Q(`Service kind: ${SERVICES.join(', ')}`),
            category: Q(`Category of data held: ${DATA_CATEGORIES.join(', ')}`),
            page: Q('Page number, from 1'),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ total: Type.Integer(), page: Type.Integer(), pages: Type.Integer(), items: Type.Array(ProviderOut) }), ...problems() },
      },
    },
    async (request, reply) => {
      const r = await searchProviders(app.db, request.actor, request.query as Record<string, string>);
      privacy(request, reply, r.items.some((i) => i.restricted));
      return { total: r.total, page: r.query.page, pages: r.pages, items: r.items.map(out) };
    },
  );

  app.get(
    '/api/v1/providers/:id',
    {
      schema: {
        tags: ['e-evidence'],
        summary: 'Get a service provider',
        description: 'One provider: legal entity and State of establishment, services, data held and retention, how to send preservation, disclosure and emergency requests, accepted languages, emergency contact (practitioners only), user-notification policy, whether content needs mutual legal assistance, last verification.',
        params: IdParam,
        response: { 200: ProviderOut, ...problems({ 404: 'No such provider' }) },
      },
    },
    async (request, reply) => {
      const p = await getProvider(app.db, request.actor, (request.params as { id: string }).id);
      privacy(request, reply, p.restricted);
      return out(p);
    },
  );

  app.put(
    '/api/v1/providers/:id/draft',
    {
      schema: {
        tags: ['e-evidence'],
        summary: 'Save a draft of a provider (curators)',
        description: 'Creates or updates the open draft of the provider (a new provider when the id is new). The draft is published only after another curator reviews it: submit it, then someone else publishes it (four eyes). Needs a token with the providers.edit scope (providers.create for a new provider).',
        params: IdParam,
        body: Type.Object({ document: Type.Unknown({ description: 'The provider document (see GET /api/v1/providers/{id})' }), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: RevisionOut, ...problems({ 401: 'Send a token', 403: 'Not allowed', 409: 'The provider has a version in review' }) },
      },
    },
    async (request) => {
      const body = request.body as { document: unknown; note?: string };
      return revisionOut(await saveProviderDraft(app.db, auditContext(request), (request.params as { id: string }).id, body.document, body.note));
    },
  );

  app.post(
    '/api/v1/providers/:id/revisions/:revision/transition',
    {
      schema: {
        tags: ['e-evidence'],
        summary: 'Apply a workflow transition to a revision of a provider (curators)',
        description: 'submit, withdraw, return (with a comment), publish, archive (with a comment), restore or discard. Nobody returns or publishes a revision they edited (four eyes). Publishing records today as the last verification.',
        params: Type.Object({ id: Type.String({ maxLength: 128 }), revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        body: Type.Object({ transition: Type.Enum([...TRANSITIONS]), comment: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }),
        response: { 200: RevisionOut, ...problems({ 401: 'Send a token', 403: 'Not allowed (e.g. publishing your own change)', 404: 'No such revision', 409: 'Not possible in the current state' }) },
      },
    },
    async (request) => {
      const { id, revision } = request.params as { id: string; revision: number };
      const body = request.body as { transition: TransitionName; comment?: string };
      return revisionOut(await transitionProvider(app.db, auditContext(request), id, revision, body.transition, body.comment !== undefined ? { comment: body.comment } : {}));
    },
  );
};
