import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import type { DB } from './schema.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { lockDataDir } from './lock.js';
import type { Logger } from '../log.js';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  mode: 'embedded' | 'server';
  close(): Promise<void>;
  /** Call `observer` after every query with its duration (metrics, traces); absent on handles made by hand (tests). */
  observeQueries?(observer: QueryObserver): void;
  /** Embedded only: write the data directory to a tar file another embedded database can start from. */
  dumpDataDir?(file: string): Promise<void>;
  /**
   * Embedded only: load `data` (rows in COPY's text format, whole lines) into public.`table`'s `columns`
   * through PGlite's `COPY … FROM '/dev/blob'`, which pglite-socket's wire protocol cannot carry as
   * COPY FROM STDIN. Runs inside the transaction the pool's (single) connection has open, which must
   * be held and idle (awaiting this) meanwhile. `data` is handed to the worker: do not reuse it.
   * Resolves with the rows loaded; a refused row rejects with the database's error (and its code).
   */
  copyFromBlob?(table: string, columns: string[], data: Uint8Array): Promise<number>;
}

/** `sql` is the statement's text with placeholders ($1), never its parameters. */
export type QueryObserver = (seconds: number, failed: boolean, sql: string) => void;

export type DatabaseOptions =
  | { url: string; poolMax?: number; logger?: Logger }
  /** dataDir: a directory (file-backed, locked for this process) or "memory://"; loadDataDir: a tar from dumpDataDir to start from. */
  | { embedded: string; loadDataDir?: string; logger?: Logger };

const OID = { int8: 20, date: 1082, timestamp: 1114 } as const;

/** Type parsers for this pool only (no global mutation): dates stay ISO strings, counts become numbers. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.date) return (value: string) => value;
    if (oid === OID.int8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const logger = options.logger;
  let embedded: EmbeddedPostgres | undefined;
  let release: (() => void) | undefined;
  let pool: pg.Pool;
  if ('url' in options) {
    pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 10, types, application_name: 'palermo' });
  } else {
    const memory = options.embedded === 'memory://';
    if (!memory) release = lockDataDir(options.embedded);
    try {
      embedded = await startEmbeddedPostgres(memory ? 'memory://' : path.join(options.embedded, 'pglite'), options.loadDataDir);
    } catch (err) {
      release?.();
      throw err;
    }
    // PGlite is a single session: one pooled connection, so transactions stay isolated.
    pool = new pg.Pool({
      host: embedded.socketDir,
      port: embedded.port,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      idleTimeoutMillis: 0,
      types,
    });
  }
  pool.on('error', (err) => logger?.error({ err }, 'idle database client error'));

  const observers = new Set<QueryObserver>();
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log(event: LogEvent) {
      for (const observe of observers) observe(event.queryDurationMillis / 1000, event.level === 'error', event.query.sql);
      if (!logger) return;
      const ms = Math.round(event.queryDurationMillis * 10) / 10;
      if (event.level === 'error') logger.warn({ ms, sql: event.query.sql, err: event.error }, 'query failed');
      else if (ms > 500) logger.warn({ ms, sql: event.query.sql }, 'slow query');
      else if (logger.isLevelEnabled('debug')) logger.debug({ ms, sql: event.query.sql }, 'query');
    },
  });

  let closed: Promise<void> | undefined;
  return {
    db,
    pool,
    mode: embedded ? 'embedded' : 'server',
    observeQueries(observer) {
      observers.add(observer);
    },
    ...(embedded
      ? {
          dumpDataDir: (file: string) => embedded!.dumpDataDir(file),
          copyFromBlob: (table: string, columns: string[], data: Uint8Array) =>
            embedded!.copyFromBlob(`COPY public.${pg.escapeIdentifier(table)} (${columns.map((c) => pg.escapeIdentifier(c)).join(', ')}) FROM '/dev/blob'`, data),
        }
      : {}),
    close() {
      closed ??= (async () => {
        await db.destroy(); // ends the pool after in-flight queries finish
        await embedded?.stop(); // PGlite flushes and closes its files
        release?.();
      })();
      return closed;
    },
  };
}
