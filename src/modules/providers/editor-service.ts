/**
 * The curators' editor pages over the workflow: the provider document as JSON in a form, the draft
 * saved (400 naming each bad field, nothing written), the history with the transitions the curator
 * may apply. Someone who may edit providers nowhere gets 401/403 before anything is read.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { assertAllowedSomewhere } from '../access/index.js';
import type { AuditContext } from '../audit/index.js';
import type { HistoryItem, TransitionName } from '../workflow/index.js';
import { PROVIDER_PART, providerAdapter } from './adapter.js';
import { providerHistory, saveProviderDraft, transitionProvider } from './editing.js';

export interface ProviderEditorModel {
  /** Undefined for a new provider. */
  id: string | undefined;
  document: string;
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
export async function providerEditor(db: Kysely<DB>, ctx: AuditContext, id: string | undefined): Promise<ProviderEditorModel> {
  assertAllowedSomewhere(ctx.actor, 'providers.edit');
  if (id === undefined) return { id, document: JSON.stringify(TEMPLATE, null, 2), note: '', issues: [], history: [] };
  const history = await providerHistory(db, ctx, id);
  const open = history.find((h) => h.revision.state === 'draft' || h.revision.state === 'in_review');
  const content = open?.revision.document ?? (await providerAdapter.live(db, id, PROVIDER_PART));
  if (content === undefined && !history.length) throw new NotFoundError(`No provider "${id}"`);
  return { id, document: JSON.stringify(content ?? {}, null, 2), note: open?.revision.note ?? '', issues: [], history };
}

/**
 * Save the form as the provider's draft. Returns the id saved, or the editor again with the issues
 * (a document that is not JSON is refused naming the field "document").
 */
export async function saveProviderForm(db: Kysely<DB>, ctx: AuditContext, pathId: string | undefined, body: unknown): Promise<{ saved: string } | { model: ProviderEditorModel }> {
  assertAllowedSomewhere(ctx.actor, 'providers.edit');
  const id = pathId ?? field(body, 'id').trim();
  const text = field(body, 'document');
  const note = field(body, 'note');
  const again = (issues: FieldIssue[]) => ({ model: { id: pathId, document: text, note, issues, history: [] } });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return again([{ field: 'document', message: 'is not valid JSON' }]);
  }
  try {
    await saveProviderDraft(db, ctx, id, document, note.trim() || null);
    return { saved: id };
  } catch (e) {
    if (e instanceof ValidationError) return again(e.issues ?? []);
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
