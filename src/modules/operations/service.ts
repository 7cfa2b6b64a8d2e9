/**
 * Backups of this installation (CLI `palermo backup` and the scheduled job): where they go, their
 * key, retention, and the record of the last one (app_settings "operations.last_backup").
 */
import fs from 'node:fs';
import path from 'node:path';
import { getSetting, setSetting } from '../../platform/db/settings.js';
import { readKeyFile } from '../../platform/backup/crypto.js';
import { takeBackup, type BackupResult } from '../../platform/backup/dump.js';
import type { Runtime } from '../../runtime.js';

export const LAST_BACKUP = 'operations.last_backup';

/** What the administrators' page shows about the last backup. */
export interface BackupRecord {
  ok: boolean;
  at: string;
  /** File name (not the folder: the page shows no server paths). */
  file?: string;
  bytes?: number;
  ms?: number;
  rows?: number;
  encrypted?: boolean;
  schemaVersion?: string;
  /** Why it failed. */
  error?: string;
  /** "schedule" or "command". */
  trigger: 'schedule' | 'command';
}

/** Backups written by Palermo in BACKUP_DIR: palermo-<time>.backup.gz or .backup.age. */
export const OWN_FILE = /^palermo-\d{8}T\d{6}Z?(-\d+)?\.backup\.(gz|age)$/;

export function defaultBackupName(now: Date, encrypted: boolean): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `palermo-${stamp}.backup.${encrypted ? 'age' : 'gz'}`;
}

export interface RunBackupOptions {
  /** Where to write (default: a new file in BACKUP_DIR). */
  file?: string;
  /** Key file (default BACKUP_KEY_FILE); null: no encryption even when BACKUP_KEY_FILE is set. */
  keyFile?: string | null;
  trigger: BackupRecord['trigger'];
}

/** Take a backup and record the outcome; throws after recording a failure. */
export async function runBackup(runtime: Runtime, options: RunBackupOptions): Promise<BackupResult> {
  const { config } = runtime;
  const at = new Date();
  try {
    const keyFile = options.keyFile === null ? undefined : (options.keyFile ?? config.backupKeyFile);
    const key = keyFile ? await readKeyFile(keyFile) : undefined;
    const file = path.resolve(options.file ?? path.join(config.backupDir, defaultBackupName(at, Boolean(key))));
    const result = await takeBackup(runtime.database.pool, file, { key, database: runtime.database.mode });
    const rows = Object.values(result.manifest.rows).reduce((a, b) => a + b, 0);
    await setSetting(runtime.db, LAST_BACKUP, {
      ok: true,
      at: at.toISOString(),
      file: path.basename(file),
      bytes: result.bytes,
      ms: result.ms,
      rows,
      encrypted: Boolean(key),
      schemaVersion: result.manifest.schemaVersion,
      trigger: options.trigger,
    } satisfies BackupRecord);
    if (path.dirname(file) === config.backupDir) pruneBackups(config.backupDir, config.backupKeep);
    runtime.logger.info({ file, bytes: result.bytes, ms: result.ms, rows }, 'backup written');
    return result;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await setSetting(runtime.db, LAST_BACKUP, { ok: false, at: at.toISOString(), error, trigger: options.trigger } satisfies BackupRecord).catch(() => undefined);
    runtime.logger.error({ err }, 'backup failed');
    throw err;
  }
}

/** Keep the newest `keep` of Palermo's own backup files in `dir`; returns the removed names. */
export function pruneBackups(dir: string, keep: number): string[] {
  const own = fs.readdirSync(dir).filter((f) => OWN_FILE.test(f)).sort();
  const removed = own.slice(0, Math.max(0, own.length - keep));
  for (const f of removed) fs.rmSync(path.join(dir, f), { force: true });
  return removed;
}

export async function lastBackup(runtime: Pick<Runtime, 'db'>): Promise<BackupRecord | undefined> {
  return getSetting<BackupRecord>(runtime.db, LAST_BACKUP);
}
