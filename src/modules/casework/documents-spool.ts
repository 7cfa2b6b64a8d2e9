/**
 * An upload received into a temporary file before it enters the database: the size limit, the
 * SHA-256 and the type (from the content) are found as the bytes arrive, one network chunk in memory
 * at a time. The database transaction that stores the document then reads the file at disk speed, so
 * a slow client never holds a database connection (the embedded database has one in all).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { UploadTooLargeError, type UploadStream } from '../../platform/http/multipart.js';

/** The platform's 413 (the same for every upload) and a file part's stream, as casework's callers know them. */
export { UploadTooLargeError, type UploadStream } from '../../platform/http/multipart.js';
import { CHUNK_BYTES, sniffType, Utf8Check, type Sniffed } from './domain/documents.js';

export class UnsupportedTypeError extends AppError {
  constructor(
    readonly detected: string,
    field = 'file',
  ) {
    super(
      415,
      'unsupported-media-type',
      `The file's content is ${detected}, which is not accepted: send PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, TIFF, plain text (UTF-8), an e-mail (.eml) or an Outlook message (.msg)`,
      [{ field, message: `content is ${detected}` }],
    );
  }
}

export interface Spooled {
  path: string;
  byteSize: number;
  sha256: string;
  mediaType: string;
  /** Remove the temporary file. */
  remove(): Promise<void>;
}

/** Which field the refusals name, and the setting a 413 names (casework's by default). */
export interface SpoolLabels {
  field?: string;
  setting?: string;
}

/** Read the stream into a temporary file under `dir`, refusing (413/415/400) as soon as the content allows. */
export async function spoolUpload(stream: UploadStream, maxBytes: number, dir: string, labels: SpoolLabels = { setting: 'CASEWORK_MAX_UPLOAD_MB' }): Promise<Spooled> {
  const field = labels.field ?? 'file';
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${crypto.randomUUID()}.part`);
  const out = await fs.open(file, 'wx', 0o600);
  const remove = () => fs.rm(file, { force: true });
  const hash = crypto.createHash('sha256');
  const utf8 = new Utf8Check();
  let head: Buffer[] = [];
  let headBytes = 0;
  let sniffed: Sniffed | undefined;
  let size = 0;
  const decide = async () => {
    sniffed = await sniffType(Buffer.concat(head));
    head = [];
    if (!sniffed.accepted) throw new UnsupportedTypeError(sniffed.mediaType, field);
  };
  try {
    // Not destroyed when we stop early: the caller drains the rest, so the request still ends cleanly.
    for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) throw new UploadTooLargeError(maxBytes, field, labels.setting);
      hash.update(buf);
      if (!sniffed || sniffed.text) utf8.push(buf);
      if (!sniffed) {
        head.push(buf);
        headBytes += buf.length;
        if (headBytes >= CHUNK_BYTES) await decide();
      }
      await out.write(buf);
    }
    if (stream.truncated) throw new UploadTooLargeError(maxBytes, field, labels.setting);
    if (size === 0) throw new ValidationError([{ field, message: 'the file is empty' }]);
    if (!sniffed) await decide();
    if (sniffed!.text && !utf8.end()) throw new UnsupportedTypeError('application/octet-stream', field);
    await out.close();
    return { path: file, byteSize: size, sha256: hash.digest('hex'), mediaType: sniffed!.mediaType, remove };
  } catch (err) {
    await out.close().catch(() => undefined);
    await remove();
    throw err;
  }
}

/** The spooled file in chunks of CHUNK_BYTES (a fresh buffer each: the database driver may still hold the last one). */
export async function* spooledChunks(file: string): AsyncGenerator<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES);
      let filled = 0;
      while (filled < CHUNK_BYTES) {
        const { bytesRead } = await handle.read(buf, filled, CHUNK_BYTES - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      if (filled === 0) return;
      yield filled === CHUNK_BYTES ? buf : buf.subarray(0, filled);
      if (filled < CHUNK_BYTES) return;
    }
  } finally {
    await handle.close();
  }
}

/** Read what is left of an upload (bounded by the parser's limit) so that the request ends and the reply can be sent. */
export async function drain(stream: UploadStream): Promise<void> {
  if (stream.destroyed || stream.readableEnded) return;
  try {
    for await (const _ of stream) void _;
  } catch {
    // the client went away or the body was malformed: nothing left to read
  }
}

/** Where uploads are received (under DATA_DIR, which is on disk and kept per node). */
export function spoolDirOf(dataDir: string): string {
  return path.resolve(dataDir, 'tmp', 'uploads');
}

/** At start-up: remove what a crashed process left behind (files older than a day; an upload in progress never is). */
export async function removeStaleUploads(dir: string, olderThanMs = 24 * 3600 * 1000, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat?.isFile() && now - stat.mtimeMs > olderThanMs) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
