/** What the administrators' backups page shows (read only; administrators: backups.read). */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { assertAllowed, type Actor } from '../access/index.js';
import { nextSlot } from './schedule.js';
import { OWN_FILE, lastBackup, type BackupRecord } from './service.js';

export interface BackupFile {
  name: string;
  bytes: number;
  modified: string;
}

export interface BackupsOverview {
  last: BackupRecord | undefined;
  schedule: string | undefined;
  next: string | undefined;
  keep: number;
  /** Palermo's backup files in BACKUP_DIR of this node, newest first. */
  files: BackupFile[];
}

export async function readBackupsOverview(db: Kysely<DB>, config: Config, actor: Actor): Promise<BackupsOverview> {
  assertAllowed(actor, 'backups.read');
  let files: BackupFile[] = [];
  try {
    files = fs
      .readdirSync(config.backupDir)
      .filter((f) => OWN_FILE.test(f))
      .map((name) => {
        const s = fs.statSync(path.join(config.backupDir, name));
        return { name, bytes: s.size, modified: s.mtime.toISOString() };
      })
      .sort((a, b) => b.name.localeCompare(a.name));
  } catch {
    /* no folder yet */
  }
  return {
    last: await lastBackup({ db }),
    schedule: config.backupSchedule,
    next: config.backupSchedule ? nextSlot(config.backupSchedule, new Date()).toISOString() : undefined,
    keep: config.backupKeep,
    files,
  };
}
