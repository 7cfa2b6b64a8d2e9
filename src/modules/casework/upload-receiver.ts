/**
 * The one multipart receiver of every upload form (case documents, JIT shared documents, forum
 * attachments; pages and API): the text fields first, then one file. A page form's CSRF field, sent
 * before the file, is checked before a byte of the file is read. The file is either handed as a
 * stream to the caller (`receiveMultipart`: casework checks the case before reading it) or streamed
 * into a temporary file (`receiveUpload`, with `spoolUpload`: size limit, SHA-256 and type from the
 * content as the bytes arrive, one network chunk in memory at a time). A file over the limit is a 413
 * naming the file field; a malformed body is a 400 naming it, never a 500.
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { assertFormToken } from '../accounts/index.js';
import { safeFilename } from './domain/documents.js';
import { spoolDirOf, spoolUpload, UploadTooLargeError, type Spooled, type UploadStream } from './documents-spool.js';

export interface ReceiveOptions {
  /** The text fields kept (any other field is ignored; `_csrf` is always kept). */
  fields: readonly string[];
  /** A page form: its `_csrf` field is checked before the file is read (an API call is checked by its header). */
  form: boolean;
  /** Largest file in bytes: beyond it, 413 naming the file field. */
  maxBytes: number;
  /** Name of the file part (default `file`). */
  fileField?: string;
  /** The setting that sets the limit, named in the 413 for the administrator (e.g. CASEWORK_MAX_UPLOAD_MB). */
  setting?: string;
}

/** A file part as it arrives: its given name and its bytes as a stream. */
export interface IncomingFile {
  filename: string | null;
  stream: UploadStream;
}

/** A file received into a temporary file: the caller stores it and then calls `remove()`. */
export interface ReceivedUpload extends Spooled {
  /** The uploader's name made safe, with the extension of the type found. */
  filename: string;
}

export interface Received<T> {
  fields: Record<string, string>;
  /** What `take` made of the file; null when no file was chosen (a browser sends an empty, nameless part). */
  file: T | null;
}

/** A multipart error that is the client's fault is a 4xx naming the file field, never a 500. */
function uploadError(err: unknown, opts: ReceiveOptions): unknown {
  const field = opts.fileField ?? 'file';
  if ((err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') return new UploadTooLargeError(opts.maxBytes, field, opts.setting);
  if (err instanceof AppError || (typeof (err as { statusCode?: unknown })?.statusCode === 'number' && (err as { statusCode: number }).statusCode < 500)) return err;
  return new ValidationError([{ field, message: `the upload could not be read (${(err as Error)?.message ?? 'malformed form'})` }]);
}

/**
 * Read the form, handing the file's stream to `take` with the fields read so far. Parts after the
 * first file, and whatever `take` leaves unread, are drained so that the request ends cleanly.
 */
export async function receiveMultipart<T>(app: App, request: FastifyRequest, opts: ReceiveOptions, take: (file: IncomingFile, fields: Record<string, string>) => Promise<T>): Promise<Received<T>> {
  const fileField = opts.fileField ?? 'file';
  if (!request.isMultipart()) throw new ValidationError([{ field: fileField, message: 'the form must be sent as multipart/form-data' }]);
  const wanted = new Set(['_csrf', ...opts.fields]);
  const fields: Record<string, string> = {};
  let file: T | null = null;
  let taken = false;
  let tokenChecked = !opts.form;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (wanted.has(part.fieldname) && typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (!tokenChecked) {
        await assertFormToken(app, request, fields._csrf);
        tokenChecked = true;
      }
      if (part.fieldname !== fileField || taken || !part.filename) {
        part.file.resume();
        continue;
      }
      taken = true;
      file = await take({ filename: part.filename, stream: part.file }, fields);
      if (part.file.truncated) throw new UploadTooLargeError(opts.maxBytes, fileField, opts.setting);
    }
  } catch (err) {
    throw uploadError(err, opts);
  }
  if (!tokenChecked) await assertFormToken(app, request, fields._csrf);
  return { fields, file };
}

/**
 * Read the form, streaming the file into a temporary file under DATA_DIR (refused as soon as it is
 * over the limit or its content is of a refused type). The caller removes the file once stored.
 */
export async function receiveUpload(app: App, request: FastifyRequest, opts: ReceiveOptions): Promise<Received<ReceivedUpload>> {
  let spooled: ReceivedUpload | null = null;
  try {
    return await receiveMultipart(app, request, opts, async (incoming) => {
      const file = await spoolUpload(incoming.stream, opts.maxBytes, spoolDirOf(app.config.dataDir), { field: opts.fileField ?? 'file', setting: opts.setting });
      spooled = { ...file, filename: safeFilename(incoming.filename ?? undefined, file.mediaType) };
      return spooled;
    });
  } catch (err) {
    await (spooled as ReceivedUpload | null)?.remove();
    throw err;
  }
}

/** `receiveUpload` with the file required (400 naming the field when none was chosen). */
export async function receiveRequiredUpload(app: App, request: FastifyRequest, opts: ReceiveOptions): Promise<{ fields: Record<string, string>; file: ReceivedUpload }> {
  const got = await receiveUpload(app, request, opts);
  if (!got.file) throw new ValidationError([{ field: opts.fileField ?? 'file', message: 'choose a file (sent after the other fields of the form)' }]);
  return { fields: got.fields, file: got.file };
}
