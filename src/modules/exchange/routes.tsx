/**
 * Pages of the exchange (no JavaScript needed): administrators' /{lang}/admin/exchange (keys, partners,
 * confirmation, revocation) and a case's /{lang}/exchange/cases/{id} (messages, evidence, send, answer).
 * Thin: each form calls the same service as the API, then redirects (303) or shows the page again with
 * the reason (4xx).
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { AppError } from '../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { assertAllowedSomewhere, scopeOf } from '../access/index.js';
import { auditContext } from '../audit/index.js';
import { refusalGroundChoices } from '../casework/index.js';
import { kindsFrom } from './domain/kinds.js';
import { isConfigured } from './env.js';
import { caseExchange } from './evidence-service.js';
import { noteRetrieval } from './retrieval-service.js';
import { listOwnKeys } from './identity-service.js';
import { ExchangeAdminPage } from './pages/admin.js';
import { CaseExchangePage } from './pages/case.js';
import { sendReply, sendRequest } from './send-service.js';
import { withReplyForm } from './reply-form.js';
import { addPartner, confirmPartner, listPartners, partnerNames, revokePartner, revokePartnerKey, sendablePartners } from './trust-service.js';

type Body = Record<string, string | string[] | undefined>;
const bodyOf = (r: FastifyRequest) => (r.body && typeof r.body === 'object' ? r.body : {}) as Body;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Run a form's action: 303 to `back` on success; the page again with the reason for a 4xx other than 401/403. */
async function form(reply: FastifyReply, back: string, action: () => Promise<unknown>, again: (problem: string, status: number) => Promise<FastifyReply>) {
  try {
    await action();
    return reply.redirect(back, 303);
  } catch (err) {
    if (err instanceof AppError && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 403) {
      const detail = err.issues?.length ? `${err.message}` : err.message;
      return again(detail, err.status);
    }
    throw err;
  }
}

export const exchangePages: RoutePlugin = pageRoutes(async (app: App) => {
  // The answer forms are multipart (an attachment; reply-form.ts): text up to 100,000 characters, a field per refusal ground.
  await app.register(multipart, { limits: { fileSize: app.config.caseworkMaxUploadMb * 1024 * 1024, files: 1, fields: 32, fieldSize: 512 * 1024, parts: 34, headerPairs: 50 } });
  const admin = async (request: FastifyRequest, reply: FastifyReply, problem: string | null = null, status = 200) => {
    const ctx = pageContext(request);
    const partners = await listPartners(app.db, auditContext(request));
    const data = { configured: isConfigured(app.config), nodeId: app.config.exchangeNodeId, ownKeys: await listOwnKeys(app.db), partners };
    reply.header('cache-control', 'private, no-store');
    return sendPage(reply, <ExchangeAdminPage ctx={ctx} data={data} problem={problem} />, status);
  };
  app.get('/admin/exchange', async (request, reply) => admin(request, reply));
  const adminBack = (r: FastifyRequest) => href(pageContext(r), '/admin/exchange');
  app.post('/admin/exchange/partners', async (request, reply) => {
    const b = bodyOf(request);
    const descriptor = one(b.descriptor)?.trim();
    return form(reply, adminBack(request), () => addPartner(app.db, app.config, auditContext(request), { url: one(b.url)?.trim() || undefined, descriptor: descriptor || undefined }), (p, s) => admin(request, reply, p, s));
  });
  app.post('/admin/exchange/partners/:id/confirm', async (request, reply) =>
    form(reply, adminBack(request), () => confirmPartner(app.db, auditContext(request), (request.params as { id: string }).id, list(bodyOf(request).fingerprints)), (p, s) => admin(request, reply, p, s)),
  );
  app.post('/admin/exchange/partners/:id/keys/:kid/revoke', async (request, reply) => {
    const { id, kid } = request.params as { id: string; kid: string };
    return form(reply, adminBack(request), () => revokePartnerKey(app.db, auditContext(request), id, kid), (p, s) => admin(request, reply, p, s));
  });
  app.post('/admin/exchange/partners/:id/revoke', async (request, reply) =>
    form(reply, adminBack(request), () => revokePartner(app.db, auditContext(request), (request.params as { id: string }).id), (p, s) => admin(request, reply, p, s)),
  );

  const casePage = async (request: FastifyRequest, reply: FastifyReply, problem: string | null = null, status = 200) => {
    const ctx = pageContext(request);
    const caseId = (request.params as { id: string }).id;
    await noteRetrieval(app.db, app.config, request.actor, caseId);
    const messages = await caseExchange(app.db, request.actor, caseId);
    const maySomewhere = scopeOf(request.actor, 'exchange.send').some;
    const data = {
      caseId,
      messages,
      partners: maySomewhere ? await sendablePartners(app.db) : [],
      partnerNames: await partnerNames(app.db),
      maySend: maySomewhere && !messages.some((m) => m.kind === 'request' && m.state !== 'rejected'),
      replyKinds: scopeOf(request.actor, 'exchange.correspond').some ? kindsFrom(messages.some((m) => m.kind === 'request' && m.direction === 'in') ? 'requested' : 'requesting').filter(() => messages.some((m) => m.kind === 'request' && m.state !== 'rejected')) : [],
      grounds: refusalGroundChoices(ctx.lang),
    };
    reply.header('cache-control', 'private, no-store');
    return sendPage(reply, <CaseExchangePage ctx={ctx} data={data} problem={problem} notice={ctx.query.sent === '1'} />, status);
  };
  app.get('/exchange/cases/:id', async (request, reply) => {
    assertAllowedSomewhere(request.actor, 'exchange.read');
    return casePage(request, reply);
  });
  const caseBack = (r: FastifyRequest) => href(pageContext(r), `/exchange/cases/${(r.params as { id: string }).id}`, { sent: 1 });
  app.post('/exchange/cases/:id/send', async (request, reply) =>
    form(reply, caseBack(request), () => sendRequest(app.db, app.config, auditContext(request), (request.params as { id: string }).id, one(bodyOf(request).partnerId)), (p, s) => casePage(request, reply, p, s)),
  );
  app.post('/exchange/cases/:id/reply', { config: { csrfInMultipart: true } }, async (request, reply) =>
    form(reply, caseBack(request), () => withReplyForm(app, request, (input) => sendReply(app.db, app.config, auditContext(request), (request.params as { id: string }).id, input)), (p, s) => casePage(request, reply, p, s)),
  );
});
