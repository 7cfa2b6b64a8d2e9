/**
 * Restore a backup into an empty database, all or nothing: pass 1 reads and checks the whole file
 * (read.ts); pass 2, in ONE transaction, creates the backup's schema by running exactly the
 * migrations it records, empties the rows those migrations inserted, loads every row (triggers and
 * foreign-key checks off: session_replication_role = replica, as pg_restore --disable-triggers;
 * COPY FROM STDIN on a server, COPY FROM a blob in the worker on PGlite: load.ts),
 * sets the sequences, and checks the file's hash again before the commit. The caller then migrates
 * to the code's schema and runs the modules' verifyRestore hooks (src/cli/backup.ts).
 */
import type pg from 'pg';
import type { Database } from '../db/database.js';
import { MIGRATIONS_TABLE_SQL, readMigrations, unknownMigrations, type MigrationFile } from '../db/migrate.js';
import type { BackupKey } from './crypto.js';
import { BackupError, ident, sqlText, type BackupManifest } from './format.js';
import { allPublicTables, publicRelationCount } from './catalog.js';
import { createIndexes, dropSecondaryIndexes } from './indexes.js';
import { blobLoader, copyLoader, jsonLoader, supportsCopyFromStdin, type CopyFromBlob, type TableLoader } from './load.js';
import { readBackupLines, verifyBackup } from './read.js';

export interface RestoreOptions {
  key?: BackupKey;
  /** The code's migrations (tests give their own). */
  migrations?: MigrationFile[];
  /** Called after each table is loaded (progress, benchmarks). */
  onTable?: (table: string, rows: number, ms: number) => void;
}

/** Refuse a backup whose schema this code does not know. */
export function checkSchema(manifest: BackupManifest, files: MigrationFile[]): void {
  const unknown = unknownMigrations(manifest.migrations, files);
  if (unknown.length) {
    throw new BackupError(
      'backup-newer-schema',
      `the backup's schema (${manifest.schemaVersion}, Palermo ${manifest.palermoVersion}) is newer than this Palermo's ` +
        `(${files.at(-1)?.version ?? 'none'}): migrations ${unknown.join(', ')} are unknown here. Restore it with Palermo ${manifest.palermoVersion} or later.`,
    );
  }
}

export async function assertEmptyDatabase(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const n = await publicRelationCount(client);
    if (n > 0) throw new BackupError('backup-target-not-empty', `the target database is not empty (${n} tables or sequences): restore only into a new, empty database`);
  } finally {
    client.release();
  }
}

/**
 * Restore `file` into the empty database (its pool, and on PGlite its copyFromBlob); returns the backup's manifest.
 * Nothing else may use the database meanwhile (PGlite: copyFromBlob runs in the restore's transaction).
 */
export async function restoreBackup(database: Pick<Database, 'pool' | 'copyFromBlob'>, file: string, options: RestoreOptions = {}): Promise<BackupManifest> {
  const { pool } = database;
  const files = options.migrations ?? readMigrations();
  const manifest = await verifyBackup(file, options.key);
  checkSchema(manifest, files);
  await assertEmptyDatabase(pool);

  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      await client.query(MIGRATIONS_TABLE_SQL);
      const recorded = new Set(manifest.migrations);
      for (const m of files) if (recorded.has(m.version)) await client.query(m.sql);
      try {
        await client.query('SET LOCAL session_replication_role = replica');
      } catch (err) {
        throw new BackupError(
          'backup-permission',
          `restoring needs to load rows with triggers off (session_replication_role): connect as a superuser, or grant it (PostgreSQL 15+): GRANT SET ON PARAMETER session_replication_role TO <user>. (${(err as Error).message})`,
        );
      }
      const tables = await allPublicTables(client);
      // DELETE the few rows the migrations inserted: a TRUNCATE of every table costs seconds (new files for each table and index).
      if (tables.length) {
        const filled = await client.query<{ t: string }>(tables.map((t) => `SELECT ${sqlText(t)} AS t WHERE EXISTS (SELECT 1 FROM public.${ident(t)})`).join(' UNION ALL '));
        for (const { t } of filled.rows) await client.query(`DELETE FROM public.${ident(t)}`);
      }
      await loadRows(client, database.copyFromBlob?.bind(database), file, options.key, new Set(tables), options.onTable);
      await client.query('COMMIT');
    } catch (err) {
      // A connection that cannot roll back (a COPY it lost track of) is closed: the server rolls back.
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e;
      });
      throw err;
    }
  } finally {
    client.release(broken);
  }
  return manifest;
}

/** Pass 2: load every row, table by table (load.ts); the end line's checks run before the caller commits. */
async function loadRows(
  client: pg.PoolClient,
  copyFromBlob: CopyFromBlob | undefined,
  file: string,
  key: BackupKey | undefined,
  known: Set<string>,
  onTable?: RestoreOptions['onTable'],
): Promise<void> {
  const copy = await supportsCopyFromStdin(client);
  let loader: TableLoader | undefined;
  let table = '';
  let columns = 0;
  let rows = 0;
  let started = performance.now();
  const tableDone = async () => {
    if (!loader) return;
    await loader.finish();
    loader = undefined;
    onTable?.(table, rows, performance.now() - started);
  };
  try {
    for await (const { parsed, lineNo, text } of readBackupLines(file, key)) {
      if (parsed.kind === 'table') {
        await tableDone();
        if (!known.has(parsed.table)) throw new BackupError('backup-damaged', `the backup holds table ${parsed.table}, which its schema does not create`);
        rows = 0;
        started = performance.now();
        table = parsed.table;
        columns = parsed.columns.length;
        loader = copy
          ? copyLoader(client, table, parsed.columns)
          : copyFromBlob
            ? blobLoader(copyFromBlob, table, parsed.columns)
            : await jsonLoader(client, table, parsed.columns);
      } else if (parsed.kind === 'row') {
        if (parsed.values.length !== columns) throw new BackupError('backup-damaged', `line ${lineNo}: ${parsed.values.length} values for ${columns} columns of ${table}`);
        rows++;
        await loader!.add(parsed.values, text);
      } else if (parsed.kind === 'sequences') {
        await tableDone();
        for (const s of parsed.sequences) await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`public.${ident(s.name)}`, s.value, s.called]);
      }
    }
    await tableDone();
  } catch (err) {
    await loader?.abort(err instanceof Error ? err : new Error(String(err)));
    // A value the database's types or constraints refuse (SQLSTATE classes 22, 23): the file's content is wrong.
    const code = (err as { code?: unknown }).code;
    if (!(err instanceof BackupError) && typeof code === 'string' && /^2[23]/.test(code)) {
      throw new BackupError('backup-damaged', `the backup file is damaged: table ${table} holds a row the database refuses: ${(err as Error).message}`);
    }
    throw err;
  }
}
