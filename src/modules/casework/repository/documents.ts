/**
 * SQL of case documents and the access log. Every function runs in the caller's scoped transaction
 * (withCaseScope): row-level security shows only the acting authorities' cases, and of a track's
 * documents only those of the owning or that executing authority (migration 0063).
 */
import type { Selectable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CaseDocumentsTable } from '../tables.js';

declare module '../tables.js' {
  interface CaseAccessLogTable {
    /** Migration 0063: the user's name at the time. */
    user_name: string | null;
  }
}

type Trx = Transaction<DB>;

export interface CaseForDocuments {
  id: string;
  authority_id: string;
  country: string;
  executing_authority_ids: string[];
  reference: string | null;
  title: string;
}

export async function findCase(trx: Trx, caseId: string): Promise<CaseForDocuments | undefined> {
  return trx.selectFrom('casework_cases').select(['id', 'authority_id', 'country', 'executing_authority_ids', 'reference', 'title']).where('id', '=', caseId).executeTakeFirst();
}

export interface TrackRow {
  id: string;
  executing_authority_id: string | null;
  executing_name: string;
}

/** The executing authorities' tracks of a case the scope may see. */
export async function listTracks(trx: Trx, caseId: string): Promise<TrackRow[]> {
  return trx.selectFrom('case_executions').select(['id', 'executing_authority_id', 'executing_name']).where('case_id', '=', caseId).orderBy('created_at').execute();
}

export async function findTrack(trx: Trx, caseId: string, executionId: string): Promise<TrackRow | undefined> {
  return trx.selectFrom('case_executions').select(['id', 'executing_authority_id', 'executing_name']).where('case_id', '=', caseId).where('id', '=', executionId).executeTakeFirst();
}

const DOCUMENT_COLUMNS = ['id', 'case_id', 'execution_id', 'kind', 'title', 'filename', 'media_type', 'byte_size', 'sha256', 'language', 'version', 'previous_id', 'uploaded_by', 'uploaded_at'] as const;

/** A document version as read (its content is in the chunks). */
export type DocumentRow = Omit<Selectable<CaseDocumentsTable>, 'complete'>;

function normalise(row: DocumentRow): DocumentRow {
  // bigint arrives as a string from node-postgres.
  return { ...row, byte_size: Number(row.byte_size) };
}

/** A complete document version (an interrupted upload never is). */
export async function findDocument(trx: Trx, documentId: string): Promise<DocumentRow | undefined> {
  const row = await trx.selectFrom('case_documents').select(DOCUMENT_COLUMNS).where('id', '=', documentId).where('complete', '=', true).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** Every complete version of the case's documents, oldest first. */
export async function listDocuments(trx: Trx, caseId: string): Promise<DocumentRow[]> {
  const rows = await trx.selectFrom('case_documents').select(DOCUMENT_COLUMNS).where('case_id', '=', caseId).where('complete', '=', true).orderBy('uploaded_at').orderBy('id').execute();
  return rows.map(normalise);
}

/** The version that replaced this one, if any (whether the scope sees it or not does not matter: it is of the same track). */
export async function successorOf(trx: Trx, documentId: string): Promise<{ id: string; version: number } | undefined> {
  return trx.selectFrom('case_documents').select(['id', 'version']).where('previous_id', '=', documentId).executeTakeFirst();
}

export type NewDocument = Omit<DocumentRow, 'id' | 'uploaded_at'>;

/** Insert the document row, not yet complete; its chunks follow, then markComplete. */
export async function insertDocument(trx: Trx, doc: NewDocument): Promise<{ id: string; uploaded_at: Date | string }> {
  return trx.insertInto('case_documents').values({ ...doc, complete: false }).returning(['id', 'uploaded_at']).executeTakeFirstOrThrow();
}

export async function insertChunk(trx: Trx, documentId: string, seq: number, data: Buffer): Promise<void> {
  await trx.insertInto('case_document_chunks').values({ document_id: documentId, seq, data }).execute();
}

export async function markComplete(trx: Trx, documentId: string): Promise<void> {
  await trx.updateTable('case_documents').set({ complete: true }).where('id', '=', documentId).execute();
}

/** The first chunk after `afterSeq` (keyset: one chunk in memory at a time). */
export async function chunkAfter(trx: Trx, documentId: string, afterSeq: number): Promise<{ seq: number; data: Buffer } | undefined> {
  return trx.selectFrom('case_document_chunks').select(['seq', 'data']).where('document_id', '=', documentId).where('seq', '>', afterSeq).orderBy('seq').limit(1).executeTakeFirst();
}

export interface AccessEntry {
  caseId: string;
  userId: string | null;
  userName: string | null;
  actingAuthorityId: string | null;
  action: 'open' | 'download' | 'export';
  documentId: string | null;
}

export async function logAccess(trx: Trx, e: AccessEntry): Promise<void> {
  await trx
    .insertInto('case_access_log')
    .values({ case_id: e.caseId, user_id: e.userId, user_name: e.userName, acting_authority_id: e.actingAuthorityId, action: e.action, document_id: e.documentId })
    .execute();
}

export interface AccessRow {
  id: number;
  user_id: string | null;
  user_name: string | null;
  acting_authority_id: string | null;
  action: 'open' | 'download' | 'export';
  document_id: string | null;
  at: Date | string;
}

/** Who looked at the case, newest first (keyset on id: `before` is the last id of the previous page). */
export async function listAccess(trx: Trx, caseId: string, limit: number, before?: number): Promise<AccessRow[]> {
  let q = trx
    .selectFrom('case_access_log')
    .select(['id', 'user_id', 'user_name', 'acting_authority_id', 'action', 'document_id', 'at'])
    .where('case_id', '=', caseId);
  if (before !== undefined) q = q.where('id', '<', before);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
