/**
 * The editorial workflow over revisions (see domain/transitions.ts for the table of transitions).
 * Subject-specific behaviour — validation, where live content is stored, who may act — comes from a
 * WorkflowAdapter (knowledge entries, laws, taxonomy terms, directory authorities).
 *
 * Model: each subject has parts ("*" = language-neutral fields, or one language version). The live
 * tables hold the published content; drafts and reviews live only in revisions. At most one open
 * (draft or in-review) revision per part. Nobody reviews or publishes a revision they edited.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { nulCharacterIssues } from '../../platform/validation.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../platform/http/errors.js';
import { type Action, allow, assertAllowed, type Resource } from '../access/index.js';
import { userDisplayNames } from '../accounts/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { canTransition, availableTransitions, type TransitionName, type WorkflowVerb } from './domain/transitions.js';
import { diffDocuments, type FieldChange } from './domain/diff.js';
import {
  insertEvents,
  insertRevision,
  insertRevisions,
  selectLatestOfSubjects,
  supersedeLive,
  nextNumber,
  selectEvents,
  selectLiveRevision,
  selectOpenRevision,
  selectRevision,
  selectRevisions,
  supersedeOthers,
  updateDraftContent,
  updateRevisionState,
  type RevisionRow,
  type SubjectPart,
} from './repository.js';
import type { SubjectType } from './tables.js';

export type { RevisionRow };

export interface WorkflowAdapter {
  type: SubjectType;
  /** The policy action behind each verb (and creation of a new subject). */
  actions: Record<WorkflowVerb | 'create', Action>;
  /** Policy facts about the subject (country, authority); `document` helps for subjects not yet live. */
  resource(db: Kysely<DB>, subjectId: string, part: string, document?: unknown): Promise<Resource>;
  /** Check and normalise a part's document; throw ValidationError naming the fields. */
  validate(db: Kysely<DB>, subjectId: string, part: string, document: unknown): Promise<unknown>;
  /** The live content of a part (published outside the workflow, e.g. imported), if any. */
  live(db: Kysely<DB>, subjectId: string, part: string): Promise<unknown | undefined>;
  /** Make a part's document live (publish, restore). `reviewed`: a person reviewed a machine translation. */
  publish(trx: Kysely<DB>, subjectId: string, part: string, document: unknown, options: { reviewed: boolean }): Promise<void>;
  /** Take a part off the public site. */
  archive(trx: Kysely<DB>, subjectId: string, part: string): Promise<void>;
  /**
   * Other parts that must be published in the same decision (e.g. the metadata "*" of an entry
   * that is not public yet, when its first language version is published).
   */
  companions?(db: Kysely<DB>, subjectId: string, part: string): Promise<string[]>;
}

function subject(adapter: WorkflowAdapter, subjectId: string, part: string): SubjectPart {
  return { type: adapter.type, id: subjectId, part };
}

function deny(actor: AuditContext['actor'], message: string): never {
  if (actor.userId === null) throw new UnauthorizedError();
  throw new ForbiddenError(message);
}

async function audit(trx: Kysely<DB>, ctx: AuditContext, event: string, rev: RevisionRow, changes?: Record<string, unknown>) {
  await recordAudit(trx, ctx, {
    action: `revision.${event}`,
    targetType: rev.subject_type,
    targetId: `${rev.subject_id}#${rev.part}`.slice(0, 200),
    changes: { revision: rev.id, number: rev.number, state: rev.state, ...changes },
  });
}

export interface SaveDraftInput {
  subjectId: string;
  part: string;
  document: unknown;
  note?: string | null;
}

/**
 * Save a change as the open draft of a part (creating it if needed). The first revision of a part
 * that already has live content (e.g. imported) is preceded by a baseline revision of that content,
 * so every later change has something to be compared with.
 */
export async function saveDraft(db: Kysely<DB>, ctx: AuditContext, adapter: WorkflowAdapter, input: SaveDraftInput): Promise<RevisionRow> {
  const s = subject(adapter, input.subjectId, input.part);
  if (input.note && input.note.length > 2000) throw new ValidationError([{ field: 'note', message: 'must be at most 2000 characters' }]);
  const nul = nulCharacterIssues({ document: input.document, note: input.note });
  if (nul.length) throw new ValidationError(nul.map((i) => ({ ...i, field: i.field.replace(/^document\./, '') })));
  return inTransaction(db, async (trx) => {
    const open = await selectOpenRevision(trx, s, true);
    if (open?.state === 'in_review') throw new ConflictError('This version is in review: withdraw it before editing it again.');
    const live = open ? undefined : await selectLiveRevision(trx, s);
    const liveContent = open || live ? undefined : await adapter.live(trx, s.id, s.part);
    const isNew = !open && !live && liveContent === undefined && (await selectRevisions(trx, s.type, s.id)).length === 0;
    const resource = await adapter.resource(trx, s.id, s.part, input.document);
    assertAllowed(ctx.actor, isNew ? adapter.actions.create : adapter.actions.edit, resource);
    const document = await adapter.validate(trx, s.id, s.part, input.document);
    const authorId = ctx.actor.userId;
    if (open) {
      const rev = await updateDraftContent(trx, open.id, document, authorId, input.note ?? open.note);
      await insertEvents(trx, [{ revisionId: rev.id, event: 'edit', from: 'draft', to: 'draft', actorId: authorId }]);
      await audit(trx, ctx, 'edit', rev);
      return rev;
    }
    let baseNumber = live?.number ?? null;
    if (!live && liveContent !== undefined) {
      const baseline = await insertRevision(trx, { ...s, number: await nextNumber(trx, s), state: 'published', document: liveContent, baseNumber: null, authorId: null, note: 'Content published before its editorial history began' });
      await insertEvents(trx, [{ revisionId: baseline.id, event: 'create', from: null, to: 'published', actorId: null, comment: 'baseline' }]);
      baseNumber = baseline.number;
    }
    const rev = await insertRevision(trx, { ...s, number: await nextNumber(trx, s), state: 'draft', document, baseNumber, authorId, note: input.note ?? null });
    await insertEvents(trx, [{ revisionId: rev.id, event: 'create', from: null, to: 'draft', actorId: authorId }]);
    await audit(trx, ctx, 'create', rev);
    return rev;
  });
}

export interface TransitionInput {
  comment?: string;
  /** On publish: a person has reviewed the (machine) translation, which loses its mark. */
  reviewed?: boolean;
}

async function checkOrThrow(trx: Kysely<DB>, ctx: AuditContext, adapter: WorkflowAdapter, rev: RevisionRow, name: TransitionName, comment?: string) {
  const resource = await adapter.resource(trx, rev.subject_id, rev.part, rev.document);
  const authorIds = [...new Set([...(rev.author_id ? [rev.author_id] : []), ...rev.editor_ids])];
  const check = canTransition(ctx.actor.userId ?? undefined, { state: rev.state, authorIds }, name, (verb) => allow(ctx.actor, adapter.actions[verb], { ...resource, authorId: rev.author_id ?? '__system__' }), comment ?? '');
  if (check.ok) return check.transition;
  switch (check.reason) {
    case 'state':
      throw new ConflictError(`A revision that is ${rev.state.replace('_', ' ')} cannot be ${name === 'return' ? 'returned' : `${name}ed`.replace('eed', 'ed')}.`);
    case 'four_eyes':
      throw new ForbiddenError('You changed this revision, so someone else must review and publish it (four-eyes rule).');
    case 'comment':
      throw new ValidationError([{ field: 'comment', message: 'is required: say why' }]);
    default:
      return deny(ctx.actor, `You are not allowed to ${name} this revision.`);
  }
}

/** Apply a workflow transition to a revision (submit, withdraw, return, publish, archive, restore, discard). */
export async function transition(db: Kysely<DB>, ctx: AuditContext, adapter: WorkflowAdapter, revisionId: number, name: TransitionName, input: TransitionInput = {}): Promise<RevisionRow> {
  if (input.comment && input.comment.length > 4000) throw new ValidationError([{ field: 'comment', message: 'must be at most 4000 characters' }]);
  return inTransaction(db, async (trx) => {
    const rev = await selectRevision(trx, revisionId, true);
    if (!rev || rev.subject_type !== adapter.type) throw new NotFoundError(`No revision ${revisionId}`);
    const t = await checkOrThrow(trx, ctx, adapter, rev, name, input.comment);
    const actorId = ctx.actor.userId;
    const comment = input.comment?.trim() || null;
    const s = { type: rev.subject_type, id: rev.subject_id, part: rev.part };
    const decided = ['publish', 'return', 'archive', 'restore'].includes(name) ? { decidedBy: actorId, comment } : {};

    if (name === 'publish') {
      // Companion parts (e.g. the metadata of a new entry) are decided together, under the same rules.
      for (const part of (await adapter.companions?.(trx, rev.subject_id, rev.part)) ?? []) {
        const other = await selectOpenRevision(trx, { ...s, part }, true);
        if (!other) continue;
        if (other.state !== 'in_review') throw new ConflictError(`Submit the ${part === '*' ? 'general information' : `"${part}" version`} for review too: it is published together with this version.`);
        await checkOrThrow(trx, ctx, adapter, other, 'publish');
        await publishOne(trx, ctx, adapter, other, input, decided);
      }
      return publishOne(trx, ctx, adapter, rev, input, decided);
    }
    if (name === 'archive') await adapter.archive(trx, rev.subject_id, rev.part);
    if (name === 'restore') {
      await adapter.publish(trx, rev.subject_id, rev.part, rev.document, { reviewed: false });
      await supersedeOthers(trx, s, rev.id);
    }
    const updated = await updateRevisionState(trx, rev.id, t.to, { submitted: name === 'submit', ...decided });
    await insertEvents(trx, [{ revisionId: rev.id, event: name, from: rev.state, to: t.to, actorId, comment }]);
    await audit(trx, ctx, name, updated, comment ? { comment } : undefined);
    return updated;
  });
}

async function publishOne(
  trx: Kysely<DB>,
  ctx: AuditContext,
  adapter: WorkflowAdapter,
  rev: RevisionRow,
  input: TransitionInput,
  decided: { decidedBy?: string | null; comment?: string | null },
): Promise<RevisionRow> {
  const s = { type: rev.subject_type, id: rev.subject_id, part: rev.part };
  await adapter.publish(trx, rev.subject_id, rev.part, rev.document, { reviewed: input.reviewed ?? false });
  const superseded = await supersedeOthers(trx, s, rev.id);
  const updated = await updateRevisionState(trx, rev.id, 'published', decided);
  await insertEvents(trx, [
    { revisionId: rev.id, event: 'publish', from: rev.state, to: 'published', actorId: ctx.actor.userId, comment: decided.comment ?? null },
    ...superseded.map((id) => ({ revisionId: id, event: 'supersede' as const, from: null, to: 'superseded' as const, actorId: ctx.actor.userId })),
  ]);
  await audit(trx, ctx, 'publish', updated, { reviewed: input.reviewed ?? false });
  return updated;
}

export interface PublishedContent {
  subjectId: string;
  /** The content made live (already checked by the caller). */
  document: unknown;
  /** The content live before, for a subject whose history has not begun (kept as a baseline to compare with). */
  previous?: unknown;
}

/**
 * Record content made live outside the review — the command-line import, run by whoever controls
 * the installation — as published revisions of one part, so the history keeps every change with a
 * readable diff. Per subject: a baseline of the content live before when its history had not begun,
 * then the new content as the published revision (superseding the previous one). Open drafts and
 * reviews stay open. A few statements for any number of subjects (large imports). The caller makes
 * the content live (adapter.publish is not called) and audits.
 */
export async function recordPublishedMany(trx: Kysely<DB>, ctx: AuditContext, adapter: WorkflowAdapter, part: string, items: readonly PublishedContent[], note: string): Promise<RevisionRow[]> {
  if (!items.length) return [];
  const ids = items.map((i) => i.subjectId);
  const latest = await selectLatestOfSubjects(trx, adapter.type, ids);
  const superseded = await supersedeLive(trx, adapter.type, ids, part);
  const baselines: Parameters<typeof insertRevisions>[1][number][] = [];
  const published: Parameters<typeof insertRevisions>[1][number][] = [];
  for (const item of items) {
    const info = latest.get(`${item.subjectId}\u0000${part}`);
    let number = info?.maxNumber ?? 0;
    let base = info?.live?.number ?? null;
    if (!info && item.previous !== undefined) {
      number += 1;
      base = number;
      baselines.push({ type: adapter.type, id: item.subjectId, part, number, state: 'superseded', document: item.previous, baseNumber: null, authorId: null, note: 'Content published before its editorial history began' });
    }
    published.push({ type: adapter.type, id: item.subjectId, part, number: number + 1, state: 'published', document: item.document, baseNumber: base, authorId: ctx.actor.userId, note });
  }
  const baseRows = await insertRevisions(trx, baselines);
  const rows = await insertRevisions(trx, published);
  await insertEvents(trx, [
    ...baseRows.map((r) => ({ revisionId: r.id, event: 'create' as const, from: null, to: 'superseded' as const, actorId: null, comment: 'baseline' })),
    ...superseded.map((id) => ({ revisionId: id, event: 'supersede' as const, from: null, to: 'superseded' as const, actorId: ctx.actor.userId })),
    ...rows.map((r) => ({ revisionId: r.id, event: 'publish' as const, from: null, to: 'published' as const, actorId: ctx.actor.userId, comment: note })),
  ]);
  return rows;
}

/** Start a new draft from an earlier revision's content (it then goes through review like any change). */
export async function revertTo(db: Kysely<DB>, ctx: AuditContext, adapter: WorkflowAdapter, revisionId: number): Promise<RevisionRow> {
  const old = await selectRevision(db, revisionId);
  if (!old || old.subject_type !== adapter.type) throw new NotFoundError(`No revision ${revisionId}`);
  return saveDraft(db, ctx, adapter, { subjectId: old.subject_id, part: old.part, document: old.document, note: `Revert to revision ${old.number}` });
}

export interface PartStatus {
  part: string;
  /** The live revision (published or archived), if the part has a history. */
  live: { id: number; number: number; state: 'published' | 'archived' } | null;
  /** The open revision (draft or in review). */
  open: { id: number; number: number; state: 'draft' | 'in_review'; author_id: string | null; updated_at: Date } | null;
}

/** Status of each part of a subject, from its revisions. */
export async function partStatuses(db: Kysely<DB>, type: SubjectType, subjectId: string): Promise<PartStatus[]> {
  const revs = await selectRevisions(db, type, subjectId);
  const parts = [...new Set(revs.map((r) => r.part))];
  return parts.map((part) => {
    const mine = revs.filter((r) => r.part === part);
    const live = mine.find((r) => r.state === 'published' || r.state === 'archived');
    const open = mine.find((r) => r.state === 'draft' || r.state === 'in_review');
    return {
      part,
      live: live ? { id: live.id, number: live.number, state: live.state as 'published' | 'archived' } : null,
      open: open ? { id: open.id, number: open.number, state: open.state as 'draft' | 'in_review', author_id: open.author_id, updated_at: open.updated_at } : null,
    };
  });
}

export interface HistoryItem {
  revision: RevisionRow;
  /** Changes from the revision it was based on (or the previous one of its part). */
  changes: FieldChange[];
  events: { event: string; from_state: string | null; to_state: string; actor_id: string | null; actor_name: string | null; comment: string | null; at: Date }[];
  /** Transitions the viewer may apply to this revision now. */
  actions: TransitionName[];
}

/** Every revision of a subject (optionally one part), newest first, with readable changes and events. */
export async function history(db: Kysely<DB>, ctx: AuditContext, adapter: WorkflowAdapter, subjectId: string, part?: string): Promise<HistoryItem[]> {
  const revs = await selectRevisions(db, adapter.type, subjectId, part);
  if (!revs.length) return [];
  const resource = await adapter.resource(db, subjectId, revs[0]!.part, revs[0]!.document);
  assertAllowed(ctx.actor, adapter.actions.edit, resource);
  const events = await selectEvents(db, revs.map((r) => r.id));
  const names = await userDisplayNames(db, events.map((e) => e.actor_id));
  return revs.map((rev) => {
    const previous = revs.find((r) => r.part === rev.part && r.number === (rev.base_number ?? rev.number - 1)) ?? revs.find((r) => r.part === rev.part && r.number === rev.number - 1);
    const authorIds = [...new Set([...(rev.author_id ? [rev.author_id] : []), ...rev.editor_ids])];
    return {
      revision: rev,
      changes: diffDocuments(previous?.document ?? {}, rev.document),
      events: events.filter((e) => e.revision_id === rev.id).map((e) => ({ ...e, actor_name: (e.actor_id ? names.get(e.actor_id) : undefined) ?? null })),
      actions: availableTransitions(ctx.actor.userId ?? undefined, { state: rev.state, authorIds }, (verb) => allow(ctx.actor, adapter.actions[verb], { ...resource, authorId: rev.author_id ?? '__system__' })),
    };
  });
}

/** Compare any two revisions of the same subject part. */
export async function compareRevisions(db: Kysely<DB>, ctx: AuditContext, adapter: WorkflowAdapter, fromId: number, toId: number): Promise<{ from: RevisionRow; to: RevisionRow; changes: FieldChange[] }> {
  const [from, to] = await Promise.all([selectRevision(db, fromId), selectRevision(db, toId)]);
  if (!from || !to || from.subject_type !== adapter.type || to.subject_type !== adapter.type) throw new NotFoundError('No such revisions');
  if (from.subject_id !== to.subject_id || from.part !== to.part) throw new ValidationError([{ field: 'to', message: 'must be a revision of the same subject and part' }]);
  assertAllowed(ctx.actor, adapter.actions.edit, await adapter.resource(db, to.subject_id, to.part, to.document));
  return { from, to, changes: diffDocuments(from.document, to.document) };
}

export { selectRevision as getRevision };
