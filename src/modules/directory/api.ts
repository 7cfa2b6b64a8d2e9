/** The directory API: list and search, one authority, lookup, and export (JSONL, CSV). */
import { Readable } from 'node:stream';
import { Type, type TSchema } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { DEFAULT_LANG } from '../../platform/i18n/languages.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { auditContext } from '../audit/index.js';
import { allow, type Actor } from '../access/index.js';
import { AuthorityDocumentSchema, type AuthorityDocument } from './domain/schema.js';
import { FUNCTION_CODES } from './domain/functions.js';
import { viewerOf } from './domain/visibility.js';
import { getAuthority, lookupAuthorityAudited, searchDirectoryAudited, type AuthorityView } from './service.js';
import { explainLookup } from './lookup-text.js';
import { directoryExport, EditionParam, type Edition } from './export/service.js';

const ACTIONS_DESC = 'What the caller may do with this authority now: edit (propose a change, reviewed before publication), history, verify (mark as verified), archive or restore';

const AuthorityOut = Type.Object(
  {
    ...AuthorityDocumentSchema.properties,
    url: Type.String({ description: `Path of the authority's page with the ${DEFAULT_LANG} interface; replace /${DEFAULT_LANG}/ by /ar/, /zh/, /fr/, /es/ or /ru/` }),
    state: Type.Enum(['published', 'archived']),
    stale: Type.Boolean({ description: 'Not verified by the focal point for more than 12 months' }),
    actions: Type.Array(Type.String(), { description: ACTIONS_DESC }),
  },
  { additionalProperties: false, description: 'An authority: fields restricted to registered practitioners are absent unless the caller is one (session or a token with the directory.read_restricted scope)' },
);

function out(v: AuthorityView, actor: Actor, actions?: string[]) {
  const resource = { country: v.doc.country, authorityId: v.doc.id };
  const list =
    actions ??
    [
      ...(allow(actor, 'directory.edit', resource) ? ['edit', 'history'] : []),
      ...(allow(actor, 'directory.review', resource) ? ['verify'] : []),
      ...(allow(actor, 'directory.archive', resource) ? ['archive'] : []),
    ];
  return { ...v.doc, url: `/${DEFAULT_LANG}/directory/authorities/${v.doc.id}`, state: v.state, stale: v.stale, actions: list };
}

const Q = (description: string, extra: object = {}) => Type.Optional(Type.String({ description, ...extra }));
const FacetList = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

const problems = (extra: Record<number, string> = {}) => ({
  400: { ...ProblemSchema, description: 'Invalid parameter (errors names it)' },
  ...Object.fromEntries(Object.entries(extra).map(([k, d]) => [k, { ...ProblemSchema, description: d }])),
});

function actorOf(request: FastifyRequest): Actor {
  return request.actor;
}

/** Responses with practitioners-only fields are never stored by a cache; any response depends on who asks. */
function privacy(reply: FastifyReply, actor: Actor): void {
  reply.header('vary', 'Cookie, Authorization');
  if (viewerOf(actor).restricted) reply.header('cache-control', 'private, no-store');
}

export const directoryApi: RoutePlugin = async (app: App) => {
  app.get(
    '/api/v1/authorities',
    {
      schema: {
        tags: ['directory'],
        summary: 'Search the directory of competent national authorities',
        description:
          'Published authorities matching the filters, 20 per page, with facet counts. `q` searches names in every language (also partially typed), functions and country names, and the fields the caller may see. Fields restricted to registered practitioners are never returned, searched or counted for other callers. Send `Authorization: Bearer <token>` to act as a practitioner.',
        querystring: Type.Object(
          {
            q: Q('Free text', { maxLength: 1000 }),
            country: Q('ISO 3166-1 alpha-3 code of the State'),
            region: Q('UN M49 area code (region, sub-region or intermediate region)'),
            function: Q(`Function code: ${FUNCTION_CODES.join(', ')}`),
            instrument: Q('Instrument id the designation is made under, e.g. untoc, uncac, coe-cybercrime'),
            language: Q('A language in which requests are accepted (BCP 47)'),
            electronic: Q('Electronic requests accepted: always, urgent_only, never'),
            stale: Q('true: only entries not verified for more than 12 months'),
            page: Q('Page number, from 1'),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            page: Type.Integer(),
            pages: Type.Integer(),
            items: Type.Array(AuthorityOut),
            facets: Type.Object({ country: FacetList, function: FacetList, instrument: FacetList, language: FacetList, electronic: FacetList }),
          }),
          ...problems(),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      privacy(reply, actor);
      const r = await searchDirectoryAudited(app.db, auditContext(request), request.query as Record<string, string>);
      return { total: r.total, page: r.query.page, pages: r.pages, items: r.items.map((v) => out(v, actor)), facets: r.facets };
    },
  );

  app.get(
    '/api/v1/authorities/lookup',
    {
      schema: {
        tags: ['directory'],
        summary: 'Which authority do I send this request to?',
        description:
          'Given the requested State and the kind of request — a function code (mla, extradition, transfer-sentenced-persons, confiscation, cyber-24-7, …) or a measure code of the taxonomy "measure" (UNTOC art. 18(3) measures such as taking-evidence, and e-evidence measures such as data-preservation) — the competent authority or authorities, with the requirements for that measure, accepted languages and channels, urgent procedure, whether UNTOC is accepted as the legal basis for extradition, and the page URL. When no authority is designated for the function, the central authority for mutual legal assistance is returned and `fallback` is true; `explanation` says so in English.',
        querystring: Type.Object({ state: Q('Requested State, ISO 3166-1 alpha-3'), request: Q('Function or measure code') }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            state: Type.String(),
            request: Type.String(),
            request_kind: Type.Enum(['function', 'measure']),
            wanted: Type.String({ description: 'The function looked for first' }),
            found: Type.Union([Type.String(), Type.Null()], { description: 'The function of the authorities returned' }),
            fallback: Type.Boolean({ description: 'No authority is designated for the wanted function; another (found) answers' }),
            state_has_none: Type.Boolean({ description: 'The State has no authority in the directory' }),
            explanation: Type.String(),
            authorities: Type.Array(
              Type.Object({
                authority: AuthorityOut,
                requirement: Type.Optional(
                  Type.Object({
                    state: Type.Enum(['stated', 'not_stated', 'withheld'], { description: 'withheld: the requirements are restricted to registered practitioners' }),
                    status: Type.Optional(Type.String()),
                    conditions: Type.Optional(Type.Record(Type.String(), Type.String())),
                  }),
                ),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      privacy(reply, actor);
      const q = request.query as { state?: string; request?: string };
      const r = await lookupAuthorityAudited(app.db, auditContext(request), q);
      const code = r.request.code;
      return {
        state: r.state,
        request: code,
        request_kind: r.request.kind,
        wanted: r.wanted,
        found: r.found,
        fallback: r.found !== null && r.found !== r.wanted,
        state_has_none: r.stateHasNone,
        explanation: explainLookup(r),
        authorities: r.matches.map((m) => ({
          authority: out(r.views.get(m.doc.id)!, actor),
          ...(m.requirement
            ? { requirement: m.requirement.state === 'stated' ? { state: 'stated' as const, status: m.requirement.requirement.status, ...(m.requirement.requirement.conditions ? { conditions: m.requirement.requirement.conditions } : {}) } : { state: m.requirement.state } }
            : {}),
        })),
      };
    },
  );

  app.get(
    '/api/v1/authorities/export',
    {
      schema: {
        tags: ['directory'],
        summary: 'The whole directory as JSON Lines or CSV',
        description:
          'Every published authority, streamed: JSON Lines (one canonical authority document per line, the format `palermo directory import` reads) or CSV (one row per authority; names_<lang>, urgent_procedure_<lang>, notes_<lang> columns; structured fields as JSON cells). The public edition (default) leaves out the fields restricted to registered practitioners; `edition=restricted` includes them, for callers allowed directory.export_restricted (focal points and administrators; a token needs that scope), 401/403 otherwise; each restricted export is recorded in the audit log.',
        querystring: Type.Object({ format: Type.Optional(Type.Enum(['jsonl', 'csv'], { description: 'Default jsonl' })), edition: EditionParam }, { additionalProperties: false }),
        response: {
          200: {
            description: 'The export file',
            content: { 'application/x-ndjson': { schema: Type.String() }, 'text/csv': { schema: Type.String() } },
          },
          400: { description: 'Unknown format or edition', content: { 'application/problem+json': { schema: ProblemSchema } } },
          401: { description: 'The restricted edition needs a signed-in caller', content: { 'application/problem+json': { schema: ProblemSchema } } },
          403: { description: 'The caller may not export the restricted edition (directory.export_restricted)', content: { 'application/problem+json': { schema: ProblemSchema } } },
        },
      },
    },
    async (request, reply) => {
      const query = request.query as { format?: 'jsonl' | 'csv'; edition?: Edition };
      const format = query.format ?? 'jsonl';
      const { chunks, restricted } = await directoryExport(app.db, auditContext(request), format, query.edition);
      async function* body() {
        for await (const c of chunks) yield Buffer.from(c, 'utf8');
      }
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="palermo-authorities.${format}"`)
        .header('vary', 'Cookie, Authorization')
        .header('cache-control', restricted ? 'private, no-store' : 'public, max-age=300')
        .send(Readable.from(body(), { objectMode: false }) as never);
    },
  );

  app.get(
    '/api/v1/authorities/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Get an authority',
        description: `One authority: names, functions with the instrument articles they are designated under, contacts, office hours and time zone, languages and channels accepted, urgent procedure, requirements by measure, e-evidence requirements, laws, verification. ${ACTIONS_DESC}.`,
        params: Type.Object({ id: Type.String({ maxLength: 128, description: 'Identifier of the authority' }) }),
        response: { 200: AuthorityOut, ...problems({ 404: 'No such authority' }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      privacy(reply, actor);
      const a = await getAuthority(app.db, actor, (request.params as { id: string }).id);
      return out(a, actor, a.actions);
    },
  );
};

export type { AuthorityDocument, TSchema };
