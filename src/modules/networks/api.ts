/**
 * The networks' API: public figures (JSON and CSV), and for a network's secretariat its log (JSON,
 * CSV) and logging a case. problem+json errors naming each field.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { auditContext } from '../audit/index.js';
import { breakdownCsv, csvLine, figuresCsv } from './domain/figures.js';
import { CaseInput } from './domain/inputs.js';
import { logCase, networkFigures, networkLog } from './service.js';
import { correctEntry, networkEntry } from './corrections-service.js';
import { CorrectionInput } from './domain/corrections.js';

const tags = ['networks'];
const problems = {
  400: { ...ProblemSchema, description: 'Invalid input (errors names each field)' },
  401: { ...ProblemSchema, description: 'Sign in or send a token' },
  403: { ...ProblemSchema, description: "Not the network's secretariat" },
};
const NetworkId = Type.Object({ id: Type.String({ description: 'Network identifier (casc, wacap, seajust)' }) });
const objectBody = (b: unknown): Record<string, unknown> => (b && typeof b === 'object' && !Array.isArray(b) ? { ...(b as Record<string, unknown>) } : {});
const CASE_COLUMNS = ['id', 'network_id', 'requesting_country', 'requested_country', 'kind', 'offence', 'facilitated_on', 'concluded_on', 'outcome'] as const;

export async function networksApi(app: App): Promise<void> {
  app.get(
    '/api/v1/networks/figures',
    { schema: { tags, operationId: 'getNetworkFigures', summary: 'Cases facilitated per year and network (public)', response: { 200: Type.Object({ networks: Type.Array(Type.Object({ id: Type.String(), acronym: Type.String(), name: Type.String(), region: Type.String() })), years: Type.Array(Type.Object({ year: Type.Integer(), total: Type.Integer(), by_network: Type.Record(Type.String(), Type.Integer()) })), total: Type.Integer() }) } } },
    async () => {
      const { figures, networks } = await networkFigures(app.db);
      return { networks, years: figures.years.map((y) => ({ year: y, total: figures.yearTotals[y] ?? 0, by_network: figures.cells[y] ?? {} })), total: figures.total };
    },
  );

  app.get('/api/v1/networks/figures/:file', { schema: { tags, operationId: 'getNetworkBreakdownCsv', summary: 'Cases per kind of cooperation (kind.csv) or per offence (offence.csv) and network, all years, as CSV (public)', params: Type.Object({ file: Type.Union([Type.Literal('kind.csv'), Type.Literal('offence.csv')]) }) } }, async (request, reply) => {
    const by = (request.params as { file: string }).file === 'kind.csv' ? 'kind' : 'offence';
    const f = await networkFigures(app.db);
    const acronyms = Object.fromEntries(f.networks.map((n) => [n.id, n.acronym]));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="network-figures-by-${by}.csv"`).send(breakdownCsv(by === 'kind' ? f.byKind : f.byOffence, by, acronyms));
  });

  app.get('/api/v1/networks/figures.csv', { schema: { tags, operationId: 'getNetworkFiguresCsv', summary: 'The figures as CSV: year, one column per network, total (public)' } }, async (_request, reply) => {
    const { figures, networks } = await networkFigures(app.db);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="network-figures.csv"').send(figuresCsv(figures, Object.fromEntries(networks.map((n) => [n.id, n.acronym]))));
  });

  app.get('/api/v1/networks/:id/cases', { schema: { tags, security: [{ bearerAuth: [] }], operationId: 'listNetworkCases', summary: "A network's case log (its secretariat)", params: NetworkId, response: { 200: Type.Object({ cases: Type.Array(Type.Record(Type.String(), Type.Unknown())) }), ...problems } } }, async (request, reply) => {
    const { cases } = await networkLog(app.db, request.actor, (request.params as { id: string }).id);
    reply.header('cache-control', 'private, no-store');
    return { cases: cases.map((c) => Object.fromEntries(CASE_COLUMNS.map((k) => [k, c[k]]))) };
  });

  app.get('/api/v1/networks/:id/cases.csv', { schema: { tags, security: [{ bearerAuth: [] }], operationId: 'exportNetworkCasesCsv', summary: "A network's case log as CSV (its secretariat)", params: NetworkId, response: problems } }, async (request, reply) => {
    const { network, cases } = await networkLog(app.db, request.actor, (request.params as { id: string }).id);
    const body = csvLine([...CASE_COLUMNS]) + cases.map((c) => csvLine(CASE_COLUMNS.map((k) => c[k]))).join('');
    return reply.type('text/csv; charset=utf-8').header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="${network.id}-cases.csv"`).send(body as never);
  });

  app.post('/api/v1/networks/:id/cases', { schema: { tags, security: [{ bearerAuth: [] }], operationId: 'logNetworkCase', summary: 'Log a case the network facilitated (its secretariat)', params: NetworkId, body: CaseInput, response: { 201: Type.Object({ id: Type.String() }), ...problems } }, attachValidation: true }, async (request, reply) => {
    const id = await logCase(app.db, auditContext(request), (request.params as { id: string }).id, objectBody(request.body));
    return reply.code(201).send({ id });
  });

  const EntryParams = Type.Object({ id: Type.String({ description: 'Network identifier' }), caseId: Type.String({ description: 'Identifier of the log entry' }) });
  app.get('/api/v1/networks/:id/cases/:caseId', { schema: { tags, security: [{ bearerAuth: [] }], operationId: 'getNetworkCase', summary: 'One entry of the log as corrected, with its history of corrections (its secretariat)', params: EntryParams, response: { 200: Type.Object({ case: Type.Record(Type.String(), Type.Unknown()), corrections: Type.Array(Type.Object({ seq: Type.Integer(), changes: Type.Record(Type.String(), Type.Object({ from: Type.Union([Type.String(), Type.Null()]), to: Type.Union([Type.String(), Type.Null()]) })), reason: Type.String(), corrected_by: Type.Union([Type.String(), Type.Null()]), corrected_at: Type.String({ format: 'date-time' }), hash: Type.String() })), chain_ok: Type.Boolean() }), ...problems } } }, async (request, reply) => {
    const { id, caseId } = request.params as { id: string; caseId: string };
    const v = await networkEntry(app.db, request.actor, id, caseId);
    reply.header('cache-control', 'private, no-store');
    return {
      case: Object.fromEntries(CASE_COLUMNS.map((k) => [k, v.entry[k]])),
      corrections: v.corrections.map((c) => ({ seq: c.seq, changes: c.changes, reason: c.reason, corrected_by: c.corrected_by_name, corrected_at: c.corrected_at.toISOString(), hash: c.hash })),
      chain_ok: v.chainOk,
    };
  });

  app.post('/api/v1/networks/:id/cases/:caseId/corrections', { schema: { tags, security: [{ bearerAuth: [] }], operationId: 'correctNetworkCase', summary: 'Correct an entry of the log (its secretariat): the fields given replace the logged ones, with a reason; kept in the entry\'s history', params: EntryParams, body: CorrectionInput, response: { 201: Type.Object({ seq: Type.Integer() }), ...problems } }, attachValidation: true }, async (request, reply) => {
    const { id, caseId } = request.params as { id: string; caseId: string };
    return reply.code(201).send({ seq: await correctEntry(app.db, auditContext(request), id, caseId, objectBody(request.body)) });
  });
}
