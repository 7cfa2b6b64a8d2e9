/**
 * One migrated database with its reference data, made once per version of the code and copied for
 * every test file: opening a new runtime then costs what a node's restart costs (migrations found
 * applied, reference data found current, modules prepared) instead of a new cluster, 70 migrations
 * and the reference load.
 *
 * PGlite: the data directory of a database opened by openRuntime, dumped to a tar in the system's
 * temporary directory, from which each test's in-memory database starts. PostgreSQL: a database
 * built the same way, then used as the TEMPLATE of each test database.
 *
 * The key hashes the path and content of every source and resource file, so a
 * change to a migration, the reference sources or a module's preparation makes a new template.
 * Processes that find no template build one each and rename it into place (PGlite), or take an
 * advisory lock (PostgreSQL); either way every copy starts from a complete one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/log.js';
import { openRuntime } from '../../src/runtime.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function walk(dir: string, out: string[]): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (!/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

let key: string | undefined;
/** What the template depends on: the content of every file of src/, migrations/ and resources/ (tests aside) and the lock file. */
export function templateKey(): string {
  if (key) return key;
  const files = [...walk(path.join(ROOT, 'src'), []), ...walk(path.join(ROOT, 'migrations'), []), ...walk(path.join(ROOT, 'resources'), []), path.join(ROOT, 'package-lock.json')].sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  key = hash.digest('hex').slice(0, 16);
  return key;
}

/** Open a runtime on `database` as a node would, stop its workers, and leave the database as it is. */
async function prepare(database: Database, config: Config): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-template-data-'));
  try {
    const runtime = await openRuntime({ ...config, dataDir }, createLogger(config.logLevel), { database });
    await runtime.jobs.stopWorkers();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Templates of other versions of the code not written for two hours: another run may still copy a newer one. */
function removeStaleTemplates(): void {
  const dir = os.tmpdir();
  const stale = Date.now() - 2 * 3600_000;
  for (const name of fs.readdirSync(dir)) {
    if (!/^palermo-test-template-[0-9a-f]{16}\.tar/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).mtimeMs < stale) fs.rmSync(file, { force: true });
    } catch {
      // removed meanwhile by another run
    }
  }
}

/** The tar of a prepared embedded database, built if this version of the code has none yet. */
export async function embeddedTemplate(config: Config): Promise<string> {
  const file = path.join(os.tmpdir(), `palermo-test-template-${templateKey()}.tar`);
  if (fs.existsSync(file)) return file;
  removeStaleTemplates();
  const database = await openDatabase({ embedded: 'memory://' });
  const partial = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  try {
    await prepare(database, config);
    await database.dumpDataDir!(partial);
    fs.renameSync(partial, file); // atomic: a concurrent builder's file is replaced by an equal one
  } finally {
    fs.rmSync(partial, { force: true });
    await database.close();
  }
  return file;
}

/** The name of a prepared template database on the server at baseUrl, built if missing. */
export async function serverTemplate(baseUrl: string, config: Config): Promise<string> {
  const name = `palermo_template_${templateKey()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const exists = async () => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (await exists()) return name;
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', ['palermo_test_template']);
    try {
      if (await exists()) return name;
      // Templates of other versions of the code not built for two hours (another run may still copy a newer one).
      const old = await admin.query<{ datname: string; built: string | null }>(
        `SELECT datname, shobj_description(oid, 'pg_database') AS built FROM pg_database WHERE datname LIKE 'palermo\\_template\\_%'`,
      );
      for (const row of old.rows) {
        if (Number(row.built) > Date.now() - 2 * 3600_000) continue;
        await admin.query(`DROP DATABASE IF EXISTS "${row.datname}"`).catch(() => undefined);
      }
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const url = new URL(baseUrl);
      url.pathname = `/${building}`;
      const database = await openDatabase({ url: url.toString(), poolMax: 5 });
      try {
        await prepare(database, config);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      await admin.query(`COMMENT ON DATABASE "${name}" IS '${Date.now()}'`);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', ['palermo_test_template']);
    }
  } finally {
    await admin.end();
  }
}
