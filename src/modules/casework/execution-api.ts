/**
 * The API of executing authorities' tracks, deadlines, status enquiries and notifications, under
 * /api/v1/casework (token scopes = action names). Permission first: each route's preValidation hook
 * refuses (401/403) an actor who may take its action nowhere, before the body is even validated; the
 * services then check the case itself (404 when it is not the actor's). Bodies are TypeBox schemas.
 */
import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { assertAllowedSomewhere, scopeOf, type Action } from '../access/index.js';
import { changeDeadline, listDeadlines, meetDeadline, setDeadline } from './deadline-service.js';
import { EXECUTING_BODY_KINDS, CHANNELS, DEADLINE_KINDS, EXECUTION_STATES } from './domain/vocabulary.js';
import { TRACK_TRANSITIONS_NAMES } from './domain/execution.js';
import { forwardRequest, listExecutions, listMyTracks, recordChase, recordStatusEnquiry, transitionExecution } from './execution-service.js';
import { listNotifications, markRead } from './notification-service.js';
import { executionSettingsApi } from './execution-settings-api.js';

const security = [{ bearerAuth: [] }];
const idOf = (r: FastifyRequest) => (r.params as { id: string }).id;
const tags = ['casework'];
const Id = Type.Object({ id: Type.String({ maxLength: 100 }) });
const DateStr = (description: string) => Type.String({ maxLength: 10, description: `${description} (YYYY-MM-DD)` });
const Text = (max: number, description: string) => Type.String({ maxLength: max, description });
const enumOf = (values: readonly string[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });
const errors = (...codes: number[]) => Object.fromEntries([400, 401, 403, ...codes].map((c) => [c, ProblemSchema]));

/** preValidation: 401/403 unless the actor may take one of the actions somewhere. */
export const somewhere = (...actions: Action[]) => async (request: FastifyRequest) => {
  if (!actions.some((a) => scopeOf(request.actor, a).some)) assertAllowedSomewhere(request.actor, actions[0]!);
};

const Execution = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    caseId: Type.String({ format: 'uuid' }),
    executingAuthorityId: Type.Union([Type.String(), Type.Null()], { description: 'Directory identifier; null for a body that does not use Palermo' }),
    executingName: Type.String(),
    bodyKind: enumOf(EXECUTING_BODY_KINDS, 'Kind of executing body'),
    state: enumOf(EXECUTION_STATES, 'State of the track'),
    stateSince: Type.String({ format: 'date-time' }),
    theirReference: Type.Union([Type.String(), Type.Null()]),
    measures: Type.Array(Type.String()),
    forwardedOn: Type.String(),
    dueOn: Type.Union([Type.String(), Type.Null()]),
    lastNewsOn: Type.Union([Type.String(), Type.Null()]),
    chasedOn: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    note: Type.String(),
    version: Type.Integer({ description: 'Give it back as `version` in a transition to refuse a stale one (409)' }),
    actions: Type.Array(Type.String(), { description: 'Transitions the caller may apply now' }),
    mayChase: Type.Boolean(),
  },
  { additionalProperties: true },
);
const Summary = Type.Object({ total: Type.Integer(), open: Type.Integer(), readyForResultsReview: Type.Boolean(), byState: Type.Record(Type.String(), Type.Integer()) });
const Deadline = Type.Object({
  id: Type.String({ format: 'uuid' }),
  caseId: Type.String({ format: 'uuid' }),
  executionId: Type.Union([Type.String(), Type.Null()]),
  kind: enumOf(DEADLINE_KINDS, 'partner, statutory, service_level, custom'),
  label: Type.String(),
  dueOn: Type.String(),
  metOn: Type.Union([Type.String(), Type.Null()]),
  status: enumOf(['met', 'overdue', 'due_soon', 'open'], 'Status today'),
});

const ForwardBody = Type.Object(
  {
    executingAuthorityId: Type.Optional(Type.Union([Text(120, 'Directory identifier of an authority of the same State'), Type.Null()])),
    executingName: Type.Optional(Type.Union([Text(300, 'Name of a body that does not use Palermo (when no identifier is given)'), Type.Null()])),
    bodyKind: Type.Optional(enumOf(EXECUTING_BODY_KINDS, 'Kind of body (default other)')),
    measures: Type.Optional(Type.Array(Text(80, 'Measure code'), { maxItems: 50 })),
    dueOn: Type.Optional(Type.Union([DateStr('Expected by'), Type.Null()])),
    note: Type.Optional(Text(5000, 'Instructions')),
  },
  { additionalProperties: false },
);
const TransitionBody = Type.Object(
  {
    transition: enumOf(TRACK_TRANSITIONS_NAMES, 'acknowledge, start, partly_execute, execute, unable (reason required), withdraw (the owner only, reason required)'),
    reason: Type.Optional(Type.Union([Text(2000, 'Why it could not be executed, or is withdrawn'), Type.Null()])),
    note: Type.Optional(Type.Union([Text(5000, 'Progress note'), Type.Null()])),
    theirReference: Type.Optional(Type.Union([Text(120, 'The executing authority’s own reference'), Type.Null()])),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read: a stale one is refused (409)' })),
  },
  { additionalProperties: false },
);
const DeadlineBody = Type.Object(
  {
    kind: enumOf(DEADLINE_KINDS, 'partner (default date: the case’s partner deadline), statutory (from startOn and the statutory period of the kind), service_level (from the service level of the case’s kind and state), custom'),
    label: Text(300, 'What is due'),
    dueOn: Type.Optional(DateStr('Due date; required for custom')),
    startOn: Type.Optional(DateStr('Start of a statutory period (default today)')),
    executionId: Type.Optional(Type.String({ maxLength: 100, description: 'A track of the case the deadline applies to' })),
  },
  { additionalProperties: false },
);

const route = (summary: string, description: string, extra: { params?: TSchema; body?: TSchema; querystring?: TSchema; response: Record<number, TSchema> }) => ({
  schema: { tags, summary, description, security, ...extra },
});

export const executionApi: RoutePlugin = async (app: App) => {
  const base = '/api/v1/casework';
  app.post(
    `${base}/cases/:id/executions`,
    { preValidation: somewhere('casework.edit'), ...route('Forward a request to an executing authority', 'casework.edit on the owning authority. The case moves to forwarded the first time; several executing authorities per case. 409 from a state that cannot be forwarded, or when the authority already has an open track.', { params: Id, body: ForwardBody, response: { 201: Type.Object({ execution: Execution, caseVersion: Type.Integer() }), ...errors(404, 409) } }) },
    async (request, reply) => reply.code(201).send(await forwardRequest(app.db, request.actor, idOf(request), request.body)),
  );
  app.get(
    `${base}/cases/:id/executions`,
    { preValidation: somewhere('casework.read', 'casework.execute'), ...route('Executing authorities of a request', 'The owner sees every track; an executing authority its own.', { params: Id, response: { 200: Type.Object({ executions: Type.Array(Execution), summary: Summary }), ...errors(404) } }) },
    async (request) => listExecutions(app.db, request.actor, idOf(request)),
  );
  app.get(
    `${base}/executions`,
    { preValidation: somewhere('casework.execute'), ...route('Tracks forwarded to my executing authorities', 'casework.execute. Open tracks, or all with all=true.', { querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }), response: { 200: Type.Object({ executions: Type.Array(Execution) }), ...errors() } }) },
    async (request) => ({ executions: await listMyTracks(app.db, request.actor, { open: !(request.query as { all?: boolean }).all }) }),
  );
  app.post(
    `${base}/executions/:id/transitions`,
    { preValidation: somewhere('casework.execute', 'casework.edit'), ...route('Record progress of an executing authority', 'casework.execute for the executing authority, or casework.edit for the owner (on behalf of a body without Palermo; withdraw is the owner’s alone). 409 lists the allowed transitions, or reports a stale version.', { params: Id, body: TransitionBody, response: { 200: Execution, ...errors(404, 409) } }) },
    async (request) => transitionExecution(app.db, request.actor, idOf(request), request.body),
  );
  app.post(
    `${base}/executions/:id/chases`,
    { preValidation: somewhere('casework.edit'), ...route('Record a chase of an executing authority', 'casework.edit on the owner. The next chase prompt counts from this date.', { params: Id, body: Type.Object({ date: Type.Optional(DateStr('When (default today)')), note: Type.Optional(Text(2000, 'Note')) }, { additionalProperties: false }), response: { 204: Type.Null(), ...errors(404, 409) } }) },
    async (request, reply) => {
      await recordChase(app.db, request.actor, idOf(request), request.body);
      return reply.code(204).send();
    },
  );
  app.post(
    `${base}/cases/:id/status-enquiries`,
    { preValidation: somewhere('casework.edit'), ...route('Record a status enquiry from the partner (UNTOC 18(24))', 'casework.edit on the owner.', { params: Id, body: Type.Object({ date: DateStr('Date of the enquiry'), channel: enumOf(CHANNELS, 'How it came'), note: Type.Optional(Text(2000, 'Note')) }, { additionalProperties: false }), response: { 204: Type.Null(), ...errors(404) } }) },
    async (request, reply) => {
      await recordStatusEnquiry(app.db, request.actor, idOf(request), request.body);
      return reply.code(204).send();
    },
  );
  app.get(
    `${base}/cases/:id/deadlines`,
    { preValidation: somewhere('casework.read', 'casework.execute'), ...route('Deadlines of a request', 'The owner sees all; an executing authority those of its own track.', { params: Id, response: { 200: Type.Object({ deadlines: Type.Array(Deadline) }), ...errors(404) } }) },
    async (request) => ({ deadlines: await listDeadlines(app.db, request.actor, idOf(request)) }),
  );
  app.post(
    `${base}/cases/:id/deadlines`,
    { preValidation: somewhere('casework.edit'), ...route('Set a deadline', 'casework.edit on the owner. Dates of partner, statutory and service-level deadlines are computed when not given (working days on the authority’s calendar).', { params: Id, body: DeadlineBody, response: { 201: Deadline, ...errors(404) } }) },
    async (request, reply) => reply.code(201).send(await setDeadline(app.db, request.actor, idOf(request), request.body)),
  );
  app.patch(
    `${base}/deadlines/:id`,
    { preValidation: somewhere('casework.edit'), ...route('Move a deadline', 'casework.edit on the owner. Reminders are owed again for the new date.', { params: Id, body: Type.Object({ dueOn: DateStr('New due date'), label: Type.Optional(Text(300, 'What is due')) }, { additionalProperties: false }), response: { 200: Deadline, ...errors(404) } }) },
    async (request) => changeDeadline(app.db, request.actor, idOf(request), request.body),
  );
  app.post(
    `${base}/deadlines/:id/met`,
    { preValidation: somewhere('casework.edit'), ...route('Record that a deadline was met', 'casework.edit on the owner.', { params: Id, body: Type.Optional(Type.Object({ metOn: Type.Optional(DateStr('When (default today)')) }, { additionalProperties: false })), response: { 200: Deadline, ...errors(404) } }) },
    async (request) => meetDeadline(app.db, request.actor, idOf(request), request.body ?? {}),
  );
  const Notification = Type.Object({ id: Type.String(), caseId: Type.String(), kind: Type.String(), createdAt: Type.String(), read: Type.Boolean(), caseReference: Type.Union([Type.String(), Type.Null()]), text: Type.String() });
  app.get(
    `${base}/notifications`,
    { preValidation: somewhere('casework.read'), ...route('My casework notifications', 'Reminders, overdue deadlines, chase prompts and forwarded requests, newest first, with the unread count. lang: the language of the texts.', { querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), lang: Type.Optional(enumOf(['ar', 'zh', 'en', 'fr', 'es', 'ru'], 'Language of the texts (default en)')) }), response: { 200: Type.Object({ unread: Type.Integer(), items: Type.Array(Notification) }), ...errors() } }) },
    async (request) => {
      const q = request.query as { unread?: boolean; lang?: 'en' };
      return listNotifications(app.db, request.actor, q.lang ?? 'en', { unreadOnly: q.unread ?? false });
    },
  );
  app.post(
    `${base}/notifications/read`,
    { preValidation: somewhere('casework.read'), ...route('Mark notifications read', 'ids: a list of notification ids, or "all".', { body: Type.Object({ ids: Type.Union([Type.Literal('all'), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 })]) }, { additionalProperties: false }), response: { 200: Type.Object({ marked: Type.Integer() }), ...errors() } }) },
    async (request) => ({ marked: await markRead(app.db, request.actor, (request.body as { ids: unknown }).ids) }),
  );
  await executionSettingsApi(app);
};
