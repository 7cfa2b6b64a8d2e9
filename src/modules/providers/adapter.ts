/**
 * The workflow adapter for service providers (subject type "provider"). One part "*" holds the whole
 * provider document, as for directory authorities: a change is reviewed and published as one
 * decision, and per-field visibility applies to a field in every language at once. Curators keep
 * providers (policy actions providers.*); nobody reviews or publishes their own change.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ValidationError } from '../../platform/http/errors.js';
import type { WorkflowAdapter } from '../workflow/index.js';
import { checkProvider } from './domain/checks.js';
import type { ProviderDocument } from './domain/schema.js';
import { announceProviderChanges } from './changes.js';
import { contentOf, countryCodes, writeLiveProvider } from './live.js';
import { selectProvider, updateProviderState } from './repository.js';

export const PROVIDER_PART = '*';

const today = () => new Date().toISOString().slice(0, 10);

/** Check a submitted document for the provider `id`: ValidationError naming each bad field. */
export async function validateProvider(db: Kysely<DB>, id: string, document: unknown): Promise<ProviderDocument> {
  const input = document && typeof document === 'object' && !Array.isArray(document) ? { ...(document as Record<string, unknown>) } : document;
  if (input && typeof input === 'object') {
    const rec = input as Record<string, unknown>;
    rec.id ??= id;
    // Verification and demo status are not edited through drafts.
    delete rec.verified;
    delete rec.demo;
  }
  const checked = checkProvider(input, await countryCodes(db));
  if (!checked.ok) throw new ValidationError(checked.issues);
  if (checked.doc.id !== id) throw new ValidationError([{ field: 'id', message: `must be ${id}` }]);
  return checked.doc;
}

export const providerAdapter: WorkflowAdapter = {
  type: 'provider',
  actions: { create: 'providers.create', edit: 'providers.edit', review: 'providers.review', publish: 'providers.publish', archive: 'providers.archive' },

  async resource() {
    return {};
  },

  async validate(db, subjectId, part, document) {
    if (part !== PROVIDER_PART) throw new ValidationError([{ field: 'part', message: 'providers have one part, "*"' }]);
    return validateProvider(db, subjectId, document);
  },

  async live(db, subjectId) {
    const row = await selectProvider(db, subjectId);
    return row ? contentOf(row.document) : undefined;
  },

  async publish(trx, subjectId, _part, document) {
    const row = await selectProvider(trx, subjectId);
    // A publication is a curator's verification of the entry.
    await writeLiveProvider(trx, document as ProviderDocument, { demo: row?.demo ?? false, verifiedOn: today() });
  },

  async archive(trx, subjectId) {
    await updateProviderState(trx, subjectId, 'archived');
    await announceProviderChanges(trx, [subjectId]);
  },
};
