/**
 * Shared documents of a team and their evidence log: each upload, view (details) and download is
 * logged, with who, for which member authority, when and the SHA-256 of the content, in the same
 * transaction as the act (the log is append-only in the database). Uploads only while the workspace
 * is open; members still read and download after its end date, and that is logged too.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Config } from '../../config.js';
import { AppError, ConflictError, ValidationError } from '../../platform/http/errors.js';
import { allow, type Actor } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { UploadTooLargeError } from '../casework/index.js';
import { actingAuthority, actorName, isUuid, NotMemberError, openTeamFor, teamFor, type Clock } from './access.js';
import { parseDocumentFields } from './domain/inputs.js';
import { safeFilename } from './domain/files.js';
import type { EvidenceAction } from './domain/vocabulary.js';
import { notifyMembers } from './notifications.js';
import * as repo from './repository.js';

/** Largest shared document accepted (held in the database with the rest of the evidence). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A file received into a temporary file (casework's upload receiver): size, SHA-256 and type already found. */
export interface SpooledFile {
  filename: string | null;
  path: string;
  byteSize: number;
  sha256: string;
  mediaType: string;
}

export interface UploadInput {
  title?: unknown;
  /** The id of the version this upload replaces (a new version; the title defaults to its title). */
  replaces?: unknown;
  file: SpooledFile;
}

async function log(db: Kysely<DB>, actor: Actor, doc: repo.DocumentRow, action: EvidenceAction, authorityId: string | null): Promise<void> {
  await repo.insertEvidence(db, { team_id: doc.team_id, document_id: doc.id, action, sha256: doc.sha256, user_id: actor.userId, user_name: actorName(actor), authority_id: authorityId });
}

/** The version a new upload replaces: a current document of the same team (400 naming `replaces`, 409 when already replaced). */
async function replaced(db: Kysely<DB>, teamId: string, replaces: unknown): Promise<repo.DocumentRow | null> {
  if (replaces === undefined || replaces === null || replaces === '') return null;
  const prev = isUuid(replaces) ? await repo.selectDocument(db, replaces) : undefined;
  if (!prev || prev.team_id !== teamId) throw new ValidationError([{ field: 'replaces', message: "is not one of this team's documents" }]);
  if (prev.replaced_by) throw new ConflictError('This version has already been replaced: replace the current version', [{ field: 'replaces', message: 'already replaced' }]);
  return prev;
}

/**
 * Share a document in the workspace (or a new version of one: the old versions and their evidence
 * stay): stored with its SHA-256, logged as uploaded, the members told by mail (when `config` is given).
 */
export async function uploadDocument(db: Kysely<DB>, ctx: AuditContext, teamId: unknown, input: UploadInput, clock: Clock = {}, config?: Config): Promise<repo.DocumentRow> {
  const access = await openTeamFor(db, ctx.actor, teamId, 'jit.contribute', clock);
  const prev = await replaced(db, access.team.id, input.replaces);
  const fields = parseDocumentFields({ title: input.title === undefined || input.title === '' ? prev?.title : input.title });
  const issues = fields.ok ? [] : [...fields.issues];
  if (input.file.byteSize === 0) issues.push({ field: 'file', message: 'the file is empty' });
  if (issues.length) throw new ValidationError(issues);
  if (input.file.byteSize > MAX_DOCUMENT_BYTES) throw new UploadTooLargeError(MAX_DOCUMENT_BYTES, 'file', undefined);
  const title = (fields as { value: { title: string } }).value.title;
  const { sha256 } = input.file;
  const authorityId = actingAuthority(ctx.actor, access.memberIds, 'jit.contribute')!;
  // Read from the temporary file at disk speed inside the transaction (held as one value: the column is bytea).
  const content = await fs.readFile(input.file.path);
  if (content.length !== input.file.byteSize || crypto.createHash('sha256').update(content).digest('hex') !== sha256) throw new AppError(500, 'integrity', 'The received file changed on disk');
  return db.transaction().execute(async (trx) => {
    const id = await repo
      .insertDocument(trx, {
        team_id: access.team.id,
        title,
        filename: safeFilename(input.file.filename ?? prev?.filename),
        byte_size: content.length,
        sha256,
        content,
        uploaded_by: ctx.actor.userId,
        uploaded_by_name: actorName(ctx.actor),
        authority_id: authorityId,
        version: prev ? prev.version + 1 : 1,
        previous_id: prev?.id ?? null,
        media_type: input.file.mediaType,
      })
      .catch((err: unknown) => {
        // Two members replacing the same version at once: the second is told to replace the current one.
        if ((err as { code?: string })?.code === '23505') throw new ConflictError('This version has already been replaced: replace the current version', [{ field: 'replaces', message: 'already replaced' }]);
        throw err;
      });
    const doc = (await repo.selectDocument(trx, id))!;
    await log(trx, ctx.actor, doc, 'upload', authorityId);
    await recordAudit(trx, ctx, { action: 'jit.document_upload', targetType: 'jit_document', targetId: id, changes: { team_id: access.team.id, sha256, byte_size: doc.byte_size, version: doc.version, previous_id: doc.previous_id } });
    if (config) await notifyMembers(trx, config, { teamId: access.team.id, members: access.memberIds, authorId: ctx.actor.userId, event: 'document' });
    return doc;
  });
}

/** A document for a member of its team (the same 403 for an unknown document as for another team's). */
async function documentFor(db: Kysely<DB>, actor: Actor, docId: unknown, clock: Clock) {
  if (!isUuid(docId)) {
    await teamFor(db, actor, null, 'jit.read', clock); // 401/403: never an answer about the id
    throw new NotMemberError();
  }
  const doc = await repo.selectDocument(db, docId);
  const access = await teamFor(db, actor, doc?.team_id ?? null, 'jit.read', clock);
  return { doc: doc!, access };
}

/** A document's details, logged as viewed; with its own evidence log and every version of it. */
export async function viewDocument(db: Kysely<DB>, actor: Actor, docId: unknown, clock: Clock = {}): Promise<{ document: repo.DocumentRow; evidence: repo.EvidenceRow[]; versions: repo.DocumentRow[]; teamTitle: string; teamId: string; members: repo.MemberRow[]; mayAddVersion: boolean }> {
  const { doc, access } = await documentFor(db, actor, docId, clock);
  await log(db, actor, doc, 'view', actingAuthority(actor, access.memberIds, 'jit.read'));
  const mayAddVersion = !access.closed && !doc.replaced_by && allow(actor, 'jit.contribute', { memberAuthorityIds: access.memberIds });
  return { document: doc, evidence: await repo.selectEvidence(db, doc.team_id, doc.id), versions: await repo.selectVersions(db, doc.id), teamTitle: access.team.title, teamId: access.team.id, members: access.members, mayAddVersion };
}

/** A document's content, logged as downloaded (the log is written before the bytes are sent). */
export async function downloadDocument(db: Kysely<DB>, actor: Actor, docId: unknown, clock: Clock = {}): Promise<{ document: repo.DocumentRow; content: Buffer }> {
  const { doc, access } = await documentFor(db, actor, docId, clock);
  return db.transaction().execute(async (trx) => {
    const content = await repo.selectDocumentContent(trx, doc.id);
    await log(trx, actor, doc, 'download', actingAuthority(actor, access.memberIds, 'jit.read'));
    return { document: doc, content };
  });
}

/** The team's evidence log, newest first. */
export async function evidenceLog(db: Kysely<DB>, actor: Actor, teamId: unknown, clock: Clock = {}): Promise<repo.EvidenceRow[]> {
  const access = await teamFor(db, actor, teamId, 'jit.read', clock);
  return repo.selectEvidence(db, access.team.id);
}
