/**
 * A post's multipart form (page form and API), read by casework's one upload receiver: the fields
 * first, then at most one file (size limit, SHA-256, type from the content, streamed into a temporary
 * file). The page form's CSRF field, which comes before the file, is checked before the file is read.
 * The caller has already checked that the actor may post here (403 before the body is read).
 */
import fs from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { receiveUpload } from '../casework/index.js';
import { MAX_ATTACHMENT_BYTES } from './domain/input.js';
import type { ReceivedFile } from './service.js';

const FIELDS = ['title', 'body'];

/** Read the form; `form`: a page form, whose token is checked before the file. */
export async function receivePostForm(app: App, request: FastifyRequest, form: boolean): Promise<{ fields: Record<string, string>; file: ReceivedFile | null }> {
  const { fields, file } = await receiveUpload(app, request, { fields: FIELDS, form, maxBytes: MAX_ATTACHMENT_BYTES });
  if (!file) return { fields, file: null };
  try {
    return { fields, file: { filename: file.filename, mediaType: file.mediaType, byteSize: file.byteSize, sha256: file.sha256, content: await fs.readFile(file.path) } };
  } finally {
    await file.remove();
  }
}
