/**
 * The backup file format (pure: types, line encoding, checks). A backup is one stream of UTF-8 lines,
 * gzip-compressed, optionally encrypted with age (crypto.ts):
 *
 *   {"header":{...}}                      Palermo version, schema version, migrations, time, database kind
 *   {"table":"name","columns":["a",…]}    then one JSON array of text values (or null) per row
 *   ["1","x",null]
 *   {"sequences":[{"name":…,"value":…,"called":…}]}
 *   {"end":{"rows":{"name":n,…},"sha256":"…"}}
 *
 * Values are each column's text form (its cast to text: the type's output, except that booleans read
 * true/false, char(n) loses its padding and inet shows its mask), read back by the type's text input,
 * so every type (json, arrays, tsvector, bytea, timestamps) round-trips on both databases. Backups
 * from before COPY (type output: t/f) read the same way. The SHA-256 covers every
 * byte of the uncompressed stream before the end line (each line with its "\n").
 */
import { AppError } from '../http/errors.js';

export const FORMAT = 'palermo-backup';
export const FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof FORMAT;
  formatVersion: number;
  palermoVersion: string;
  /** The last applied migration, e.g. "0054". */
  schemaVersion: string;
  /** Every applied migration version, in order. */
  migrations: string[];
  createdAt: string;
  database: 'embedded' | 'server';
  /** Tables left out: their rows mean nothing outside their database (transaction ids) or are unlogged. */
  skippedTables: string[];
}

export interface SequenceValue {
  name: string;
  value: string;
  called: boolean;
}

export interface BackupManifest extends BackupHeader {
  /** Rows per table. */
  rows: Record<string, number>;
  sequences: number;
  sha256: string;
}

/** A backup that cannot be restored: damaged, tampered, wrong key, newer schema, non-empty target. */
export class BackupError extends AppError {
  constructor(code: string, message: string) {
    super(400, code, message);
    this.name = 'BackupError';
  }
}

export const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

export type ParsedLine =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; values: (string | null)[] }
  | { kind: 'sequences'; sequences: SequenceValue[] }
  | { kind: 'end'; rows: Record<string, number>; sha256: string };

const damaged = (why: string) => new BackupError('backup-damaged', `the backup file is damaged: ${why}`);

/** Parse one line (without its "\n"); throws BackupError for anything malformed. */
export function parseLine(text: string, lineNo: number): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged(`line ${lineNo} is not JSON`);
  }
  if (Array.isArray(value)) {
    if (!value.every((v) => v === null || typeof v === 'string')) throw damaged(`line ${lineNo}: a row holds only text or null`);
    return { kind: 'row', values: value as (string | null)[] };
  }
  if (!value || typeof value !== 'object') throw damaged(`line ${lineNo} is neither a row nor a section`);
  const v = value as Record<string, any>;
  if (v.header && typeof v.header === 'object') {
    const h = v.header as BackupHeader;
    if (h.format !== FORMAT || typeof h.schemaVersion !== 'string' || !Array.isArray(h.migrations)) throw damaged('the header is not a Palermo backup header');
    if (h.formatVersion !== FORMAT_VERSION) throw new BackupError('backup-format', `backup format ${h.formatVersion} is not supported by this Palermo (it reads format ${FORMAT_VERSION})`);
    return { kind: 'header', header: h };
  }
  if (typeof v.table === 'string' && Array.isArray(v.columns) && v.columns.every((c: unknown) => typeof c === 'string')) {
    return { kind: 'table', table: v.table, columns: v.columns };
  }
  if (Array.isArray(v.sequences)) {
    const ok = v.sequences.every((q: any) => q && typeof q.name === 'string' && typeof q.value === 'string' && /^-?\d+$/.test(q.value) && typeof q.called === 'boolean');
    if (!ok) throw damaged(`line ${lineNo}: malformed sequences`);
    return { kind: 'sequences', sequences: v.sequences as SequenceValue[] };
  }
  if (v.end && typeof v.end === 'object' && typeof v.end.sha256 === 'string') {
    const rows = v.end.rows ?? {};
    if (typeof rows !== 'object' || Array.isArray(rows) || !Object.values(rows).every((n) => Number.isInteger(n))) throw damaged(`line ${lineNo}: malformed row counts`);
    return { kind: 'end', rows, sha256: v.end.sha256 };
  }
  throw damaged(`line ${lineNo} is not a section of a backup`);
}

/** Split a stream of text chunks into lines (without "\n"); the last piece is returned even without "\n". */
export async function* splitLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let rest = '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) {
      rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (!rest.includes('\n')) continue;
      const parts = rest.split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    rest += decoder.decode();
  } catch (err) {
    if (err instanceof TypeError) throw damaged('the content is not UTF-8 text');
    throw err;
  }
  if (rest !== '') yield rest;
}

/** Quote an identifier for SQL. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Quote a text literal for SQL (standard_conforming_strings, on by default since PostgreSQL 9.1). */
export const sqlText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Compare migration versions ("0054" < "0058"). */
export const newestVersion = (versions: string[]): string => [...versions].sort().at(-1) ?? '0000';
