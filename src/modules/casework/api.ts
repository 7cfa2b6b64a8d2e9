/**
 * The casework API under /api/v1/casework: the worklist, cases (create, read, edit), transitions,
 * assignment, history with its verification, counts. Session or a token with the casework.* scopes.
 * Bodies are checked by the services after the permission check (403 before anything about the case;
 * schemas are attached for the OpenAPI description, not to refuse first). Problems are problem+json.
 */
import { Type, type Static, type TSchema } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { ValidationError } from '../../platform/http/errors.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { DEFAULT_LANG } from '../../platform/i18n/languages.js';
import { CaseCreateInput, CaseEditInput, LegalBasisInput, LinkInput, PersonInput } from './domain/case-input.js';
import { addLink, addPerson, removeLink, removePerson, setLegalBases } from './parts-service.js';
import { TRANSITIONS } from './domain/transitions.js';
import { CASE_KINDS, CASE_STATES, CHANNELS, DIRECTIONS, REFUSAL_GROUNDS } from './domain/vocabulary.js';
import { assignCase, createIncoming, createOutgoing, editCase, getCase, type CaseRow, type CaseView } from './service.js';
import { applyTransition } from './transition-service.js';
import { authoritiesFor } from './service-context.js';
import { listWorklist, worklistCounts, WORKLIST_SORTS, WORKLIST_VIEWS, type WorklistRow } from './worklist-service.js';

const tags = ['casework'];
/** A session cookie or a personal API token with the casework.* scopes. */
const security = [{ bearerAuth: [] }];
const problems = {
  400: { ...ProblemSchema, description: 'Invalid input (errors names each field)' },
  401: { ...ProblemSchema, description: 'Sign in or send a token' },
  403: { ...ProblemSchema, description: 'No casework permission for this (checked before anything about the case is read)' },
  404: { ...ProblemSchema, description: 'No such case (also: a case of another authority)' },
  409: { ...ProblemSchema, description: 'Stale version, or a transition not possible now (errors lists the allowed ones)' },
};
const Id = Type.Object({ id: Type.String({ maxLength: 80, description: 'Case id (UUID)' }) }, { additionalProperties: false });

const CaseOut = Type.Object(
  {
    id: Type.String(),
    url: Type.String({ description: `Path of the case page with the ${DEFAULT_LANG} interface` }),
    authority_id: Type.String(),
    direction: Type.Enum([...DIRECTIONS]),
    kind: Type.Enum([...CASE_KINDS]),
    state: Type.Enum([...CASE_STATES]),
    reference: Type.Union([Type.String(), Type.Null()], { description: 'Our reference (null until an incoming request is registered)' }),
    version: Type.Integer({ description: 'Send it back (If-Match or `version`) when editing: a stale edit is refused with 409' }),
  },
  { additionalProperties: true, description: 'A case: every column of casework_cases (docs/CASEWORK.md), plus url' },
);

function caseOut(row: CaseRow): Static<typeof CaseOut> {
  const out: Record<string, unknown> = { ...row, url: `/${DEFAULT_LANG}/casework/cases/${row.id}` };
  for (const k of ['state_since', 'created_at', 'updated_at']) out[k] = new Date(out[k] as string).toISOString();
  delete out.history_head;
  return out as Static<typeof CaseOut>;
}

function viewOut(v: CaseView) {
  return {
    case: caseOut(v.case),
    owner: v.owner,
    acting_authority_id: v.actingAuthorityId,
    persons: v.persons.map((p) => ({ ...p, created_at: new Date(p.created_at).toISOString() })),
    legal_bases: v.legalBases,
    links: v.links,
    executions: v.tracks,
    transitions: v.transitions.map((t) => ({ name: t.name, to: t.to, requires: t.requires, optional: t.optional ?? [] })),
    may: v.may,
    history_verified: v.verification.ok,
  };
}

function rowOut(r: WorklistRow) {
  return { ...r, state_since: new Date(r.state_since).toISOString(), updated_at: new Date(r.updated_at).toISOString(), url: `/${DEFAULT_LANG}/casework/cases/${r.id}` };
}

/** The version the client saw: If-Match ("3", W/"3") or the body's `version`. */
export function expectedVersion(request: FastifyRequest, body: Record<string, unknown>): number | undefined {
  const header = request.headers['if-match'];
  const raw = typeof header === 'string' && header.trim() ? header.trim().replace(/^W\//, '').replace(/"/g, '') : body.version;
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = typeof raw === 'number' ? raw : /^\d{1,9}$/.test(String(raw)) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new ValidationError([{ field: typeof header === 'string' ? 'If-Match' : 'version', message: 'must be the case version, a positive integer' }]);
  return n;
}

const objectBody = (b: unknown): Record<string, unknown> => (b && typeof b === 'object' && !Array.isArray(b) ? { ...(b as Record<string, unknown>) } : {});
const etag = (reply: FastifyReply, version: number) => reply.header('etag', `"${version}"`).header('cache-control', 'private, no-store');

export const caseworkApi: RoutePlugin = async (app: App) => {
  app.get(
    '/api/v1/casework/cases',
    {
      schema: {
        tags,
        security,
        summary: 'The worklist: cases of the caller’s authorities (and those forwarded to them), by view, filtered, searched, 50 per page',
        querystring: Type.Object(
          {
            view: Type.Optional(Type.String({ description: `One of ${WORKLIST_VIEWS.join(', ')} (default all)` })),
            direction: Type.Optional(Type.String({ description: 'incoming or outgoing' })),
            kind: Type.Optional(Type.String({ description: `Kind: ${CASE_KINDS.join(', ')}` })),
            state: Type.Optional(Type.String({ description: 'A state of the lifecycle' })),
            partner_country: Type.Optional(Type.String({ description: 'ISO alpha-3 of the partner State' })),
            q: Type.Optional(Type.String({ description: 'Search: any reference (ours, the partner’s, an executing authority’s), a person’s name, the partner State, offence text, title' })),
            sort: Type.Optional(Type.String({ description: `One of ${WORKLIST_SORTS.join(', ')}` })),
            page: Type.Optional(Type.String({ description: 'Page, from 1' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown({ description: '{ total, page, pages, counts: {view: n}, items: [...] }' }), ...problems },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const list = await listWorklist(app.db, request.actor, request.query as Record<string, unknown>);
      reply.header('cache-control', 'private, no-store');
      return { total: list.total, page: list.filter.page, pages: list.pages, counts: list.counts, items: list.rows.map(rowOut) };
    },
  );

  app.get('/api/v1/casework/worklist/counts', { schema: { tags, security, summary: 'How many cases each worklist view holds', response: { 200: Type.Record(Type.String(), Type.Integer()), ...problems } } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return worklistCounts(app.db, request.actor);
  });

  app.post(
    '/api/v1/casework/cases',
    {
      schema: {
        tags,
        security,
        summary: 'Record a new case: an incoming request (received; its reference is given at registration) or an outgoing draft (reference given now)',
        description: '`direction` (incoming or outgoing) and, when the caller acts for several authorities, `authority_id`; the other fields as in the schema. Measures and offences are codes of the reference taxonomies measure and crime; countries ISO alpha-3.',
        body: Type.Object({ direction: Type.Enum([...DIRECTIONS]), authority_id: Type.Optional(Type.String()), ...CaseCreateInput.properties }),
        response: { 201: Type.Object({ id: Type.String(), reference: Type.Union([Type.String(), Type.Null()]), url: Type.String() }), ...problems },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const { direction, ...body } = objectBody(request.body);
      if (direction !== 'incoming' && direction !== 'outgoing') {
        // Permission first, then the missing direction.
        authoritiesFor(request.actor, 'casework.create');
        throw new ValidationError([{ field: 'direction', message: 'must be incoming or outgoing' }]);
      }
      const made = direction === 'incoming' ? await createIncoming(app.db, request.actor, body) : await createOutgoing(app.db, request.actor, body);
      reply.code(201).header('location', `/api/v1/casework/cases/${made.id}`);
      return { ...made, url: `/${DEFAULT_LANG}/casework/cases/${made.id}` };
    },
  );

  app.get('/api/v1/casework/cases/:id', { schema: { tags, security, summary: 'A case with its persons, legal bases, links, executing authorities’ tracks (an executing authority sees its own), and the transitions the caller may apply', params: Id, response: { 200: Type.Unknown(), ...problems } }, attachValidation: true }, async (request, reply) => {
    const v = await getCase(app.db, request.actor, (request.params as { id: string }).id);
    etag(reply, v.case.version);
    return viewOut(v);
  });

  app.patch(
    '/api/v1/casework/cases/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a case’s fields (only those sent); send the version seen in If-Match or `version`: a stale edit is refused with 409',
        params: Id,
        body: Type.Object({ ...CaseEditInput.properties, version: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: CaseOut, ...problems },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const body = objectBody(request.body);
      const version = expectedVersion(request, body);
      delete body.version;
      const row = await editCase(app.db, request.actor, (request.params as { id: string }).id, body, version);
      etag(reply, row.version);
      return caseOut(row);
    },
  );

  app.post(
    '/api/v1/casework/cases/:id/transitions',
    {
      schema: {
        tags,
        security,
        summary: 'Apply a lifecycle transition (docs/CASEWORK.md, Lifecycle)',
        description: `Transitions: ${[...new Set(TRANSITIONS.map((t) => t.name))].join(', ')}. Fields as each requires: comment (reason), grounds (${REFUSAL_GROUNDS.join(', ')}), date, channel (${CHANNELS.join(', ')}), until, outcome. An illegal transition is 409 listing those allowed now.`,
        params: Id,
        body: Type.Object({
          transition: Type.String(),
          comment: Type.Optional(Type.String()),
          grounds: Type.Optional(Type.Array(Type.String())),
          date: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
          channel: Type.Optional(Type.String()),
          until: Type.Optional(Type.String({ description: 'YYYY-MM-DD (postponement)' })),
          outcome: Type.Optional(Type.String({ description: 'executed or partly_executed (results sent)' })),
          version: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: CaseOut, ...problems },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const body = objectBody(request.body);
      const version = expectedVersion(request, body);
      const row = await applyTransition(app.db, request.actor, (request.params as { id: string }).id, { ...body, version });
      etag(reply, row.version);
      return caseOut(row);
    },
  );

  app.post(
    '/api/v1/casework/cases/:id/assign',
    { schema: { tags, security, summary: 'Assign the case to a user (or null): a supervisor’s', params: Id, body: Type.Object({ user_id: Type.Union([Type.String(), Type.Null()]), version: Type.Optional(Type.Integer()) }), response: { 200: CaseOut, ...problems } }, attachValidation: true },
    async (request, reply) => {
      const body = objectBody(request.body);
      const version = expectedVersion(request, body);
      const row = await assignCase(app.db, request.actor, (request.params as { id: string }).id, body.user_id === undefined ? '' : body.user_id, version);
      etag(reply, row.version);
      return caseOut(row);
    },
  );

  const Part = (name: string) => Type.Object({ id: Type.String({ maxLength: 80 }), [name]: Type.String({ maxLength: 80 }) }, { additionalProperties: false });
  const partRoute = (method: 'post' | 'put' | 'delete', path: string, summary: string, params: ReturnType<typeof Part> | typeof Id, body: TSchema | undefined, run: (request: FastifyRequest, body: Record<string, unknown>, version: number | undefined) => Promise<CaseRow>) =>
    app[method](path, { schema: { tags, security, summary, params, ...(body ? { body } : {}), response: { 200: CaseOut, ...problems } }, attachValidation: true }, async (request: FastifyRequest, reply: FastifyReply) => {
      const b = objectBody(request.body);
      const version = expectedVersion(request, b);
      delete b.version;
      const row = await run(request, b, version);
      etag(reply, row.version);
      return caseOut(row);
    });
  const pid = (request: FastifyRequest) => request.params as { id: string; person_id: string; other_case_id: string };
  partRoute('post', '/api/v1/casework/cases/:id/persons', 'Add a person concerned (only what the request needs)', Id, Type.Object({ ...PersonInput.properties, version: Type.Optional(Type.Integer()) }), (r, b, v) => addPerson(app.db, r.actor, pid(r).id, b, v));
  partRoute('delete', '/api/v1/casework/cases/:id/persons/:person_id', 'Remove a person', Part('person_id'), undefined, (r, _b, v) => removePerson(app.db, r.actor, pid(r).id, pid(r).person_id, v));
  partRoute('put', '/api/v1/casework/cases/:id/legal-bases', 'Replace the legal bases (in order)', Id, Type.Object({ legal_bases: Type.Array(LegalBasisInput), version: Type.Optional(Type.Integer()) }), (r, b, v) => setLegalBases(app.db, r.actor, pid(r).id, b.legal_bases ?? null, v));
  partRoute('post', '/api/v1/casework/cases/:id/links', 'Link another case of the authority', Id, Type.Object({ ...LinkInput.properties, version: Type.Optional(Type.Integer()) }), (r, b, v) => addLink(app.db, r.actor, pid(r).id, b, v));
  partRoute('delete', '/api/v1/casework/cases/:id/links/:other_case_id', 'Remove a link', Part('other_case_id'), undefined, (r, _b, v) => removeLink(app.db, r.actor, pid(r).id, pid(r).other_case_id, v));

  app.get('/api/v1/casework/cases/:id/history', { schema: { tags, security, summary: 'The case’s history (hash-chained events) and the result of recomputing the chain', params: Id, response: { 200: Type.Unknown(), ...problems } }, attachValidation: true }, async (request, reply) => {
    const v = await getCase(app.db, request.actor, (request.params as { id: string }).id);
    reply.header('cache-control', 'private, no-store');
    return {
      verification: v.verification,
      events: v.events.map((e) => ({ seq: e.seq, at: e.at, type: e.type, actor_id: e.actorId, actor_name: e.actorName, acting_authority_id: e.actingAuthorityId, data: e.data, prev_hash: e.prevHash, hash: e.hash })),
    };
  });
};
