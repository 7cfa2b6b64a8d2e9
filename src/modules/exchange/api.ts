/**
 * HTTP of the exchange: the node descriptor (/.well-known/palermo/node.json), the inbox partner nodes
 * deliver to (no session: the message proves its sender), and the API of administrators (keys,
 * partners) and of authorities' staff (send, answer, status and evidence of a case's messages).
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { auditContext } from '../audit/index.js';
import { caseExchange, evidenceFile } from './evidence-service.js';
import { isConfigured } from './env.js';
import { listOwnKeys, nodeDescriptor, revokeOwnKey, rotateKey } from './identity-service.js';
import { MAX_MESSAGE_CHARS, receiveMessage } from './inbox-service.js';
import { sendReply, sendRequest } from './send-service.js';
import { noteRetrieval, receiveEvidence } from './retrieval-service.js';
import { receiveChunk } from './chunk-service.js';
import { CHUNK_BYTES } from './domain/chunks.js';

/** A chunk's JWE: its bytes base64url twice (JWS, then JWE) and the headers. */
const MAX_CHUNK_CHARS = Math.ceil(CHUNK_BYTES * 1.8) + 16_384;
import { ANSWER_KINDS } from './domain/kinds.js';
import { addPartner, confirmPartner, getPartner, listPartners, revokePartner, revokePartnerKey, sendablePartners } from './trust-service.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { assertAllowedSomewhere } from '../access/index.js';

const security = [{ bearerAuth: [] }];
const tags = ['exchange'];
const errors = (...codes: number[]) => Object.fromEntries([400, 401, 403, ...codes].map((c) => [c, ProblemSchema]));
const Id = Type.Object({ id: Type.String({ maxLength: 100 }) });
const idOf = (r: FastifyRequest) => (r.params as { id: string }).id;
const Any = Type.Any();

export async function exchangeApi(app: App): Promise<void> {
  app.get('/.well-known/palermo/node.json', { schema: { tags, summary: 'This node\'s descriptor: id, name, State, public keys (JWKS), endpoints', operationId: 'exchangeNodeDescriptor', response: { 200: Any, ...errors(404) } } }, async (_request, reply) => {
    if (!isConfigured(app.config)) throw new NotFoundError('The exchange is not configured on this node');
    return reply.header('cache-control', 'public, max-age=300').send(await nodeDescriptor(app.db, app.config));
  });

  app.post(
    '/api/v1/exchange/inbox',
    {
      bodyLimit: MAX_MESSAGE_CHARS + 1024,
      schema: {
        tags,
        summary: 'Deliver a message from a partner node (JWE of a JWS; answers with this node\'s signed Delivery evidence), or return evidence about a message this node sent (Retrieval, a JWS)',
        operationId: 'exchangeInbox',
        body: Type.Object({ message: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_MESSAGE_CHARS })), evidence: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })), chunk: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_CHUNK_CHARS })) }),
        response: {
          200: Type.Union([
            Type.Object({ messageId: Type.String(), evidence: Type.String(), duplicate: Type.Boolean() }),
            Type.Object({ messageId: Type.String(), event: Type.String() }),
            Type.Object({ messageId: Type.String(), document: Type.Integer(), seq: Type.Integer(), sha256: Type.String() }),
          ]),
          ...errors(409, 413),
        },
      },
    },
    async (request) => {
      const b = request.body as { message?: string; evidence?: string; chunk?: string };
      if (b.message === undefined && b.chunk !== undefined) return receiveChunk(app.db, app.config, b.chunk);
      return b.evidence !== undefined && b.message === undefined ? receiveEvidence(app.db, b.evidence) : receiveMessage(app.db, app.config, b);
    },
  );

  const admin = (summary: string, extra: object = {}) => ({ schema: { tags, summary, description: `exchange.manage; audited. ${summary}.`, security, ...extra } });
  app.get('/api/v1/exchange/keys', admin('This node\'s keys (active, retired, revoked)', { operationId: 'exchangeOwnKeys', response: { 200: Any, ...errors() } }), async (request) => {
    assertAllowedSomewhere(request.actor, 'exchange.manage');
    return { keys: await listOwnKeys(app.db) };
  });
  app.post('/api/v1/exchange/keys/rotate', admin('Replace the active signing or encryption key; the old one stays published as retired', { operationId: 'exchangeRotateKey', body: Type.Object({ use: Type.Union([Type.Literal('sig'), Type.Literal('enc')]) }), response: { 200: Type.Object({ kid: Type.String() }), ...errors() } }), async (request) => ({
    kid: await rotateKey(app.db, app.config, auditContext(request), (request.body as { use: 'sig' | 'enc' }).use),
  }));
  app.post('/api/v1/exchange/keys/:id/revoke', admin('Revoke one of this node\'s keys', { operationId: 'exchangeRevokeOwnKey', params: Id, response: { 204: Type.Null(), ...errors(404) } }), async (request, reply) => {
    await revokeOwnKey(app.db, auditContext(request), idOf(request));
    return reply.code(204).send();
  });
  app.get('/api/v1/exchange/partners', admin('Partner nodes with their keys and fingerprints', { operationId: 'exchangeListPartners', response: { 200: Any, ...errors() } }), async (request) => ({ partners: await listPartners(app.db, auditContext(request)) }));
  app.post(
    '/api/v1/exchange/partners',
    admin('Add a partner node by its descriptor (URL or the JSON itself); its keys wait for confirmation', { operationId: 'exchangeAddPartner', body: Type.Object({ url: Type.Optional(Type.String({ maxLength: 2000 })), descriptor: Type.Optional(Any) }), response: { 201: Any, ...errors() } }),
    async (request, reply) => reply.code(201).send(await addPartner(app.db, app.config, auditContext(request), request.body as { url?: string; descriptor?: unknown })),
  );
  app.get('/api/v1/exchange/partners/:id', admin('A partner node', { operationId: 'exchangeGetPartner', params: Id, response: { 200: Any, ...errors(404) } }), async (request) => getPartner(app.db, auditContext(request), idOf(request)));
  app.post(
    '/api/v1/exchange/partners/:id/confirm',
    admin('Confirm the fingerprints of a partner\'s keys, checked out of band', { operationId: 'exchangeConfirmPartner', params: Id, body: Type.Object({ fingerprints: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 50 }) }), response: { 200: Any, ...errors(404, 409) } }),
    async (request) => confirmPartner(app.db, auditContext(request), idOf(request), (request.body as { fingerprints: string[] }).fingerprints),
  );
  app.post(
    '/api/v1/exchange/partners/:id/keys/:kid/revoke',
    admin('Revoke a partner\'s key: nothing signed with it is accepted', { operationId: 'exchangeRevokePartnerKey', params: Type.Object({ id: Type.String({ maxLength: 100 }), kid: Type.String({ maxLength: 100 }) }), response: { 200: Any, ...errors(404) } }),
    async (request) => revokePartnerKey(app.db, auditContext(request), idOf(request), (request.params as { kid: string }).kid),
  );
  app.post('/api/v1/exchange/partners/:id/revoke', admin('Stop trusting a partner node', { operationId: 'exchangeRevokePartner', params: Id, response: { 200: Any, ...errors(404) } }), async (request) => revokePartner(app.db, auditContext(request), idOf(request)));

  const staff = (summary: string, action: string, extra: object) => ({ schema: { tags, summary, description: `${action} on the case's authority. ${summary}.`, security, ...extra } });
  app.get('/api/v1/exchange/destinations', staff('Partner nodes a request may be sent to', 'exchange.send', { operationId: 'exchangeDestinations', response: { 200: Any, ...errors() } }), async (request) => {
    assertAllowedSomewhere(request.actor, 'exchange.send');
    return { partners: await sendablePartners(app.db) };
  });
  app.post(
    '/api/v1/exchange/cases/:id/send',
    staff('Send an approved outgoing request with its documents to a partner node', 'exchange.send and casework.send', { operationId: 'exchangeSendRequest', params: Id, body: Type.Object({ partnerId: Type.String({ maxLength: 100 }) }), response: { 202: Type.Object({ messageId: Type.String() }), ...errors(404, 409) } }),
    async (request, reply) => reply.code(202).send(await sendRequest(app.db, app.config, auditContext(request), idOf(request), (request.body as { partnerId: string }).partnerId)),
  );
  const Doc = Type.Object({ filename: Type.String({ minLength: 1, maxLength: 255 }), mediaType: Type.Optional(Type.String({ maxLength: 200 })), title: Type.Optional(Type.String({ maxLength: 300 })), data: Type.String({ maxLength: 70 * 1024 * 1024, description: 'base64' }) });
  app.post(
    '/api/v1/exchange/cases/:id/reply',
    {
      bodyLimit: MAX_MESSAGE_CHARS,
      ...staff('Send a message about a case exchanged with a partner: from the requested side acknowledgement, information_request, status_answer, partial_result, result, refusal (grounds), postponement (until); from the requesting side additional_information, status_enquiry, withdrawal (docs/EXCHANGE.md)', 'exchange.correspond, or exchange.send for result, refusal, postponement and withdrawal, and casework.send', {
        operationId: 'exchangeReply',
        params: Id,
        body: Type.Object({
          kind: Type.Union(ANSWER_KINDS.map((k) => Type.Literal(k))),
          text: Type.Optional(Type.String({ maxLength: 100_000 })),
          grounds: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20, description: 'refusal grounds (casework\'s list, UNTOC art. 18(21))' })),
          until: Type.Optional(Type.String({ maxLength: 10, description: 'postponed until (YYYY-MM-DD)' })),
          partnerId: Type.Optional(Type.String({ maxLength: 100, description: 'the partner, when the request went to several' })),
          documents: Type.Optional(Type.Array(Doc, { maxItems: 20 })),
        }),
        response: { 202: Type.Object({ messageId: Type.String() }), ...errors(404, 409) },
      }),
    },
    async (request, reply) => reply.code(202).send(await sendReply(app.db, app.config, auditContext(request), idOf(request), request.body as never)),
  );
  app.get('/api/v1/exchange/cases/:id', staff('Messages of a case with their state and evidence (sent, delivered, when)', 'exchange.read', { operationId: 'exchangeCaseStatus', params: Id, response: { 200: Any, ...errors(404) } }), async (request) => {
    assertAllowedSomewhere(request.actor, 'exchange.read');
    await noteRetrieval(app.db, app.config, request.actor, idOf(request));
    return { messages: await caseExchange(app.db, request.actor, idOf(request)) };
  });
  app.get('/api/v1/exchange/evidence/:id', staff('One piece of signed evidence (JWS compact), for `palermo exchange verify`', 'exchange.read', { operationId: 'exchangeEvidence', params: Id, response: { 200: Type.String(), ...errors(404) } }), async (request, reply) => {
    const e = await evidenceFile(app.db, request.actor, idOf(request));
    return reply
      .header('content-type', 'application/jose; charset=utf-8')
      .header('content-disposition', `attachment; filename="evidence-${e.messageId}-${e.event}.jws"`)
      .send(e.jws);
  });
}
