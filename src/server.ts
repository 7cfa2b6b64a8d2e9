import type { Config } from './config.js';
import { buildApp, type App, type AppOptions } from './platform/http/app.js';
import { pendingMigrations } from './platform/db/migrate.js';
import type { Logger } from './platform/log.js';
import { renderErrorPage } from './platform/web/error-page.js';
import { rootRedirect } from './platform/web/routes.js';
import { modules } from './modules/index.js';
import type { Runtime } from './runtime.js';
import { controlSocketPath, startControlSocket, type ControlServer } from './platform/control.js';
import { runBackup } from './modules/operations/index.js';

/** Build the HTTP application over an open runtime (used by `serve` and by the tests). */
export async function createApp(runtime: Runtime, options: Pick<AppOptions, 'rateLimitStore'> = {}): Promise<App> {
  return buildApp({
    ...options,
    config: runtime.config,
    db: runtime.db,
    logger: runtime.logger,
    renderErrorPage,
    plugins: [rootRedirect, ...modules.flatMap((m) => m.routes ?? [])],
    ready: async () => {
      const pending = await pendingMigrations(runtime.db);
      return pending.length ? { ok: false, detail: `pending migrations: ${pending.join(', ')}` } : { ok: true, detail: 'database reachable, migrations applied' };
    },
  });
}

export interface RunningServer {
  app: App;
  url: string;
  /** Stop accepting requests, finish in-flight ones, then close the database cleanly. */
  close(): Promise<void>;
}

export async function listen(runtime: Runtime, config: Config, logger: Logger): Promise<RunningServer> {
  const app = await createApp(runtime);
  const address = await app.listen({ port: config.port, host: config.host });
  await runtime.jobs.startWorkers();
  // On the embedded database no other process may open DATA_DIR: `palermo backup` asks this one.
  let control: ControlServer | undefined;
  if (runtime.database.mode === 'embedded') {
    control = await startControlSocket(controlSocketPath(config.dataDir), {
      backup: (args) =>
        runBackup(runtime, {
          file: typeof args.file === 'string' ? args.file : undefined,
          keyFile: args.keyFile === null ? null : typeof args.keyFile === 'string' ? args.keyFile : undefined,
          trigger: 'command',
        }),
    }, logger);
  }
  logger.info({ address, database: runtime.database.mode }, `Palermo is serving on ${address}`);
  let closing: Promise<void> | undefined;
  return {
    app,
    url: address,
    close() {
      closing ??= (async () => {
        await app.close();
        await control?.close();
        await runtime.jobs.stopWorkers();
        await runtime.database.close();
      })();
      return closing;
    },
  };
}
