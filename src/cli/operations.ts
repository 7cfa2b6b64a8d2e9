/** Operations commands: backup, restore, backup-key, migrate (with --dry-run). */
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { readKeyFile, writeNewKeyFile } from '../platform/backup/crypto.js';
import type { BackupResult } from '../platform/backup/dump.js';
import { fileKind } from '../platform/backup/read.js';
import { callControl, controlSocketPath } from '../platform/control.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { pendingMigrationFiles } from '../platform/db/migrate.js';
import type { Logger } from '../platform/log.js';
import { runBackup } from '../modules/operations/index.js';
import type { CliContext } from '../modules/module.js';
import { restoreInstallation } from '../restore.js';
import type { Runtime } from '../runtime.js';

/** Open the configured database without migrating it, run, close. */
async function withDatabase<T>(cfg: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = cfg.databaseUrl ? await openDatabase({ url: cfg.databaseUrl, poolMax: 2 }) : await openDatabase({ embedded: cfg.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function printBackup(cli: CliContext, r: BackupResult): void {
  const rows = Object.values(r.manifest.rows).reduce((a, b) => a + b, 0);
  cli.print(`backup written: ${r.file}`);
  cli.print(`  ${mb(r.bytes)}, ${rows} rows in ${Object.keys(r.manifest.rows).length} tables, ${(r.ms / 1000).toFixed(1)} s`);
  cli.print(`  Palermo ${r.manifest.palermoVersion}, schema ${r.manifest.schemaVersion}, sha256 ${r.manifest.sha256}`);
}

export function operationsCommands(program: Command, cli: CliContext, config: () => Config, logger: () => Logger): void {
  program
    .command('backup [file]')
    .description('Write a consistent backup of the database (default: a new file in BACKUP_DIR), while the server runs')
    .option('--key-file <file>', 'encrypt with this age key file (default BACKUP_KEY_FILE)')
    .option('--no-encrypt', 'do not encrypt, even when BACKUP_KEY_FILE is set')
    .action(async (file: string | undefined, opts: { keyFile?: string; encrypt: boolean }) => {
      const args = {
        file: file ? path.resolve(file) : undefined,
        keyFile: opts.encrypt ? (opts.keyFile ? path.resolve(opts.keyFile) : undefined) : null,
      };
      const cfg = config();
      let result: BackupResult;
      try {
        // The database as it is: no migration before a backup (it is what an upgrade starts from).
        result = await withDatabase(cfg, async (database) => {
          const runtime = { config: cfg, logger: logger(), database, db: database.db } as Runtime;
          return runBackup(runtime, { ...args, trigger: 'command' });
        });
      } catch (err) {
        if (!(err instanceof DataDirLockedError)) throw err;
        // The server holds the embedded database: it takes the backup itself.
        result = (await callControl(controlSocketPath(cfg.dataDir), 'backup', args)) as BackupResult;
      }
      printBackup(cli, result);
    });

  program
    .command('restore <file>')
    .description('Restore a backup into an empty database (a new DATA_DIR, or an empty DATABASE_URL), migrate and verify it')
    .option('--key-file <file>', 'age key file of an encrypted backup (default BACKUP_KEY_FILE)')
    .action(async (file: string, opts: { keyFile?: string }) => {
      const cfg = config();
      const keyFile = opts.keyFile ?? (fileKind(file) === 'age' ? cfg.backupKeyFile : undefined);
      const key = keyFile ? await readKeyFile(keyFile) : undefined;
      const report = await restoreInstallation(cfg, logger(), path.resolve(file), key);
      const rows = Object.values(report.manifest.rows).reduce((a, b) => a + b, 0);
      cli.print(`restored ${rows} rows in ${Object.keys(report.manifest.rows).length} tables from a backup of ${report.manifest.createdAt} (Palermo ${report.manifest.palermoVersion}, schema ${report.manifest.schemaVersion})`);
      cli.print(report.migrated.length ? `migrated to this release: ${report.migrated.join(', ')}` : 'schema already current');
      if (report.problems.length) {
        for (const p of report.problems) cli.print(`verification problem: ${p}`);
        process.exitCode = 1;
      } else cli.print('verified');
    });

  program
    .command('backup-key <file>')
    .description('Create an age key file for encrypted backups (never overwrites); prints its public key')
    .action(async (file: string) => {
      const recipient = await writeNewKeyFile(path.resolve(file));
      cli.print(`key written to ${file} (keep a copy away from the server: without it no backup can be restored)`);
      cli.print(`public key: ${recipient} (a key file holding only this line lets a server write backups it cannot read)`);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and load reference data, then exit')
    .option('--dry-run', 'only list the pending migrations')
    .action(async (opts: { dryRun?: boolean }) => {
      if (!opts.dryRun) {
        await cli.withRuntime(async () => undefined);
        cli.print('migrations applied; reference data loaded');
        return;
      }
      const pending = await withDatabase(config(), (database) => pendingMigrationFiles(database.db));
      if (!pending.length) cli.print('no pending migrations');
      for (const m of pending) cli.print(`pending: ${m.version}_${m.name}`);
    });
}
