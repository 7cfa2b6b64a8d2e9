/**
 * Reading a multipart upload of a shared document (API and page form): the fields, then the file
 * (at most MAX_DOCUMENT_BYTES, 413 beyond); a page form's CSRF field, sent before the file, is checked
 * before the file is read. Malformed bodies are a 400 naming `file`, never a 500.
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { assertFormToken } from '../accounts/index.js';
import { DocumentTooLargeError, MAX_DOCUMENT_BYTES } from './documents-service.js';

const FIELDS = new Set(['_csrf', 'title']);

export interface ReceivedUpload {
  fields: Record<string, string>;
  filename: string | null;
  content: Buffer;
}

export async function receiveUpload(app: App, request: FastifyRequest, form: boolean): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new ValidationError([{ field: 'file', message: 'the form must be sent as multipart/form-data' }]);
  const fields: Record<string, string> = {};
  let file: { filename: string | null; content: Buffer } | undefined;
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
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      const content = await part.toBuffer();
      if (part.file.truncated) throw new DocumentTooLargeError();
      file = { filename: part.filename ?? null, content };
    }
  } catch (err) {
    if ((err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') throw new DocumentTooLargeError();
    if (err instanceof AppError || (typeof (err as { statusCode?: unknown })?.statusCode === 'number' && (err as { statusCode: number }).statusCode < 500)) throw err;
    throw new ValidationError([{ field: 'file', message: `the upload could not be read (${(err as Error)?.message ?? 'malformed form'})` }]);
  }
  if (!tokenChecked) await assertFormToken(app, request, fields._csrf);
  if (!file) throw new ValidationError([{ field: 'file', message: 'choose a file (sent after the other fields of the form)' }]);
  return { fields, ...file };
}

export const MULTIPART_LIMITS = { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 4, fieldSize: 4096, parts: 6, headerPairs: 50 };
