/**
 * Casework's upload receiver (case documents, JIT shared documents, forum attachments; pages and
 * API), over the platform's multipart reader (platform/http/multipart.ts): a page form's token is
 * checked before a byte of the file is read, then the file is either handed as a stream to the caller
 * (`receiveMultipart`: casework checks the case before reading it) or streamed into a temporary file
 * (`receiveUpload`, with `spoolUpload`: size limit, SHA-256 and type from the content as the bytes
 * arrive, one network chunk in memory at a time).
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { ValidationError } from '../../platform/http/errors.js';
import { receiveMultipart as readMultipart, type IncomingFile, type MultipartOptions, type Received } from '../../platform/http/multipart.js';
import { assertFormToken } from '../accounts/index.js';
import { safeFilename } from './domain/documents.js';
import { spoolDirOf, spoolUpload, type Spooled } from './documents-spool.js';

export type { IncomingFile, Received } from '../../platform/http/multipart.js';

export interface ReceiveOptions extends Omit<MultipartOptions, 'checkToken'> {
  /** A page form: its `_csrf` field is checked before the file is read (an API call is checked by its header). */
  form: boolean;
}

/** A file received into a temporary file: the caller stores it and then calls `remove()`. */
export interface ReceivedUpload extends Spooled {
  /** The uploader's name made safe, with the extension of the type found. */
  filename: string;
}

/** Read the form, handing the file's stream to `take`; a page form's token is checked first. */
export function receiveMultipart<T>(app: App, request: FastifyRequest, opts: ReceiveOptions, take: (file: IncomingFile, fields: Record<string, string>) => Promise<T>): Promise<Received<T>> {
  const { form, ...rest } = opts;
  return readMultipart(request, { ...rest, ...(form ? { checkToken: (fields: Record<string, string>) => assertFormToken(app, request, fields._csrf) } : {}) }, take);
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
