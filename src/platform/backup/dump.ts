/**
 * Take a backup: one REPEATABLE READ, READ ONLY transaction (one snapshot: the state of one moment)
 * reads every table of the public schema with COPY … TO STDOUT and streams it as lines (format.ts) through
 * gzip (and age, when a key is given) into a temporary file, renamed into place once complete.
 *
 * On the embedded database the transaction holds the one database session for its length: other
 * requests wait for it (docs: README "Operations"). On a server other sessions go on unhindered.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { encryptStream, type BackupKey } from './crypto.js';
import { BackupError, FORMAT, FORMAT_VERSION, ident, line, newestVersion, type BackupHeader, type BackupManifest, type SequenceValue } from './format.js';
import { backupTables, rawText, sequenceNames } from './catalog.js';

let version: string | undefined;
/** Palermo's version (package.json). */
export function palermoVersion(): string {
  version ??= JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')).version as string;
  return version;
}

export interface BackupOptions {
  /** Encrypt for this key (crypto.ts). */
  key?: BackupKey;
  database: 'embedded' | 'server';
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  manifest: BackupManifest;
}

/** Write a backup of the database behind `pool` to `file` (created; an existing file is refused). */
export async function takeBackup(pool: pg.Pool, file: string, options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  if (fs.existsSync(file)) throw new BackupError('backup-exists', `${file} exists already; a backup never overwrites a file`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial-${process.pid}`;
  const lines = new PassThrough({ highWaterMark: 1 << 20 });
  const gzip = zlib.createGzip({ level: 6 });
  lines.pipe(gzip);
  const body: Readable = options.key ? await encryptStream(gzip, options.key) : gzip;
  const written = pipeline(body, fs.createWriteStream(tmp, { mode: 0o600 }));
  written.catch(() => undefined); // awaited below; a failure also fails the writes
  const hash = crypto.createHash('sha256');
  const write = async (text: string) => {
    hash.update(text);
    if (!lines.write(text)) await Promise.race([once(lines, 'drain'), written]);
  };

  const client = await pool.connect();
  let manifest: BackupManifest;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    try {
      manifest = await dumpSnapshot(client, options.database, write);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
    }
    manifest.sha256 = hash.digest('hex');
    lines.end(line({ end: { rows: manifest.rows, sha256: manifest.sha256 } }));
    await written;
    fs.renameSync(tmp, file);
  } catch (err) {
    lines.destroy();
    await written.catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    client.release();
  }
  return { file, bytes: fs.statSync(file).size, ms: Date.now() - started, manifest };
}

async function dumpSnapshot(client: pg.PoolClient, database: BackupHeader['database'], write: (text: string) => Promise<void>): Promise<BackupManifest> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('public.schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) throw new BackupError('backup-no-database', 'this database holds no Palermo installation (no schema_migrations table): nothing to back up');
  const migrations = (await client.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  const { tables, skipped } = await backupTables(client);
  const header: BackupHeader = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    palermoVersion: palermoVersion(),
    schemaVersion: newestVersion(migrations),
    migrations,
    createdAt: new Date().toISOString(),
    database,
    skippedTables: skipped,
  };
  await write(line({ header }));
  const rows: Record<string, number> = {};
  for (const t of tables) {
    await write(line({ table: t.name, columns: t.columns }));
    rows[t.name] = await dumpTable(client, t.name, t.columns, write);
  }
  const sequences: SequenceValue[] = [];
  for (const name of await sequenceNames(client)) {
    const r = await client.query({ text: `SELECT last_value, is_called FROM public.${ident(name)}`, types: rawText });
    sequences.push({ name, value: r.rows[0].last_value, called: r.rows[0].is_called === 't' });
  }
  await write(line({ sequences }));
  return { ...header, rows, sequences: sequences.length, sha256: '' };
}

/**
 * One table's rows as lines, streamed with COPY … TO STDOUT (on a server and on PGlite alike): the
 * database writes each row as a JSON array of its columns' text (array_to_json of text[]); COPY's
 * text format escapes only the backslashes of that JSON (it holds no tab, newline or carriage
 * return: JSON escapes them), undone here. Returns the number of rows.
 */
async function dumpTable(client: pg.PoolClient, table: string, columns: string[], write: (text: string) => Promise<void>): Promise<number> {
  const select = `SELECT array_to_json(ARRAY[${columns.map((c) => `${ident(c)}::text`).join(', ')}]::text[])::text FROM public.${ident(table)}`;
  const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let count = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const end = text.lastIndexOf('\n') + 1;
    rest = text.slice(end);
    if (!end) continue;
    const lines = text.slice(0, end);
    for (let i = lines.indexOf('\n'); i !== -1; i = lines.indexOf('\n', i + 1)) count++;
    await write(lines.includes('\\\\') ? lines.replace(/\\\\/g, '\\') : lines);
  }
  if (rest + decoder.decode()) throw new Error(`COPY of ${table} ended inside a row`);
  return count;
}
