/**
 * Case documents over HTTP. API: POST /api/v1/casework/cases/:id/documents (multipart, streamed),
 * GET /api/v1/casework/cases/:id/documents, GET /api/v1/casework/documents/:docId/content (streamed,
 * sandboxed). Pages: /{lang}/casework/cases/:id/documents (every version, upload form without
 * JavaScript, who looked for supervisors). Permission is checked before the body is read; the page
 * form's CSRF field, which comes before the file, is checked before the file is read.
 */
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { ConflictError, ValidationError } from '../../platform/http/errors.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { pageContext, sendPage, href } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { ACCEPTED_TYPES, attachmentDisposition, servedType } from './domain/documents.js';
import { DOCUMENT_KINDS } from './domain/vocabulary.js';
import {
  accessLog,
  assertMayUploadSomewhere,
  caseDocuments,
  openDocument,
  uploadDocument,
  UnsupportedTypeError,
  UploadTooLargeError,
  type DocumentView,
} from './documents-service.js';
import { spoolDirOf } from './documents-spool.js';
import { receiveMultipart } from './upload-receiver.js';
import { contentPath, DocumentsPage, documentsPath, type UploadProblem } from './pages/documents.js';

const FIELDS = ['kind', 'title', 'language', 'execution_id', 'replaces', 'back'];

function limits(app: App) {
  return { maxBytes: app.config.caseworkMaxUploadMb * 1024 * 1024, spoolDir: spoolDirOf(app.config.dataDir) };
}

/**
 * Read the form (upload-receiver.ts): fields first, then the file, handed as a stream to the service
 * (which checks the permission and the case before reading it). `form`: a page form, whose token is
 * checked before the file.
 */
async function receive(app: App, request: FastifyRequest, caseId: string, form: boolean): Promise<{ doc: DocumentView; fields: Record<string, string> }> {
  const lim = limits(app);
  const { fields, file: doc } = await receiveMultipart(app, request, { fields: FIELDS, form, maxBytes: lim.maxBytes, setting: 'CASEWORK_MAX_UPLOAD_MB' }, (file, f) =>
    uploadDocument(app.db, request.actor, caseId, { kind: f.kind, title: f.title, language: f.language, executionId: f.execution_id, replaces: f.replaces, filename: file.filename ?? undefined, stream: file.stream }, lim),
  );
  if (!doc) throw new ValidationError([{ field: 'file', message: 'choose a file (sent after the other fields of the form)' }]);
  return { doc, fields };
}

const DocumentOut = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Identifier of this version' }),
    case_id: Type.String({ format: 'uuid' }),
    execution_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: "The executing authority's track it belongs to; null for the case" }),
    kind: Type.Enum([...DOCUMENT_KINDS]),
    title: Type.String(),
    filename: Type.String({ description: 'Name offered for download (made safe; extension of the detected type)' }),
    media_type: Type.String({ description: `Found from the content: ${Object.keys(ACCEPTED_TYPES).join(', ')}` }),
    byte_size: Type.Integer(),
    sha256: Type.String({ description: 'SHA-256 of the content, hex (also in the case history)' }),
    language: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer({ description: '1 for the first upload; each new version adds one' }),
    previous_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'The version this one replaces' }),
    replaced_by: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'The version that replaced this one; null for the current version' }),
    uploaded_by: Type.Union([Type.String(), Type.Null()]),
    uploaded_at: Type.String({ format: 'date-time' }),
    content_url: Type.String({ description: 'Where to download the content' }),
  },
  { additionalProperties: false },
);

function out(d: DocumentView) {
  return {
    id: d.id,
    case_id: d.caseId,
    execution_id: d.executionId,
    kind: d.kind,
    title: d.title,
    filename: d.filename,
    media_type: d.mediaType,
    byte_size: d.byteSize,
    sha256: d.sha256,
    language: d.language,
    version: d.version,
    previous_id: d.previousId,
    replaced_by: d.replacedBy,
    uploaded_by: d.uploadedBy,
    uploaded_at: d.uploadedAt,
    content_url: contentPath(d.id),
  };
}

const problems = (codes: Record<number, string>) => Object.fromEntries(Object.entries(codes).map(([k, d]) => [k, { ...ProblemSchema, description: d }]));
const CaseParams = Type.Object({ id: Type.String({ description: 'Identifier of the case' }) });

/** The same sandboxing as the portal's attachments: never rendered as a page of this site, never cached by others. */
function sendContent(reply: FastifyReply, d: DocumentView, content: AsyncGenerator<Buffer>): FastifyReply {
  return reply
    .type(servedType(d.mediaType))
    .header('content-disposition', attachmentDisposition(d.filename))
    .header('content-length', String(d.byteSize))
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('etag', `"${d.sha256}"`)
    .header('vary', 'Cookie, Authorization')
    .send(Readable.from(content));
}

export const documentRoutes: RoutePlugin = async (app) => {
  await app.register(multipart, { limits: { fileSize: app.config.caseworkMaxUploadMb * 1024 * 1024, files: 1, fields: 12, fieldSize: 4096, parts: 14, headerPairs: 50 } });

  app.post(
    '/api/v1/casework/cases/:id/documents',
    {
      schema: {
        tags: ['casework'],
        security: [{ bearerAuth: [] }],
        summary: 'Add a document (or a new version of one) to a case',
        description:
          'multipart/form-data with the fields `kind` (' +
          DOCUMENT_KINDS.join(', ') +
          '), `title`, optional `language` (BCP 47), `execution_id` (a result of an executing authority\'s track) and `replaces` (the id of the version this one replaces: kind, title and track are then taken from it unless given), then the part `file` last. The file is streamed; its type is found from its content (415 otherwise, naming the type found), its size limited by CASEWORK_MAX_UPLOAD_MB (413); nothing is stored unless everything is. Scope casework.edit (the case\'s authority) or casework.execute (the track\'s executing authority).',
        params: CaseParams,
        response: { 201: DocumentOut, ...problems({ 400: 'A field is invalid (errors names it)', 403: 'Not allowed', 404: 'No such case for the caller', 409: 'The version given in replaces has already been replaced', 413: 'The file is over the limit', 415: 'The content is not an accepted type' }) },
      },
    },
    async (request, reply) => {
      assertMayUploadSomewhere(request.actor);
      const { id } = request.params as { id: string };
      const { doc } = await receive(app, request, id, false);
      return reply.code(201).header('location', contentPath(doc.id)).send(out(doc));
    },
  );

  app.get(
    '/api/v1/casework/cases/:id/documents',
    {
      schema: {
        tags: ['casework'],
        security: [{ bearerAuth: [] }],
        summary: "A case's documents, every version",
        description: "Scope casework.read. An executing authority sees the case's documents and those of its own track.",
        params: CaseParams,
        response: {
          200: Type.Object({ documents: Type.Array(DocumentOut, { description: 'Oldest first; replaced_by marks versions no longer current' }), may_upload: Type.Boolean(), tracks: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: 'Tracks the caller may add results to' }) }),
          ...problems({ 403: 'Not allowed', 404: 'No such case for the caller' }),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const model = await caseDocuments(app.db, request.actor, id);
      reply.header('cache-control', 'private, no-store').header('vary', 'Cookie, Authorization');
      return { documents: model.documents.map(out), may_upload: model.mayUpload, tracks: model.tracks };
    },
  );

  app.get(
    '/api/v1/casework/documents/:docId/content',
    {
      exposeHeadRoute: false,
      schema: {
        tags: ['casework'],
        security: [{ bearerAuth: [] }],
        summary: 'Download a document',
        description: 'The content, streamed, as an attachment (Content-Security-Policy sandbox, nosniff, not cached). Scope casework.read. Each download is recorded in the case\'s access log.',
        params: Type.Object({ docId: Type.String({ description: 'Identifier of the document version' }) }),
        response: problems({ 403: 'Not allowed', 404: 'No such document for the caller' }),
      },
    },
    async (request, reply) => {
      const { docId } = request.params as { docId: string };
      const opened = await openDocument(app.db, request.actor, docId);
      return sendContent(reply, opened.document, opened.content);
    },
  );

  await pageRoutes(async (pages) => {
    const render = async (request: FastifyRequest, reply: FastifyReply, extra: { addedId?: string; problem?: UploadProblem } = {}, status = 200) => {
      const { id } = request.params as { id: string };
      const model = await caseDocuments(app.db, request.actor, id);
      const access = model.maySupervise ? await accessLog(app.db, request.actor, id) : undefined;
      const added = extra.addedId ? model.documents.find((d) => d.id === extra.addedId) : undefined;
      const props = { ctx: pageContext(request), model, reference: model.reference, access, maxMb: app.config.caseworkMaxUploadMb, added, problem: extra.problem };
      return sendPage(reply, DocumentsPage(props), status);
    };

    pages.get('/casework/cases/:id/documents', async (request, reply) => {
      const { added } = request.query as { added?: unknown };
      return render(request, reply, { addedId: typeof added === 'string' ? added : undefined });
    });

    pages.post('/casework/cases/:id/documents', { config: { csrfInMultipart: true } }, async (request, reply) => {
      assertMayUploadSomewhere(request.actor);
      const { id } = request.params as { id: string };
      const ctx = pageContext(request);
      try {
        const { doc, fields } = await receive(app, request, id, true);
        const to = fields.back === 'case' ? href(ctx, `/casework/cases/${id}`, { added: doc.id }) + '#documents' : href(ctx, documentsPath(id), { added: doc.id });
        return reply.redirect(to, 303);
      } catch (err) {
        const problem = asProblem(err);
        if (!problem) throw err;
        const e = err as { status?: number; statusCode?: number };
        return render(request, reply, { problem }, e.status ?? e.statusCode ?? 400);
      }
    });
  })(app);
};

/** A refused upload shown on the form (the page is shown again); anything else (403, 404) is thrown. */
function asProblem(err: unknown): UploadProblem | undefined {
  if (err instanceof UploadTooLargeError || (err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') return { kind: 'too_large' };
  if (err instanceof UnsupportedTypeError) return { kind: 'type', detected: err.detected };
  if (err instanceof ConflictError) return { kind: 'conflict' };
  if (err instanceof ValidationError) return { kind: 'fields', issues: err.issues ?? [] };
  return undefined;
}
