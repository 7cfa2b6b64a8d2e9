/**
 * The one multipart reader of every upload form and upload API (case documents, JIT documents,
 * forum attachments, case imports, directory imports, authentic instrument texts): the text fields
 * first, then one file. A page form's token (checked by the caller's `checkToken`, given the fields
 * read so far) is checked before a byte of the file is read. The file is handed to `take` as a
 * stream; parts after it, and whatever `take` leaves unread, are drained so the request ends cleanly.
 * A file over the limit is a 413 naming the file field; a malformed body a 400 naming it; never a 500.
 */
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError, ValidationError } from './errors.js';

/** An uploaded file's bytes (`truncated` set by the multipart parser when cut at its limit). */
export type UploadStream = Readable & { truncated?: boolean };

/** A file over its limit: 413 naming the file field, the setting that sets the limit, and what to do instead. */
export class UploadTooLargeError extends AppError {
  constructor(
    readonly maxBytes: number,
    field = 'file',
    setting?: string,
    advice?: string,
  ) {
    const mb = String(Math.round((maxBytes / 1024 / 1024) * 10) / 10);
    super(413, 'payload-too-large', `The file is larger than the limit of ${mb} MB${setting ? ` (${setting})` : ''}${advice ? `: ${advice}` : ''}`, [{ field, message: `larger than ${mb} MB` }]);
  }
}

export interface MultipartOptions {
  /** The text fields kept (any other is ignored; `_csrf` is always kept). */
  fields: readonly string[];
  /** Largest file in bytes (the parser's limit as registered): beyond it, 413 naming the file field. */
  maxBytes: number;
  /** Name of the file part (default `file`). */
  fileField?: string;
  /** The setting that sets the limit, named in the 413 for the administrator. */
  setting?: string;
  /** What to do instead of a too large upload (e.g. use the command line), said in the 413. */
  advice?: string;
  /** A page form's token check, called once with the fields read before the file (or at the end when there is no file). */
  checkToken?: (fields: Record<string, string>) => Promise<void>;
}

/** A file part as it arrives: its given name, its declared type and its bytes as a stream. */
export interface IncomingFile {
  filename: string | null;
  mimetype: string;
  stream: UploadStream;
}

export interface Received<T> {
  fields: Record<string, string>;
  /** What `take` made of the file; null when no file was chosen (a browser sends an empty, nameless part). */
  file: T | null;
}

/** An error met while reading an upload: the client's (a 4xx) keeps its status; the parser's limit is a 413; anything else is a 400 naming the file field, never a 500. */
export function uploadReadError(err: unknown, opts: Pick<MultipartOptions, 'maxBytes' | 'fileField' | 'setting' | 'advice'>): unknown {
  const field = opts.fileField ?? 'file';
  if ((err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') return new UploadTooLargeError(opts.maxBytes, field, opts.setting, opts.advice);
  if (err instanceof AppError || (typeof (err as { statusCode?: unknown })?.statusCode === 'number' && (err as { statusCode: number }).statusCode < 500)) return err;
  return new ValidationError([{ field, message: `the upload could not be read (${(err as Error)?.message ?? 'malformed form'})` }]);
}

/** Read the form, handing the file's stream to `take` with the fields read so far. */
export async function receiveMultipart<T>(request: FastifyRequest, opts: MultipartOptions, take: (file: IncomingFile, fields: Record<string, string>) => Promise<T>): Promise<Received<T>> {
  const fileField = opts.fileField ?? 'file';
  if (!request.isMultipart()) throw new ValidationError([{ field: fileField, message: 'the form must be sent as multipart/form-data' }]);
  const wanted = new Set(['_csrf', ...opts.fields]);
  const fields: Record<string, string> = {};
  let file: T | null = null;
  let taken = false;
  let tokenChecked = !opts.checkToken;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (wanted.has(part.fieldname) && typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
        continue;
      }
      if (!tokenChecked) {
        await opts.checkToken!(fields);
        tokenChecked = true;
      }
      if (part.fieldname !== fileField || taken || !part.filename) {
        part.file.resume();
        continue;
      }
      taken = true;
      file = await take({ filename: part.filename, mimetype: part.mimetype, stream: part.file }, fields);
      if (part.file.truncated) throw new UploadTooLargeError(opts.maxBytes, fileField, opts.setting, opts.advice);
    }
  } catch (err) {
    throw uploadReadError(err, opts);
  }
  if (!tokenChecked) await opts.checkToken!(fields);
  return { fields, file };
}

/** Read a file part whole as UTF-8 text (small files only: the parser's limit bounds it). */
export async function readText(stream: UploadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
