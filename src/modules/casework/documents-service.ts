/**
 * Case documents: upload (a new document or a new version), list, download, and who looked
 * (docs/CASEWORK.md "Documents"). Permission first: 403 before anything is read; a case the actor's
 * authorities cannot see is 404. Every statement runs in withCaseScope (row-level security).
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { allow, assertAllowedSomewhere, scopeOf, type Actor } from '../access/index.js';
import { checkDocumentFields, isUuid, safeFilename, type DocumentFields } from './domain/documents.js';
import type { DocumentKind } from './domain/vocabulary.js';
import { drain, spooledChunks, spoolUpload, type UploadStream } from './documents-spool.js';
import { appendEvent } from './repository/history.js';
import * as repo from './repository/documents.js';
import { withCaseScope } from './repository/scope.js';

export { UnsupportedTypeError, UploadTooLargeError, type UploadStream } from './documents-spool.js';

export interface DocumentView {
  id: string;
  caseId: string;
  executionId: string | null;
  kind: DocumentKind;
  title: string;
  filename: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  language: string | null;
  version: number;
  previousId: string | null;
  /** The newer version that replaced this one; null for the current version. */
  replacedBy: string | null;
  uploadedBy: string | null;
  uploadedAt: string;
}

function view(row: repo.DocumentRow, replacedBy: string | null = null): DocumentView {
  return {
    id: row.id,
    caseId: row.case_id,
    executionId: row.execution_id,
    kind: row.kind,
    title: row.title,
    filename: row.filename,
    mediaType: row.media_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    language: row.language,
    version: row.version,
    previousId: row.previous_id,
    replacedBy,
    uploadedBy: row.uploaded_by,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}

export interface UploadInput extends DocumentFields {
  /** The name the uploader gave the file (made safe; the extension follows the detected type). */
  filename: string | undefined;
  stream: UploadStream;
}

export interface UploadOptions {
  /** Largest accepted file (CASEWORK_MAX_UPLOAD_MB). */
  maxBytes: number;
  /** Directory for the temporary file of an upload in progress (DATA_DIR/tmp/uploads). */
  spoolDir: string;
}

const union = (...lists: string[][]) => [...new Set(lists.flat())];

function notFound(caseId: string): NotFoundError {
  return new NotFoundError(`No case ${caseId}`);
}

/**
 * Store an uploaded document (or a new version of one: `replaces`), checked before a byte of the
 * file is read: casework.edit on the case's authority, or casework.execute on the executing
 * authority of the track (`executionId`) the document belongs to. The file is then received (size,
 * type by content, SHA-256) and written in one transaction with its 'document_added' event.
 */
/** 401/403 unless the actor may add documents somewhere (to a case, or to an executing authority's track). */
export function assertMayUploadSomewhere(actor: Actor): void {
  if (!scopeOf(actor, 'casework.edit').some && !scopeOf(actor, 'casework.execute').some) assertAllowedSomewhere(actor, 'casework.edit');
}

export async function uploadDocument(db: Kysely<DB>, actor: Actor, caseId: string, input: UploadInput, opts: UploadOptions): Promise<DocumentView> {
  try {
    assertMayUploadSomewhere(actor);
    const edit = scopeOf(actor, 'casework.edit');
    const execute = scopeOf(actor, 'casework.execute');
    if (!isUuid(caseId)) throw notFound(caseId);
    const { fields, issues } = checkDocumentFields(input);
    if (issues.length) throw new ValidationError(issues);
    const authorities = union(edit.authorities, execute.authorities);

    const plan = await withCaseScope(db, authorities, async (trx) => {
      const kase = await repo.findCase(trx, caseId);
      if (!kase) throw notFound(caseId);
      let previous: repo.DocumentRow | undefined;
      if (fields.replaces) {
        previous = await repo.findDocument(trx, fields.replaces);
        if (!previous || previous.case_id !== caseId) throw new ValidationError([{ field: 'replaces', message: 'no such document in this case' }]);
        if (fields.executionId && fields.executionId !== previous.execution_id) throw new ValidationError([{ field: 'execution_id', message: 'a new version stays with the track of the document it replaces' }]);
      }
      const executionId = previous ? previous.execution_id : (fields.executionId ?? null);
      const track = executionId ? await repo.findTrack(trx, caseId, executionId) : undefined;
      if (executionId && !track) throw new ValidationError([{ field: 'execution_id', message: 'no such executing authority track in this case' }]);
      const mayEdit = allow(actor, 'casework.edit', { authorityId: kase.authority_id, country: kase.country });
      const mayExecute = !!track?.executing_authority_id && allow(actor, 'casework.execute', { authorityId: track.executing_authority_id, country: kase.country });
      if (!mayEdit && !mayExecute) throw new ForbiddenError(`You are not allowed to add documents to this case (${executionId ? 'casework.execute' : 'casework.edit'})`);
      if (previous) await assertCurrent(trx, previous);
      return {
        actingAuthorityId: mayEdit ? kase.authority_id : track!.executing_authority_id!,
        executionId,
        trackAuthorityId: track?.executing_authority_id ?? null,
        previous,
        kind: fields.kind ?? previous!.kind,
        title: fields.title ?? previous!.title,
        language: fields.language ?? previous?.language ?? null,
      };
    });

    const file = await spoolUpload(input.stream, opts.maxBytes, opts.spoolDir);
    try {
      const filename = safeFilename(input.filename || plan.previous?.filename, file.mediaType);
      return await withCaseScope(db, authorities, async (trx) => {
        if (plan.previous) await assertCurrent(trx, plan.previous);
        const version = plan.previous ? plan.previous.version + 1 : 1;
        const doc = {
          case_id: caseId,
          execution_id: plan.executionId,
          kind: plan.kind,
          title: plan.title,
          filename,
          media_type: file.mediaType,
          byte_size: file.byteSize,
          sha256: file.sha256,
          language: plan.language,
          version,
          previous_id: plan.previous?.id ?? null,
          uploaded_by: actor.userId,
        };
        const row = await repo.insertDocument(trx, doc).catch((err: unknown) => {
          throw isUniqueViolation(err) ? replacedConflict() : err;
        });
        let seq = 0;
        for await (const chunk of spooledChunks(file.path)) await repo.insertChunk(trx, row.id, seq++, chunk);
        await repo.markComplete(trx, row.id);
        await appendEvent(trx, {
          caseId,
          type: 'document_added',
          data: { document_id: row.id, kind: doc.kind, title: doc.title, filename, sha256: doc.sha256, byte_size: doc.byte_size, version, ...(doc.previous_id ? { previous_id: doc.previous_id } : {}), ...(doc.execution_id ? { execution_id: doc.execution_id, executing_authority_id: plan.trackAuthorityId } : {}) },
          actorId: actor.userId,
          actorName: actor.name,
          actingAuthorityId: plan.actingAuthorityId,
        });
        return view({ ...doc, id: row.id, uploaded_at: new Date(row.uploaded_at) });
      });
    } finally {
      await file.remove();
    }
  } catch (err) {
    await drain(input.stream);
    throw err;
  }
}

function replacedConflict(version?: number): ConflictError {
  return new ConflictError(`This version has already been replaced${version ? ` by version ${version}` : ''}: add the new version to the current one`, [{ field: 'replaces', message: 'not the current version' }]);
}

async function assertCurrent(trx: Parameters<typeof repo.successorOf>[0], doc: repo.DocumentRow): Promise<void> {
  const next = await repo.successorOf(trx, doc.id);
  if (next) throw replacedConflict(next.version);
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505';
}

export interface CaseDocuments {
  caseId: string;
  /** The case's reference, or its title before it has one (for headings). */
  reference: string;
  /** Every version, oldest first; `replacedBy` marks the versions no longer current. */
  documents: DocumentView[];
  /** May add documents to the case itself (casework.edit on its authority). */
  mayUpload: boolean;
  /** Tracks the actor may add a result to (all of them for the case's authority). */
  tracks: { id: string; name: string }[];
  /** May see who looked (casework.supervise on the case's authority). */
  maySupervise: boolean;
}

/** The documents of a case the actor may read (an executing authority: the case's and its own track's). */
export async function caseDocuments(db: Kysely<DB>, actor: Actor, caseId: string): Promise<CaseDocuments> {
  const read = assertAllowedSomewhere(actor, 'casework.read');
  if (!isUuid(caseId)) throw notFound(caseId);
  return withCaseScope(db, read.authorities, async (trx) => {
    const kase = await repo.findCase(trx, caseId);
    if (!kase) throw notFound(caseId);
    const rows = await repo.listDocuments(trx, caseId);
    const replacedBy = new Map(rows.filter((r) => r.previous_id).map((r) => [r.previous_id!, r.id]));
    const resource = { authorityId: kase.authority_id, country: kase.country };
    const mayUpload = allow(actor, 'casework.edit', resource);
    const tracks = (await repo.listTracks(trx, caseId))
      .filter((t) => mayUpload || (!!t.executing_authority_id && allow(actor, 'casework.execute', { authorityId: t.executing_authority_id, country: kase.country })))
      .map((t) => ({ id: t.id, name: t.executing_name }));
    return { caseId, reference: kase.reference ?? kase.title, documents: rows.map((r) => view(r, replacedBy.get(r.id) ?? null)), mayUpload, tracks, maySupervise: allow(actor, 'casework.supervise', resource) };
  });
}

export interface OpenedDocument {
  document: DocumentView;
  /** The content, one chunk at a time (each read in its own short scoped transaction); fails if it does not match its SHA-256. */
  content: AsyncGenerator<Buffer>;
}

/** Open a document for download (casework.read): the download is logged before the first byte is sent. */
export async function openDocument(db: Kysely<DB>, actor: Actor, documentId: string): Promise<OpenedDocument> {
  const read = assertAllowedSomewhere(actor, 'casework.read');
  if (!isUuid(documentId)) throw new NotFoundError(`No document ${documentId}`);
  const row = await withCaseScope(db, read.authorities, async (trx) => {
    const doc = await repo.findDocument(trx, documentId);
    const kase = doc && (await repo.findCase(trx, doc.case_id));
    if (!doc || !kase) throw new NotFoundError(`No document ${documentId}`);
    const acting = [kase.authority_id, ...kase.executing_authority_ids].find((a) => allow(actor, 'casework.read', { authorityId: a, country: kase.country }));
    if (!acting) throw new ForbiddenError('You are not allowed to do this (casework.read)');
    await repo.logAccess(trx, { caseId: kase.id, userId: actor.userId, userName: actor.name, actingAuthorityId: acting, action: 'download', documentId: doc.id });
    return doc;
  });
  return { document: view(row), content: chunks(db, read.authorities, row) };
}

async function* chunks(db: Kysely<DB>, authorities: string[], doc: repo.DocumentRow): AsyncGenerator<Buffer> {
  const hash = crypto.createHash('sha256');
  let after = -1;
  let bytes = 0;
  for (;;) {
    const chunk = await withCaseScope(db, authorities, (trx) => repo.chunkAfter(trx, doc.id, after));
    if (!chunk) break;
    if (chunk.seq !== after + 1) throw new AppError(500, 'integrity', `Document ${doc.id}: chunk ${after + 1} is missing`);
    after = chunk.seq;
    bytes += chunk.data.length;
    hash.update(chunk.data);
    yield chunk.data;
  }
  if (bytes !== doc.byte_size || hash.digest('hex') !== doc.sha256) throw new AppError(500, 'integrity', `Document ${doc.id}: the content does not match its SHA-256`);
}

export interface AccessView {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  actingAuthorityId: string | null;
  action: 'open' | 'download' | 'export';
  documentId: string | null;
}

/** Who opened the case or downloaded its documents, newest first (casework.supervise on the case's authority). */
export async function accessLog(db: Kysely<DB>, actor: Actor, caseId: string, page: { limit?: number; before?: number } = {}): Promise<AccessView[]> {
  const supervise = assertAllowedSomewhere(actor, 'casework.supervise');
  if (!isUuid(caseId)) throw notFound(caseId);
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 500);
  return withCaseScope(db, supervise.authorities, async (trx) => {
    const kase = await repo.findCase(trx, caseId);
    if (!kase) throw notFound(caseId);
    if (!allow(actor, 'casework.supervise', { authorityId: kase.authority_id, country: kase.country })) throw new ForbiddenError('You are not allowed to do this (casework.supervise)');
    const rows = await repo.listAccess(trx, caseId, limit, page.before);
    return rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), userId: r.user_id, userName: r.user_name, actingAuthorityId: r.acting_authority_id, action: r.action, documentId: r.document_id }));
  });
}
