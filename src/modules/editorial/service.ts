/**
 * The editorial workflow of the knowledge portal: drafts, review and publication of entries, laws and
 * taxonomy terms through the workflow engine (with the adapters of adapters.ts), history, revert and
 * the "needs attention" lists. Permissions: the workflow checks knowledge.* / taxonomy.edit; reading
 * the editor's views needs knowledge.edit.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { pickLocalized, type Lang } from '../../platform/i18n/languages.js';
import { type Actor, assertAllowed } from '../access/index.js';
import type { AuditContext } from '../audit/index.js';
import { entriesMissingLanguages, entriesUnchangedSince, isEntryId, getEntry, getLaw, type EntryLanguages, type RecordType } from '../knowledge/index.js';
import { type TransitionName, countRevisionsInReview, diffDocuments, type FieldChange, getRevision, history, lastPublishedAt, openRevisions, partStatuses, publishedSince, revertTo, saveDraft, transition, type HistoryItem, type PartStatus, type RevisionRow, type TransitionInput } from '../workflow/index.js';
import { ADAPTERS } from './adapters.js';
import { isObject, META_PART, parseTermId, UN_LANGS, type EditorialType } from './domain/parts.js';

export const TRANSITION_NAMES: readonly TransitionName[] = ['submit', 'withdraw', 'return', 'publish', 'archive', 'restore', 'discard'];

/** Transitions the interface never offers for a part (laws as a whole and taxonomy terms are not archived). */
export function offeredActions(type: EditorialType, part: string, actions: readonly TransitionName[]): TransitionName[] {
  const noArchive = type === 'taxonomy_term' || (type === 'law' && part === META_PART);
  return actions.filter((a) => !(noArchive && (a === 'archive' || a === 'restore')));
}

export function assertSubjectId(type: EditorialType, id: string): void {
  const ok = type === 'taxonomy_term' ? !!parseTermId(id) : isEntryId(id);
  if (!ok) throw new ValidationError([{ field: 'id', message: type === 'taxonomy_term' ? 'must be "taxonomy:code", e.g. crime:corruption' : 'must be 1–128 characters: a-z, 0-9, dot, underscore, hyphen, starting with a letter or digit' }]);
}

/** A readable, unused-looking id for a new entry or law: "case-ita-3k9x2a". */
export function newSubjectId(recordType: string, country: unknown): string {
  const c = typeof country === 'string' && /^[A-Za-z]{3}$/.test(country) ? `${country.toLowerCase()}-` : '';
  return `${recordType}-${c}${crypto.randomBytes(4).toString('hex')}`;
}

/** Save a change to a part as a draft (creating the subject when it is new). */
export async function saveEditorialDraft(db: Kysely<DB>, ctx: AuditContext, type: EditorialType, id: string, part: string, document: unknown, note?: string | null): Promise<RevisionRow> {
  assertSubjectId(type, id);
  return saveDraft(db, ctx, ADAPTERS[type], { subjectId: id, part, document, note: note ?? null });
}

async function revisionOf(db: Kysely<DB>, type: EditorialType, revisionId: number, subjectId?: string): Promise<RevisionRow> {
  const rev = Number.isSafeInteger(revisionId) && revisionId > 0 ? await getRevision(db, revisionId) : undefined;
  if (!rev || rev.subject_type !== type || (subjectId !== undefined && rev.subject_id !== subjectId)) throw new NotFoundError(`No revision ${revisionId}${subjectId ? ` of "${subjectId}"` : ''}`);
  return rev;
}

/** Apply a workflow transition (only those the interface offers for the part). */
export async function transitionEditorial(db: Kysely<DB>, ctx: AuditContext, type: EditorialType, revisionId: number, name: TransitionName, input: TransitionInput = {}, subjectId?: string): Promise<RevisionRow> {
  const rev = await revisionOf(db, type, revisionId, subjectId);
  if (!TRANSITION_NAMES.includes(name) || !offeredActions(type, rev.part, [name]).length) throw new ValidationError([{ field: 'transition', message: `must be one of: ${offeredActions(type, rev.part, TRANSITION_NAMES).join(', ')}` }]);
  return transition(db, ctx, ADAPTERS[type], revisionId, name, input);
}

export async function revertEditorial(db: Kysely<DB>, ctx: AuditContext, type: EditorialType, revisionId: number, subjectId?: string): Promise<RevisionRow> {
  await revisionOf(db, type, revisionId, subjectId);
  return revertTo(db, ctx, ADAPTERS[type], revisionId);
}

function editAction(type: EditorialType) {
  return type === 'taxonomy_term' ? 'taxonomy.edit' : 'knowledge.edit';
}

/** Every revision of a subject (optionally one part), newest first, with readable changes and the caller's actions. */
export async function editorialHistory(db: Kysely<DB>, ctx: AuditContext, type: EditorialType, id: string, part?: string): Promise<HistoryItem[]> {
  assertAllowed(ctx.actor, editAction(type));
  const items = await history(db, ctx, ADAPTERS[type], id, part);
  return items.map((i) => ({ ...i, actions: offeredActions(type, i.revision.part, i.actions) }));
}

export interface PartView extends PartStatus {
  /** What the caller may do with the open revision (else the live one). */
  actions: TransitionName[];
  /** Title of a language version, from its newest revision or live content. */
  title?: string;
  machineTranslated: boolean;
}

export interface SubjectView {
  type: EditorialType;
  id: string;
  /** Record type of an entry or law ("case", "law"…); "term" for taxonomy terms. */
  recordType: RecordType | 'term';
  /** Language-neutral content: open "*" revision, else live. */
  meta: Record<string, unknown>;
  parts: PartView[];
  /** Is anything of it public? */
  live: boolean;
}

/** A subject as the editor sees it: each part with its status and the caller's actions. */
export async function subjectView(db: Kysely<DB>, ctx: AuditContext, type: EditorialType, id: string): Promise<SubjectView> {
  assertAllowed(ctx.actor, editAction(type));
  assertSubjectId(type, id);
  const adapter = ADAPTERS[type];
  const [items, statuses, liveMeta] = await Promise.all([editorialHistory(db, ctx, type, id), partStatuses(db, type, id), adapter.live(db, id, META_PART)]);
  const metaRev = items.find((i) => i.revision.part === META_PART && (i.revision.state === 'draft' || i.revision.state === 'in_review'));
  const meta = (metaRev?.revision.document ?? liveMeta ?? items.find((i) => i.revision.part === META_PART)?.revision.document) as Record<string, unknown> | undefined;
  if (!meta) throw new NotFoundError(`No ${type.replace('_', ' ')} "${id}"`);
  const parts: PartView[] = [];
  const liveParts = new Set(type === 'taxonomy_term' ? [] : Object.keys((await liveTexts(db, type, id)) ?? {}));
  const names = [...new Set([META_PART, ...statuses.map((s) => s.part), ...liveParts])].sort((a, b) => (a === META_PART ? -1 : b === META_PART ? 1 : a.localeCompare(b)));
  for (const part of names) {
    const status = statuses.find((s) => s.part === part) ?? { part, live: null, open: null };
    const revId = status.open?.id ?? status.live?.id;
    const item = items.find((i) => i.revision.id === revId);
    const doc = (item?.revision.document ?? (part === META_PART ? undefined : await adapter.live(db, id, part))) as Record<string, unknown> | undefined;
    parts.push({ ...status, actions: item?.actions ?? [], ...(typeof doc?.title === 'string' ? { title: doc.title } : {}), machineTranslated: doc?.machine_translated === true });
  }
  const recordType = type === 'taxonomy_term' ? 'term' : ((meta.type as RecordType | undefined) ?? (type === 'law' ? 'law' : 'case'));
  return { type, id, recordType, meta, parts, live: liveMeta !== undefined };
}

async function liveTexts(db: Kysely<DB>, type: EditorialType, id: string): Promise<Record<string, unknown> | undefined> {
  const doc = type === 'entry' ? await getEntry(db, id, { publishedOnly: false }) : await getLaw(db, id);
  return doc?.texts;
}

/** The content the edit form of a part starts from: the open draft, else the live content. */
export async function editableDocument(db: Kysely<DB>, ctx: AuditContext, type: EditorialType, id: string, part: string): Promise<{ document: Record<string, unknown> | undefined; open?: RevisionRow }> {
  assertAllowed(ctx.actor, editAction(type));
  const status = (await partStatuses(db, type, id)).find((p) => p.part === part);
  if (status?.open) {
    const open = await getRevision(db, status.open.id);
    return { document: open?.document as Record<string, unknown>, ...(open ? { open } : {}) };
  }
  const live = await ADAPTERS[type].live(db, id, part);
  if (live !== undefined) return { document: live as Record<string, unknown> };
  if (status?.live) return { document: (await getRevision(db, status.live.id))?.document as Record<string, unknown> };
  return { document: undefined };
}

export interface RevisionView {
  item: HistoryItem;
  /** Compared with (the base revision, or the one asked for). */
  against?: RevisionRow;
  changes: FieldChange[];
}

/** One revision with its changes (from its base, or from another revision of the same part) and the caller's actions. */
export async function revisionView(db: Kysely<DB>, ctx: AuditContext, type: EditorialType, id: string, revisionId: number, compareId?: number): Promise<RevisionView> {
  const rev = await revisionOf(db, type, revisionId, id);
  const items = await editorialHistory(db, ctx, type, id, rev.part);
  const item = items.find((i) => i.revision.id === rev.id)!;
  if (compareId !== undefined) {
    const other = items.find((i) => i.revision.id === compareId)?.revision;
    if (!other) throw new ValidationError([{ field: 'compare', message: 'must be a revision of the same part' }]);
    return { item, against: other, changes: diffDocuments(other.document, rev.document) };
  }
  const base = items.find((i) => i.revision.number === (rev.base_number ?? rev.number - 1))?.revision;
  return { item, ...(base ? { against: base } : {}), changes: item.changes };
}

export interface AttentionItem {
  type: EditorialType;
  id: string;
  part: string;
  title: string;
  revisionId?: number;
  number?: number;
  author?: string | null;
  date: Date;
  missing?: string[];
}

export interface NeedsAttention {
  inReview: { total: number; items: AttentionItem[] };
  untranslated: { total: number; items: AttentionItem[] };
  notReviewed: { total: number; items: AttentionItem[] };
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** An entry of the dashboard, dated by its last change or review, whichever is later. */
function entryItem(r: EntryLanguages, reviewed: ReadonlyMap<string, Date>, lang: Lang, missing?: string[]): AttentionItem {
  const at = reviewed.get(r.id);
  const changed = new Date(r.updated_at);
  return { type: 'entry', id: r.id, part: META_PART, title: pickLocalized(r.titles, lang)?.text ?? r.id, date: at && at > changed ? at : changed, ...(missing ? { missing } : {}) };
}

const REVIEWED_TYPES = ['entry', 'law', 'taxonomy_term'] as const;

/** The dashboard lists: changes waiting for review, entries lacking a UN language, entries not reviewed for 12 months. */
export async function needsAttention(db: Kysely<DB>, actor: Actor, lang: Lang, options: { limit?: number; now?: Date } = {}): Promise<NeedsAttention> {
  assertAllowed(actor, 'knowledge.edit');
  const limit = options.limit ?? 50;
  const now = options.now ?? new Date();
  const yearAgo = new Date(now.getTime() - YEAR_MS);
  // "Not reviewed": unchanged for a year and not published through the workflow for a year either.
  const [open, inReviewTotal, untranslated, stale] = await Promise.all([
    openRevisions(db, { types: REVIEWED_TYPES, state: 'in_review', documentFields: ['title', 'labels'], limit }),
    countRevisionsInReview(db, REVIEWED_TYPES),
    entriesMissingLanguages(db, UN_LANGS, limit),
    publishedSince(db, 'entry', yearAgo).then((reviewed) => entriesUnchangedSince(db, yearAgo, reviewed, limit)),
  ]);
  const reviewed = await lastPublishedAt(db, 'entry', [...untranslated.items, ...stale.items].map((r) => r.id));
  return {
    inReview: {
      total: inReviewTotal,
      items: open.map((r) => {
        const { title: docTitle, labels } = r.fields;
        const title = typeof docTitle === 'string' ? docTitle : isObject(labels) ? String(pickLocalized(labels as Record<string, string>, lang)?.text ?? r.subject_id) : r.subject_id;
        return { type: r.subject_type as EditorialType, id: r.subject_id, part: r.part, title, revisionId: r.id, number: r.number, author: r.author_name, date: new Date(r.submitted_at ?? r.updated_at) };
      }),
    },
    untranslated: { total: untranslated.total, items: untranslated.items.map((r) => entryItem(r, reviewed, lang, (['ar', 'zh', 'en', 'fr', 'es', 'ru'] as const).filter((l) => !r.langs.includes(l)))) },
    notReviewed: { total: stale.total, items: stale.items.map((r) => entryItem(r, reviewed, lang)) },
  };
}
