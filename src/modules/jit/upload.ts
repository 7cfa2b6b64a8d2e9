/**
 * Sharing a document from a multipart upload (API and page form), read by casework's one upload
 * receiver: the membership and the open workspace are checked before the body is read, then the
 * fields, the CSRF field of a page form before the file, and the file streamed into a temporary file
 * (at most MAX_DOCUMENT_BYTES: 413 naming `file`; type from the content: 415), stored, and removed.
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { auditContext } from '../audit/index.js';
import { receiveRequiredUpload } from '../casework/index.js';
import { openTeamFor } from './access.js';
import { MAX_DOCUMENT_BYTES, uploadDocument } from './documents-service.js';
import type { DocumentRow } from './repository.js';

const UPLOAD_FIELDS = ['title', 'replaces'];

/** Receive and share the document of the request (`form`: a page form, whose token is checked before the file). */
export async function shareUpload(app: App, request: FastifyRequest, teamId: string, form: boolean): Promise<DocumentRow> {
  await openTeamFor(app.db, request.actor, teamId, 'jit.contribute'); // 403/409 before the body is read
  const { fields, file } = await receiveRequiredUpload(app, request, { fields: UPLOAD_FIELDS, form, maxBytes: MAX_DOCUMENT_BYTES });
  try {
    return await uploadDocument(app.db, auditContext(request), teamId, { title: fields.title, replaces: fields.replaces, file }, {}, app.config);
  } finally {
    await file.remove();
  }
}

export const MULTIPART_LIMITS = { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 4, fieldSize: 4096, parts: 6, headerPairs: 50 };
