/**
 * A post's multipart form (page form and API): the fields first, then at most one file, received
 * like case documents (casework's spool: size limit, SHA-256, type from the content). The page form's
 * CSRF field, which comes before the file, is checked before the file is read. The caller has
 * already checked that the actor may post here (403 before the body is read).
 */
import fs from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { assertFormToken } from '../accounts/index.js';
import { safeFilename, spoolDirOf, spoolUpload, UploadTooLargeError } from '../casework/index.js';
import { MAX_ATTACHMENT_BYTES } from './domain/input.js';
import type { ReceivedFile } from './service.js';

const FIELDS = new Set(['_csrf', 'title', 'body']);

export class AttachmentTooLargeError extends AppError {
  constructor() {
    super(413, 'payload-too-large', `The file is larger than the limit of ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, [{ field: 'file', message: `larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` }]);
  }
}

/** A multipart error that is the client's fault is a 4xx naming the file, never a 500. */
function uploadError(err: unknown): unknown {
  if (err instanceof UploadTooLargeError || (err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') return new AttachmentTooLargeError();
  if (err instanceof AppError || (typeof (err as { statusCode?: unknown })?.statusCode === 'number' && (err as { statusCode: number }).statusCode < 500)) return err;
  return new ValidationError([{ field: 'file', message: `the upload could not be read (${(err as Error)?.message ?? 'malformed form'})` }]);
}

/** Read the form; `form`: a page form, whose token is checked before the file. */
export async function receivePostForm(app: App, request: FastifyRequest, form: boolean): Promise<{ fields: Record<string, string>; file: ReceivedFile | null }> {
  if (!request.isMultipart()) throw new ValidationError([{ field: 'file', message: 'the form must be sent as multipart/form-data' }]);
  const fields: Record<string, string> = {};
  let file: ReceivedFile | null = null;
  let tokenChecked = !form;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (FIELDS.has(part.fieldname) && typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (!tokenChecked) {
        await assertFormToken(app, request, fields._csrf);
        tokenChecked = true;
      }
      // A browser sends an empty file part when no file was chosen.
      if (part.fieldname !== 'file' || file || !part.filename) {
        part.file.resume();
        continue;
      }
      const spooled = await spoolUpload(part.file, MAX_ATTACHMENT_BYTES, spoolDirOf(app.config.dataDir));
      try {
        file = { filename: safeFilename(part.filename, spooled.mediaType), mediaType: spooled.mediaType, byteSize: spooled.byteSize, sha256: spooled.sha256, content: await fs.readFile(spooled.path) };
      } finally {
        await spooled.remove();
      }
    }
  } catch (err) {
    throw uploadError(err);
  }
  if (!tokenChecked) await assertFormToken(app, request, fields._csrf);
  return { fields, file };
}
