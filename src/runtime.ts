import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import type { DB } from './platform/db/schema.js';
import { getSetting, setSetting } from './platform/db/settings.js';
import { JobQueue } from './platform/jobs/queue.js';
import type { Logger } from './platform/log.js';
import { modules } from './modules/index.js';

/** An open, migrated database with the reference data in place, plus config and logger. */
export interface Runtime {
  config: Config;
  logger: Logger;
  database: Database;
  db: Kysely<DB>;
  /** The job queue: installed and its queues created; workers run only where startWorkers() was called (serve). */
  jobs: JobQueue<Runtime>;
}

export interface OpenRuntimeOptions {
  /** Run first-start work (demo corpus) when this installation has never started; only `serve` does. */
  firstStart?: boolean;
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
}

export async function openRuntime(config: Config, logger: Logger, options: OpenRuntimeOptions = {}): Promise<Runtime> {
  // Subscriptions first: reference data loaded by prepare() already announces changes (instruments).
  for (const m of modules) m.subscribe?.();
  const database =
    options.database ??
    (config.databaseUrl
      ? await openDatabase({ url: config.databaseUrl, poolMax: config.databasePoolMax, logger })
      : await openDatabase({ embedded: config.dataDir, logger }));
  try {
    await migrate(database.db, logger);
    const runtime = { config, logger, database, db: database.db } as Runtime;
    runtime.jobs = await JobQueue.open({ pool: database.pool, definitions: modules.flatMap((m) => m.jobs ?? []), context: runtime, logger });
    for (const m of modules) await m.prepare?.(runtime);
    if (options.firstStart && !(await getSetting<boolean>(database.db, 'first_start.done'))) {
      for (const m of modules) await m.firstStart?.(runtime);
      await setSetting(database.db, 'first_start.done', true);
    }
    return runtime;
  } catch (err) {
    if (!options.database) await database.close();
    throw err;
  }
}
