/**
 * `palermo restore`: a backup into an empty database, then the installation is opened as at any
 * start (migrated to this code's schema, modules prepared) and each module's verifyRestore hook runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { BackupError, type BackupManifest } from './platform/backup/format.js';
import type { BackupKey } from './platform/backup/crypto.js';
import { restoreBackup } from './platform/backup/restore.js';
import type { Logger } from './platform/log.js';
import { modules } from './modules/index.js';
import { openRuntime } from './runtime.js';

export interface RestoreReport {
  manifest: BackupManifest;
  /** Migrations applied after the backup's schema. */
  migrated: string[];
  /** Problems the modules' verifyRestore hooks found (empty: the restored installation verifies). */
  problems: string[];
  /** Milliseconds spent loading the rows, and opening and verifying the restored installation. */
  loadMs: number;
  verifyMs: number;
}

/** Restore `file` into `database` (empty), migrate and verify. The caller closes the database. */
export async function restoreInto(database: Database, config: Config, logger: Logger, file: string, key?: BackupKey): Promise<RestoreReport> {
  const started = performance.now();
  const manifest = await restoreBackup(database, file, { key });
  const loaded = performance.now();
  const runtime = await openRuntime(config, logger, { database });
  const codeVersions = new Set(manifest.migrations);
  const migrated = (await database.pool.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')).rows
    .map((r) => r.version)
    .filter((v) => !codeVersions.has(v));
  const problems: string[] = [];
  for (const m of modules) {
    const found = await m.verifyRestore?.(runtime);
    if (found) problems.push(...found.map((p) => `${m.name}: ${p}`));
  }
  return { manifest, migrated, problems, loadMs: Math.round(loaded - started), verifyMs: Math.round(performance.now() - loaded) };
}

/** Restore into the database of the configuration: DATABASE_URL, or a new embedded database in DATA_DIR. */
export async function restoreInstallation(config: Config, logger: Logger, file: string, key?: BackupKey): Promise<RestoreReport> {
  let database: Database;
  let created: string | undefined;
  if (config.databaseUrl) database = await openDatabase({ url: config.databaseUrl, poolMax: 2, logger });
  else {
    const dir = path.join(config.dataDir, 'pglite');
    if (fs.existsSync(dir) && fs.readdirSync(dir).length) {
      throw new BackupError('backup-target-not-empty', `${config.dataDir} holds a database already: restore only into a new DATA_DIR (or move ${dir} away first)`);
    }
    created = dir;
    database = await openDatabase({ embedded: config.dataDir, logger });
  }
  let ok = false;
  try {
    const report = await restoreInto(database, config, logger, file, key);
    ok = true;
    return report;
  } finally {
    await database.close();
    // A failed restore into a new embedded database leaves no half database behind.
    if (!ok && created) fs.rmSync(created, { recursive: true, force: true });
  }
}
