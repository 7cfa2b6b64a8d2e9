/** Reading a backup file: detect encryption, decrypt, decompress, split and check lines (pass 1: verify). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AGE_MAGIC, decryptStream, type BackupKey } from './crypto.js';
import { BackupError, parseLine, splitLines, type BackupHeader, type BackupManifest, type ParsedLine } from './format.js';

/** Is the file encrypted (age), plain (gzip), or neither? */
export function fileKind(file: string): 'age' | 'gzip' {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(AGE_MAGIC.length);
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw new BackupError('backup-missing', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (head.toString('latin1') === AGE_MAGIC) return 'age';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  throw new BackupError('backup-damaged', `${file} is not a Palermo backup (neither gzip nor age)`);
}

export interface CheckedLine {
  parsed: ParsedLine;
  lineNo: number;
  /** The line as written (without its "\n"). */
  text: string;
}

/**
 * Every line of the backup, parsed, in order, hash-checked: throws a BackupError when the file is
 * damaged, truncated, tampered with (SHA-256 or row counts differ from the end line) or the key is wrong.
 * The end line is yielded last, after its checks passed.
 */
export async function* readBackupLines(file: string, key?: BackupKey): AsyncGenerator<CheckedLine> {
  let stream: Readable = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  if (fileKind(file) === 'age') stream = await decryptStream(stream, key);
  const gunzip = zlib.createGunzip();
  stream.on('error', (err) => gunzip.destroy(err));
  stream.pipe(gunzip);
  const hash = crypto.createHash('sha256');
  const counts: Record<string, number> = {};
  let table: string | undefined;
  let lineNo = 0;
  let ended = false;
  let header: BackupHeader | undefined;
  try {
    for await (const text of splitLines(gunzip)) {
      lineNo++;
      if (ended) throw new BackupError('backup-damaged', `the backup file is damaged: content after the end (line ${lineNo})`);
      const parsed = parseLine(text, lineNo);
      if (lineNo === 1 && parsed.kind !== 'header') throw new BackupError('backup-damaged', 'the backup file is damaged: it does not start with a header');
      if (parsed.kind === 'header') {
        if (lineNo !== 1) throw new BackupError('backup-damaged', `the backup file is damaged: a second header at line ${lineNo}`);
        header = parsed.header;
      } else if (parsed.kind === 'table') {
        table = parsed.table;
        counts[table] = 0;
      } else if (parsed.kind === 'row') {
        if (table === undefined) throw new BackupError('backup-damaged', `the backup file is damaged: a row before any table (line ${lineNo})`);
        counts[table]!++;
      } else if (parsed.kind === 'end') {
        ended = true;
        if (hash.digest('hex') !== parsed.sha256) throw tampered('its SHA-256 differs from the one recorded');
        const recorded = parsed.rows;
        const names = new Set([...Object.keys(recorded), ...Object.keys(counts)]);
        for (const name of names) {
          if (recorded[name] !== counts[name]) throw tampered(`table ${name} holds ${counts[name] ?? 0} rows, the manifest says ${recorded[name] ?? 0}`);
        }
      }
      if (!ended) hash.update(`${text}\n`);
      yield { parsed, lineNo, text };
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError('backup-damaged', `the backup file is damaged or was changed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    stream.destroy();
    gunzip.destroy();
  }
  if (!header) throw new BackupError('backup-damaged', 'the backup file is empty');
  if (!ended) throw new BackupError('backup-damaged', 'the backup file is incomplete (no end section): it was cut short');
}

const tampered = (why: string) => new BackupError('backup-tampered', `the backup file was damaged or changed after it was written: ${why}`);

/** Pass 1: read the whole file and check it; returns its manifest. */
export async function verifyBackup(file: string, key?: BackupKey): Promise<BackupManifest> {
  let header: BackupHeader | undefined;
  let rows: Record<string, number> = {};
  let sha256 = '';
  let sequences = 0;
  for await (const { parsed } of readBackupLines(file, key)) {
    if (parsed.kind === 'header') header = parsed.header;
    else if (parsed.kind === 'sequences') sequences = parsed.sequences.length;
    else if (parsed.kind === 'end') ({ rows, sha256 } = parsed);
  }
  return { ...header!, rows, sequences, sha256 };
}
