/**
 * Keeping the providers: drafts, review and publication through the editorial workflow (with the
 * provider adapter). Curators only (policy actions providers.*): someone who may edit providers
 * nowhere gets 401/403 before anything about the provider or revision is read.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { assertAllowedSomewhere } from '../access/index.js';
import type { AuditContext } from '../audit/index.js';
import { isEntryId } from '../knowledge/index.js';
import { getRevision, history, saveDraft, transition, type HistoryItem, type RevisionRow, type TransitionInput, type TransitionName } from '../workflow/index.js';
import { PROVIDER_PART, providerAdapter } from './adapter.js';

/** Save a change to a provider as a draft (creating the provider when the id is new). */
export async function saveProviderDraft(db: Kysely<DB>, ctx: AuditContext, id: string, document: unknown, note?: string | null): Promise<RevisionRow> {
  assertAllowedSomewhere(ctx.actor, 'providers.edit');
  if (!isEntryId(id)) throw new ValidationError([{ field: 'id', message: 'must be 1–128 characters: a-z, 0-9, dot, underscore, hyphen, starting with a letter or digit' }]);
  return saveDraft(db, ctx, providerAdapter, { subjectId: id, part: PROVIDER_PART, document, note: note ?? null });
}

/** Apply a workflow transition (submit, withdraw, return, publish, archive, restore, discard) to a revision of a provider. */
export async function transitionProvider(db: Kysely<DB>, ctx: AuditContext, id: string, revisionId: number, name: TransitionName, input: TransitionInput = {}): Promise<RevisionRow> {
  assertAllowedSomewhere(ctx.actor, 'providers.edit');
  const rev = await getRevision(db, revisionId);
  if (!rev || rev.subject_type !== 'provider' || rev.subject_id !== id) throw new NotFoundError(`No revision ${revisionId} of provider "${id}"`);
  return transition(db, ctx, providerAdapter, revisionId, name, input);
}

/** The editorial history of a provider with readable changes (curators only). */
export async function providerHistory(db: Kysely<DB>, ctx: AuditContext, id: string): Promise<HistoryItem[]> {
  assertAllowedSomewhere(ctx.actor, 'providers.edit');
  return history(db, ctx, providerAdapter, id, PROVIDER_PART);
}
