/**
 * A fresh, migrated database with reference data for one test file:
 * embedded PGlite in memory by default, or a new database on the server named by TEST_DATABASE_URL.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/log.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';

export interface TestRuntime extends Runtime {
  /** Stop job workers, close the database and drop it (server mode). */
  close(): Promise<void>;
  /** URL of the test database on the server (absent on PGlite). */
  databaseUrl?: string;
}

function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }), ...overrides };
}

/** A new, empty database on the server at baseUrl (its URL, and how to drop it). */
export async function createServerDatabase(baseUrl: string, poolMax = 5): Promise<{ database: Database; url: string; drop: () => Promise<void> }> {
  const name = `palermo_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
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

export async function createTestRuntime(overrides: Partial<Config> = {}): Promise<TestRuntime> {
  const config = testConfig(overrides);
  const logger = createLogger(config.logLevel);
  const baseUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  let url: string | undefined;
  if (baseUrl) ({ database, url, drop } = await createServerDatabase(baseUrl));
  else database = await openDatabase({ embedded: 'memory://' });
  try {
    const runtime = await openRuntime(config, logger, { database });
    return {
      ...runtime,
      async close() {
        await runtime.jobs.stopWorkers();
        await database.close();
        await drop?.();
      },
      ...(url ? { databaseUrl: url } : {}),
    };
  } catch (err) {
    await database.close();
    await drop?.();
    throw err;
  }
}
