/**
 * The request writer's services: start a draft (a casework outgoing case in state draft, plus the
 * writer's answers), open it, save a step. Permission first through casework (casework.create to
 * start, casework.read to open — another authority's draft is 404 —, casework.edit to save; a
 * draft is edited only while the case is a draft). Every save is checked before anything is
 * written and refused when the draft changed meanwhile (409).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { allow, assertAllowedSomewhere, type Actor } from '../access/index.js';
import { createOutgoing, getCase, setLegalBases, type CaseView } from '../casework/index.js';
import { getCountry } from '../reference/index.js';
import { checkStep, risksOf } from './domain/completeness.js';
import { KINDS, isWriterKind, type WriterKind } from './domain/kinds.js';
import { STEPS, isStep, type Answers, type MissingItem, type Risk, type StepId } from './domain/model.js';
import { parseStep } from './domain/parse.js';
import { directoryContext, requestingDetails, type DirectoryContext } from './directory-context.js';
import { insertDraft, listDrafts, selectDraft, updateAnswers, type DraftRow } from './repository.js';

export interface DraftView {
  caseView: CaseView;
  draft: DraftRow;
  kind: WriterKind;
  directory: DirectoryContext;
  /** Per step, what is missing; and all of it. */
  missingByStep: Record<StepId, MissingItem[]>;
  missing: MissingItem[];
  risks: Risk[];
  /** The actor may save steps (casework.edit on the case, which is still a draft). */
  editable: boolean;
}

export interface StartInput {
  kind?: unknown;
  requested_country?: unknown;
  authority_id?: unknown;
  title?: unknown;
}

/** Start a draft: checks first, then the casework case (state draft, reference given), then the answers. */
export async function startDraft(db: Kysely<DB>, actor: Actor, input: StartInput, lang = 'en'): Promise<{ caseId: string }> {
  const scope = assertAllowedSomewhere(actor, 'casework.create');
  const issues: FieldIssue[] = [];
  if (!isWriterKind(input.kind)) issues.push({ field: 'kind', message: 'is not a kind of request of the writer (see GET /api/v1/writer/kinds)' });
  const country = typeof input.requested_country === 'string' ? input.requested_country.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(country) || !(await getCountry(db, country))) issues.push({ field: 'requested_country', message: 'is not a known State (ISO 3166-1 alpha-3)' });
  let authorityId = typeof input.authority_id === 'string' && input.authority_id ? input.authority_id : undefined;
  if (authorityId && !scope.authorities.includes(authorityId)) issues.push({ field: 'authority_id', message: 'is not an authority you act for in casework' });
  if (!authorityId && scope.authorities.length === 1) authorityId = scope.authorities[0];
  if (!authorityId) issues.push({ field: 'authority_id', message: 'is required: you act for several authorities' });
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title.length > 300) issues.push({ field: 'title', message: 'is longer than 300 characters' });
  if (issues.length) throw new ValidationError(issues);
  const kind = input.kind as WriterKind;
  const requesting = await requestingDetails(db, actor, authorityId!, lang);
  const made = await createOutgoing(db, actor, { authority_id: authorityId, kind: KINDS[kind].caseKind, partner_country: country, title: title || `${kind} (${country})` });
  const answers: Answers = {};
  if (requesting.name) answers.requesting_authority = requesting.name;
  if (requesting.contact) answers.authority_contact = requesting.contact;
  if (actor.name) answers.officer_name = actor.name;
  await insertDraft(db, { case_id: made.id, authority_id: authorityId!, kind, requested_country: country, answers, created_by: actor.userId });
  return { caseId: made.id };
}

/** A draft as the actor may see it, with its completeness and risks. */
export async function openDraft(db: Kysely<DB>, actor: Actor, caseId: string, lang = 'en'): Promise<DraftView> {
  const caseView = await getCase(db, actor, caseId, { log: false });
  const draft = await selectDraft(db, caseView.case.id);
  if (!draft || !caseView.owner) throw new NotFoundError('No draft of the request writer for this case');
  const directory = await directoryContext(db, actor, draft.requested_country, draft.kind, lang);
  return viewOf(actor, caseView, draft, directory);
}

/** Completeness and risks of the draft's answers (pure, from what was read). */
function viewOf(actor: Actor, caseView: CaseView, draft: DraftRow, directory: DirectoryContext): DraftView {
  const answers = draft.answers;
  const missingByStep = Object.fromEntries(STEPS.map((s) => [s, checkStep(draft.kind, s, answers, directory.requested)])) as Record<StepId, MissingItem[]>;
  const c = caseView.case;
  return {
    caseView,
    draft,
    kind: draft.kind,
    directory,
    missingByStep,
    missing: Object.values(missingByStep).flat(),
    risks: risksOf(draft.kind, answers, directory.requested),
    editable: c.state === 'draft' && allow(actor, 'casework.edit', { authorityId: c.authority_id, authorId: c.author_id }),
  };
}

/** Save one step's answers (`version`: the draft version the form was shown with). */
export async function saveStep(db: Kysely<DB>, actor: Actor, caseId: string, step: unknown, body: unknown, version?: number, lang = 'en'): Promise<DraftView> {
  assertAllowedSomewhere(actor, 'casework.edit');
  if (!isStep(step) || step === 'review') throw new NotFoundError(`No step "${String(step)}"`);
  const view = await openDraft(db, actor, caseId, lang);
  if (!allow(actor, 'casework.edit', { authorityId: view.caseView.case.authority_id, authorId: view.caseView.case.author_id })) throw new ForbiddenError('You are not allowed to edit this draft (casework.edit)');
  if (view.caseView.case.state !== 'draft') throw new ConflictError(`The request is ${view.caseView.case.state}: only a draft can be changed`);
  if (version !== undefined && version !== view.draft.version) throw new ConflictError(`The draft was saved elsewhere since you opened it (your version ${version}, now ${view.draft.version}); reload it`);
  const parsed = parseStep(view.kind, step, body, view.draft.answers, view.directory.requested);
  if (!parsed.ok) throw new ValidationError(parsed.issues);
  const saved = await updateAnswers(db, view.draft.case_id, view.draft.version, parsed.answers, step);
  if (!saved) throw new ConflictError('The draft was saved elsewhere meanwhile; reload it');
  if (step === 'basis') {
    await syncLegalBasis(db, actor, caseId, parsed.answers);
    return openDraft(db, actor, caseId, lang);
  }
  // The case did not change: the view is recomputed from the saved answers, without reading it again.
  return viewOf(actor, view.caseView, saved, view.directory);
}

/** The legal basis chosen in the writer becomes the case's (casework's legal basis vocabulary). */
async function syncLegalBasis(db: Kysely<DB>, actor: Actor, caseId: string, a: Answers): Promise<void> {
  const basis = typeof a.legal_basis === 'string' ? a.legal_basis : '';
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string).slice(0, k === 'legal_basis_article' ? 40 : 120) : null);
  await setLegalBases(db, actor, caseId, basis ? [{ basis, instrument_id: str('legal_basis_instrument'), article: str('legal_basis_article') }] : []);
}

export interface DraftListItem {
  caseId: string;
  kind: WriterKind;
  requestedCountry: string;
  mine: boolean;
  updatedAt: Date;
}

/** The drafts of the authorities the actor works for in casework (latest first). */
export async function myDrafts(db: Kysely<DB>, actor: Actor): Promise<DraftListItem[]> {
  const scope = assertAllowedSomewhere(actor, 'casework.read');
  return (await listDrafts(db, scope.authorities)).map((r) => ({ caseId: r.case_id, kind: r.kind, requestedCountry: r.requested_country, mine: r.created_by === actor.userId, updatedAt: new Date(r.updated_at) }));
}
