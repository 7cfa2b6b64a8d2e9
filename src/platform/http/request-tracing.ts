/**
 * One span per HTTP request when tracing is on (platform/tracing.ts): named "<METHOD> <route pattern>",
 * with the method, the route pattern (never the raw URL: identifiers stay out) and the status. A W3C
 * traceparent on the request makes it a child of the caller's span. The request's hooks and handler
 * run in the span's context (entered again after the body is read), so queries, searches and other
 * spans made while answering are its children. Probes and scrapes (/healthz, /readyz, /metrics) are not traced.
 */
import { context, propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

export function traceRequests(app: FastifyInstance): void {
  const spans = new WeakMap<FastifyRequest, { span: Span; ctx: Context }>();
  app.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (UNTRACED.has(route)) return done();
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = trace.getTracer('palermo').startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route, 'url.scheme': request.protocol } },
      parent,
    );
    const ctx = trace.setSpan(parent, span);
    spans.set(request, { span, ctx });
    context.with(ctx, done);
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const traced = spans.get(request);
    if (traced) context.with(traced.ctx, done);
    else done();
  });
  const end = (request: FastifyRequest, status?: number) => {
    const traced = spans.get(request);
    if (!traced) return;
    spans.delete(request);
    if (status !== undefined) traced.span.setAttribute('http.response.status_code', status);
    if (status === undefined || status >= 500) traced.span.setStatus({ code: SpanStatusCode.ERROR });
    traced.span.end();
  };
  app.addHook('onResponse', (request, reply, done) => {
    end(request, reply.statusCode);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    end(request);
    done();
  });
}
