/**
 * Traces through OpenTelemetry, for the operator: on only when an OTLP endpoint is configured
 * (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces); spans go to it
 * as OTLP/HTTP JSON in batches. Off, nothing is created and every helper here returns at once.
 *
 * Spans are made by hand with the API (no auto-instrumentation, nothing patched):
 * - one per HTTP request (http/request-tracing.ts): "GET /:lang/cases/:id", route pattern, method,
 *   status; a W3C traceparent of the incoming request is its parent;
 * - one per database query inside another span (recordQuery, from the Kysely log hook): statement
 *   kind and table name only. Never the statement's text or its parameters: case data is sensitive;
 * - one per job run (jobs/queue.ts) and per search (inSpan from the search module).
 * Errors mark a span as failed with the error's class, never its message (which may quote values).
 *
 * Tracing is process-wide (the API's global provider and context): one startTracing per process.
 */
import { context, propagation, trace, SpanKind, SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export { SpanKind };

export interface Tracing {
  /** Send the spans still buffered. */
  flush(): Promise<void>;
  /** Send what is buffered and stop tracing in this process. */
  shutdown(): Promise<void>;
}

let provider: NodeTracerProvider | undefined;

/** Is a tracer running in this process? */
export function tracingOn(): boolean {
  return provider !== undefined;
}

/** Start sending spans to `url` (the full OTLP/HTTP traces URL). Headers come from OTEL_EXPORTER_OTLP_HEADERS, read by the exporter. */
export function startTracing(options: { url: string; serviceName: string; serviceVersion?: string }): Tracing {
  if (provider) throw new Error('tracing is already started in this process');
  const started = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, ...(options.serviceVersion ? { 'service.version': options.serviceVersion } : {}) }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: options.url }))],
  });
  // traceparent/tracestate only: no baggage, whose values would be copied from the caller.
  started.register({ propagator: new W3CTraceContextPropagator() });
  provider = started;
  let stopped: Promise<void> | undefined;
  return {
    flush: () => started.forceFlush(),
    shutdown() {
      stopped ??= started.shutdown().finally(() => {
        trace.disable();
        context.disable();
        propagation.disable();
        if (provider === started) provider = undefined;
      });
      return stopped;
    },
  };
}

const tracer = () => trace.getTracer('palermo');

/** Mark a span failed with the error's class (never its message). */
export function failSpan(span: Span, err: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', err instanceof Error ? err.constructor.name : typeof err);
}

/** Run `fn` in a span of its own (a child of the current one), or just run it when tracing is off. */
export async function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  if (!provider) return fn();
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn();
    } catch (err) {
      failSpan(span, err);
      throw err;
    } finally {
      span.end();
    }
  });
}

const KINDS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'MERGE', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'SET', 'SHOW', 'LOCK', 'COPY', 'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'ANALYZE', 'VACUUM', 'NOTIFY', 'LISTEN', 'COMMENT', 'GRANT']);
const IDENT = String.raw`((?:"[^"]{1,63}"|[A-Za-z_][A-Za-z0-9_$]{0,62})(?:\.(?:"[^"]{1,63}"|[A-Za-z_][A-Za-z0-9_$]{0,62}))?)`;
const TABLE_AFTER: Record<string, RegExp> = {
  SELECT: new RegExp(String.raw`\bfrom\s+` + IDENT, 'i'),
  WITH: new RegExp(String.raw`\bfrom\s+` + IDENT, 'i'),
  DELETE: new RegExp(String.raw`\bfrom\s+` + IDENT, 'i'),
  INSERT: new RegExp(String.raw`\binto\s+` + IDENT, 'i'),
  UPDATE: new RegExp(String.raw`^\s*update\s+(?:only\s+)?` + IDENT, 'i'),
  COPY: new RegExp(String.raw`^\s*copy\s+` + IDENT, 'i'),
};

/**
 * The statement kind and first table of a statement, from its text: keywords and identifiers only.
 * String literals are blanked first, so a value written into the text can never be taken for a name.
 */
export function describeStatement(text: string): { operation: string; table?: string } {
  const bare = text.replace(/'(?:[^']|'')*'/g, "''").replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  const first = /^\s*\(?\s*([A-Za-z]+)/.exec(bare)?.[1]?.toUpperCase() ?? '';
  const operation = KINDS.has(first) ? first : 'OTHER';
  const match = TABLE_AFTER[operation]?.exec(bare)?.[1];
  const table = match?.replace(/"/g, '');
  return table && !/^(select|lateral|unnest|generate_series)$/i.test(table) ? { operation, table } : { operation };
}

/** A span for a query that just ran (`seconds` long), under the current span; nothing outside one or when off. */
export function recordQuery(seconds: number, failed: boolean, text: string): void {
  if (!provider) return;
  const active = context.active();
  if (!trace.getSpan(active)) return; // the queue's polling and other background reads: no trace to join
  const { operation, table } = describeStatement(text);
  const end = Date.now();
  const span = tracer().startSpan(
    table ? `${operation} ${table}` : operation,
    {
      kind: SpanKind.CLIENT,
      startTime: end - seconds * 1000,
      attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, ...(table ? { 'db.collection.name': table } : {}) },
    },
    active,
  );
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
}
