/**
 * Loading one table's rows during a restore (restore.ts), the fastest correct way on each database:
 *
 * - a PostgreSQL server: `COPY table (columns) FROM STDIN` (pg-copy-streams), each row written in
 *   COPY's text format (the backup's values are PostgreSQL's text output, so COPY's text input
 *   reads them as the server's own dump would);
 * - PGlite (behind pglite-socket, whose wire protocol has no COPY FROM STDIN: the session is lost),
 *   given the Database's copyFromBlob: the same text format in parts of up to 32 MB, each run by
 *   the worker as `COPY table (columns) FROM '/dev/blob'` on PGlite itself, in the socket
 *   connection's open transaction (pglite-socket locks PGlite per protocol message, not per
 *   connection, and the connection waits meanwhile);
 * - otherwise (a PGlite handle without copyFromBlob) large INSERT … SELECT statements over one JSON
 *   parameter: the backup's row lines as they are, joined into one JSON array, each element cast from
 *   text to its column's type by the server.
 *
 * All run inside restore.ts's one transaction: a failure leaves nothing behind.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ident } from './format.js';

export interface TableLoader {
  /** One row: its values, and its line as written in the backup (a JSON array of text or null). */
  add(values: (string | null)[], text: string): Promise<void>;
  /** All rows written: wait until the database has them. */
  finish(): Promise<void>;
  /** Give up (the transaction is rolled back next). */
  abort(err: Error): Promise<void>;
}

/** Does this database take COPY FROM STDIN over its connection? (Not PGlite behind pglite-socket.) */
export async function supportsCopyFromStdin(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query<{ v: string }>('SELECT version() AS v');
  return !/PGlite/i.test(r.rows[0]?.v ?? '');
}

const COPY_CHUNK = 1 << 16;
const BLOB_CHUNK = 32 << 20;
const JSON_BATCH = 4 << 20;

/** A value in COPY's text format: \N for null; backslash, newline, carriage return and tab escaped. */
export function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\n\r\t]/.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')) : value;
}

/** One row as a line of COPY's text format. */
export const copyLine = (values: (string | null)[]): string => `${values.map(copyValue).join('\t')}\n`;

export function copyLoader(client: pg.ClientBase, table: string, columns: string[]): TableLoader {
  const stream = client.query(copyFrom(`COPY public.${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`));
  const done = finished(stream);
  done.catch(() => undefined); // awaited in finish(); a failure also fails the writes
  let chunk = '';
  const flush = async () => {
    if (!chunk) return;
    const text = chunk;
    chunk = '';
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), done]);
  };
  return {
    async add(values) {
      chunk += copyLine(values);
      if (chunk.length >= COPY_CHUNK) await flush();
    },
    async finish() {
      await flush();
      stream.end();
      await done;
    },
    async abort(err) {
      // pg-copy-streams answers destroy() with a CopyFail: the server ends the COPY with an error.
      stream.destroy(err);
      await done.catch(() => undefined);
    },
  };
}

/** Loads rows given in COPY's text format (whole lines) into a table: Database.copyFromBlob. */
export type CopyFromBlob = (table: string, columns: string[], data: Uint8Array) => Promise<number>;

export function blobLoader(copyFromBlob: CopyFromBlob, table: string, columns: string[]): TableLoader {
  const encoder = new TextEncoder();
  let chunk = '';
  const flush = async () => {
    if (!chunk) return;
    const data = encoder.encode(chunk);
    chunk = '';
    await copyFromBlob(table, columns, data);
  };
  return {
    async add(values) {
      chunk += copyLine(values);
      if (chunk.length >= BLOB_CHUNK) await flush();
    },
    finish: flush,
    async abort() {
      chunk = '';
    },
  };
}

/** The columns' types as SQL (format_type), in the order given. */
async function columnTypes(client: pg.ClientBase, table: string, columns: string[]): Promise<string[]> {
  const r = await client.query<{ name: string; type: string }>(
    `SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [`public.${ident(table)}`],
  );
  const types = new Map(r.rows.map((x) => [x.name, x.type]));
  return columns.map((c) => {
    const type = types.get(c);
    if (!type) throw new Error(`table ${table} has no column ${c}`);
    return type;
  });
}

export async function jsonLoader(client: pg.ClientBase, table: string, columns: string[]): Promise<TableLoader> {
  const types = await columnTypes(client, table, columns);
  const select = columns.map((_, i) => `(e->>${i})::${types[i]}`).join(', ');
  const sql = `INSERT INTO public.${ident(table)} (${columns.map(ident).join(', ')}) OVERRIDING SYSTEM VALUE SELECT ${select} FROM jsonb_array_elements($1::jsonb) e`;
  let lines: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!lines.length) return;
    const json = `[${lines.join(',')}]`;
    lines = [];
    bytes = 0;
    await client.query(sql, [json]);
  };
  return {
    async add(_values, text) {
      lines.push(text);
      bytes += text.length;
      if (bytes >= JSON_BATCH) await flush();
    },
    finish: flush,
    async abort() {
      lines = [];
    },
  };
}
