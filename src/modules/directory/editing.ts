/**
 * Maintaining the directory: drafts, review and publication through the editorial workflow (with the
 * authority adapter), archiving, "mark as verified", history and the work queue. Permissions are
 * checked by the workflow (policy actions directory.*) and here for what the workflow does not cover.
 * Entry points called by requests check first that the actor may act on directory entries at all
 * (403 before anything about the entry is read) and record refused attempts in the audit log.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { type Action, type Actor, assertAllowed, assertAllowedSomewhere, scopeOf } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { isEntryId } from '../knowledge/index.js';
import { type TransitionName, getRevision, history, openRevisions, partStatuses, revertTo, saveDraft, transition, type HistoryItem, type RevisionRow, type TransitionInput } from '../workflow/index.js';
import { AUTHORITY_PART, authorityAdapter, authorityCountry } from './adapter.js';
import { isStale } from './live.js';
import { refusalsAudited } from './refusals.js';
import { selectAuthorities, selectStale, updateState, updateVerified } from './repository.js';

const today = () => new Date().toISOString().slice(0, 10);

/** A readable, unused id for a new authority: "fra-ministere-de-la-justice", "chn-3k9x2a". */
export async function newAuthorityId(db: Kysely<DB>, country: string, name: string): Promise<string> {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = `${country.toLowerCase()}-${slug || 'authority'}`;
  for (let i = 0; i < 50; i++) {
    const id = i === 0 ? base : `${base}-${i + 1}`;
    if (!(await authorityCountry(db, id))) return id;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/**
 * May the actor take this action on this authority? Someone who may take it nowhere gets 401/403
 * before the authority is even looked up (the same answer for an unknown id and for any state);
 * then 404 for an unknown authority, 403 for another State's or authority's entry. Returns its country.
 */
export async function assertEditorOf(db: Kysely<DB>, actor: Actor, id: string, action: Action): Promise<string> {
  assertAllowedSomewhere(actor, action);
  const country = isEntryId(id) ? await authorityCountry(db, id) : undefined;
  if (!country) throw new NotFoundError(`No authority "${id}"`);
  assertAllowed(actor, action, { country, authorityId: id });
  return country;
}

/** Save a change to an authority as a draft (creating the authority when the id is new). */
export async function saveAuthorityDraft(db: Kysely<DB>, ctx: AuditContext, id: string, document: unknown, note?: string | null): Promise<RevisionRow> {
  if (!isEntryId(id)) throw new ValidationError([{ field: 'id', message: 'must be 1–128 characters: a-z, 0-9, dot, underscore, hyphen, starting with a letter or digit' }]);
  const country = (document as { country?: unknown } | null)?.country;
  return refusalsAudited(db, ctx, { action: 'directory.edit', targetId: id, details: typeof country === 'string' ? { country: country.slice(0, 10) } : {} }, () =>
    saveDraft(db, ctx, authorityAdapter, { subjectId: id, part: AUTHORITY_PART, document, note: note ?? null }),
  );
}

async function revisionOfAuthority(db: Kysely<DB>, revisionId: number): Promise<RevisionRow> {
  const rev = await getRevision(db, revisionId);
  if (!rev || rev.subject_type !== 'authority') throw new NotFoundError(`No revision ${revisionId}`);
  return rev;
}

/**
 * Apply a workflow transition to a revision of an authority. Publishing also records the publisher
 * as the person who last verified the entry (the workflow adapter is not told who publishes).
 * A refusal (another State, one's own change to publish or return) is audited.
 */
export async function transitionAuthority(db: Kysely<DB>, ctx: AuditContext, revisionId: number, name: TransitionName, input: TransitionInput = {}): Promise<RevisionRow> {
  return refusalsAudited(db, ctx, { action: `directory.${name}`, targetType: 'revision', targetId: String(revisionId), details: { revision: revisionId } }, () =>
    inTransaction(db, async (trx) => {
      assertAllowedSomewhere(ctx.actor, 'directory.edit');
      const rev = await transition(trx, ctx, authorityAdapter, revisionId, name, input);
      if (name === 'publish' || name === 'restore') await updateVerified(trx, rev.subject_id, today(), ctx.actor.name, ctx.actor.userId);
      return rev;
    }),
  );
}

/**
 * Archive or restore an authority. With an editorial history, this is the workflow transition of its
 * live revision; an authority published before its history began (imported) is archived directly
 * (same permission, audited).
 */
export async function setAuthorityArchived(db: Kysely<DB>, ctx: AuditContext, id: string, archived: boolean, comment: string): Promise<void> {
  const text = comment.trim();
  await refusalsAudited(db, ctx, { action: archived ? 'directory.archive' : 'directory.restore', targetId: id }, async () => {
    await assertEditorOf(db, ctx.actor, id, 'directory.archive');
    if (archived && !text) throw new ValidationError([{ field: 'comment', message: 'is required: say why' }]);
    if (text.length > 4000) throw new ValidationError([{ field: 'comment', message: 'must be at most 4000 characters' }]);
    await inTransaction(db, async (trx) => {
      const [row] = await selectAuthorities(trx, [id], { publishedOnly: false });
      if (!row) throw new NotFoundError(`No authority "${id}"`);
      if ((row.state === 'archived') === archived) throw new ConflictError(archived ? 'The authority is already archived.' : 'The authority is published.');
      const live = (await partStatuses(trx, 'authority', id)).find((p) => p.part === AUTHORITY_PART)?.live;
      if (live && live.state === (archived ? 'published' : 'archived')) {
        await transitionAuthority(trx, ctx, live.id, archived ? 'archive' : 'restore', { comment: text });
        return;
      }
      assertAllowed(ctx.actor, 'directory.archive', { country: row.country, authorityId: id });
      await updateState(trx, id, archived ? 'archived' : 'published');
      await recordAudit(trx, ctx, { action: archived ? 'directory.archive' : 'directory.restore', targetType: 'authority', targetId: id, changes: { state: { from: row.state, to: archived ? 'archived' : 'published' }, ...(text ? { comment: text } : {}) } });
    });
  });
}

export async function revertAuthority(db: Kysely<DB>, ctx: AuditContext, revisionId: number): Promise<RevisionRow> {
  return refusalsAudited(db, ctx, { action: 'directory.revert', targetType: 'revision', targetId: String(revisionId), details: { revision: revisionId } }, async () => {
    assertAllowedSomewhere(ctx.actor, 'directory.edit');
    await revisionOfAuthority(db, revisionId);
    return revertTo(db, ctx, authorityAdapter, revisionId);
  });
}

/** The history of an authority with readable changes (its editors only). */
export async function authorityHistory(db: Kysely<DB>, ctx: AuditContext, id: string): Promise<HistoryItem[]> {
  await assertEditorOf(db, ctx.actor, id, 'directory.edit');
  return history(db, ctx, authorityAdapter, id, AUTHORITY_PART);
}

/** The open revision (draft or in review) of an authority, for the edit form. */
export async function openRevisionOf(db: Kysely<DB>, id: string): Promise<RevisionRow | undefined> {
  const status = (await partStatuses(db, 'authority', id)).find((p) => p.part === AUTHORITY_PART);
  return status?.open ? getRevision(db, status.open.id) : undefined;
}

/** "Mark as verified": the focal point confirms the entry is current today (date and person recorded). */
export async function markVerified(db: Kysely<DB>, ctx: AuditContext, id: string): Promise<void> {
  await refusalsAudited(db, ctx, { action: 'directory.verify', targetId: id }, async () => {
    await assertEditorOf(db, ctx.actor, id, 'directory.review');
    await inTransaction(db, async (trx) => {
      const [row] = await selectAuthorities(trx, [id]);
      if (!row) throw new NotFoundError(`No authority "${id}"`);
      assertAllowed(ctx.actor, 'directory.review', { country: row.country, authorityId: id });
      const on = today();
      await updateVerified(trx, id, on, ctx.actor.name, ctx.actor.userId);
      await recordAudit(trx, ctx, { action: 'directory.verify', targetType: 'authority', targetId: id, changes: { verified_on: { from: row.verified_on, to: on } } });
    });
  });
}

/** An open revision of an authority in a work queue, with the country and names of its document. */
export interface OpenAuthorityRevision {
  id: number;
  subject_id: string;
  number: number;
  state: RevisionRow['state'];
  author_id: string | null;
  author_name: string | null;
  note: string | null;
  updated_at: RevisionRow['updated_at'];
  submitted_at: RevisionRow['submitted_at'];
  country: string | null;
  names: Record<string, string> | null;
}

/** Open revisions of the authorities of some countries (by the country of the draft) or of some authorities, newest change first. */
async function openAuthorityRevisions(db: Kysely<DB>, countries: readonly string[] | 'all', authorityIds: readonly string[], limit: number): Promise<OpenAuthorityRevision[]> {
  const rows = await openRevisions(db, {
    types: ['authority'],
    documentFields: ['country', 'names'],
    ...(countries === 'all' ? {} : { scope: { documentKey: 'country', values: countries, subjectIds: authorityIds } }),
    limit,
  });
  return rows.map((r) => ({
    id: r.id,
    subject_id: r.subject_id,
    number: r.number,
    state: r.state,
    author_id: r.author_id,
    author_name: r.author_name,
    note: r.note,
    updated_at: r.updated_at,
    submitted_at: r.submitted_at,
    country: typeof r.fields.country === 'string' ? r.fields.country : null,
    names: (r.fields.names as Record<string, string> | null | undefined) ?? null,
  }));
}

export interface WorkQueue {
  open: OpenAuthorityRevision[];
  stale: Awaited<ReturnType<typeof selectStale>>;
  countries: string[];
}

/** The work of a focal point (their countries) or authority officer (their authorities): open revisions and stale entries. */
export async function workQueue(db: Kysely<DB>, actor: Actor): Promise<WorkQueue> {
  const edit = assertAllowedSomewhere(actor, 'directory.edit');
  const review = scopeOf(actor, 'directory.review');
  const [open, stale] = await Promise.all([
    openAuthorityRevisions(db, edit.all ? 'all' : edit.countries, edit.authorities, 200),
    selectStale(db, review.all ? 'all' : review.countries, 200),
  ]);
  return { open, stale, countries: edit.countries };
}

export { isStale };
