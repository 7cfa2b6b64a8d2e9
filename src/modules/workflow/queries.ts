/**
 * Reads of the revisions for other modules' lists (work queues, the editorial dashboard), each in
 * one query per batch; authors' names come from accounts in one more.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { userDisplayNames } from '../accounts/index.js';
import {
  countRevisionsInReview,
  selectLastPublished,
  selectLatestRevision,
  selectOpenRevisions,
  selectPublishedSince,
  selectSubjectsWithOpenRevision,
  type OpenRevisionFilter,
} from './repository.js';

export type { OpenRevisionFilter };

/** Open revisions (drafts and reviews), newest change first, with their authors' display names. */
export async function openRevisions(db: Kysely<DB>, filter: OpenRevisionFilter) {
  const rows = await selectOpenRevisions(db, filter);
  const names = await userDisplayNames(db, rows.map((r) => r.author_id));
  return rows.map((r) => ({ ...r, author_name: (r.author_id ? names.get(r.author_id) : undefined) ?? null }));
}

export type OpenRevision = Awaited<ReturnType<typeof openRevisions>>[number];

export {
  countRevisionsInReview,
  selectLastPublished as lastPublishedAt,
  selectLatestRevision as latestRevision,
  selectPublishedSince as publishedSince,
  selectSubjectsWithOpenRevision as subjectsWithOpenRevision,
};
