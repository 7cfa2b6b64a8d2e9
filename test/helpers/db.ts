/**
 * A fresh, migrated database with reference data for one test file:
 * embedded PGlite in memory by default, or a new database on the server named by TEST_DATABASE_URL.
 */
import { pdfBrowser } from '../../src/platform/pdf/chromium.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import type { DB } from '../../src/platform/db/schema.js';
import { createLogger } from '../../src/platform/log.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { embeddedTemplate, serverTemplate } from './template.js';

export interface TestRuntime extends Runtime {
  /** Stop job workers, close the database and drop it (server mode). */
  close(): Promise<void>;
  /** The test database on the server (server mode). */
  databaseUrl?: string;
}

function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }), ...overrides };
}

/** A new database on the server at baseUrl, empty or a copy of `template` (its URL, and how to drop it). */
export async function createServerDatabase(baseUrl: string, poolMax = 5, template?: string): Promise<{ database: Database; url: string; drop: () => Promise<void> }> {
  // Benchmarks name their databases (e.g. bench_exch_…) so that they are told apart on a shared server.
  const name = `${process.env.PALERMO_TEST_DB_PREFIX ?? 'palermo_test'}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE "${template}"` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolMax });
  return {
    database,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * A runtime on a new database. By default the database is a copy of the run's prepared template
 * (migrated, reference data loaded: test/helpers/template.ts); `fresh: true` starts from an empty
 * one, for tests of what the first start does.
 */
export async function createTestRuntime(overrides: Partial<Config> = {}, options: { fresh?: boolean } = {}): Promise<TestRuntime> {
  // A data directory of its own (file caches such as the directory books), unless the test gives one.
  const ownDataDir = overrides.dataDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-test-data-'));
  const config = testConfig({ ...(ownDataDir ? { dataDir: ownDataDir } : {}), ...overrides });
  const removeDataDir = () => {
    if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
  };
  const logger = createLogger(config.logLevel);
  const baseUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  let url: string | undefined;
  // A copy of the run's prepared template (test/helpers/template.ts) unless PALERMO_TEST_TEMPLATE=0.
  const useTemplate = !options.fresh && process.env.PALERMO_TEST_TEMPLATE !== '0';
  if (baseUrl) ({ database, url, drop } = await createServerDatabase(baseUrl, 5, useTemplate ? await serverTemplate(baseUrl, testConfig()) : undefined));
  else database = await openDatabase({ embedded: 'memory://', ...(useTemplate ? { loadDataDir: await embeddedTemplate(testConfig()) } : {}) });
  try {
    const runtime = await openRuntime(config, logger, { database });
    return {
      ...runtime,
      ...(url ? { databaseUrl: url } : {}),
      async close() {
        await runtime.jobs.stopWorkers();
        await pdfBrowser.close();
        await database.close();
        await drop?.();
        removeDataDir();
      },
    };
  } catch (err) {
    await database.close();
    await drop?.();
    removeDataDir();
    throw err;
  }
}

/**
 * A second app node on the database of `first`, started like any node (migrations checked, modules
 * prepared): with TEST_DATABASE_URL its own pool of connections to the same server database; on
 * PGlite (one session in all) its own database handle over the first node's single connection, so
 * that everything a node keeps per handle (caches, rate-limit store) is its own. Close it before
 * the first.
 */
export async function openSecondNode(first: TestRuntime, overrides: Partial<Config> = {}): Promise<TestRuntime> {
  const config = { ...first.config, ...overrides };
  const logger = createLogger(config.logLevel);
  let database: Database;
  if (first.databaseUrl) database = await openDatabase({ url: first.databaseUrl, poolMax: 5 });
  else {
    const pool = first.database.pool;
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    // The pool belongs to the first node: closing this one leaves it open.
    database = { db, pool, mode: first.database.mode, close: async () => undefined };
  }
  try {
    const runtime = await openRuntime(config, logger, { database });
    return {
      ...runtime,
      ...(first.databaseUrl ? { databaseUrl: first.databaseUrl } : {}),
      async close() {
        await runtime.jobs.stopWorkers();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
