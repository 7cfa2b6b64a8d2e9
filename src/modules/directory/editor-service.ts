/**
 * What the directory's editing pages do, behind thin routes: each function checks the form against
 * its schema (forms.ts), checks permissions through the policy (403 before anything about the entry
 * is read for someone who may not edit the directory at all), calls the editing services and returns
 * what the page shows. Refused privileged actions are audited by the editing services.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { type Action, type Actor, allow, assertAllowedSomewhere, scopeOf } from '../access/index.js';
import { type AuditContext } from '../audit/index.js';
import { refusalsAudited } from './refusals.js';
import { type HistoryItem, getRevision } from '../workflow/index.js';
import type { AuthorityDocument } from './domain/schema.js';
import { viewerOf } from './domain/visibility.js';
import { assertEditorOf, authorityHistory, markVerified, newAuthorityId, openRevisionOf, revertAuthority, saveAuthorityDraft, setAuthorityArchived, transitionAuthority } from './editing.js';
import { ArchiveForm, AuthorityForm, FormLanguagesQuery, parseForm, RevertForm, TransitionForm, VerifyForm } from './forms.js';
import { contentOf } from './live.js';
import { documentLanguages, formLanguages, formToDocument, type FormBody } from './pages/form-parse.js';
import { selectAuthorities } from './repository.js';

/** Which directory links the actor is offered (work queue, new authority, import, restricted exports). */
export interface DirectoryLinks {
  queue: boolean;
  create: boolean;
  import: boolean;
  restricted: boolean;
  /** Exports (books, files) with the practitioners-only fields: directory.export_restricted. */
  exportRestricted: boolean;
}

export function linksFor(actor: Actor): DirectoryLinks {
  return {
    queue: scopeOf(actor, 'directory.edit').some,
    create: scopeOf(actor, 'directory.create').some,
    import: scopeOf(actor, 'directory.import').some,
    restricted: viewerOf(actor).restricted,
    exportRestricted: scopeOf(actor, 'directory.export_restricted').some,
  };
}

/** The States the actor may add authorities for (the form's choice of State). */
export function creatableCountries(actor: Actor): string[] {
  return scopeOf(actor, 'directory.create').countries;
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function exceptionIssues(lines: number[]): FieldIssue[] {
  return lines.map((n) => ({ field: 'hours.exceptions', message: `line ${n + 1} is not "YYYY-MM-DD closed" or "YYYY-MM-DD HH:MM-HH:MM"` }));
}

export interface FormState {
  id?: string;
  doc: Record<string, unknown>;
  langs: string[];
  note?: string;
  issues: FieldIssue[];
}

/** The empty form for a new authority (focal points, for their State). */
export function newAuthorityForm(actor: Actor, query: unknown, pageLang: string): FormState {
  const scope = assertAllowedSomewhere(actor, 'directory.create');
  const q = parseForm(FormLanguagesQuery, query);
  const langs = q.langs || q.add_lang ? formLanguages(q) : documentLanguages(undefined, pageLang);
  return { doc: { country: scope.countries[0] }, langs, issues: [] };
}

/** The form to change an authority: its open revision, else its live content. */
export async function editAuthorityForm(db: Kysely<DB>, actor: Actor, id: string, query: unknown, pageLang: string): Promise<FormState> {
  await assertEditorOf(db, actor, id, 'directory.edit');
  const q = parseForm(FormLanguagesQuery, query);
  const open = await openRevisionOf(db, id);
  const live = open ? undefined : (await selectAuthorities(db, [id], { publishedOnly: false }))[0];
  const doc = (open?.document ?? (live ? contentOf(live.document) : undefined)) as AuthorityDocument | undefined;
  if (!doc) throw new NotFoundError(`No authority "${id}"`);
  const langs = q.langs || q.add_lang ? formLanguages(q) : documentLanguages(doc, pageLang);
  return { id, doc: doc as unknown as Record<string, unknown>, langs, issues: [], ...(open?.note ? { note: open.note } : {}) };
}

/** The permission check of a change (assertEditorOf), its refusal audited: a refused privileged attempt. */
function guardChange(db: Kysely<DB>, ctx: AuditContext, id: string, action: Action, audited: string): Promise<string> {
  return refusalsAudited(db, ctx, { action: audited, targetId: id }, () => assertEditorOf(db, ctx.actor, id, action));
}

export type SaveOutcome = { saved: true; id: string; live: boolean } | { saved: false; form: FormState };

/**
 * Save the authority form as a draft: a new authority (id undefined; the id is taken from the form
 * or derived from the name) or a change to an existing one. Bad content comes back as the form with
 * its issues (400), nothing written.
 */
export async function saveAuthorityForm(db: Kysely<DB>, ctx: AuditContext, id: string | undefined, input: unknown): Promise<SaveOutcome> {
  const actor = ctx.actor;
  const creating = id === undefined;
  let country: string;
  let live = false;
  if (id === undefined) {
    await refusalsAudited(db, ctx, { action: 'directory.create' }, async () => assertAllowedSomewhere(actor, 'directory.create'));
  } else {
    await guardChange(db, ctx, id, 'directory.edit', 'directory.edit');
  }
  const body: FormBody = parseForm(AuthorityForm, input);
  const note = first(body.note);
  if (id === undefined) {
    country = (first(body.country) ?? '').trim().toUpperCase();
    const names = formToDocument(body, { id: '', country }).doc.names as Record<string, string>;
    const given = (first(body.id) ?? '').trim();
    id = given || (await newAuthorityId(db, /^[A-Z]{3}$/.test(country) ? country : 'xxx', names.en ?? Object.values(names)[0] ?? ''));
  } else {
    const row = (await selectAuthorities(db, [id], { publishedOnly: false }))[0];
    live = !!row;
    country = row?.country ?? (((await openRevisionOf(db, id))?.document as AuthorityDocument | undefined)?.country ?? '');
  }
  const { doc, badExceptionLines } = formToDocument(body, { id, country });
  try {
    if (badExceptionLines.length) throw new ValidationError(exceptionIssues(badExceptionLines));
    await saveAuthorityDraft(db, ctx, id, doc, note);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return { saved: false, form: { ...(creating ? {} : { id }), doc: creating ? { ...doc, id: first(body.id) ?? '' } : doc, langs: formLanguages(body), issues: err.issues ?? [], ...(note ? { note } : {}) } };
  }
  return { saved: true, id, live };
}

async function revisionOf(db: Kysely<DB>, id: string, revision: number) {
  const rev = await getRevision(db, revision);
  if (!rev || rev.subject_type !== 'authority' || rev.subject_id !== id) throw new NotFoundError(`No revision ${revision} of "${id}"`);
  return rev;
}

/** Apply a workflow transition from the authority's page. Returns whether the authority is live (where to go next). */
export async function transitionAuthorityForm(db: Kysely<DB>, ctx: AuditContext, id: string, input: unknown): Promise<{ name: string; live: boolean }> {
  await guardChange(db, ctx, id, 'directory.edit', 'directory.transition');
  const body = parseForm(TransitionForm, input);
  const rev = await revisionOf(db, id, Number(body.revision));
  await transitionAuthority(db, ctx, rev.id, body.transition, body.comment ? { comment: body.comment } : {});
  const live = (await selectAuthorities(db, [id], { publishedOnly: false })).length > 0;
  return { name: body.transition, live };
}

/** Start a new draft from an earlier revision. */
export async function revertAuthorityForm(db: Kysely<DB>, ctx: AuditContext, id: string, input: unknown): Promise<void> {
  await guardChange(db, ctx, id, 'directory.edit', 'directory.revert');
  const body = parseForm(RevertForm, input);
  const rev = await revisionOf(db, id, Number(body.revision));
  await revertAuthority(db, ctx, rev.id);
}

export async function archiveAuthorityForm(db: Kysely<DB>, ctx: AuditContext, id: string, archived: boolean, input: unknown): Promise<void> {
  await guardChange(db, ctx, id, 'directory.archive', archived ? 'directory.archive' : 'directory.restore');
  const body = parseForm(ArchiveForm, input);
  await setAuthorityArchived(db, ctx, id, archived, body.comment ?? '');
}

export async function verifyAuthorityForm(db: Kysely<DB>, ctx: AuditContext, id: string, input: unknown): Promise<void> {
  await guardChange(db, ctx, id, 'directory.review', 'directory.verify');
  parseForm(VerifyForm, input);
  await markVerified(db, ctx, id);
}

/** The history page: revisions with readable changes, and whether the reader may start a revert. */
export async function authorityHistoryPage(db: Kysely<DB>, ctx: AuditContext, id: string): Promise<{ items: HistoryItem[]; doc: Partial<AuthorityDocument>; canRevert: boolean }> {
  const items = await authorityHistory(db, ctx, id);
  const doc = (items[0]?.revision.document ?? {}) as Partial<AuthorityDocument>;
  return { items, doc, canRevert: allow(ctx.actor, 'directory.edit', { country: doc.country ?? null, authorityId: id }) };
}
