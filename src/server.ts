import type { Config } from './config.js';
import { pdfBrowser } from './platform/pdf/chromium.js';
import { buildApp, type App, type AppOptions } from './platform/http/app.js';
import { pendingMigrations } from './platform/db/migrate.js';
import type { Logger } from './platform/log.js';
import { renderErrorPage } from './platform/web/error-page.js';
import { rootRedirect } from './platform/web/routes.js';
import { modules } from './modules/index.js';
import type { Runtime } from './runtime.js';
import { createMetrics, startMetricsServer, type Metrics } from './platform/metrics.js';
import { controlSocketPath, startControlSocket, type ControlServer } from './platform/control.js';
import { runBackup } from './modules/operations/index.js';
import { OPENAPI_SCHEMAS } from './modules/knowledge/index.js';
import { recordQuery, startTracing, tracingOn, type Tracing } from './platform/tracing.js';

/** Build the HTTP application over an open runtime (used by `serve` and by the tests). */
export async function createApp(runtime: Runtime, options: Pick<AppOptions, 'rateLimitStore' | 'metrics'> = {}): Promise<App> {
  const metrics = options.metrics ?? (runtime.config.metricsToken ? createRuntimeMetrics(runtime) : undefined);
  if (tracingOn()) runtime.database.observeQueries?.(recordQuery);
  return buildApp({
    ...options,
    metrics,
    config: runtime.config,
    db: runtime.db,
    logger: runtime.logger,
    renderErrorPage,
    plugins: [rootRedirect, ...modules.flatMap((m) => m.routes ?? [])],
    openApiSchemas: OPENAPI_SCHEMAS,
    ready: async () => {
      const pending = await pendingMigrations(runtime.db);
      return pending.length ? { ok: false, detail: `pending migrations: ${pending.join(', ')}` } : { ok: true, detail: 'database reachable, migrations applied' };
    },
  });
}

/** Metrics of this node: its pool, database handle and job queue (platform/metrics.ts). */
export function createRuntimeMetrics(runtime: Runtime): Metrics {
  const metrics = createMetrics({ pool: runtime.database.pool, db: runtime.db });
  runtime.database.observeQueries?.((seconds, failed) => metrics.observeQuery(seconds, failed));
  return metrics;
}

export interface RunningServer {
  app: App;
  url: string;
  /** Stop accepting requests, finish in-flight ones, then close the database cleanly. */
  close(): Promise<void>;
}

export async function listen(runtime: Runtime, config: Config, logger: Logger): Promise<RunningServer> {
  // Before the app is built: its request hooks and the query spans are only installed when tracing is on.
  let tracing: Tracing | undefined;
  if (config.otlpTracesUrl && !tracingOn()) {
    tracing = startTracing({ url: config.otlpTracesUrl, serviceName: config.otelServiceName });
    logger.info({ url: config.otlpTracesUrl }, 'traces sent to OTLP endpoint');
  }
  const metrics = config.metricsToken || config.metricsPort ? createRuntimeMetrics(runtime) : undefined;
  const app = await createApp(runtime, { metrics });
  const address = await app.listen({ port: config.port, host: config.host });
  const metricsServer = metrics && config.metricsPort ? await startMetricsServer(metrics, config.metricsPort, logger) : undefined;
  if (metricsServer) logger.info({ url: metricsServer.url }, 'metrics served on localhost');
  await runtime.jobs.startWorkers();
  // On the embedded database no other process may open DATA_DIR: `palermo backup` asks this one.
  let control: ControlServer | undefined;
  if (runtime.database.mode === 'embedded') {
    const handlers = {
      backup: (args: Record<string, unknown>) =>
        runBackup(runtime, {
          file: typeof args.file === 'string' ? args.file : undefined,
          keyFile: args.keyFile === null ? null : typeof args.keyFile === 'string' ? args.keyFile : undefined,
          trigger: 'command' as const,
        }),
    };
    // Not fatal: a DATA_DIR path too long for a Unix socket (about 100 bytes) only loses `palermo backup` while serving.
    control = await startControlSocket(controlSocketPath(config.dataDir), handlers, logger).catch((err: unknown) => {
      logger.warn({ err }, 'no control socket: `palermo backup` cannot reach this server (scheduled backups still run)');
      return undefined;
    });
  }
  logger.info({ address, database: runtime.database.mode }, `Palermo is serving on ${address}`);
  let closing: Promise<void> | undefined;
  return {
    app,
    url: address,
    close() {
      closing ??= (async () => {
        await app.close();
        await metricsServer?.close();
        await control?.close();
        await runtime.jobs.stopWorkers();
        await pdfBrowser.close(); // again: a job may have printed after the app closed
        await runtime.database.close();
        await tracing?.shutdown().catch((err: unknown) => logger.warn({ err }, 'could not send the last traces'));
      })();
      return closing;
    },
  };
}
