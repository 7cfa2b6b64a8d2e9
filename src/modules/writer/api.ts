/**
 * The writer's API under /api/v1/writer: the kinds and their steps, start a draft, read it (answers,
 * missing items, risks), save a step, produce the document. Session or a token with the casework.*
 * scopes; permission before anything about the case; problems as problem+json naming the field.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { assertAllowedSomewhere } from '../access/index.js';
import { KINDS, MODEL_FORMS, WRITER_KINDS } from './domain/kinds.js';
import { STEPS } from './domain/model.js';
import { renderDocument } from './document/service.js';
import { attachOptions } from './routes.js';
import { openDraft, saveStep, startDraft, type DraftView } from './service.js';

const tags = ['writer'];
const security = [{ bearerAuth: [] }];
const problems = {
  400: { ...ProblemSchema, description: 'Invalid input (errors names each field)' },
  401: { ...ProblemSchema, description: 'Sign in or send a token' },
  403: { ...ProblemSchema, description: 'No casework permission for this' },
  404: { ...ProblemSchema, description: 'No such draft (also: a draft of another authority) or step' },
  409: { ...ProblemSchema, description: 'Stale version, the request is no longer a draft, or (document) the draft is incomplete: errors names every missing item as step.question' },
};
const Id = Type.Object({ id: Type.String({ maxLength: 80, description: 'Case id (UUID) of the draft' }) });

function out(v: DraftView) {
  return {
    id: v.draft.case_id,
    reference: v.caseView.case.reference,
    state: v.caseView.case.state,
    kind: v.kind,
    requested_country: v.draft.requested_country,
    version: v.draft.version,
    answers: v.draft.answers,
    saved_steps: v.draft.saved_steps,
    missing: v.missing,
    risks: v.risks,
    requested: v.directory.requested,
    url: `/en/writer/${v.draft.case_id}/authority`,
  };
}

const versionOf = (r: FastifyRequest) => {
  const m = /^"?(\d+)"?$/.exec(String(r.headers['if-match'] ?? ''));
  return m ? Number(m[1]) : undefined;
};

export const writerApi: RoutePlugin = async (app) => {
  app.get('/api/v1/writer/kinds', { schema: { tags, summary: 'The kinds of request the writer drafts, its steps, and which are e-evidence model forms', response: { 200: Type.Unknown() } } }, async () => ({
    steps: STEPS,
    kinds: WRITER_KINDS.map((k) => ({ id: k, case_kind: KINDS[k].caseKind, article: KINDS[k].article, model_form: MODEL_FORMS.includes(k) })),
  }));

  app.post(
    '/api/v1/writer/drafts',
    {
      schema: {
        tags,
        security,
        summary: 'Start a draft: a casework outgoing request in state draft, with the writer’s answers',
        body: Type.Object({
          kind: Type.String({ description: `One of ${WRITER_KINDS.join(', ')}` }),
          requested_country: Type.String({ description: 'Requested State, ISO alpha-3' }),
          authority_id: Type.Optional(Type.String({ description: 'Requesting authority, when the caller acts for several' })),
          title: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: { 201: Type.Unknown(), ...problems },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const made = await startDraft(app.db, request.actor, (request.body ?? {}) as Record<string, unknown>);
      reply.code(201).header('cache-control', 'private, no-store');
      return out(await openDraft(app.db, request.actor, made.caseId));
    },
  );

  app.get('/api/v1/writer/drafts/:id', { schema: { tags, security, summary: 'A draft: answers, missing items, refusal risks, what the requested State’s entry says', params: Id, response: { 200: Type.Unknown(), ...problems } }, attachValidation: true }, async (request, reply) => {
    assertAllowedSomewhere(request.actor, 'casework.read');
    const v = await openDraft(app.db, request.actor, (request.params as { id: string }).id);
    reply.header('cache-control', 'private, no-store').header('etag', `"${v.draft.version}"`);
    return out(v);
  });

  app.put(
    '/api/v1/writer/drafts/:id/steps/:step',
    {
      schema: {
        tags,
        security,
        summary: 'Save one step’s answers (question id → text, or a list of ids for a multiple choice); If-Match: the version read',
        params: Type.Object({ id: Type.String(), step: Type.String({ description: STEPS.join(', ') }) }),
        body: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])),
        response: { 200: Type.Unknown(), ...problems },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const { id, step } = request.params as { id: string; step: string };
      const v = await saveStep(app.db, request.actor, id, step, request.body, versionOf(request));
      reply.header('cache-control', 'private, no-store').header('etag', `"${v.draft.version}"`);
      return out(v);
    },
  );

  app.get(
    '/api/v1/writer/drafts/:id/document',
    {
      schema: {
        tags,
        security,
        summary: 'The final document (DOCX or PDF) in the language chosen; 409 naming every missing item while the draft is incomplete',
        params: Id,
        querystring: Type.Object({ format: Type.String({ description: 'docx or pdf' }), attach: Type.Optional(Type.String({ description: '1: also attach it to the case as a document' })) }),
      },
      attachValidation: true,
    },
    async (request, reply) => {
      assertAllowedSomewhere(request.actor, 'casework.read');
      const q = request.query as Record<string, unknown>;
      const doc = await renderDocument(app.db, request.actor, (request.params as { id: string }).id, q.format, { attach: q.attach === '1', ...attachOptions(app) });
      return reply.type(doc.mediaType).header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="${doc.filename}"`).send(doc.bytes);
    },
  );
};
