/** The public entry of the operations module (backups): used by src/cli and src/server.ts. */
export { runBackup, lastBackup, pruneBackups, type BackupRecord, type RunBackupOptions } from './service.js';
