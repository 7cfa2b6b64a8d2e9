import crypto from 'node:crypto';
import { pdfBrowser } from '../pdf/chromium.js';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { Kysely } from 'kysely';
import type { Config, TrustProxy } from '../../config.js';
import { generationScope } from '../db/generations.js';
import type { DB } from '../db/schema.js';
import type { Logger } from '../log.js';
import { classifyError, sendProblem } from './problem.js';
import { getAsset } from './assets.js';
import { NotFoundError } from './errors.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { metricsTokenMatches, type Metrics } from '../metrics.js';
import { tracingOn } from '../tracing.js';
import { traceRequests } from './request-tracing.js';
import { finishOpenApi } from './openapi.js';
import { registerPublicReads } from './public-reads.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;
export type RoutePlugin = (app: App) => Promise<void>;

const GLOBAL = Symbol('palermo.global-plugin');

/**
 * Mark a plugin whose hooks and decorators apply to every route of the application, not only to its
 * own (Fastify's skip-override), e.g. the accounts module's session, actor and CSRF hooks.
 * Such a plugin must be listed before the modules whose routes it guards.
 */
export function globalPlugin(plugin: RoutePlugin): RoutePlugin {
  return Object.assign(plugin, { [GLOBAL]: true });
}

/** Renders HTML error pages for non-API routes; provided by the web layer. */
export type ErrorPageRenderer = (
  request: import('fastify').FastifyRequest,
  reply: import('fastify').FastifyReply,
  status: number,
  message: string,
) => unknown;

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>;
    config: Config;
  }
}

export interface AppOptions {
  config: Config;
  db: Kysely<DB>;
  logger: Logger;
  /** Plugins of the modules, registered in order. */
  plugins: RoutePlugin[];
  renderErrorPage?: ErrorPageRenderer;
  /** Called by /readyz; resolves when the database is reachable and migrated. */
  ready: () => Promise<{ ok: boolean; detail: string }>;
  /**
   * Where request rate limits are counted: "database" (default; shared by every app node) or
   * "memory" (this process only; bench/nodes.bench.ts measures the difference with it).
   */
  rateLimitStore?: 'database' | 'memory';
  /** Prometheus metrics (platform/metrics.ts): requests are recorded; GET /metrics is served when METRICS_TOKEN is set. */
  metrics?: Metrics;
  /** Schemas of the modules published as reusable OpenAPI components (openapi.ts). */
  openApiSchemas?: Record<string, unknown>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isApiRequest(url: string): boolean {
  return url.startsWith('/api/') || url === '/healthz' || url === '/readyz';
}

/**
 * Fastify's trustProxy from TRUST_PROXY. A number of hops trusts the socket peer and the entries
 * the next proxies appended (the client is the address the outermost trusted proxy added, never
 * one the client wrote itself); Fastify's own numeric option trusts no hop at all.
 */
export function trustProxyOption(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false || trust === 0) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

const GENERATIONS = Symbol('palermo.generation-reads');

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: false } },
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', options.db);
  app.decorate('config', config);
  // First, so every later hook and the handler run inside the request's span.
  if (tracingOn()) traceRequests(app);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Cached data is checked against its generation in the database once per request (generations.ts):
  // the request's hooks and handler run in one scope (entered again after the body is read).
  app.addHook('onRequest', (request, _reply, done) => {
    const reads = new Map();
    (request as unknown as Record<symbol, unknown>)[GENERATIONS] = reads;
    generationScope(() => done(), reads);
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const reads = (request as unknown as Record<symbol, Map<object, never> | undefined>)[GENERATIONS];
    generationScope(() => done(), reads ?? new Map());
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // Browsers then send the real Origin on same-site form posts (checked against CSRF) and nothing to other sites.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.publicUrl.startsWith('https://') ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  registerPublicReads(app as unknown as FastifyInstance);
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Counted in the database: every app node sees the same counts.
    ...(options.rateLimitStore === 'memory' ? {} : { store: databaseRateLimitStore(options.db, options.logger) }),
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' || req.url.startsWith('/assets/'),
    errorResponseBuilder: (_req, ctx) => Object.assign(new Error(`Rate limit exceeded: ${ctx.max} requests per minute; retry in ${Math.ceil(ctx.ttl / 1000)} s`), { statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Palermo API',
        version: '1',
        description:
          'Open API of Palermo: the knowledge portal (legislation, case law, treaties, strategies), reference data and bulk export. Errors are application/problem+json (RFC 9457).',
        license: { name: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token (plm_...) created at /{lang}/account/tokens, restricted to its scopes' },
        },
      },
    },
    transform: ({ schema, url }) => {
      const s = { ...(schema ?? {}) } as Record<string, unknown>;
      if (!url.startsWith('/api/')) s.hide = true;
      return { schema: s as never, url };
    },
  });

  app.setErrorHandler((error, request, reply) => {
    const p = classifyError(error);
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: p.status, code: p.code, detail: p.message }, 'request rejected');
    if (p.status === 429) reply.header('retry-after', String((error as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60));
    if (!isApiRequest(request.url) && options.renderErrorPage) {
      return options.renderErrorPage(request, reply.code(p.status), p.status, p.message);
    }
    return sendProblem(request, reply, p);
  });
  app.setNotFoundHandler((request, reply) => {
    const message = `No page at ${request.method} ${request.url.split('?')[0]}`;
    if (!isApiRequest(request.url) && options.renderErrorPage) {
      return options.renderErrorPage(request, reply.code(404), 404, message);
    }
    return sendProblem(request, reply, { status: 404, code: 'not-found', message });
  });

  app.get('/assets/:name', { schema: { hide: true, params: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } }, async (request, reply) => {
    const { name } = request.params as { name: string };
    const asset = getAsset(name);
    if (!asset) throw new NotFoundError(`No asset ${name}`);
    const versioned = typeof (request.query as Record<string, unknown>).v === 'string';
    reply.header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    reply.header('etag', `"${asset.hash}"`);
    if (request.headers['if-none-match'] === `"${asset.hash}"`) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  });

  // The process's PDF browser (platform/pdf) goes with the app: no Chromium outlives the server.
  app.addHook('onClose', async () => pdfBrowser.close());

  const metrics = options.metrics;
  if (metrics) {
    app.addHook('onClose', async () => metrics.close());
    // The route pattern, never the raw URL: a bounded number of series (unmatched requests share one).
    app.addHook('onResponse', async (request, reply) => {
      metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    });
    const token = config.metricsToken;
    if (token) {
      app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
        if (!metricsTokenMatches(request.headers.authorization, token)) {
          return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need the METRICS_TOKEN as a Bearer token\n');
        }
        return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
      });
    }
  }

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const r = await options.ready().catch((err: unknown) => ({ ok: false, detail: String(err) }));
    return reply.code(r.ok ? 200 : 503).send({ status: r.ok ? 'ready' : 'not-ready', detail: r.detail });
  });
  let openApi: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => (openApi ??= finishOpenApi(app.swagger(), options.openApiSchemas)));

  for (const plugin of options.plugins) {
    const wrapped = async (child: FastifyInstance) => plugin(child as unknown as App);
    if (GLOBAL in plugin) Object.assign(wrapped, { [Symbol.for('skip-override')]: true });
    await app.register(wrapped);
  }
  return app;
}
