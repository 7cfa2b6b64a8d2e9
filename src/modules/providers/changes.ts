/**
 * Providers announce their changes: every write of a live provider (publication, archiving, the demo
 * seed) publishes PROVIDERS_CHANGED in its transaction, with the providers as the public now sees
 * them. Subscribers (search) keep their derived data from these announcements and, for a full
 * rebuild, from `publicProviders` over `publishedProviderIds`. Only what visibleProvider lets the
 * public see ever leaves here: never the emergency contact or a practitioners-only field.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks, inTransaction } from '../../platform/db/batch.js';
import { defineTopic, publishChanges, subscriberCount } from '../../platform/events.js';
import { LANGS } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import type { ProviderDocument } from './domain/schema.js';
import { PUBLIC_VIEWER, visibleProvider } from './domain/visibility.js';
import { documentOf } from './live.js';
import { providersMessages } from './providers.messages.js';
import { selectPublishedProviderIds, selectPublishedProviders } from './repository.js';

/** A published provider as the public sees it, with the labels of its services and public data categories in the six languages. */
export interface PublicProvider {
  document: ProviderDocument;
  demo: boolean;
  /** Path of its public page under the language prefix. */
  path: string;
  /** Labels by language of each service and each public data category. */
  labels: Record<string, string>[];
}

export interface ProvidersChanged {
  changed: PublicProvider[];
  /** Providers no longer published (archived or deleted). */
  removed: string[];
}

/** Providers were published, changed, archived or deleted. */
export const PROVIDERS_CHANGED = defineTopic<ProvidersChanged>('providers.providers');

export const providerPath = (id: string) => `/e-evidence/providers/${id}`;

function labelsOf(doc: ProviderDocument): Record<string, string>[] {
  const keys = [...doc.services.map((s) => `service_${s}` as const), ...(doc.data ?? []).map((d) => `category_${d.category}` as const)];
  return keys.map((key) => Object.fromEntries(LANGS.map((lang) => [lang, translator(providersMessages, lang)(key)])));
}

/** The given providers as the public sees them now; ids absent or not published are listed as removed. */
export async function publicProviders(db: Kysely<DB>, ids: readonly string[]): Promise<ProvidersChanged> {
  const list = [...new Set(ids)];
  const rows = await selectPublishedProviders(db, list);
  const found = new Set(rows.map((r) => r.id));
  const changed = rows.map((row): PublicProvider => {
    const document = visibleProvider(documentOf(row), PUBLIC_VIEWER);
    return { document, demo: row.demo, path: providerPath(row.id), labels: labelsOf(document) };
  });
  return { changed, removed: list.filter((id) => !found.has(id)) };
}

/** Ids of the published providers, in id order (a full rebuild). */
export const publishedProviderIds = selectPublishedProviderIds;

/** Announce, in the transaction of the change, that these providers changed. */
export async function announceProviderChanges(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (!ids.length || subscriberCount(PROVIDERS_CHANGED) === 0) return;
  await inTransaction(db, async (trx) => {
    for (const part of chunks([...new Set(ids)], 500)) await publishChanges(trx, PROVIDERS_CHANGED, await publicProviders(trx, part));
  });
}
