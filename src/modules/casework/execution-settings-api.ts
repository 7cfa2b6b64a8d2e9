/** The API of a supervisor's casework settings: calendar and periods, service levels, deputies (casework.supervise, audited). */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { auditContext } from '../audit/index.js';
import { CASE_KINDS } from './domain/vocabulary.js';
import { somewhere } from './execution-api.js';
import { addDeputy, getCaseworkSettings, removeDeputy, removeServiceLevel, saveCaseworkSettings, setServiceLevel } from './settings-service.js';

const security = [{ bearerAuth: [] }];
type P = { authorityId: string; id: string; kind: string; state: string };
const params = (r: FastifyRequest) => r.params as P;
const tags = ['casework'];
const errors = (...codes: number[]) => Object.fromEntries([400, 401, 403, ...codes].map((c) => [c, ProblemSchema]));
const Authority = Type.Object({ authorityId: Type.String({ maxLength: 120 }) });
const DateStr = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });

const Settings = Type.Object({
  holidays: Type.Array(DateStr, { maxItems: 1000, description: 'Public holidays' }),
  workingDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, description: 'ISO weekdays, 1 Monday .. 7 Sunday' }),
  chaseAfterDays: Type.Integer({ minimum: 1, maximum: 365 }),
  remindDaysBefore: Type.Integer({ minimum: 0, maximum: 60 }),
  statutoryDays: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 1, maximum: 3650 }), { description: 'Statutory periods in days per kind of request, e.g. {"provisional_arrest": 60}' })),
});

export async function executionSettingsApi(app: App): Promise<void> {
  const base = '/api/v1/casework/authorities/:authorityId';
  const opts = (summary: string, extra: object) => ({ preValidation: somewhere('casework.supervise'), schema: { tags, summary, description: `casework.supervise for the authority; audited. ${summary}.`, security, ...extra } });
  app.get(`${base}/settings`, opts('Casework settings of an authority', { params: Authority, response: { ...errors(404) } }), async (request) => {
    const s = await getCaseworkSettings(app.db, request.actor, params(request).authorityId);
    return { ...s, staff: s.staff };
  });
  app.put(`${base}/settings`, opts('Save the calendar, reminder and chase periods, statutory periods', { params: Authority, body: Settings, response: { 204: Type.Null(), ...errors(404) } }), async (request, reply) => {
    await saveCaseworkSettings(app.db, auditContext(request), params(request).authorityId, request.body);
    return reply.code(204).send();
  });
  const Level = Type.Object({ authorityId: Type.String({ maxLength: 120 }), kind: Type.Union(CASE_KINDS.map((k) => Type.Literal(k))), state: Type.String({ maxLength: 40 }) });
  app.put(`${base}/service-levels/:kind/:state`, opts('Set a service level: a case of this kind leaves this state within so many days', { params: Level, body: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 3650 }), workingDays: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), response: { 204: Type.Null(), ...errors(404) } }), async (request, reply) => {
    const p = params(request);
    await setServiceLevel(app.db, auditContext(request), p.authorityId, { ...(request.body as object), kind: p.kind, state: p.state });
    return reply.code(204).send();
  });
  app.delete(`${base}/service-levels/:kind/:state`, opts('Remove a service level', { params: Level, response: { 204: Type.Null(), ...errors(404) } }), async (request, reply) => {
    await removeServiceLevel(app.db, auditContext(request), params(request).authorityId, params(request).kind, params(request).state);
    return reply.code(204).send();
  });
  app.post(`${base}/deputies`, opts('Name a deputy for an officer’s absence', { params: Authority, body: Type.Object({ userId: Type.String({ maxLength: 100 }), deputyId: Type.String({ maxLength: 100 }), from: DateStr, until: DateStr }, { additionalProperties: false }), response: { 201: Type.Object({ id: Type.String() }), ...errors(404) } }), async (request, reply) =>
    reply.code(201).send(await addDeputy(app.db, auditContext(request), params(request).authorityId, request.body)),
  );
  app.delete(`${base}/deputies/:id`, opts('Remove a deputy', { params: Type.Object({ authorityId: Type.String({ maxLength: 120 }), id: Type.String({ maxLength: 100 }) }), response: { 204: Type.Null(), ...errors(404) } }), async (request, reply) => {
    await removeDeputy(app.db, auditContext(request), params(request).authorityId, params(request).id);
    return reply.code(204).send();
  });
}
