/**
 * An import uploaded from the page: the file is streamed into the import (never held whole in
 * memory); a file over the size limit is refused with 413 before anything is written (the import
 * reads the whole file before writing, and the stream says it was cut at the limit).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { ValidationError } from '../../../platform/http/errors.js';
import { UploadTooLargeError, type UploadStream } from '../../../platform/http/multipart.js';
import { type AuditContext } from '../../audit/index.js';
import { importAuthorities, type ImportResult } from './service.js';

/** Largest file accepted by the upload form. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** What a 413 from the page says to do instead. */
export const TOO_LARGE_ADVICE = 'split it, or use the command line (palermo directory import)';

export interface UploadedFile {
  filename: string;
  /** The file's bytes; `truncated` is set when the upload went over the limit. */
  stream: UploadStream;
}

/** Import an uploaded file (.csv: CSV, anything else: JSON Lines). */
export async function importUpload(db: Kysely<DB>, ctx: AuditContext, file: UploadedFile, maxBytes = MAX_UPLOAD_BYTES): Promise<ImportResult> {
  if (!file.filename) throw new ValidationError([{ field: 'file', message: 'choose a .jsonl or .csv file' }]);
  const format = /\.csv$/i.test(file.filename) ? 'csv' : 'jsonl';
  let tooLarge = false;
  async function* open(): AsyncGenerator<Uint8Array> {
    // Not destroyed when the import stops early (at 1,000 problems): the rest is drained below.
    for await (const chunk of file.stream.iterator({ destroyOnReturn: false })) {
      yield chunk as Uint8Array;
    }
    if (file.stream.truncated) {
      tooLarge = true;
      throw new UploadTooLargeError(maxBytes, 'file', undefined, TOO_LARGE_ADVICE);
    }
  }
  try {
    return await importAuthorities(db, ctx, format, open);
  } catch (err) {
    // Whatever the import did not read is drained (at most the limit): a file cut at the limit is a 413
    // whatever problems its first part had.
    if (!file.stream.destroyed) for await (const _ of file.stream) void _;
    if (tooLarge || file.stream.truncated) throw new UploadTooLargeError(maxBytes, 'file', undefined, TOO_LARGE_ADVICE);
    throw err;
  }
}
