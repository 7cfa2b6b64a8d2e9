/**
 * The curators' editor pages over the workflow: the provider in a structured form (domain/form.ts;
 * the whole document as JSON on request), the draft saved (400 naming each bad field, nothing
 * written), the history with the transitions the curator may apply. Someone who may edit providers
 * nowhere gets 401/403 before anything is read.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { assertAllowedSomewhere } from '../access/index.js';
import type { AuditContext } from '../audit/index.js';
import type { HistoryItem, TransitionName } from '../workflow/index.js';
import { PROVIDER_PART, providerAdapter } from './adapter.js';
import { documentToForm, formIssueField, formToDocument, type FormValues } from './domain/form.js';
import { providerHistory, saveProviderDraft, transitionProvider } from './editing.js';

export interface ProviderEditorModel {
  /** Undefined for a new provider. */
  id: string | undefined;
  /** The document as JSON (the JSON editor). */
  document: string;
  /** The inputs' values (the structured form). */
  values: FormValues;
  /** Show the JSON editor rather than the form. */
  json: boolean;
  note: string;
  issues: FieldIssue[];
  history: HistoryItem[];
}

const TEMPLATE = { names: { en: '' }, country: '', services: ['email'], data: [{ category: 'subscriber', retention_days: 90 }], visibility: {} };

const field = (body: unknown, name: string): string => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
};

/** The editor of a provider: its open draft, else its live content, and its history. */
export async function providerEditor(db: Kysely<DB>, ctx: AuditContext, id: string | undefined, json = false): Promise<ProviderEditorModel> {
  assertAllowedSomewhere(ctx.actor, 'providers.edit');
  if (id === undefined) return { id, document: JSON.stringify(TEMPLATE, null, 2), values: documentToForm(TEMPLATE), json, note: '', issues: [], history: [] };
  const history = await providerHistory(db, ctx, id);
  const open = history.find((h) => h.revision.state === 'draft' || h.revision.state === 'in_review');
  const content = open?.revision.document ?? (await providerAdapter.live(db, id, PROVIDER_PART));
  if (content === undefined && !history.length) throw new NotFoundError(`No provider "${id}"`);
  const doc = (content ?? {}) as Record<string, unknown>;
  return { id, document: JSON.stringify(doc, null, 2), values: documentToForm(doc), json, note: open?.revision.note ?? '', issues: [], history };
}

/**
 * Save the form as the provider's draft. Returns the id saved, or the editor again with the issues,
 * each naming its input. A post with a `document` field is the JSON editor (a document that is not
 * JSON is refused naming the field "document"); any other is the structured form.
 */
export async function saveProviderForm(db: Kysely<DB>, ctx: AuditContext, pathId: string | undefined, body: unknown): Promise<{ saved: string } | { model: ProviderEditorModel }> {
  assertAllowedSomewhere(ctx.actor, 'providers.edit');
  const posted = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const id = pathId ?? field(body, 'id').trim();
  const note = field(body, 'note');
  const json = Object.prototype.hasOwnProperty.call(posted, 'document');
  let document: unknown;
  let rename = (f: string) => f;
  let values: FormValues = {};
  let text = field(body, 'document');
  if (json) {
    try {
      document = JSON.parse(text);
    } catch {
      return { model: { id: pathId, document: text, values, json, note, issues: [{ field: 'document', message: 'is not valid JSON' }], history: [] } };
    }
  } else {
    const form = formToDocument(id, posted);
    document = form.document;
    rename = (f) => formIssueField(f, form.dataOrder);
    values = documentToForm(form.document);
    text = JSON.stringify(form.document, null, 2);
  }
  try {
    await saveProviderDraft(db, ctx, id, document, note.trim() || null);
    return { saved: id };
  } catch (e) {
    if (e instanceof ValidationError) return { model: { id: pathId, document: text, values, json, note, issues: (e.issues ?? []).map((i) => ({ ...i, field: rename(i.field) })), history: [] } };
    throw e;
  }
}

const NAMES: readonly TransitionName[] = ['submit', 'withdraw', 'return', 'publish', 'archive', 'restore', 'discard'];

/** Apply the transition posted by a button of the history. */
export async function transitionProviderForm(db: Kysely<DB>, ctx: AuditContext, id: string, body: unknown): Promise<void> {
  assertAllowedSomewhere(ctx.actor, 'providers.edit');
  const revision = Number(field(body, 'revision'));
  const name = field(body, 'transition') as TransitionName;
  const issues: FieldIssue[] = [];
  if (!Number.isSafeInteger(revision) || revision < 1) issues.push({ field: 'revision', message: 'must be a revision number' });
  if (!NAMES.includes(name)) issues.push({ field: 'transition', message: `must be one of: ${NAMES.join(', ')}` });
  if (issues.length) throw new ValidationError(issues);
  const comment = field(body, 'comment');
  await transitionProvider(db, ctx, id, revision, name, comment ? { comment } : {});
}
