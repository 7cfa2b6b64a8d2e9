/** Helpers for backup tests: an empty target database of the same kind, and rewriting a backup's lines. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { createServerDatabase } from './db.js';

/** A new, empty database (PGlite in memory, or a new database on TEST_DATABASE_URL's server). */
export async function emptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    const database = await openDatabase({ embedded: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const { database, drop } = await createServerDatabase(baseUrl, 3);
  return {
    database,
    async drop() {
      await database.close();
      await drop();
    },
  };
}

/** The uncompressed lines of a plain (gzip) backup. */
export function backupLines(file: string): string[] {
  return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').replace(/\n$/, '').split('\n');
}

/** Write lines as a plain backup; with `reseal`, the end line's SHA-256 is computed again (a well-formed file). */
export function writeBackupLines(file: string, lines: string[], reseal: boolean): void {
  let out = lines;
  if (reseal) {
    const body = lines.slice(0, -1).map((l) => `${l}\n`).join('');
    const end = JSON.parse(lines.at(-1)!);
    end.end.sha256 = crypto.createHash('sha256').update(body).digest('hex');
    out = [...lines.slice(0, -1), JSON.stringify(end)];
  }
  fs.writeFileSync(file, zlib.gzipSync(`${out.join('\n')}\n`));
}

/** Rows of every table of a backup, each table's rows sorted (row order is not part of the state). */
export function backupContent(file: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string[] = [];
  for (const l of backupLines(file)) {
    if (l.startsWith('[')) current.push(l);
    else if (l.startsWith('{"table"')) {
      current = [];
      tables.set(JSON.parse(l).table, current);
    }
  }
  for (const rows of tables.values()) rows.sort();
  return tables;
}
